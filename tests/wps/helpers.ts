/** Shared set-up of the WPS host tests: the real forms as grids, a fake WPS holding them, the core. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Grid } from "../../src/core/grid";
import { analyzeSheet, type Patch } from "../../src/core/index";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { createWpsHost } from "../../src/hosts/wps/index";
import type { Host } from "../../src/hosts/types";
import { FakeWps, type Readings } from "../fakes/wps/index";

export const SINGLES = [
  "2022-wujing-001",
  "2022-wujing-003",
  "2022-wujing-006",
  "2022-wujing-008",
  "2022-wujing-011",
  "2023-taopu-001",
  "2023-taopu-003",
  "2023-taopu-006",
  "2023-taopu-029",
  "2023-taopu-042",
];
export const WORKBOOK_70 = "forms-2023-putuo-taopu-001-070.xlsx";
export const WORKBOOK_23 = "forms-2022-minhang-wujing.xlsx";
/** Forms of other provinces' templates (tests/fixtures/forms/outside). */
export const OUTSIDE = readdirSync(join(import.meta.dirname, "..", "fixtures", "forms", "outside"))
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => `outside/${f}`);
/** Every workbook of real forms in tests/fixtures. */
export const WORKBOOKS = [WORKBOOK_23, WORKBOOK_70, ...SINGLES.map((id) => `single/${id}.xlsx`), ...OUTSIDE];

const cache = new Map<string, { grids: Grid[]; visible: Record<string, number> }>();

/** A fixture's sheets as the xlsx host reads them, with their visibility in ET numbers. */
export function fixtureGrids(path: string): { grids: Grid[]; visible: Record<string, number> } {
  let hit = cache.get(path);
  if (!hit) {
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, "..", "fixtures", "forms", path)));
    const sheets = readWorkbook(bytes).sheets;
    const visible: Record<string, number> = {};
    for (const s of sheets) visible[s.name] = s.state === "veryHidden" ? 2 : s.state === "hidden" ? 0 : -1;
    hit = { grids: sheets.map((s) => s.grid), visible };
    cache.set(path, hit);
  }
  return hit;
}

/** A fake WPS holding a fixture workbook, under the given readings, and a host on it. */
export function openInWps(path: string, readings: Partial<Readings> = {}): { fake: FakeWps; host: Host } {
  const { grids, visible } = fixtureGrids(path);
  const fake = FakeWps.fromGrids(grids, { readings, visible, name: path.split("/").pop() });
  return { fake, host: createWpsHost(() => fake.app as never) };
}

/** What the core says of a grid, as comparable data: every form's findings with their cells, and the patches. */
export function verdict(grid: Grid): { findings: string[]; patches: Patch[] } {
  const sheet = analyzeSheet(grid);
  const findings = [...sheet.findings, ...sheet.forms.flatMap((f) => f.report.findings)];
  return { findings: findings.map((f) => `${f.code}@${f.cell}:${f.message}`), patches: patchesOf(grid) };
}

/** The patches of a fix of every form on the sheet. */
export function patchesOf(grid: Grid): Patch[] {
  return analyzeSheet(grid).forms.flatMap((f) => f.patches);
}
