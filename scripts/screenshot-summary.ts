/**
 * docs/screenshot-summary-print.png: page 1 of the summary as LibreOffice prints it (its PDF, shown by
 * Chromium's PDF viewer). Run: `npx tsx scripts/screenshot-summary.ts` (needs soffice and chromium). Without a
 * CJK font on the machine the Chinese glyphs print as boxes; the layout, sizes and wrapping are what is shown.
 */
import { spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { runCli } from "../src/cli/run";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const FORMS = join(ROOT, "tests/fixtures/forms");

const dir = await mkdtemp(join(tmpdir(), "zpb-shot-"));
try {
  const inputs = join(dir, "收到的表");
  await mkdir(inputs);
  await copyFile(join(FORMS, "forms-2023-putuo-taopu-001-070.xlsx"), join(inputs, "桃浦镇.xlsx"));
  await copyFile(join(FORMS, "forms-2022-minhang-wujing.xlsx"), join(inputs, "吴泾镇.xlsx"));
  const summary = join(dir, "汇总.xlsx");
  const quiet = { out: () => undefined, err: () => undefined, color: false, env: {} };
  await runCli(["check", inputs, "--summary", summary], quiet);
  const profile = pathToFileURL(join(dir, "profile")).href;
  const r = spawnSync(
    "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, summary],
    { encoding: "utf8", timeout: 180_000 }
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 990 } });
    await page.goto(`${pathToFileURL(join(dir, "汇总.pdf")).href}#toolbar=0&navpanes=0&view=FitH`);
    await page.waitForTimeout(3000);
    await page.screenshot({ path: join(ROOT, "docs/screenshot-summary-print.png") });
  } finally {
    await browser.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
