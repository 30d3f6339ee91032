/**
 * A small reader of the PDFs LibreOffice writes, for measuring what prints: per page, the text shown (from
 * the fonts' ToUnicode maps and the ActualText of marked spans, as a PDF reader's copy would give it) and
 * the size every piece of text is printed at — the Tf size times the scale of the text matrix and of the
 * transformation matrix in force, i.e. the height of the glyphs on paper in points.
 */
import { constants, inflateSync } from "node:zlib";

export interface PdfPage {
  /** The text shown, in content-stream order, without whitespace. */
  text: string;
  /** Printed size in points of every text-showing operation. */
  sizes: number[];
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(bytes: Buffer): Map<number, PdfObject> {
  const s = bytes.toString("latin1");
  const out = new Map<number, PdfObject>();
  for (const m of s.matchAll(/(\d+) 0 obj\b/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = s.indexOf("endobj", start);
    const body = s.slice(start, end);
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const dataStart = start + at + (/stream\r\n/.test(body.slice(at, at + 8)) ? 8 : 7);
    const length = /\/Length (\d+)(?!\d| \d+ R)/.exec(dict);
    const dataEnd = length ? dataStart + Number(length[1]) : s.indexOf("endstream", dataStart);
    let data = bytes.subarray(dataStart, dataEnd);
    if (/\/FlateDecode/.test(dict)) data = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
    out.set(Number(m[1]), { dict, stream: Buffer.from(data) });
  }
  return out;
}

const ref = (text: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s*(\\d+) 0 R`).exec(text);
  return m ? Number(m[1]) : null;
};

function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(m[1].toUpperCase(), utf16(m[2]));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const width = m[1].length;
      for (let c = parseInt(m[1], 16), i = 0; c <= parseInt(m[2], 16); c++, i++)
        map.set(
          c.toString(16).toUpperCase().padStart(width, "0"),
          String.fromCharCode(parseInt(m[3], 16) + i)
        );
    }
  return map;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const scaleOf = (m: Matrix) => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));

const TOKEN =
  /<<|>>|\[|\]|\/[^\s/[\]<>()]+|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+/g;

function page(content: string, fonts: Map<string, Map<string, string>>): PdfPage {
  const sizes: number[] = [];
  let text = "";
  let ctm: Matrix = IDENTITY;
  const saved: Matrix[] = [];
  let tm: Matrix = IDENTITY;
  let font = "";
  let size = 0;
  let spans = 0; // inside an ActualText span: its text stands for the glyphs shown
  const marks: boolean[] = [];
  let operands: string[] = [];
  const show = (hexOrText: string[]) => {
    sizes.push(size * scaleOf(tm) * scaleOf(ctm));
    if (spans > 0) return;
    const map = fonts.get(font);
    for (const t of hexOrText) {
      if (!t.startsWith("<")) continue;
      const hex = t.slice(1, -1).replace(/\s/g, "").toUpperCase();
      const width = map && [...map.keys()][0]?.length === 4 ? 4 : 2;
      for (let i = 0; i < hex.length; i += width) text += map?.get(hex.slice(i, i + width)) ?? "";
    }
  };
  for (const m of content.matchAll(TOKEN)) {
    const t = m[0];
    if (/^[A-Za-z'"*]+$/.test(t) && !/^(true|false|null)$/.test(t)) {
      const n = operands.map(Number);
      switch (t) {
        case "q":
          saved.push(ctm);
          break;
        case "Q":
          ctm = saved.pop() ?? IDENTITY;
          break;
        case "cm":
          ctm = multiply(n.slice(-6) as Matrix, ctm);
          break;
        case "BT":
          tm = IDENTITY;
          break;
        case "Tm":
          tm = n.slice(-6) as Matrix;
          break;
        case "Tf":
          font = operands[operands.length - 2]?.slice(1) ?? "";
          size = n[n.length - 1];
          break;
        case "Tj":
        case "'":
        case '"':
        case "TJ":
          show(operands);
          break;
        case "BDC": {
          const i = operands.indexOf("/ActualText");
          const actual = i >= 0 ? operands[i + 1] : undefined;
          marks.push(actual !== undefined);
          if (actual !== undefined) {
            spans++;
            const hex = actual.slice(1, -1).replace(/\s/g, "").replace(/^FEFF/i, "");
            text += String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
          }
          break;
        }
        case "BMC":
          marks.push(false);
          break;
        case "EMC":
          if (marks.pop()) spans--;
          break;
      }
      operands = [];
    } else operands.push(t);
  }
  return { text: text.replace(/\s/g, ""), sizes };
}

/** The pages of a PDF, in order. */
export function readPdf(bytes: Buffer): PdfPage[] {
  const objs = objects(bytes);
  const root = [...objs.entries()].find(
    ([, o]) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent/.test(o.dict)
  );
  const kids = (n: number): number[] => {
    const dict = objs.get(n)?.dict ?? "";
    if (!/\/Type\s*\/Pages\b/.test(dict)) return [n];
    const list = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? "";
    return [...list.matchAll(/(\d+) 0 R/g)].flatMap((k) => kids(Number(k[1])));
  };
  const pages = root ? kids(root[0]) : [];
  return pages.map((n) => {
    const dict = objs.get(n)?.dict ?? "";
    let resources = /\/Resources\s*(<<[\s\S]*?>>\s*>>)/.exec(dict)?.[1] ?? "";
    const resRef = ref(dict, "Resources");
    if (resRef !== null) resources = objs.get(resRef)?.dict ?? "";
    let fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? "";
    const fontRef = ref(resources, "Font");
    if (fontRef !== null) fontDict = objs.get(fontRef)?.dict ?? "";
    const fonts = new Map<string, Map<string, string>>();
    for (const f of fontDict.matchAll(/\/([^\s/<>]+)\s*(\d+) 0 R/g)) {
      const cmapRef = ref(objs.get(Number(f[2]))?.dict ?? "", "ToUnicode");
      const cmap = cmapRef === null ? "" : (objs.get(cmapRef)?.stream?.toString("latin1") ?? "");
      fonts.set(f[1], toUnicode(cmap));
    }
    const contents =
      /\/Contents\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? /\/Contents\s*(\d+ 0 R)/.exec(dict)?.[1] ?? "";
    const content = [...contents.matchAll(/(\d+) 0 R/g)]
      .map((c) => objs.get(Number(c[1]))?.stream?.toString("latin1") ?? "")
      .join("\n");
    return page(content, fonts);
  });
}
