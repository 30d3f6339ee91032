/**
 * Chooses how the dev server listens: https://localhost:3000 with office-addin-dev-certs' certificates when
 * they can be had, otherwise plain http with an explanation. Office only loads add-ins over https; the
 * browser mode (taskpane.html opened in Edge/Chrome) works over http too.
 *
 * - Windows/macOS: office-addin-dev-certs creates the certificates and asks once to trust its CA.
 * - Linux: installing the CA runs `sudo` (and may wait for a password), so it is never attempted here; the
 *   certificates are used only when they were installed beforehand (`npx office-addin-dev-certs install`).
 * - ZPB_HTTP=1 forces http; ZPB_HTTPS=1 forces the install attempt on Linux too.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Prints why the server runs on http, in Chinese and English. */
function explainHttp(reason) {
  if (process.env.ZPB_QUIET === "1") return;
  const url = `http://localhost:${process.env.ZPB_PORT || 3000}`;
  console.warn(
    [
      "",
      `【自评表助手】开发服务器使用 ${url}（未使用 https）。`,
      `  原因：${reason.zh}`,
      `  浏览器模式可以正常使用：在 Edge/Chrome 中打开 ${url}/taskpane.html。`,
      "  在 Excel 中加载需要 https：以管理员身份运行 npx office-addin-dev-certs install 后重新启动。",
      `[zipingbiao] The dev server runs on plain ${url}.`,
      `  Why: ${reason.en}`,
      `  Browser mode works: open ${url}/taskpane.html in Edge/Chrome.`,
      "  Excel needs https: run `npx office-addin-dev-certs install` (with admin rights), then restart.",
      "",
    ].join("\n")
  );
}

/** Reads already-installed certificates without installing anything; null when there are none. */
function installedCertificates(devCerts) {
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  if (!files.every((f) => existsSync(f))) return null;
  try {
    if (!devCerts.isCaCertificateInstalled()) return null;
  } catch {
    return null;
  }
  const [ca, cert, key] = files.map((f) => readFileSync(f));
  return { ca, cert, key };
}

/** The webpack-dev-server `server` option: { type: "https", options } or { type: "http" }. */
export async function devServerTransport(env = process.env, platform = process.platform) {
  if (env.ZPB_HTTP === "1") {
    explainHttp({ zh: "设置了 ZPB_HTTP=1。", en: "ZPB_HTTP=1 is set." });
    return { type: "http" };
  }
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch {
    explainHttp({ zh: "未安装 office-addin-dev-certs。", en: "office-addin-dev-certs is not installed." });
    return { type: "http" };
  }
  if (platform === "linux" && env.ZPB_HTTPS !== "1") {
    const certs = installedCertificates(devCerts);
    if (certs) return { type: "https", options: certs };
    explainHttp({
      zh: "Linux 上安装开发证书需要 sudo，本机尚未安装受信任的开发证书。",
      en: "on Linux installing the development CA needs sudo, and no trusted certificate is installed.",
    });
    return { type: "http" };
  }
  try {
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    explainHttp({
      zh: `无法获取或安装开发证书（${detail}）。`,
      en: `could not get or install certificates (${detail}).`,
    });
    return { type: "http" };
  }
}
