import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

describe("npm run demo", () => {
  it("names the sample workbook as typed from the repository root, not by an absolute path", async () => {
    const tmp = await tempDir(); // the demo writes its fixed copy under TMPDIR
    const { stdout } = await promisify(execFile)(TSX, ["scripts/demo.ts"], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", TMPDIR: tmp.dir },
    }).finally(tmp.cleanup);
    const lines = stdout.split("\n");
    expect(lines.filter((l) => l.startsWith("samples/自评表-示例.xlsx  【"))).toHaveLength(1);
    expect(stdout).not.toContain(ROOT);
  }, 60_000);
});
