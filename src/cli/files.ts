/** Which files a `zpb check` looks at: the files given, and the workbooks found in the folders given. */
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";

/** Workbook extensions a folder walk picks up (each file is then read by its content, not its name). */
const WORKBOOK = /\.(xlsx|xlsm)$/i;
const LEGACY = /\.(xls|et|xlsb|ods)$/i;
/** Outputs of `zpb fix` (checking them again would count every form twice in a summary). */
const FIX_OUTPUT = /\.checked\.(xlsx|xlsm)$/i;

/** Whether a folder walk includes this file name. */
export function isWorkbookName(name: string): boolean {
  if (name.startsWith("~$") || name.startsWith(".")) return false; // Office lock files, hidden files
  if (FIX_OUTPUT.test(name)) return false;
  return WORKBOOK.test(name) || LEGACY.test(name);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false; // a missing path is read as a file, so that the reader names why
  }
}

/** Code-point order, so that the listing is the same on every machine and locale. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function walk(dir: string, seen: Set<string>, out: string[], others: string[]): Promise<void> {
  let entries;
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return; // a symbolic link back up the tree
    seen.add(real);
    entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => byName(a.name, b.name));
  } catch {
    // A folder that cannot be listed (no permission) is one input the reader reports, not the end of the batch.
    out.push(dir);
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const folder = entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(path)));
    if (folder) await walk(path, seen, out, others);
    else if (isWorkbookName(entry.name)) out.push(path);
    else if (!entry.name.startsWith("~$") && !FIX_OUTPUT.test(entry.name)) others.push(path);
  }
}

/** An input and the workbook paths it stands for; an empty folder gives an empty list. */
export interface Input {
  given: string;
  folder: boolean;
  files: string[];
  /** Other files found in the folder (a .txt, a .pdf): not checked, but accounted for in the summary. */
  others: string[];
}

/**
 * Expands the command-line paths: a file stands for itself (whatever its name: the reader says what it
 * is), a folder for the workbooks under it, recursively, sorted, skipping lock files, hidden entries and
 * `*.checked.xlsx` / `*.checked.xlsm` outputs. A path that does not exist stays as a file so that reading it reports it.
 */
export async function expandInputs(paths: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const given of paths) {
    if (await isDirectory(given)) {
      const files: string[] = [];
      const others: string[] = [];
      await walk(given, new Set(), files, others);
      inputs.push({ given, folder: true, files, others });
    } else {
      inputs.push({ given, folder: false, files: [given], others: [] });
    }
  }
  return inputs;
}
