/** Entry point of `zpb` (npm run zpb, bin/zpb.js): runs the command on the process's streams. */
import { colorAllowed } from "./color";
import { runCli } from "./run";

// A reader that stops early (`zpb check … | head`) closes the pipe: that is not an error of the command.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

const status = await runCli(process.argv.slice(2), {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  color: colorAllowed(process.stdout.isTTY, process.env),
  env: process.env,
});
// exitCode, not exit(): lets stdout drain when it is a pipe.
process.exitCode = status;
