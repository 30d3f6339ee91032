/** Which files a `zpb check` looks at: the files given, and the workbooks found in the folders given. */
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";

/**
 * Spreadsheet extensions a folder walk checks as workbooks (the reader says what each one really is). A
 * `*.checked.xlsx` is one: the name a corrected submission comes back with is a submission like any other.
 */
const WORKBOOK = /\.(xlsx|xlsm|xltx|xltm|xlsb|ods)$/i;
const LEGACY = /\.(xls|et)$/i;

/** Office lock files and hidden files: never inputs. */
function isIgnoredName(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".");
}

/** Whether a folder walk checks this file name as a workbook (other files are listed, by their content). */
export function isWorkbookName(name: string): boolean {
  if (isIgnoredName(name)) return false;
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

async function walk(dir: string, seen: Set<string>, out: Found[]): Promise<void> {
  let entries;
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return; // a symbolic link back up the tree
    seen.add(real);
    entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => byName(a.name, b.name));
  } catch {
    // A folder that cannot be listed (no permission) is one input the reader reports, not the end of the batch.
    out.push({ path: dir, workbook: true });
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const folder = entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(path)));
    if (folder) await walk(path, seen, out);
    else if (!isIgnoredName(entry.name)) out.push({ path, workbook: isWorkbookName(entry.name) });
  }
}

/** A file found in a folder, and whether its name is a spreadsheet's. */
export interface Found {
  path: string;
  workbook: boolean;
}

/** An input and the workbook paths it stands for; an empty folder gives an empty list. */
export interface Input {
  given: string;
  folder: boolean;
  files: string[];
  /** Other files found in the folder (a .txt, a .pdf): read by their content, listed, accounted for. */
  others: string[];
  /** Every file found, workbooks and others, in the walk's order (sorted, folder by folder). */
  found: Found[];
}

/**
 * Expands the command-line paths: a file stands for itself (whatever its name: the reader says what it
 * is), a folder for every file under it, recursively, sorted, skipping only lock files and hidden entries.
 * A path that does not exist stays as a file so that reading it reports it.
 */
export async function expandInputs(paths: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const given of paths) {
    if (await isDirectory(given)) {
      const found: Found[] = [];
      await walk(given, new Set(), found);
      const files = found.filter((f) => f.workbook).map((f) => f.path);
      const others = found.filter((f) => !f.workbook).map((f) => f.path);
      inputs.push({ given, folder: true, files, others, found });
    } else {
      inputs.push({
        given,
        folder: false,
        files: [given],
        others: [],
        found: [{ path: given, workbook: true }],
      });
    }
  }
  return inputs;
}
