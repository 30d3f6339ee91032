/** The WPS result dialog of 一键重算 (notice.html, opened with ShowDialog): the text from its query string. */
import { addinText as t } from "../i18n/addin";

const TONES = new Set(["success", "info", "warning", "error"]);

/** Fills the page from `?tone=&title=&message=` (text only, never HTML). */
export function renderWpsNotice(doc: Document, search: string): void {
  const params = new URLSearchParams(search);
  const tone = params.get("tone") ?? "";
  doc.body.dataset.tone = TONES.has(tone) ? tone : "info";
  const title = doc.getElementById("title");
  const message = doc.getElementById("message");
  const close = doc.getElementById("close");
  if (title) title.textContent = params.get("title") || t.noticeTitle;
  if (message) message.textContent = params.get("message") || "";
  if (close) {
    close.textContent = t.close;
    close.addEventListener("click", () => window.close());
  }
}

renderWpsNotice(document, window.location.search);
