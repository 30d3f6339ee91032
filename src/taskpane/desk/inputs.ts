/**
 * What the desk is given: files chosen (many at once), a folder chosen (webkitdirectory) or dropped
 * (DataTransferItem.webkitGetAsEntry). Each gets the path `zpb check` would print for it — its name, or its
 * path inside the folder — and a folder's files are sorted and picked as a folder walk picks them.
 */
import type { FileResult, WorkbookResult } from "../../review/index";
import { fileVerdict } from "../../review/types";

export interface DeskInput {
  /** The path as `zpb check` over the same files prints it: "a.xlsx", or "folder/sub/a.xlsx". */
  path: string;
  file: File;
  /** Found in a folder: picked by name, and an earlier run's summary there is accounted for, not checked. */
  inFolder: boolean;
}

/** The names `zpb check`'s folder walk checks as workbooks (src/cli/files.ts); each is then read by content. */
const WORKBOOK = /\.(xlsx|xlsm|xltx|xltm|xlsb|ods|xls|et)$/i;

/** Whether a folder walk checks this name (lock files and hidden files are left out entirely). */
export function walkKind(name: string): "workbook" | "other" | "ignored" {
  if (name.startsWith("~$") || name.startsWith(".")) return "ignored";
  return WORKBOOK.test(name) ? "workbook" : "other";
}

/** Code-point order, as the CLI's folder walk sorts. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Files from an `<input type=file multiple>` or `webkitdirectory` pick. */
export function fromFileList(list: ArrayLike<File>): DeskInput[] {
  const out: DeskInput[] = [];
  for (const file of Array.from(list)) {
    const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath ?? "";
    out.push({ path: relative || file.name, file, inFolder: relative.includes("/") });
  }
  return out;
}

/** The minimal shape of the File and Directory Entries API the drop uses. */
interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?: (ok: (file: File) => void, fail: (err: unknown) => void) => void;
  createReader?: () => {
    readEntries: (ok: (entries: Entry[]) => void, fail: (err: unknown) => void) => void;
  };
}

async function walkEntry(entry: Entry, inFolder: boolean, out: DeskInput[]): Promise<void> {
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((ok, fail) => entry.file?.(ok, fail));
    out.push({ path: entry.fullPath.replace(/^\//, "") || file.name, file, inFolder });
    return;
  }
  if (!entry.isDirectory || !entry.createReader) return;
  const reader = entry.createReader();
  // readEntries gives at most about 100 entries per call: read until it gives none.
  for (;;) {
    const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) break;
    for (const child of batch) await walkEntry(child, true, out);
  }
}

/** Files and folders dropped: folders walked through their entries, files as they are. */
export async function fromDrop(
  items: DataTransferItemList | null,
  files: FileList | null
): Promise<DeskInput[]> {
  const entries: Entry[] = [];
  for (const item of Array.from(items ?? [])) {
    const get = (item as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry;
    const entry = item.kind === "file" && get ? get.call(item) : null;
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) return fromFileList(files ?? []);
  const out: DeskInput[] = [];
  for (const entry of entries) await walkEntry(entry, false, out);
  return out;
}

/** What a batch reads and what it only accounts for: a folder's non-workbooks are listed, not read. */
export function sortInputs(inputs: readonly DeskInput[]): { read: DeskInput[]; others: string[] } {
  const read: DeskInput[] = [];
  const others: string[] = [];
  const seen = new Set<string>();
  for (const input of [...inputs].sort((a, b) => byCodePoint(a.path, b.path))) {
    if (seen.has(input.path)) continue;
    seen.add(input.path);
    const kind = input.inFolder ? walkKind(input.file.name) : "workbook";
    if (kind === "workbook") read.push(input);
    else if (kind === "other") others.push(input.path);
  }
  return { read, others };
}

/** A file read: its sheets and its verdict, as `zpb check` gives them. */
export function readResult(path: string, read: WorkbookResult): FileResult {
  return { path, error: null, ...read, ...fileVerdict(read.sheets) };
}

/** A file that could not be read: one line naming it; 不是电子表格文件 where it is not a spreadsheet. */
export function failedResult(path: string, error: unknown): FileResult {
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  const line = message.includes(path) ? message : `${path}：${message}`;
  const reason = error instanceof Error ? (error as { reason?: unknown }).reason : undefined;
  const status = reason === "not-a-workbook" ? "not-spreadsheet" : "unreadable";
  return { path, error: line, sheets: [], skipped: [], ...fileVerdict([], { status, why: line }) };
}
