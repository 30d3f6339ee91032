/** The command's version, read from the package's own package.json (compiled or run from the sources). */
import { readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";

/** The folders where the package's own package.json may be found, nearest first. */
function packageDirs(): string[] {
  const dirs: string[] = [];
  // The compiled command (CommonJS, lib/cli) knows its folder; the TypeScript sources run as modules.
  if (typeof __dirname === "string") dirs.push(__dirname);
  try {
    if (process.argv[1]) dirs.push(dirname(realpathSync(process.argv[1])));
  } catch {
    // A script that is not a file.
  }
  dirs.push(process.cwd());
  return dirs;
}

export function version(): string {
  for (const start of packageDirs()) {
    for (let dir = start, up = 0; up < 6; up++, dir = dirname(dir)) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
        const { name, version: v } = parsed as { name?: unknown; version?: unknown };
        if (name === "zipingbiao" && typeof v === "string") return v;
      } catch {
        // No package.json here, or not one to read.
      }
      if (dirname(dir) === dir) break;
    }
  }
  return "0.0.0";
}
