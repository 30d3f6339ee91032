/**
 * The command's standard streams, written whole or failed loudly: each piece is written to its file
 * descriptor until every byte is out (a short write on a nearly full disk is continued, never dropped),
 * a reader that went away (EPIPE) ends the output quietly, and any other failure (ENOSPC, EIO, …) is kept
 * so that the command can say so in one line and exit 2 instead of leaving a cut report.
 */
import { writeSync } from "node:fs";

export interface FdWriter {
  write(text: string): void;
  /** The first write error other than EPIPE, or null. */
  readonly failure: NodeJS.ErrnoException | null;
}

type WriteFn = (fd: number, buffer: Uint8Array, offset: number, length: number) => number;

/** Waits a millisecond (a non-blocking pipe that is full: its reader is still reading). */
function pause(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
}

/** A synchronous writer of `fd` (`write` is a test hook: fs.writeSync by default). */
export function fdWriter(fd: number, write: WriteFn = writeSync): FdWriter {
  let failure: NodeJS.ErrnoException | null = null;
  let closed = false;
  return {
    write(text: string): void {
      if (failure !== null || closed || text.length === 0) return;
      const bytes = Buffer.from(text, "utf8");
      let at = 0;
      while (at < bytes.length) {
        try {
          at += write(fd, bytes, at, bytes.length - at);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === "EAGAIN") {
            pause();
            continue;
          }
          if (code === "EPIPE") closed = true;
          else failure = err as NodeJS.ErrnoException;
          return;
        }
      }
    },
    get failure() {
      return failure;
    },
  };
}
