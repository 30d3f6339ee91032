/**
 * `npm run wps:pack`: the offline add-in. Writes dist/wps-pack/zipingbiao_<version>/ (the entry page at its
 * root beside the same task pane, so it runs from a local folder) and zipingbiao_<version>.zip, and prints
 * the publish.xml / jsplugins.xml lines for WPS's jsaddons folder.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { zipSync } from "fflate";
import { ADDIN_NAME, flattenPage, jspluginsLine, offlineEntry } from "./lib.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = path.join(root, "dist");
if (!existsSync(path.join(dist, "wps", "ribbon.xml"))) {
  console.error("dist/wps 不存在：请先运行 npm run build。");
  process.exit(2);
}
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const folderName = `${ADDIN_NAME}_${version}`;
const out = path.join(dist, "wps-pack");
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
  cpSync(path.join(dist, entry), path.join(folder, entry), { recursive: true });
}
// The WPS add-in at the root; its pages point at the pane beside them.
for (const entry of readdirSync(path.join(dist, "wps"))) {
  const from = path.join(dist, "wps", entry);
  const to = path.join(folder, entry);
  if (entry.endsWith(".html")) writeFileSync(to, flattenPage(readFileSync(from, "utf8")));
  else cpSync(from, to, { recursive: true });
}

const files = {};
const walk = (dir, rel) => {
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    const r = `${rel}/${entry}`;
    if (statSync(p).isDirectory()) walk(p, r);
    else files[r] = new Uint8Array(readFileSync(p));
  }
};
walk(folder, folderName);
const zip = path.join(out, `${folderName}.zip`);
writeFileSync(zip, zipSync(files, { level: 9 }));

console.log(`离线加载项：${path.relative(root, folder)}（压缩包 ${path.relative(root, zip)}）`);
console.log("");
console.log("方式一：把文件夹复制进 WPS 的 jsaddons 文件夹（Windows：%APPDATA%\\kingsoft\\wps\\jsaddons；");
console.log(
  "Linux：~/.local/share/Kingsoft/wps/jsaddons），并在其中的 publish.xml 的 <jsplugins> 里加一行："
);
console.log(`  ${offlineEntry(version)}`);
console.log("");
console.log(
  "方式二（企业版 / OEM 版，oem.ini 中 JsApiPlugin=true）：在 jsaddons 的 jsplugins.xml 里加一行，url 指向文件夹："
);
console.log(`  ${jspluginsLine(pathToFileURL(folder).href + "/", version)}`);
console.log("");
console.log("改动加载项后重启 WPS；Linux 上先运行 quickstartoffice restart。");
