/**
 * `npm run build:cli` (and `prepare`): compiles the `zpb` command to CommonJS JavaScript in lib/, so that
 * the installed command starts without a TypeScript loader. lib/ is rebuilt from scratch each time.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const lib = fileURLToPath(new URL("../lib", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

rmSync(lib, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
mkdirSync(lib, { recursive: true });
// The sources are ES modules for the bundler and tsx; the compiled ones are CommonJS (extensionless
// imports resolve there), whatever "type" the package itself declares.
writeFileSync(`${lib}/package.json`, '{ "type": "commonjs" }\n');
