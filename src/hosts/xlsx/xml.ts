/**
 * A small XML scanner for SpreadsheetML parts: just enough to find elements, read attributes and decode
 * text. Package parts are machine-written (no DTDs), so regex and indexOf scanning is exact enough and
 * many times faster than building a DOM.
 */

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML entities (named, decimal and hex character references). */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** Decodes SpreadsheetML text: entities, then the `_xHHHH_` escapes Excel uses for control characters. */
export function decodeText(s: string): string {
  const t = decodeEntities(s);
  if (t.indexOf("_x") < 0) return t;
  return t.replace(/_x([0-9A-Fa-f]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Escapes text for element content or a double-quoted attribute. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"
  );
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's text (everything between the name and ">"), entity-decoded. */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  // A hand-written scan: this runs once per cell, where a regex costs several times more.
  let i = 0;
  const n = tag.length;
  while (i < n) {
    const eq = tag.indexOf("=", i);
    if (eq < 0) break;
    const key = tag.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && (tag[q] === " " || tag[q] === "\t" || tag[q] === "\n" || tag[q] === "\r")) q++;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") break;
    const close = tag.indexOf(quote, q + 1);
    if (close < 0) break;
    if (key) out[key] = decodeEntities(tag.slice(q + 1, close));
    i = close + 1;
  }
  return out;
}

/** One attribute of a start tag, or undefined; matches the local name whatever its prefix. */
export function attr(tag: string, name: string): string | undefined {
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(tag); m; m = ATTR.exec(tag)) {
    const key = m[1];
    if (key === name || (key.endsWith(name) && key[key.length - name.length - 1] === ":")) {
      return decodeEntities(m[2] ?? m[3] ?? "");
    }
  }
  return undefined;
}

/** An element found by `elements`: its start tag's attribute text and its inner XML ("" when empty). */
export interface Element {
  tag: string;
  inner: string;
  start: number;
  end: number;
}

/**
 * Every element with the given local name (any namespace prefix) in `xml`, in document order. Elements
 * of that name nested in one another are not supported (SpreadsheetML never nests the ones we read).
 */
export function elements(xml: string, name: string, from = 0, to = xml.length): Element[] {
  const out: Element[] = [];
  const open = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])([^>]*)>`, "g");
  open.lastIndex = from;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    const raw = m[1];
    const start = m.index;
    if (raw.endsWith("/")) {
      out.push({ tag: raw.slice(0, -1), inner: "", start, end: open.lastIndex });
      continue;
    }
    const closeAt = findClose(xml, name, open.lastIndex);
    if (closeAt < 0) throw new SyntaxError(`unclosed <${name}>`);
    const end = xml.indexOf(">", closeAt) + 1;
    out.push({ tag: raw, inner: xml.slice(open.lastIndex, closeAt), start, end });
    open.lastIndex = end;
  }
  return out;
}

/** Index of the closing tag `</name>` or `</p:name>` at or after `from`; -1 when absent. */
export function findClose(xml: string, name: string, from: number): number {
  let at = from;
  for (;;) {
    const i = xml.indexOf("</", at);
    if (i < 0) return -1;
    const gt = xml.indexOf(">", i + 2);
    if (gt < 0) return -1;
    const tag = xml.slice(i + 2, gt).trimEnd();
    const colon = tag.indexOf(":");
    if ((colon < 0 ? tag : tag.slice(colon + 1)) === name) return i;
    at = gt + 1;
  }
}

/** Text of a run container (a shared string `<si>` or an inline `<is>`): every `<t>` outside `<rPh>`. */
export function runText(inner: string): string {
  let s = inner;
  if (s.indexOf("rPh") >= 0) s = s.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  const re = /<(?:\w+:)?t(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  let first: string | null = null;
  let parts: string[] | null = null;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const text = m[2] ?? "";
    if (first === null) first = text;
    else (parts ??= [first]).push(text);
  }
  return decodeText(parts ? parts.join("") : (first ?? ""));
}
