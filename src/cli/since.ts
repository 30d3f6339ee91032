/** `zpb check --since <earlier>`: reads the earlier check, and adds the changes to the `--json` document. */
import { readFile } from "node:fs/promises";
import { cliText as T } from "../i18n/cli";
import type { Batch } from "../review/batch";
import { EarlierError, readEarlier, type Change, type Earlier } from "../review/since";
import type { JsonDocument, JsonFile, JsonForm, JsonSheet } from "./json";
import { CliError } from "./types";
import { systemReason } from "./workbook";

/** Reads the earlier 汇总.xlsx or `--json` output; a file that is neither is a wrong argument (exit 2). */
export async function loadEarlier(path: string): Promise<Earlier> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    throw new CliError(T.argError(`${path}：${systemReason(err) ?? String(err)}`));
  }
  try {
    return readEarlier(bytes);
  } catch (err) {
    if (err instanceof EarlierError) throw new CliError(T.argError(`${path}：${err.message}`));
    throw err;
  }
}

/** A form of the earlier check no longer found (spec/cli.md `gone`). */
export interface JsonGone {
  path: string;
  sheet: string;
  project: string;
  department: string;
  status: string;
}

/** A form of the document, with how it changed. */
export type JsonFormSince = JsonForm & { change: Change };

/** The document with `change` on every form and `gone` on the document. */
export interface JsonDocumentSince extends Omit<JsonDocument, "files"> {
  files: (Omit<JsonFile, "sheets"> & { sheets: (Omit<JsonSheet, "forms"> & { forms: JsonFormSince[] })[] })[];
  gone: JsonGone[];
}

/** Adds the batch's changes to the `--json` document (forms matched by file, sheet and range). */
export function markJson(doc: JsonDocument, batch: Batch): JsonDocumentSince {
  const key = (file: string, sheet: string, range: string) => JSON.stringify([file, sheet, range]);
  const changes = new Map<string, Change>();
  for (const r of batch.rows)
    if (r.range !== null && r.change !== null) changes.set(key(r.file, r.sheet, r.range), r.change);
  for (const file of doc.files)
    for (const sheet of file.sheets)
      for (const form of sheet.forms)
        (form as JsonFormSince).change = changes.get(key(file.path, sheet.name, form.range)) ?? "new";
  const gone = (batch.since?.gone ?? []).map((g) => ({
    path: g.file,
    sheet: g.sheet,
    project: g.project,
    department: g.department,
    status: g.status,
  }));
  return Object.assign(doc, { gone }) as unknown as JsonDocumentSince;
}
