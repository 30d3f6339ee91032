/** Entry point of `zpb` (npm run zpb, bin/zpb.js): runs the command on the process's streams. */
import { isatty } from "node:tty";
import { cliText as T } from "../i18n/cli";
import { colorAllowed } from "./color";
import { runCli } from "./run";
import { fdWriter } from "./stdio";
import { systemReason } from "./workbook";

async function main(): Promise<void> {
  // Written straight to the descriptors, every byte or a clear failure: a stream's error event would end
  // the process with a stack trace, and a short write on a full disk would cut the report silently.
  const out = fdWriter(1);
  const err = fdWriter(2);
  const status = await runCli(process.argv.slice(2), {
    out: (text) => out.write(text),
    err: (text) => err.write(text),
    color: colorAllowed(isatty(1), process.env),
    env: process.env,
  });
  if (out.failure !== null) {
    err.write(`${T.stdoutFailed(systemReason(out.failure) ?? T.systemOther(String(out.failure.code)))}\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = status;
}

void main();
