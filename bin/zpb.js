#!/usr/bin/env node
// The installed `zpb` command. It runs the TypeScript sources through tsx's loader, so that the command
// works from a fresh clone after `npm ci` without a build step and never runs stale compiled code.
import { register } from "tsx/esm/api";

register();
try {
  await import("../src/cli/main.ts");
} catch (err) {
  // Only a broken installation reaches this point: the command itself reports its own errors.
  const detail = err instanceof Error ? err.message.split("\n")[0] : String(err);
  process.stderr.write(`zpb 无法启动：${detail}\n`);
  if (process.env.ZPB_DEBUG === "1" && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 2;
}
