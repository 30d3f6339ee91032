/** The pane's JavaScript as the browser loads it from dist/taskpane.html: raw and gzip sizes per chunk. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface Chunk {
  file: string;
  raw: number;
  gzip: number;
}

/** office.js comes from Microsoft's copy in dist/office-js/ and is not the pane's own code. */
const isOfficeJs = (file: string): boolean => file.startsWith("office-js/") || /(^|\/)office\.js$/.test(file);

/**
 * The scripts taskpane.html loads: its <script src> tags and the bundles listed in data-bundles (loaded in
 * order by legacy/check.js), without office.js.
 */
export function scriptsOf(html: string): string[] {
  const files: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*?\ssrc=(["']?)([^"'\s>]+)\1/g)) files.push(m[2]);
  for (const m of html.matchAll(/\sdata-bundles=(["'])([^"']*)\1/g)) files.push(...m[2].split(/\s+/));
  return [...new Set(files.filter((f) => f && !isOfficeJs(f)))];
}

/** Raw and gzip (level 9) sizes, in bytes, of each script the pane loads. */
export async function paneChunks(dist: string): Promise<Chunk[]> {
  const html = await readFile(join(dist, "taskpane.html"), "utf8");
  const chunks: Chunk[] = [];
  for (const file of scriptsOf(html)) {
    const bytes = await readFile(join(dist, file));
    chunks.push({ file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return chunks;
}
