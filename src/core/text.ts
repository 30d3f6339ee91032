/** Text normalisation for headers, labels and the numbers people type into forms. */
import { memo } from "./memo";
import { OPERATORS } from "./templates";

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** Full-width ASCII (０-９, （）, ．, ＝, ％ …) to half-width. */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Header/label key: no whitespace of any kind (line breaks, full-width spaces), half-width brackets. */
export const headerKey = memo((s: string): string =>
  toHalfWidth(s)
    .replace(/[\s\u3000\u00a0]+/g, "")
    .replace(/[：]/g, ":")
    .toLowerCase()
);

/** Texts that mean "no value" on a form. */
const NO_VALUE = new Set(["", "—", "-", "－", "–", "——", "--", "无", "/", "／", "n/a", "na", "不适用"]);

/** Whether a text means "no value" ("—", "-", "－", "无", empty). */
export const isNoValueText = memo((s: string): boolean =>
  NO_VALUE.has(
    toHalfWidth(s)
      .replace(/[\s\u3000\u00a0]+/g, "")
      .toLowerCase()
  )
);

/** Printed operators ("≧", "不低于", ">=") and what they mean. */
const OPERATOR_OF = new Map(OPERATORS.map(([w, op]) => [w, op]));
const OPERATOR_WORDS = new RegExp(
  OPERATORS.map(([w]) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
  "g"
);

/**
 * Cleans a typed number for parsing: half-width, no stray spaces inside it ("5. 00" → "5.00",
 * "100. 00 (%)" → "100.00(%)"), no thousands separators ("7,000.00"), unified operators.
 */
export const cleanNumberText = memo((s: string): string =>
  toHalfWidth(s)
    .replace(/[\u3000\u00a0]/g, " ")
    .replace(/[－−–]/g, "-")
    .replace(/。/g, ".")
    .replace(OPERATOR_WORDS, (w) => OPERATOR_OF.get(w) ?? w)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(\d)\s*\.\s*(\d)/g, "$1.$2")
    .replace(/(\d),(?=\d{3}(\D|$))/g, "$1")
    .replace(/\s*([()%])\s*/g, "$1")
    .replace(/^([=≥≤<>])\s+/, "$1")
);

/** Strips the template's "指标 1：" prefix of a 三级指标 label. */
export function stripIndicatorPrefix(s: string): string {
  return s.replace(/^\s*指标\s*[0-9０-９一二三四五六七八九十]+\s*[:：.、]?\s*/, "").trim();
}

/**
 * The key a header or label is matched by: its headerKey without bracketed remarks and a trailing colon
 * ("年初目标值(A)" → 年初目标值, "得分(20分*执行率)" → 得分, "年度资金总额:" → 年度资金总额).
 */
export const roleKey = memo((s: string): string =>
  headerKey(s)
    .replace(/\([^()]*\)/g, "")
    .replace(/[:：]+$/, "")
);

/** Whether a key is one of the words: equal, or (for words of four characters or more) starting with it. */
export function matchesWord(key: string, words: readonly string[]): boolean {
  for (const w of words) if (key === w || (w.length >= 4 && key.startsWith(w))) return true;
  return false;
}
