/** Number and text formatting of the readable report. */
import { roundHalfUp } from "../core/numbers";

/** The core's rounding (half away from zero, 2 decimals) for values that may be missing: null stays null. */
export function round2(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return roundHalfUp(value, 2) || 0; // no "-0" in a report
}

/** "96", "97.8", "102.95"; "—" for no value. */
export function num(value: number | null | undefined): string {
  const r = round2(value);
  return r === null ? "—" : String(r);
}

/** A rate in percent units: "77.78%"; "—" for no value. */
export function pct(value: number | null | undefined): string {
  const r = round2(value);
  return r === null ? "—" : `${r}%`;
}

/** Terminal columns a text takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Pads a text with spaces to a display width. */
export function padTo(text: string, width: number): string {
  const gap = width - displayWidth(text);
  return gap > 0 ? text + " ".repeat(gap) : text;
}
