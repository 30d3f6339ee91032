/**
 * Builds the pane before the e2e run when dist/ is missing or older than the sources.
 * ZPB_E2E_BUILD=always rebuilds every time; ZPB_E2E_BUILD=never uses dist/ as it is.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DIST, ROOT } from "./paths";

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  const mode = process.env.ZPB_E2E_BUILD ?? "auto";
  if (mode === "never") return;
  const page = join(DIST, "taskpane.html");
  const stale = mode === "always" || !existsSync(page) || statSync(page).mtimeMs < newest(join(ROOT, "src"));
  if (stale) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
}
