/** ANSI colours for the readable report, only where the caller allows them (a TTY without NO_COLOR). */
import type { Severity } from "../core/index";

export interface Paint {
  severity(severity: Severity, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
  ok(text: string): string;
}

const wrap = (code: string, text: string): string => `\u001b[${code}m${text}\u001b[0m`;
const SEVERITY_CODE: Record<Severity, string> = { error: "31", warning: "33", info: "36" };

/** Colours on or off. */
export function paint(on: boolean): Paint {
  if (!on) {
    const same = (text: string): string => text;
    return { severity: (_s, text) => text, bold: same, dim: same, ok: same };
  }
  return {
    severity: (s, text) => wrap(SEVERITY_CODE[s], text),
    bold: (text) => wrap("1", text),
    dim: (text) => wrap("2", text),
    ok: (text) => wrap("32", text),
  };
}

/** Whether a stream may get colours: a TTY, and NO_COLOR (https://no-color.org) unset or empty. */
export function colorAllowed(isTty: boolean | undefined, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTty === true;
}
