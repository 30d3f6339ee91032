/** ANSI colours for the readable report, only where the caller allows them (a TTY without NO_COLOR). */
import type { Severity } from "../core/index";

export interface Paint {
  severity(severity: Severity, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
  ok(text: string): string;
}

/**
 * Paint marks its colours with a token no file can hold (a NUL and a number drawn at start-up), and
 * terminalText turns the tokens into escape codes after escaping every control character of the text:
 * a sheet name, file name or cell holding ESC, BEL, C1 or bidi controls is shown, never obeyed.
 */
const MARK = `\u0000${Math.random().toString(36).slice(2)}${Date.now().toString(36)}:`;
const wrap = (code: string, text: string): string => `${MARK}${code}\u0000${text}${MARK}0\u0000`;

/** C0 (but newline and tab), DEL, C1, and the bidirectional controls that reorder what a line shows. */
const CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function shown(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Text with its control characters written out as \xHH or \uHHHH (newline and tab kept). */
export function escapeControls(text: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) ? text.replace(CONTROL, shown) : text;
}

/** What the command prints: control characters escaped, Paint's colour marks turned into escape codes. */
export function terminalText(text: string): string {
  if (text.indexOf(MARK) < 0) return escapeControls(text);
  const parts = text.split(MARK);
  let out = escapeControls(parts[0]);
  for (let i = 1; i < parts.length; i++) {
    const end = parts[i].indexOf("\u0000");
    out += `\u001b[${parts[i].slice(0, end)}m${escapeControls(parts[i].slice(end + 1))}`;
  }
  return out;
}

/** JSON text with the characters JSON.stringify leaves raw but a terminal may obey (DEL, C1, bidi) escaped. */
export function jsonSafe(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
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
