/**
 * `npm run wps:publish -- https://intranet.example/zpb/`: writes dist/wps-publish/publish.html for an online
 * install. The URL is where dist/ is deployed (ending with "/"); the add-in is its wps/ folder, whose
 * ribbon.xml must be reachable there. Users open publish.html and click 安装.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { addinUrl, publishHtml } from "./lib.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const base = process.argv[2];
const url = base ? addinUrl(base) : null;
if (!url) {
  console.error(
    "用法：npm run wps:publish -- <部署 dist/ 的 http(s) 地址，以 / 结尾>，例如 https://intranet.example/zpb/"
  );
  process.exit(2);
}
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const out = path.join(root, "dist", "wps-publish");
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "publish.html"), publishHtml({ url, version }));
console.log(
  `已写出 ${path.join("dist", "wps-publish", "publish.html")}：加载项地址 ${url}（${url}ribbon.xml 需可访问）。`
);
