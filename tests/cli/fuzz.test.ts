/**
 * A bounded, seeded fuzz run: a few hundred zip- and XML-level mutations of real forms, each checked and
 * fixed in-process, asserting the invariants of docs/reliability.md:
 *   - exit 0, 1 or 2; every stderr line Chinese, no stack trace; an unreadable file is one line;
 *   - the input is never changed;
 *   - check and fix agree on readability (fix exits 2 exactly when check could not read the file);
 *   - what fix writes opens with our reader, holds no more errors than the input, and differs from the
 *     input only in the patched cells: other entries byte for byte, the patched parts outside those cells.
 * The seed is fixed (FUZZ_SEED may change it, FUZZ_CASES the count): a failure names its case.
 */
import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeSheet } from "../../src/core/index";
import { readWorkbook } from "../../src/hosts/xlsx";
import { parseZip } from "../../src/hosts/xlsx/zip";
import { errorCount, entries, partBinary, repack, withoutCells } from "../xlsx/classes";
import { hasStack, single, tempDir, zpb } from "./helpers";

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const CASES = Number(process.env.FUZZ_CASES ?? 300);
const FORMS = ["2023-taopu-003", "2022-wujing-001", "2022-wujing-006"].map(single);

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What is inserted into the sheet's XML: the shapes of the hostile-file classes, and plain junk. */
const SNIPPETS = [
  '<!-- <c r="A1"><v>1</v></c> -->',
  '<?pi <row r="1"> ?>',
  "<sheetData>",
  "</sheetData>",
  "<row>",
  "</row>",
  "<c>",
  "</c>",
  '<c r="XFD1048576"><v>1</v></c>',
  '<c r="H30"><f t="array" ref="H30:H31">1</f></c>',
  "<f>1+1</f>",
  "<f>",
  "<v>9</v>",
  '<c t="inlineStr"><is><t>字</t></is></c>',
  "&#27;&#x9b;",
  "\uFEFF",
  "<",
  ">",
  '"',
  "&",
  "<![CDATA[<c>]]>",
  '<row r="0">',
  '<row r="1048577">',
];

type Mutation = { what: string; bytes: Uint8Array };

function mutate(base: Uint8Array, rnd: () => number): Mutation {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const kind = Math.floor(rnd() * 8);
  const parts = entries(base);
  const sheet = "xl/worksheets/sheet1.xml";
  const xml = new TextDecoder().decode(parts[sheet]);
  const at = Math.floor(rnd() * xml.length);
  switch (kind) {
    case 0: {
      // A byte of the file flipped (zip level: headers, directory, compressed data).
      const bytes = new Uint8Array(base);
      const i = Math.floor(rnd() * bytes.length);
      bytes[i] ^= 1 << Math.floor(rnd() * 8);
      return { what: `flip byte ${i}`, bytes };
    }
    case 1: {
      const cut = Math.floor(rnd() * base.length);
      return { what: `truncate at ${cut}`, bytes: base.slice(0, cut) };
    }
    case 2:
    case 3: {
      const s = pick(SNIPPETS);
      return {
        what: `insert ${JSON.stringify(s)} at ${at}`,
        bytes: repack(base, { [sheet]: xml.slice(0, at) + s + xml.slice(at) }),
      };
    }
    case 4: {
      const len = 1 + Math.floor(rnd() * 40);
      return {
        what: `delete ${len} at ${at}`,
        bytes: repack(base, { [sheet]: xml.slice(0, at) + xml.slice(at + len) }),
      };
    }
    case 5: {
      const len = 1 + Math.floor(rnd() * 200);
      return {
        what: `duplicate ${len} at ${at}`,
        bytes: repack(base, {
          [sheet]: xml.slice(0, at + len) + xml.slice(at, at + len) + xml.slice(at + len),
        }),
      };
    }
    case 6: {
      // A digit of a value changed: readable, different findings.
      const digits = [...xml.matchAll(/<v>(\d)/g)];
      const m = digits.length ? pick(digits) : null;
      if (!m || m.index === undefined) return { what: "unchanged", bytes: base };
      const i = m.index + 3;
      const d = String(Math.floor(rnd() * 10));
      return {
        what: `digit ${d} at ${i}`,
        bytes: repack(base, { [sheet]: xml.slice(0, i) + d + xml.slice(i + 1) }),
      };
    }
    default: {
      // A raw byte (invalid UTF-8, a control character) put into the part.
      const raw = new TextEncoder().encode(xml);
      const i = Math.floor(rnd() * raw.length);
      const out = new Uint8Array(raw.length + 1);
      out.set(raw.subarray(0, i));
      out[i] = pick([0x80, 0xff, 0x1b, 0x00, 0xc3]);
      out.set(raw.subarray(i), i + 1);
      return { what: `raw byte at ${i}`, bytes: repack(base, { [sheet]: out }) };
    }
  }
}

function sha(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function expectCleanErr(err: string, context: string): void {
  for (const line of err.split("\n").filter(Boolean)) {
    expect(line, context).toMatch(/[\u4e00-\u9fff]/);
  }
  expect(hasStack(err), context).toBe(false);
}

/** The cells a fix of `bytes` plans, by sheet part. */
function plannedCells(bytes: Uint8Array): string[] {
  const book = readWorkbook(bytes);
  return book.sheets.flatMap((s) => analyzeSheet(s.grid).forms.flatMap((f) => f.patches.map((p) => p.cell)));
}

let dir = "";
let cleanup = async () => undefined as void;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(async () => cleanup());

describe(`fuzz: ${CASES} seeded mutations of real forms (seed ${SEED})`, () => {
  it("keeps every invariant", async () => {
    const rnd = random(SEED);
    const bases = await Promise.all(FORMS.map(async (f) => new Uint8Array(await readFile(f))));
    const seen = { readable: 0, unreadable: 0, fixed: 0 };
    for (let n = 0; n < CASES; n++) {
      const base = bases[n % bases.length];
      const { what, bytes } = mutate(base, rnd);
      const context = `case ${n} (${what})`;
      const input = join(dir, `in${n}.xlsx`);
      const output = join(dir, `out${n}.xlsx`);
      await writeFile(input, bytes);
      const before = sha(bytes);

      const check = await zpb("check", "--json", input);
      expect([0, 1, 2], context).toContain(check.code);
      expectCleanErr(check.err, context);
      const doc = JSON.parse(check.out) as { files: { error: string | null }[] };
      const unreadable = doc.files[0].error !== null;
      if (unreadable) expect(check.err.trim().split("\n"), context).toHaveLength(1);

      const fix = await zpb("fix", input, "-o", output);
      expect([0, 1, 2], context).toContain(fix.code);
      expectCleanErr(fix.err, context);
      // Check and fix agree on whether the file can be read.
      expect(fix.code === 2, `${context}: ${fix.err}`).toBe(unreadable);
      expect(sha(new Uint8Array(await readFile(input))), context).toBe(before);
      if (unreadable) {
        seen.unreadable++;
        expect(fix.err.trim().split("\n"), context).toHaveLength(1);
        continue;
      }
      seen.readable++;
      const out = new Uint8Array(await readFile(output));
      const after = readWorkbook(out);
      expect(errorCount(after), context).toBeLessThanOrEqual(errorCount(readWorkbook(bytes)));
      const refs = plannedCells(bytes);
      if (refs.length > 0) seen.fixed++;
      const a = parseZip(bytes);
      const b = parseZip(out);
      expect(
        b.entries.map((e) => e.name),
        context
      ).toEqual(a.entries.map((e) => e.name));
      for (const e of a.entries) {
        const f = b.byName.get(e.name);
        if (!f) throw new Error(`${context}: ${e.name} missing`);
        const same =
          sha(a.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize)) ===
          sha(b.bytes.subarray(f.dataStart, f.dataStart + f.compressedSize));
        if (same) continue;
        // A patched part: identical but for the patched cells.
        expect(withoutCells(partBinary(out, e.name), refs), `${context}: ${e.name}`).toBe(
          withoutCells(partBinary(bytes, e.name), refs)
        );
      }
      await rm(output, { force: true });
    }
    // The run covered both kinds: files refused, and files read and fixed.
    expect(seen.unreadable).toBeGreaterThan(CASES / 10);
    expect(seen.fixed).toBeGreaterThan(CASES / 10);
  });
});
