/**
 * Runs office-addin-debugging (sideloading into Excel desktop) for npm start / npm stop.
 *
 * It is not a dependency of the project: its newest versions declare a peer dependency
 * (@microsoft/m365agentstoolkit-cli) that pulls hundreds of packages and native modules (keytar) only needed
 * for Teams/Microsoft 365 publishing, which break `npm ci` on machines without them. It is therefore run
 * through npx, at a pinned version, without peer dependencies (the XML-manifest sideload never loads them);
 * semver is added because office-addin-dev-settings requires it without declaring it. A copy installed in
 * node_modules is used first.
 */
import { existsSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";

export const DEBUGGING_VERSION = "7.0.0";
const win = process.platform === "win32";

/** Whether npm start / npm stop sideload into Excel desktop (Windows, macOS) rather than use browser mode. */
export function usesExcelDesktop(env = process.env, platform = process.platform) {
  return (platform === "win32" || platform === "darwin") && env.ZPB_BROWSER !== "1";
}

/** Quotes an argument for the Windows shell (npx is a .cmd there and needs one). */
const quote = (arg) => (/[\s"&|<>^]/.test(arg) ? `"${arg.replace(/"/g, '\\"')}"` : arg);

/** The command line that runs office-addin-debugging with `args`. */
export function debuggingCommand(root, args) {
  const local = path.join(
    root,
    "node_modules",
    ".bin",
    win ? "office-addin-debugging.cmd" : "office-addin-debugging"
  );
  if (existsSync(local)) return { file: local, args };
  const pkg = `office-addin-debugging@${DEBUGGING_VERSION}`;
  return {
    file: win ? "npx.cmd" : "npx",
    args: ["--yes", "-p", pkg, "-p", "semver@7", "office-addin-debugging", ...args],
  };
}

/** Runs office-addin-debugging in the foreground; resolves with its exit code (127 when it cannot start). */
export function runDebugging(root, args) {
  const { file, args: argv } = debuggingCommand(root, args);
  const env = { ...process.env, npm_config_legacy_peer_deps: "true" };
  return new Promise((resolve) => {
    const child = win
      ? spawn([file, ...argv].map(quote).join(" "), { cwd: root, env, stdio: "inherit", shell: true })
      : spawn(file, argv, { cwd: root, env, stdio: "inherit" });
    child.on("error", () => resolve(127));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}
