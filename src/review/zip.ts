/** Files packed into one .zip (the letters as one download in the pane). */
import { zipSync } from "fflate";
import type { NamedBytes } from "./letters";

/** A .zip of the files given, under their names (UTF-8 names, as Windows and macOS read them). */
export function zipFiles(files: readonly NamedBytes[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.name] = f.bytes;
  return zipSync(entries, { level: 6 });
}
