/// <reference types="office-js" />
/** The notice dialog's page (notify.html): shows the text from its query string; 关闭 tells the opener. */
import { addinText as t } from "../i18n/addin";

const TONES = ["success", "info", "warning", "error"] as const;
type Tone = (typeof TONES)[number];

function isTone(value: string | null): value is Tone {
  return (TONES as readonly (string | null)[]).includes(value);
}

/** Fills the page from `?tone=&title=&message=` (text only, never HTML). */
export function renderNotice(doc: Document, search: string): void {
  const params = new URLSearchParams(search);
  const tone = params.get("tone");
  doc.body.dataset.tone = isTone(tone) ? tone : "info";
  const title = doc.getElementById("title");
  const message = doc.getElementById("message");
  const close = doc.getElementById("close");
  if (title) title.textContent = params.get("title") || t.noticeTitle;
  if (message) message.textContent = params.get("message") || "";
  if (close) close.textContent = t.close;
}

renderNotice(document, window.location.search);

Office.onReady(() => {
  document.getElementById("close")?.addEventListener("click", () => {
    Office.context.ui.messageParent("close");
  });
});
