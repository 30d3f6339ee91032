/**
 * Diagnostics: what this WPS build returns for a small range of the active sheet, raw (shapes, types,
 * formats), and which optional members it has, so that a first run on a real WPS gives evidence to send
 * back. Read-only; every probe is caught on its own.
 */
import type { EtApplication, EtRange, EtWorksheet } from "./et";
import { optional } from "./app";

/** A JSON-able description of a value as the host returned it. */
export function describe(v: unknown, depth = 0): unknown {
  if (v === undefined) return { type: "undefined" };
  if (v === null) return { type: "null" };
  if (typeof v !== "object" && typeof v !== "function") return { type: typeof v, value: v };
  if (v instanceof Date) return { type: "Date", value: v.toISOString() };
  if (Array.isArray(v) || typeof (v as { length?: unknown }).length === "number") {
    const list = Array.from(v as ArrayLike<unknown>);
    return {
      type: Array.isArray(v) ? "array" : "array-like",
      length: list.length,
      items: depth < 2 ? list.slice(0, 6).map((x) => describe(x, depth + 1)) : "…",
    };
  }
  return { type: typeof v };
}

function probe(get: () => unknown): unknown {
  try {
    return describe(get());
  } catch (error) {
    return { threw: error instanceof Error ? error.message : String(error) };
  }
}

function rangeReport(ws: EtWorksheet, address: string): Record<string, unknown> {
  let range: EtRange | undefined;
  try {
    range = ws.Range(address);
  } catch (error) {
    return { address, threw: error instanceof Error ? error.message : String(error) };
  }
  const r = range;
  return {
    address,
    Value2: probe(() => r.Value2),
    Formula: probe(() => r.Formula),
    NumberFormat: probe(() => r.NumberFormat),
    MergeCells: probe(() => r.MergeCells),
    MergeArea: probe(() => r.MergeArea.Address(false, false)),
    Address: probe(() => r.Address(false, false)),
    HasFormula: probe(() => r.HasFormula),
    InteriorColor: probe(() => r.Interior.Color),
    InteriorColorIndex: probe(() => r.Interior.ColorIndex),
  };
}

const has = (target: unknown, name: string) => probe(() => typeof (target as Record<string, unknown>)[name]);

/** Reads A1:D6, A1, the used range's first row and a few host members. */
export function diagnose(app: EtApplication): Record<string, unknown> {
  const wb = optional(() => app.ActiveWorkbook);
  const ws = optional(() => wb?.ActiveSheet) ?? undefined;
  const used = ws ? optional(() => ws.UsedRange) : undefined;
  const nav = (globalThis as { navigator?: { userAgent?: string } }).navigator;
  return {
    at: new Date().toISOString(),
    userAgent: nav?.userAgent ?? null,
    application: {
      Version: probe(() => app.Version),
      Build: probe(() => app.Build),
      ScreenUpdating: probe(() => app.ScreenUpdating),
      DebugTools: has(app, "DebugTools"),
      UndoTransBegin: probe(() => typeof app.DebugTools?.UndoTransBegin),
      ApiEvent: has(app, "ApiEvent"),
      CreateTaskPane: has(app, "CreateTaskPane"),
      CreateTaskpane: has(app, "CreateTaskpane"),
      ShowDialog: has(app, "ShowDialog"),
      PluginStorage: has(app, "PluginStorage"),
      randomUUID: probe(
        () => typeof (globalThis as { crypto?: { randomUUID?: unknown } }).crypto?.randomUUID
      ),
    },
    workbook: wb
      ? {
          Name: probe(() => wb.Name),
          FullName: probe(() => wb.FullName),
          ProtectStructure: probe(() => wb.ProtectStructure),
        }
      : null,
    sheet: ws
      ? {
          Name: probe(() => ws.Name),
          Visible: probe(() => ws.Visible),
          ProtectContents: probe(() => ws.ProtectContents),
          UsedRange: used
            ? {
                Address: probe(() => used.Address(false, false)),
                Row: probe(() => used.Row),
                Column: probe(() => used.Column),
                Rows: probe(() => used.Rows.Count),
                Columns: probe(() => used.Columns.Count),
              }
            : null,
          ranges: [
            rangeReport(ws, "A1:D6"),
            rangeReport(ws, "A1:D1"),
            rangeReport(ws, "A1:A4"),
            rangeReport(ws, "A1"),
          ],
        }
      : null,
  };
}
