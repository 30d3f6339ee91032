/**
 * What browser mode agrees to open. A tab has a few hundred MB to work with; a workbook bigger than these
 * limits would exhaust it while parsing, so it is refused up front with a Chinese message pointing to the
 * zpb command, which has no such limit.
 */
import { paneText } from "../../i18n/pane";
import { parseZip } from "../xlsx/zip";
import { HostError } from "../types";

const MB = 1024 * 1024;

export interface FileLimits {
  /** Bytes of the file as picked or dropped. */
  fileBytes: number;
  /** Bytes the package's entries say they inflate to, all together. */
  inflatedBytes: number;
}

export const FILE_LIMITS: FileLimits = { fileBytes: 50 * MB, inflatedBytes: 400 * MB };

const mb = (n: number): string => (n / MB).toFixed(1);

/**
 * Throws HostError "too-large" when the file, or what its zip directory says its parts inflate to, is
 * beyond the limits. A bomb that lies in its directory is stopped by the xlsx reader's own inflate limit;
 * this check only keeps an honest but huge package from being read at all. Bytes that are not a zip
 * pass: the reader says what they are.
 */
export function checkLimits(bytes: Uint8Array, limits: FileLimits = FILE_LIMITS): void {
  if (bytes.length > limits.fileBytes)
    throw new HostError(paneText.fileTooLarge(mb(bytes.length), limits.fileBytes / MB), "too-large");
  let inflated = 0;
  try {
    for (const entry of parseZip(bytes).entries) inflated += entry.size;
  } catch {
    return;
  }
  if (inflated > limits.inflatedBytes)
    throw new HostError(paneText.contentTooLarge(mb(inflated), limits.inflatedBytes / MB), "too-large");
}
