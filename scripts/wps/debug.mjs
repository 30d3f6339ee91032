/**
 * `npm run wps:debug`: the development flow WPS developers know from `wpsjs debug`, for this project:
 * serves dist/ on http://127.0.0.1:PORT (building it first when missing), registers the add-in in WPS's
 * publish.xml as an online development add-in, and starts WPS 表格 where it is installed. Where WPS is
 * not installed it says so and keeps serving (the pane still opens in a browser).
 *
 *   npm run wps:debug                 port 3889
 *   npm run wps:debug -- --port 4000 --no-launch
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir, platform } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDist } from "./serve.mjs";
import { findEt, jsaddonsDir, onlineEntry, upsertPublishXml } from "./lib.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const port = Number(args[args.indexOf("--port") + 1]) || Number(process.env.ZPB_WPS_PORT) || 3889;
const launch = !args.includes("--no-launch");

if (!existsSync(path.join(root, "dist", "wps", "ribbon.xml"))) {
  console.log("dist/wps 不存在，先构建（npm run build）…");
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", shell: platform() === "win32" });
}

const { origin } = await serveDist(path.join(root, "dist"), port);
const url = `${origin}/wps/`;
console.log(`加载项：${url}（任务窗格：${origin}/taskpane.html）`);

const dir = jsaddonsDir(platform(), process.env, homedir());
const file = path.join(dir, "publish.xml");
mkdirSync(dir, { recursive: true });
const before = existsSync(file) ? readFileSync(file, "utf8") : "";
writeFileSync(file, upsertPublishXml(before, onlineEntry(url)));
console.log(`已在 ${file} 中登记开发加载项 zipingbiao。`);

/** `REG QUERY <key> /ve` (Windows): its output, or null. */
const reg = (key) => {
  try {
    return execFileSync("reg", ["query", key, "/ve"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return null;
  }
};
const et = findEt({ platform: platform(), env: process.env, fs: { existsSync, readdirSync }, reg });
if (!et) {
  console.log(
    "这台电脑上没有找到 WPS 表格，所以没有启动 WPS。装好 WPS 后重新运行本命令，或手动打开 WPS 表格。"
  );
} else if (launch) {
  console.log(`启动 WPS 表格：${et.exe}${et.from === "registry" ? "（来自注册表）" : ""}`);
  if (platform() === "linux")
    console.log("Linux 上 WPS 会预先驻留：如果看不到加载项，请运行 quickstartoffice restart 后重试。");
  spawn(et.exe, et.args, { detached: true, stdio: "ignore" }).unref();
}
console.log("按 Ctrl+C 停止。在 WPS 中按 Alt+F12 调试入口页，在任务窗格中按 F12。");
