/**
 * `npm run wps:pack`: the offline add-in, as `wpsjs build` makes it. Writes into dist/wps-pack/:
 *   zipingbiao_<version>/   the entry page at its root beside the same task pane, so it runs from a folder
 *   zipingbiao.7z           that folder, packed with 7-Zip (Debian: the 7zip package's 7zz; Windows: 7-Zip)
 *   jsplugins.xml           the list WPS reads (oem.ini JsApiPlugin=true), its url pointing at the .7z
 * and prints the publish.xml line for copying the folder into jsaddons by hand.
 *
 *   npm run wps:pack                                          jsplugins.xml points at the .7z here (file:///)
 *   npm run wps:pack -- --url https://intranet.example/zpb/   … at https://intranet.example/zpb/zipingbiao.7z
 *   npm run wps:pack -- --out /tmp/pack                        writes elsewhere than dist/wps-pack
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { flattenPage, jspluginsXml, offlineEntry, packageFolder, packageName } from "./lib.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = process.env.ZPB_DIST ?? path.join(root, "dist");
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

if (!existsSync(path.join(dist, "wps", "ribbon.xml"))) {
  console.error("dist/wps 不存在：请先运行 npm run build。");
  process.exit(2);
}

/** The 7-Zip program: 7zz (Debian's 7zip, 7-Zip's own Linux build), 7z, 7za, or 7-Zip on Windows. */
function sevenZip() {
  const candidates = ["7zz", "7z", "7za"];
  for (const dir of [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean))
    candidates.push(path.join(dir, "7-Zip", "7z.exe"));
  return candidates.find((cmd) => spawnSync(cmd, ["i"], { stdio: "ignore" }).status === 0) ?? null;
}

const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const folderName = packageFolder(version);
const out = path.resolve(option("--out") ?? path.join(dist, "wps-pack"));
const folder = path.join(out, folderName);
rmSync(out, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });

// The pane and what it loads (not office.js, the Excel manifest and the Excel ribbon's pages).
const SKIP = new Set([
  "wps",
  "wps-pack",
  "wps-publish",
  "office-js",
  "manifest.xml",
  "commands.html",
  "notify.html",
]);
for (const entry of readdirSync(dist)) {
  if (SKIP.has(entry) || /^(commands|notify)\./.test(entry)) continue;
  if (path.resolve(dist, entry) === out) continue;
  cpSync(path.join(dist, entry), path.join(folder, entry), { recursive: true });
}
// The WPS add-in at the root; its pages point at the pane beside them.
for (const entry of readdirSync(path.join(dist, "wps"))) {
  const from = path.join(dist, "wps", entry);
  const to = path.join(folder, entry);
  if (entry.endsWith(".html")) writeFileSync(to, flattenPage(readFileSync(from, "utf8")));
  else cpSync(from, to, { recursive: true });
}

const tool = sevenZip();
if (!tool) {
  console.error(
    `没有找到 7-Zip（7zz / 7z）：已写出文件夹 ${folder}，但没有打包 ${packageName()}。` +
      "请安装 7-Zip（Debian / Ubuntu：apt install 7zip）后重试。"
  );
  process.exit(3);
}
const archive = path.join(out, packageName());
// Run in `out`, so that the archive holds zipingbiao_<version>/… as `wpsjs build` packs it.
const packed = spawnSync(tool, ["a", "-t7z", "-mx=9", "-bd", archive, folderName], {
  cwd: out,
  stdio: ["ignore", "ignore", "inherit"],
});
if (packed.status !== 0) {
  console.error(`7-Zip 打包失败（退出码 ${packed.status}）。`);
  process.exit(3);
}

const base = option("--url");
const url = base
  ? new URL(packageName(), base.endsWith("/") ? base : `${base}/`).href
  : pathToFileURL(archive).href;
writeFileSync(path.join(out, "jsplugins.xml"), jspluginsXml(url, version));

console.log(`离线加载项：${archive}（文件夹 ${folder}）`);
console.log("");
console.log(
  `方式一（企业版 / OEM 版，oem.ini 中 [Support] JsApiPlugin=true）：把 ${path.join(out, "jsplugins.xml")}`
);
console.log(`复制进 WPS 的 jsaddons 文件夹；其中的地址指向 ${url}。`);
console.log("  Windows：%APPDATA%\\kingsoft\\wps\\jsaddons；Linux：~/.local/share/Kingsoft/wps/jsaddons");
console.log("");
console.log(
  "方式二（个人版等）：把 .7z 放到内网地址，运行 npm run wps:publish -- <地址> --offline，让用户打开 publish.html 安装。"
);
console.log("");
console.log(
  `方式三（手动）：把文件夹 ${folderName} 复制进 jsaddons，并在其中 publish.xml 的 <jsplugins> 里加一行：`
);
console.log(`  ${offlineEntry(version)}`);
console.log("");
console.log("改动加载项后重启 WPS；Linux 上先运行 quickstartoffice restart。");
