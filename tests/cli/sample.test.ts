import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { JsonDocument, JsonSheet } from "../../src/cli/json";
import { WORKBOOK_2022, WORKBOOK_2023, zpb } from "./helpers";

const SAMPLE = fileURLToPath(new URL("../../samples/自评表-示例.xlsx", import.meta.url));

async function sheets(file: string): Promise<Map<string, JsonSheet>> {
  const doc = JSON.parse((await zpb("check", "--json", file)).out) as JsonDocument;
  return new Map(doc.files[0].sheets.map((s) => [s.name, s]));
}

/** What a check says of a sheet, without the file it came from. */
function verdict(sheet: JsonSheet | undefined): unknown {
  if (!sheet) return undefined;
  return sheet.forms.map((s) => ({
    total: s.total,
    grade: s.grade,
    budget: s.budget,
    findings: s.findings.map((f) => `${f.code}@${f.cell}:${f.severity}`),
  }));
}
const isForm = (s: JsonSheet): boolean => s.forms.length > 0;

describe("the bundled sample workbook", () => {
  it("holds forms that check exactly like the real forms they were copied from, and one other sheet", async () => {
    const sample = await sheets(SAMPLE);
    const sources = new Map([...(await sheets(WORKBOOK_2022)), ...(await sheets(WORKBOOK_2023))]);
    const forms = [...sample.values()].filter(isForm);
    expect(forms.length).toBeGreaterThanOrEqual(4);
    for (const form of forms) expect(verdict(form), form.name).toEqual(verdict(sources.get(form.name)));
    expect([...sample.values()].filter((s) => !isForm(s)).map((s) => s.name)).toEqual(["说明"]);
    // A clean form and forms with errors, so that the demo shows both.
    const all = forms.flatMap((s) => s.forms);
    expect(all.some((s) => s.findings.length === 0)).toBe(true);
    expect(all.some((s) => s.findings.some((f) => f.severity === "error"))).toBe(true);
  });
});
