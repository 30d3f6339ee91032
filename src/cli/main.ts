/** Entry point of `zpb` (npm run zpb, bin/zpb.js): runs the command on the process's streams. */
import { writeSync } from "node:fs";
import { isatty } from "node:tty";
import { fdWriter } from "./stdio";
import { version } from "./version";

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // `zpb --version` answers before the command's modules are loaded: a start-up as quick as node's own.
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    writeSync(1, `${version()}\n`);
    return;
  }
  const [{ runCli }, { colorAllowed }, { systemReason }, { cliText: T }] = await Promise.all([
    import("./run"),
    import("./color"),
    import("./workbook"),
    import("../i18n/cli"),
  ]);
  // Written straight to the descriptors, every byte or a clear failure: a stream's error event would end
  // the process with a stack trace, and a short write on a full disk would cut the report silently.
  const out = fdWriter(1);
  const err = fdWriter(2);
  const status = await runCli(argv, {
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
