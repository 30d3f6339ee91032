/**
 * What one workbook may cost to read: the documented limits of docs/reliability.md. They are checked while
 * the work is done (bytes counted as they are inflated, cells as they are read), so that a file over a
 * limit is refused after reading at most the limit, never after filling the memory.
 */

const MiB = 1024 * 1024;

export interface ReadLimits {
  /** Bytes one zip part (a worksheet, the shared strings, …) may inflate to. */
  partBytes: number;
  /** Bytes all the parts read from one package may inflate to, together. */
  packageBytes: number;
  /** Cells holding a value, a formula or a number format, over every sheet read. */
  cells: number;
  /**
   * How many times the compressed bytes read so far a part may inflate to, once past `ratioGrace` bytes.
   * Real worksheets compress 5 to 30 times; a zip bomb hundreds of times (deflate's most is 1032).
   */
  ratio: number;
  ratioGrace: number;
}

/**
 * The defaults. 256 MiB of worksheet XML is about a million rows of ten short cells; a JavaScript string
 * cannot hold much more than 512 MiB, and the writer needs a patched part as one string. Ten million cells
 * is what the sparse grid holds in well under 1 GB.
 */
export const DEFAULT_LIMITS: Readonly<ReadLimits> = {
  partBytes: 256 * MiB,
  packageBytes: 1024 * MiB,
  cells: 10_000_000,
  ratio: 100,
  ratioGrace: 16 * MiB,
};

/**
 * The largest workbook file read, checked against its size before a byte is read: a package cannot
 * inflate to more than `packageBytes` of parts read, and the largest real forms are a few megabytes.
 */
export const MAX_FILE_BYTES = 1024 * MiB;

export type LimitKind = Exclude<keyof ReadLimits, "ratioGrace">;

/** Thrown when a limit is passed; the package layer turns it into a WorkbookError "too-large". */
export class LimitError extends Error {
  constructor(
    readonly kind: LimitKind,
    readonly limit: number,
    /** The part that passed it (partBytes), when known. */
    readonly part?: string
  ) {
    super(`${kind} limit ${limit}`);
    this.name = "LimitError";
  }
}

/** The running count of what one package has cost so far. */
export class Budget {
  private inflated = 0;
  private cellCount = 0;

  constructor(readonly limits: Readonly<ReadLimits> = DEFAULT_LIMITS) {}

  /** Counts `n` more inflated bytes of `part`, now `partTotal` from `compressed` bytes read. */
  inflate(part: string, n: number, partTotal: number, compressed: number): void {
    const { partBytes, ratio, ratioGrace } = this.limits;
    if (partTotal > partBytes) throw new LimitError("partBytes", partBytes, part);
    if (partTotal > ratioGrace && partTotal > compressed * ratio) throw new LimitError("ratio", ratio, part);
    this.inflated += n;
    if (this.inflated > this.limits.packageBytes)
      throw new LimitError("packageBytes", this.limits.packageBytes);
  }

  /** Counts `n` more cells read. */
  cells(n: number): void {
    this.cellCount += n;
    if (this.cellCount > this.limits.cells) throw new LimitError("cells", this.limits.cells);
  }
}

/** Limits with some replaced (tests use small ones to build small hostile files). */
export function limitsWith(partial: Partial<ReadLimits> | undefined): Readonly<ReadLimits> {
  return partial ? { ...DEFAULT_LIMITS, ...partial } : DEFAULT_LIMITS;
}

/** Heap bytes one cell of a sparse Grid takes, measured with some margin (docs/reliability.md). */
const BYTES_PER_CELL = 100;

/**
 * The limits for a process whose JavaScript heap may grow to `heapLimit` bytes: the cell limit shrinks so
 * that the cells of one workbook take at most half of it (a Node started with a small
 * --max-old-space-size refuses a huge file with a message instead of dying of it).
 */
export function limitsForHeap(heapLimit: number): ReadLimits {
  const cells = Math.floor((heapLimit * 0.5) / BYTES_PER_CELL);
  return { ...DEFAULT_LIMITS, cells: Math.max(100_000, Math.min(DEFAULT_LIMITS.cells, cells)) };
}
