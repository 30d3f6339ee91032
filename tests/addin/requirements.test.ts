/**
 * The requirement sets: the manifest declares the ExcelApi version the source's calls need. The versions
 * come from the Excel typings (@types/office-js, generated from Microsoft's reference: each member's
 * "[Api set: ExcelApi x.y]"), the calls from the source of the Excel host and the ribbon command.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compareVersions,
  EXCEL_API_MEMBERS,
  FULL_EXCEL_API,
  OPTIONAL_MEMBERS,
  REQUIRED_EXCEL_API,
} from "../../src/hosts/excel/requirements";

const ROOT = join(import.meta.dirname, "..", "..");
const typings = readFileSync(join(ROOT, "node_modules/@types/office-js/index.d.ts"), "utf8");

/** Member name → every ExcelApi version the Excel namespace declares it with. */
function excelMembers(): Map<string, Set<string>> {
  const start = typings.indexOf("declare namespace Excel {");
  const body = typings.slice(start);
  const found = new Map<string, Set<string>>();
  // A doc comment with its API set, then the declaration it documents.
  // "[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]" gives both versions.
  const re = /\[Api set: ExcelApi ([^\]]*)\][^]*?\*\/\s*\n\s*(?:readonly\s+)?([A-Za-z_]\w*)\??\s*[(:<]/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[0].includes("/**", 3)) continue; // the comment of another member
    const set = found.get(m[2]) ?? new Set<string>();
    for (const v of m[1].matchAll(/\d+\.\d+/g)) set.add(v[0]);
    found.set(m[2], set);
  }
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => readFileSync(join(ROOT, dir, f), "utf8"));
}

/** Member names the Excel-side source uses after a dot (calls and properties). */
function usedMembers(): Set<string> {
  const code = [...sources("src/hosts/excel"), ...sources("src/commands")]
    .join("\n")
    .replace(/\/\*[^]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");
  return new Set([...code.matchAll(/\.([A-Za-z_]\w*)\b/g)].map((m) => m[1]));
}

const members = excelMembers();

/** Names after a dot in the Excel-side source that are not calls on Excel objects. */
const NOT_EXCEL: Record<string, string> = {
  formula: "the host's own cell state (state.ts), not Range.formula",
  content: "a local function in storeload.ts",
  close: "the Office dialog (notice-dialog.ts) and a DOM element (notify.ts)",
  items: "the loaded items of collections, available wherever the collection is",
};
const lowest = (name: string) => [...(members.get(name) ?? [])].sort(compareVersions)[0];

describe("requirement sets", () => {
  it("reads the typings' API sets (sanity)", () => {
    expect(members.get("getMergedAreasOrNullObject")).toEqual(new Set(["1.13"]));
    expect(members.get("getCellProperties")).toContain("1.9");
    expect(members.size).toBeGreaterThan(500);
  });

  it("the table gives each member the version Microsoft's reference gives it", () => {
    for (const [name, version] of Object.entries(EXCEL_API_MEMBERS)) {
      expect([name, members.get(name)?.has(version)]).toEqual([name, true]);
    }
  });

  it("every member the source uses that needs more than ExcelApi 1.2 is in the table", () => {
    const used = usedMembers();
    const needing = [...used].filter((name) => members.has(name) && compareVersions(lowest(name), "1.2") > 0);
    expect(needing.filter((name) => !(name in EXCEL_API_MEMBERS) && !(name in NOT_EXCEL))).toEqual([]);
    // And the table lists nothing the source no longer uses.
    expect(Object.keys(EXCEL_API_MEMBERS).filter((name) => !used.has(name))).toEqual([]);
  });

  it("the manifest declares the ExcelApi version the required calls need", () => {
    const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const sets = [...xml.matchAll(/<Set Name="ExcelApi" MinVersion="([\d.]+)"\s*\/>/g)].map((m) => m[1]);
    expect(sets).toEqual([REQUIRED_EXCEL_API]);
    expect(REQUIRED_EXCEL_API).toBe("1.13");
    // Only the optional members need more.
    const above = Object.entries(EXCEL_API_MEMBERS).filter(
      ([, v]) => compareVersions(v, REQUIRED_EXCEL_API) > 0
    );
    expect(above.map(([name]) => name)).toEqual([...OPTIONAL_MEMBERS]);
    expect(FULL_EXCEL_API).toBe("1.14");
  });
});
