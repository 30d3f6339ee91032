/**
 * One case of the files benchmark, run in a child process of its own so that its peak memory is its own:
 * runs `zpb` with the arguments given and prints {"ms", "maxRssMb", "code", "err"} as one JSON line.
 */
import { performance } from "node:perf_hooks";
import { runCli } from "../../src/cli/run";

let err = "";
const start = performance.now();
const code = await runCli(process.argv.slice(2), {
  out: () => undefined,
  err: (t) => void (err += t),
  color: false,
  env: {},
});
const ms = performance.now() - start;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ms, maxRssMb, code, err: err.trim().split("\n")[0] ?? "" })}\n`);
