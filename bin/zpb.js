#!/usr/bin/env node
// The installed `zpb` command: the compiled JavaScript in lib/ (built by `npm run build:cli`, which the
// `prepare` script runs on `npm ci`, `npm install` and `npm pack`). No TypeScript is compiled at run time.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
try {
  require("../lib/cli/main.js");
} catch (err) {
  // Only a missing or broken build reaches this point: the command itself reports its own errors.
  const missing = err && err.code === "MODULE_NOT_FOUND" && String(err.message).includes("lib/cli/main.js");
  process.stderr.write(
    missing
      ? "zpb 尚未构建：请在项目文件夹中运行 npm run build:cli（npm ci 会自动构建）\n"
      : `zpb 无法启动：${err instanceof Error ? err.message.split("\n")[0] : String(err)}\n`
  );
  if (process.env.ZPB_DEBUG === "1" && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 2;
}
