/**
 * `npm run demo`: checks the bundled sample workbook, fixes it into a temporary folder (never into
 * samples/), then checks the fixed copy to show what still needs a person.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { colorAllowed } from "../src/cli/color";
import { runCli, type CliIo } from "../src/cli/run";

// Named as the user would type it from where they ran the demo (npm runs it at the repository root),
// not by this machine's absolute path.
const SAMPLE = relative(
  process.cwd(),
  fileURLToPath(new URL("../samples/自评表-示例.xlsx", import.meta.url))
);

const color = colorAllowed(process.stdout.isTTY, process.env);
const io: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  color,
  env: process.env,
};

function heading(text: string): void {
  const line = color ? `\u001b[1;34m${text}\u001b[0m` : text;
  process.stdout.write(`\n${line}\n${"─".repeat(40)}\n`);
}

heading("① 检查示例工作簿（zpb check，不改动文件）");
const checked = await runCli(["check", SAMPLE], io);
process.stdout.write(`退出码 ${checked}（1 = 有错误）\n`);

const out = join(await mkdtemp(join(tmpdir(), "zpb-demo-")), "自评表-示例.checked.xlsx");
heading("② 一键重算，写入新文件（zpb fix -o）");
const fixed = await runCli(["fix", SAMPLE, "-o", out], io);
if (fixed === 2) {
  process.exitCode = 2;
} else {
  heading("③ 检查修正后的文件：剩下的需要人工处理");
  const after = await runCli(["check", out], io);
  process.stdout.write(`退出码 ${after}；修正后的文件：${out}\n`);
}
