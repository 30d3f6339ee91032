/** Where the e2e tests find the build, fixtures and the browser. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
/** The built pane; ZPB_DIST points elsewhere (a build made outside the tree). */
export const DIST = process.env.ZPB_DIST ?? join(ROOT, "dist");
export const FORM = join(ROOT, "tests", "fixtures", "forms", "single", "2023-taopu-003.xlsx");
/** 70 forms, one per sheet. */
export const WORKBOOK = join(ROOT, "tests", "fixtures", "forms", "forms-2023-putuo-taopu-001-070.xlsx");
/** Six sheets: five forms (some with errors) and a note. */
export const SAMPLE = join(ROOT, "samples", "自评表-示例.xlsx");
export const SCREENSHOT = join(ROOT, "docs", "screenshot-pane.png");

/** Debian's chromium (or $CHROMIUM), found on PATH; null when there is none. */
export function chromiumPath(): string | null {
  if (process.env.CHROMIUM && existsSync(process.env.CHROMIUM)) return process.env.CHROMIUM;
  try {
    const found = execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], {
      encoding: "utf8",
    }).trim();
    return found || null;
  } catch {
    return null;
  }
}

/** Flags for a quiet, offline headless run in a container. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Set by vitest.e2e.config.ts: the e2e files are skipped in the unit run. */
export const E2E = process.env.ZPB_E2E === "1";
/** The report's picture in the README. */
export const REPORT_SCREENSHOT = join(ROOT, "docs", "screenshot-report.png");
