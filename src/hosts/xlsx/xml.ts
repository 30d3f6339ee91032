/**
 * A small XML scanner for SpreadsheetML parts: just enough to find elements, read attributes and decode
 * text. Package parts are machine-written (no DTDs), so indexOf scanning is exact enough and many times
 * faster than building a DOM. Every scan here is linear in the text it is given: hand-written loops over
 * indexOf, no regular expression that could backtrack over untrusted text, no text searched twice.
 */

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML entities (named, decimal and hex character references). */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  // Each "&" starts at most one match of bounded alternatives over disjoint runs: linear.
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

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

/**
 * Calls `each(key, rawValue)` for the attributes of a start tag's text, in order; stops when `each`
 * returns true. One pass, each character looked at a bounded number of times.
 */
function eachAttr(tag: string, each: (key: string, raw: string) => boolean | void): void {
  let i = 0;
  const n = tag.length;
  while (i < n) {
    const eq = tag.indexOf("=", i);
    if (eq < 0) break;
    const key = tag.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && isSpace(tag[q])) q++;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") break;
    const close = tag.indexOf(quote, q + 1);
    if (close < 0) break;
    // "a b c=…": only the last word before "=" is the key (a start tag's name may still be in front).
    const space = Math.max(
      key.lastIndexOf(" "),
      key.lastIndexOf("\t"),
      key.lastIndexOf("\n"),
      key.lastIndexOf("\r")
    );
    if (key && each(space < 0 ? key : key.slice(space + 1), tag.slice(q + 1, close))) return;
    i = close + 1;
  }
}

/** The attributes of a start tag's text (everything between the name and ">"), entity-decoded. */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  // The first of a repeated attribute wins, as in the reader's own scan (sheet.ts).
  eachAttr(tag, (key, raw) => {
    if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = decodeEntities(raw);
  });
  return out;
}

/** One attribute of a start tag, or undefined; matches the local name whatever its prefix. */
export function attr(tag: string, name: string): string | undefined {
  let found: string | undefined;
  eachAttr(tag, (key, raw) => {
    if (key === name || (key.endsWith(name) && key[key.length - name.length - 1] === ":")) {
      found = decodeEntities(raw);
      return true;
    }
    return false;
  });
  return found;
}

/** Where a markup construct that is not an element ends: a comment, a processing instruction, a CDATA section or a declaration. */
export function skipMarkup(xml: string, lt: number): number {
  const c = xml.charCodeAt(lt + 1);
  if (c === 63) {
    // <? … ?>
    const end = xml.indexOf("?>", lt + 2);
    return end < 0 ? -1 : end + 2;
  }
  if (c === 33) {
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      return end < 0 ? -1 : end + 3;
    }
    const end = xml.indexOf(">", lt + 2);
    return end < 0 ? -1 : end + 1;
  }
  return lt;
}

/** A tag found by `nextTag`. */
export interface Tag {
  /** Position of "<". */
  start: number;
  /** Position after ">" (-1 when the tag is not closed in the text). */
  end: number;
  closing: boolean;
  selfClosed: boolean;
  /** The local name (prefix removed). */
  local: string;
  /** The prefix with its colon ("x:"), or "". */
  prefix: string;
  /** The attribute text (between the name and ">" or "/>"). */
  attrText: string;
}

/**
 * The next start or end tag at or after `from` (comments, processing instructions and CDATA skipped), or
 * null when there is none. A tag or comment not closed within the text gives a Tag with end -1 (start is
 * where it begins), so that a streaming reader can wait for more text.
 */
export function nextTag(xml: string, from: number, to = xml.length): Tag | null {
  let at = from;
  for (;;) {
    const lt = xml.indexOf("<", at);
    if (lt < 0 || lt >= to) return null;
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 || c === 63) {
      const end = skipMarkup(xml, lt);
      if (end < 0 || end > to)
        return { start: lt, end: -1, closing: false, selfClosed: false, local: "", prefix: "", attrText: "" };
      at = end;
      continue;
    }
    const closing = c === 47;
    let j = closing ? lt + 2 : lt + 1;
    const nameStart = j;
    const n = Math.min(to, xml.length);
    for (let ch = xml.charCodeAt(j); j < n && ch > 32 && ch !== 62 && ch !== 47; ch = xml.charCodeAt(++j));
    const gt = xml.indexOf(">", j);
    const name = xml.slice(nameStart, j);
    const colon = name.indexOf(":");
    const local = colon < 0 ? name : name.slice(colon + 1);
    const prefix = colon < 0 ? "" : name.slice(0, colon + 1);
    if (gt < 0 || gt >= to)
      return { start: lt, end: -1, closing, selfClosed: false, local, prefix, attrText: "" };
    const selfClosed = xml.charCodeAt(gt - 1) === 47 && gt - 1 >= j;
    return {
      start: lt,
      end: gt + 1,
      closing,
      selfClosed,
      local,
      prefix,
      attrText: xml.slice(j, selfClosed ? gt - 1 : gt),
    };
  }
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
 * Throws SyntaxError when one is not closed.
 */
export function elements(xml: string, name: string, from = 0, to = xml.length): Element[] {
  const out: Element[] = [];
  let at = from;
  for (;;) {
    const t = nextTag(xml, at, to);
    if (!t) return out;
    if (t.end < 0) throw new SyntaxError(`unclosed tag`);
    at = t.end;
    if (t.closing || t.local !== name) continue;
    // A raw " ", "/" or ">" after the name: "<sheetsX" is another element.
    if (t.selfClosed) {
      out.push({ tag: t.attrText, inner: "", start: t.start, end: t.end });
      continue;
    }
    const closeAt = findClose(xml, name, t.end);
    if (closeAt < 0) throw new SyntaxError(`unclosed <${name}>`);
    const end = xml.indexOf(">", closeAt) + 1;
    out.push({ tag: t.attrText, inner: xml.slice(t.end, closeAt), start: t.start, end });
    at = end;
  }
}

/** The first element named `name` (any prefix) in xml[from, to), or null: `elements` stopped at one. */
export function firstElement(xml: string, name: string, from = 0, to = xml.length): Element | null {
  let at = from;
  for (;;) {
    const t = nextTag(xml, at, to);
    if (!t || t.end < 0) return null;
    at = t.end;
    if (t.closing || t.local !== name) continue;
    if (t.selfClosed) return { tag: t.attrText, inner: "", start: t.start, end: t.end };
    const closeAt = findClose(xml, name, t.end);
    if (closeAt < 0 || closeAt >= to) return null;
    return {
      tag: t.attrText,
      inner: xml.slice(t.end, closeAt),
      start: t.start,
      end: xml.indexOf(">", closeAt) + 1,
    };
  }
}

/** Whether xml holds a start tag named `name` (any prefix; comments skipped), closed or not. */
export function hasElement(xml: string, name: string): boolean {
  if (xml.indexOf(name) < 0) return false;
  for (let t = nextTag(xml, 0); t && t.end >= 0; t = nextTag(xml, t.end))
    if (t.local === name && !t.closing) return true;
  return false;
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
  const parts: string[] = [];
  let at = 0;
  for (;;) {
    const t = nextTag(inner, at);
    if (!t || t.end < 0) break;
    at = t.end;
    if (t.closing || t.selfClosed) continue;
    if (t.local === "rPh") {
      // Phonetic runs (furigana) are not part of the text.
      const close = findClose(inner, "rPh", t.end);
      if (close < 0) break;
      at = inner.indexOf(">", close) + 1;
    } else if (t.local === "t") {
      const close = findClose(inner, "t", t.end);
      if (close < 0) break;
      parts.push(inner.slice(t.end, close));
      at = inner.indexOf(">", close) + 1;
    }
  }
  return decodeText(parts.length === 1 ? parts[0] : parts.join(""));
}

/**
 * The text with every comment, processing instruction and CDATA section replaced by as many spaces: the
 * same length, so that positions found in it are positions in the text, and nothing inside a comment is
 * ever taken for an element. Linear; the text itself when it holds none.
 */
export function maskMarkup(xml: string): string {
  let bang = xml.indexOf("<!");
  let query = xml.indexOf("<?");
  if (bang < 0 && query < 0) return xml;
  const out: string[] = [];
  let at = 0;
  while (bang >= 0 || query >= 0) {
    const lt = bang < 0 ? query : query < 0 ? bang : Math.min(bang, query);
    let end = skipMarkup(xml, lt);
    if (end < 0) end = xml.length;
    out.push(xml.slice(at, lt), " ".repeat(end - lt));
    at = end;
    if (bang >= 0 && bang < end) bang = xml.indexOf("<!", end);
    if (query >= 0 && query < end) query = xml.indexOf("<?", end);
  }
  out.push(xml.slice(at));
  return out.join("");
}

/** Bytes as a string of one character per byte (U+0000–U+00FF): positions in it are byte offsets. */
export function bytesToBinary(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += 8192)
    parts.push(String.fromCharCode.apply(null, bytes.subarray(at, at + 8192) as unknown as number[]));
  return parts.join("");
}

/** The bytes of a string made by bytesToBinary (every character below U+0100). */
export function binaryToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Text as the string of its UTF-8 bytes (see bytesToBinary). */
export function utf8Binary(text: string): string {
  // ASCII (the usual number or cell reference) is its own UTF-8.
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) > 0x7f) return bytesToBinary(new TextEncoder().encode(text));
  return text;
}
