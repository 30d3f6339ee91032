/** Number formats of a workbook: styles.xml's cellXfs resolved through numFmts and the built-in ids. */
import { attr, elements } from "./xml";

/** Built-in number formats (ECMA-376 §18.8.30, with the zh-CN date and time ids Excel and WPS use). */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  41: '_-* #,##0_-;\\-* #,##0_-;_-* "-"_-;_-@_-',
  42: '_-"¥"* #,##0_-;\\-"¥"* #,##0_-;_-"¥"* "-"_-;_-@_-',
  43: '_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-',
  44: '_-"¥"* #,##0.00_-;\\-"¥"* #,##0.00_-;_-"¥"* "-"??_-;_-@_-',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/**
 * The format code of every cellXfs index, from styles.xml's text (or an empty list when the workbook has no
 * styles part). Unknown ids read as General, as Excel shows them.
 */
export function parseCellFormats(xml: string | null): string[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const nf of elements(xml, "numFmt")) {
    const id = Number(attr(nf.tag, "numFmtId"));
    const code = attr(nf.tag, "formatCode");
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const xfs = elements(xml, "cellXfs")[0];
  if (!xfs) return [];
  return elements(xfs.inner, "xf").map((xf) => {
    const id = Number(attr(xf.tag, "numFmtId") ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
  });
}

/**
 * Whether each cellXfs index locks its cells when the sheet is protected: cells are locked unless their
 * format says `<protection locked="0"/>` (and does not turn applyProtection off). No styles part: all locked.
 */
export function parseCellLocks(xml: string | null): boolean[] {
  const xfs = xml ? elements(xml, "cellXfs")[0] : undefined;
  if (!xfs) return [];
  return elements(xfs.inner, "xf").map((xf) => {
    if (attr(xf.tag, "applyProtection") === "0") return true;
    const protection = elements(xf.inner, "protection")[0];
    const locked = protection ? attr(protection.tag, "locked") : undefined;
    return !(locked === "0" || locked === "false");
  });
}

/** Whether a worksheet part's `<sheetProtection>` protects the sheet (its `sheet` attribute is on). */
export function isSheetProtected(xml: string): boolean {
  // It follows <sheetData> (ECMA-376 §18.3.1.99): a sheet of a million rows is not searched through.
  const after = Math.max(0, xml.lastIndexOf("sheetData>"));
  const found = /<(?:\w+:)?sheetProtection[\s/>]/.exec(xml.slice(after));
  if (!found) return false;
  const at = after + found.index;
  const tag = xml.slice(at, xml.indexOf(">", at));
  const on = attr(tag, "sheet");
  return on === "1" || on === "true";
}
