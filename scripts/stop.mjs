#!/usr/bin/env node
/**
 * npm stop
 *
 * Windows/macOS: office-addin-debugging stop (unloads the sideloaded add-in and stops its dev server).
 * Everywhere: stops the browser-mode dev server that npm start recorded in .tmp/dev-server.pid.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { runDebugging, usesExcelDesktop } from "./addin-debugging.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pidFile = path.join(root, ".tmp", "dev-server.pid");

if (usesExcelDesktop()) {
  await runDebugging(root, ["stop", "manifest.xml", "desktop"]);
}

if (existsSync(pidFile)) {
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  try {
    if (pid > 0) process.kill(pid, "SIGTERM");
    console.log(`【自评表助手】已停止本地服务器 / stopped the dev server (pid ${pid}).`);
  } catch {
    console.log("【自评表助手】本地服务器已不在运行 / the dev server was not running.");
  }
  rmSync(pidFile, { force: true });
} else {
  console.log("【自评表助手】没有由 npm start 启动的本地服务器 / no dev server started by npm start.");
}
