#!/usr/bin/env node
/**
 * npm start
 *
 * Windows/macOS: sideloads manifest.xml into Excel desktop with office-addin-debugging (which also starts the
 * dev server on https://localhost:3000). Elsewhere (Linux), or when that fails, or with ZPB_BROWSER=1:
 * builds and serves the pane on localhost for the browser mode and prints its address.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { runDebugging, usesExcelDesktop } from "./addin-debugging.mjs";
import { devServerTransport } from "../config/dev-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.ZPB_PORT || 3000);
const PID_FILE = path.join(root, ".tmp", "dev-server.pid");

function say(zh, en) {
  console.log(`\n【自评表助手】${zh}\n[zipingbiao] ${en}\n`);
}

/** Serves the pane with webpack's dev server in the foreground, recording its pid for npm stop. */
async function browserMode() {
  const transport = await devServerTransport();
  const scheme = transport.type === "https" ? "https" : "http";
  const url = `${scheme}://localhost:${port}/taskpane.html`;
  say(
    `浏览器模式：正在构建并启动本地服务器。完成后请在 Edge 或 Chrome 中打开 ${url} ，再在页面中打开要检查的 .xlsx 文件。按 Ctrl+C 或运行 npm stop 停止。`,
    `Browser mode: building and serving the pane. Then open ${url} in Edge or Chrome and open an .xlsx file there. Stop with Ctrl+C or npm stop.`
  );
  const webpack = path.join(root, "node_modules", "webpack", "bin", "webpack.js");
  // The transport is decided here; tell the config so it does not decide (and explain) it again.
  const env = { ...process.env, ZPB_HTTP: scheme === "http" ? "1" : "", ZPB_QUIET: "1" };
  const child = spawn(process.execPath, [webpack, "serve", "--mode", "development"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  mkdirSync(path.dirname(PID_FILE), { recursive: true });
  writeFileSync(PID_FILE, String(child.pid));
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => {
    rmSync(PID_FILE, { force: true });
    process.exit(code ?? 0);
  });
}

async function main() {
  if (!usesExcelDesktop()) {
    say(
      "本机没有 Excel 桌面版（Linux），无法旁加载加载项；改为浏览器模式。",
      "No Excel desktop on this machine (Linux): the add-in cannot be sideloaded; using browser mode instead."
    );
    return browserMode();
  }
  const args = [
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    String(port),
  ];
  const code = await runDebugging(root, args);
  if (code === 0) return;
  say(
    `office-addin-debugging 未能在 Excel 中加载加载项（退出码 ${code}）。请确认已安装 Excel 桌面版并能访问 npm 源；改为浏览器模式。`,
    `office-addin-debugging could not sideload the add-in into Excel (exit code ${code}). Check that Excel desktop is installed and the npm registry is reachable; using browser mode instead.`
  );
  return browserMode();
}

main();
