/**
 * `npm run wps:publish -- https://intranet.example/zpb/`: writes wps-publish/publish.html for an online
 * install. The URL is where dist/ is deployed (ending with "/"); the add-in is its wps/ folder, whose
 * ribbon.xml must be reachable there. Users open publish.html and click 安装. It is not part of the add-in
 * (it talks to WPS's local service, which the add-in's pages never may), so it is written outside dist/.
 *
 * `npm run wps:publish -- https://intranet.example/zpb/ --offline`: the same page for the offline package
 * (`npm run wps:pack`): the URL is where zipingbiao.7z is deployed; WPS downloads it once and runs the
 * add-in from its own copy.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { addinUrl, packageName, publishHtml } from "./lib.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const offline = args.includes("--offline");
const base = args.find((a) => !a.startsWith("--"));
const folder = base ? addinUrl(base) : null;
if (!folder) {
  console.error(
    "用法：npm run wps:publish -- <部署 dist/ 的 http(s) 地址，以 / 结尾> [--offline]，例如 https://intranet.example/zpb/"
  );
  process.exit(2);
}
const url = offline ? new URL(packageName(), base).href : folder;
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const out = path.join(root, "wps-publish");
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "publish.html"), publishHtml({ url, version, online: !offline }));
console.log(
  offline
    ? `已写出 ${path.join("wps-publish", "publish.html")}：离线包地址 ${url}（请把 dist/wps-pack/${packageName()} 放到该地址）。`
    : `已写出 ${path.join("wps-publish", "publish.html")}：加载项地址 ${url}（${url}ribbon.xml 需可访问）。`
);
