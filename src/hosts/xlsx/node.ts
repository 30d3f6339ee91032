/** Node-only file I/O of the .xlsx host: reading a workbook from disk and writing one atomically. */
import { promises as fs, constants } from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { WorkbookError, workbookError } from "./errors";
import { readWorkbook, type ReadOptions, type WorkbookSnapshot } from "./read";
import { xlsxText } from "../../i18n/xlsx";

function isErrno(err: unknown, ...codes: string[]): boolean {
  return err instanceof Error && "code" in err && codes.includes(String((err as { code: unknown }).code));
}

/**
 * The bytes of a workbook file. Throws WorkbookError "missing" when there is no such file, and a
 * WorkbookError "not-a-workbook" with a clear message when the path is a folder.
 */
export async function readWorkbookBytes(file: string): Promise<Uint8Array> {
  try {
    const buf = await fs.readFile(file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (err) {
    if (isErrno(err, "ENOENT", "ENOTDIR")) throw workbookError("missing", file);
    if (isErrno(err, "EISDIR")) throw new WorkbookError("not-a-workbook", xlsxText.directory(file), file);
    throw err;
  }
}

/** Reads a workbook file's worksheets (see readWorkbook); errors name the file. */
export async function readWorkbookFile(
  file: string,
  options: Omit<ReadOptions, "file"> = {}
): Promise<WorkbookSnapshot> {
  return readWorkbook(await readWorkbookBytes(file), { ...options, file });
}

/**
 * Writes bytes to `target` without ever leaving it half-written: a temporary file in the same folder,
 * flushed to disk, then renamed over the target. On failure the temporary file is removed and the target
 * is left as it was.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  let handle: fs.FileHandle | null = null;
  try {
    let mode = 0o644;
    try {
      mode = (await fs.stat(target)).mode & 0o777;
    } catch {
      // A new file: default permissions.
    }
    handle = await fs.open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(temp, target);
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}
