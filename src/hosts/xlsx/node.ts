/** Node-only file I/O of the .xlsx host: reading a workbook from disk and writing one atomically. */
import { promises as fs, constants, rmSync } from "node:fs";
import * as path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import * as zlib from "node:zlib";
import { WorkbookError, workbookError } from "./errors";
import { readWorkbook, type ReadOptions, type WorkbookSnapshot } from "./read";
import { xlsxText } from "../../i18n/xlsx";
import { useCrc, useDeflater } from "./zip";
import { MAX_FILE_BYTES } from "./limits";

// Writing a patched part of 150 MB takes fflate seconds; Node's zlib a fraction of that, same format.
useDeflater((data) => {
  // Level 1 for a huge part: a second where level 6 takes several, for a few percent more bytes.
  const out = zlib.deflateRawSync(data, { level: data.length > 32 * 1024 * 1024 ? 1 : 6 });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
});

// Verifying every part's CRC costs Node's native CRC-32 a fraction of what a JavaScript loop does.
const nativeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
if (typeof nativeCrc === "function") useCrc((prev, data) => nativeCrc(data, prev));

function isErrno(err: unknown, ...codes: string[]): boolean {
  return err instanceof Error && "code" in err && codes.includes(String((err as { code: unknown }).code));
}

/**
 * The bytes of a workbook file. Throws WorkbookError "missing" when there is no such file, a WorkbookError
 * "not-a-workbook" with a clear message when the path is a folder or not a regular file (a pipe, a device,
 * a socket: refused at once, never read), and "too-large" when the file is larger than `maxBytes` (checked
 * before anything is read). The file is opened once and its size and kind taken from that open file, so
 * what is checked is what is read.
 */
export async function readWorkbookBytes(file: string, maxBytes = MAX_FILE_BYTES): Promise<Uint8Array> {
  let handle: fs.FileHandle;
  try {
    // Non-blocking: opening a pipe (a FIFO named .xlsx) for reading would otherwise wait for a writer.
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    if (isErrno(err, "ENOENT", "ENOTDIR")) throw workbookError("missing", file);
    if (isErrno(err, "EISDIR")) throw new WorkbookError("not-a-workbook", xlsxText.directory(file), file);
    if (isErrno(err, "ENXIO", "EOPNOTSUPP"))
      throw new WorkbookError("not-a-workbook", xlsxText.notRegular(file), file);
    throw err;
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw new WorkbookError("not-a-workbook", xlsxText.directory(file), file);
    if (!st.isFile()) throw new WorkbookError("not-a-workbook", xlsxText.notRegular(file), file);
    if (st.size > maxBytes) throw workbookError("too-large", file, xlsxText.fileSize(maxBytes));
    const buf = Buffer.allocUnsafe(st.size);
    let at = 0;
    while (at < buf.length) {
      const { bytesRead } = await handle.read(buf, at, buf.length - at, at);
      if (bytesRead === 0) break; // shortened while read: what was there is what is checked
      at += bytesRead;
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, at);
  } catch (err) {
    if (isErrno(err, "EISDIR")) throw new WorkbookError("not-a-workbook", xlsxText.directory(file), file);
    throw err;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Reads a workbook file's worksheets (see readWorkbook); errors name the file. */
export async function readWorkbookFile(
  file: string,
  options: Omit<ReadOptions, "file"> = {}
): Promise<WorkbookSnapshot> {
  return readWorkbook(await readWorkbookBytes(file), { ...options, file });
}

/** What a file was when it was read: enough to tell, right before replacing it, whether it changed since. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** SHA-256 of its bytes. */
  hash: string;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The stamp of bytes just read from `file` (its size and modification time now, the hash of `bytes`). */
export async function stampOf(file: string, bytes: Uint8Array): Promise<FileStamp> {
  const st = await fs.stat(file);
  return { size: st.size, mtimeMs: st.mtimeMs, hash: sha256(bytes) };
}

/** Whether `file` still is what `stamp` says: same size, same modification time, same content. */
export async function unchangedSince(file: string, stamp: FileStamp): Promise<boolean> {
  try {
    const st = await fs.stat(file);
    if (st.size !== stamp.size || st.mtimeMs !== stamp.mtimeMs) return false;
    return sha256(await fs.readFile(file)) === stamp.hash;
  } catch {
    return false; // removed or unreadable: not the file that was read
  }
}

/** The file a path names: a symbolic link's target (followed to the end), or the path itself. */
export async function linkTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    return path.resolve(file); // not there yet
  }
}

export interface AtomicOptions {
  /**
   * Runs after the temporary file is complete and right before the rename; a throw cancels the write
   * (the temporary file is removed, the target left as it was).
   */
  beforeRename?: () => Promise<void>;
  /** Waits this long before `beforeRename` (a test hook: lets a test change the target or send a signal). */
  pauseMs?: number;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Writes bytes to `target` without ever leaving it half-written: a temporary file in the same folder,
 * flushed to disk, then renamed over the target. A symbolic link is followed: the file it points to is
 * replaced and the link stays. On failure — an error, or SIGINT/SIGTERM/SIGHUP while it works — the
 * temporary file is removed and the target is left as it was.
 */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  options: AtomicOptions = {}
): Promise<void> {
  const real = await linkTarget(target);
  const dir = path.dirname(real);
  const temp = path.join(dir, `.${path.basename(real)}.${randomBytes(6).toString("hex")}.tmp`);
  let handle: fs.FileHandle | null = null;
  // A signal while the temporary file exists: remove it, then let the signal end the process as it would.
  const onSignal = (signal: NodeJS.Signals): void => {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more can be done while the process ends.
    }
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    let mode = 0o644;
    try {
      mode = (await fs.stat(real)).mode & 0o777;
    } catch {
      // A new file: default permissions.
    }
    handle = await fs.open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = null;
    if (options.pauseMs) await new Promise((done) => setTimeout(done, options.pauseMs));
    await options.beforeRename?.();
    await fs.rename(temp, real);
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  } finally {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
}
