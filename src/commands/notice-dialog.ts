/// <reference types="office-js" />
/**
 * How 一键重算 tells the user what it did. A function command has no UI of its own, and Excel has no
 * notification API for add-ins (Office.NotificationMessages is Outlook-only), so the result is shown in a
 * small Office dialog (notify.html, opened with Office.context.ui.displayDialogAsync from the function file).
 * The dialog closes itself after a few seconds or when the user clicks 关闭; the returned promise resolves
 * then, or at once when no dialog can be opened (e.g. served over plain http), so the caller can always
 * complete the command.
 */
import type { Notice } from "./recalculate";

/** How long the notice stays up, by tone: results that need action stay longer. */
const AUTO_CLOSE_MS: Record<Notice["tone"], number> = {
  success: 6000,
  info: 8000,
  warning: 20000,
  error: 20000,
};
/** Extra time after which the promise resolves even if Office never answers. */
const GRACE_MS = 5000;

/** The dialog page's address, next to the function file, carrying the notice in its query string. */
export function noticeUrl(notice: Notice, base: string): string {
  const url = new URL("notify.html", base);
  url.searchParams.set("tone", notice.tone);
  url.searchParams.set("title", notice.title);
  url.searchParams.set("message", notice.message);
  return url.toString();
}

/** Shows a notice in an Office dialog; resolves when it is closed (never rejects). */
export function showNoticeDialog(notice: Notice): Promise<void> {
  return new Promise<void>((resolve) => {
    let dialog: Office.Dialog | undefined;
    let settled = false;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const done = () => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      try {
        dialog?.close();
      } catch {
        // Already closed by the user.
      }
      resolve();
    };
    timers.push(setTimeout(done, AUTO_CLOSE_MS[notice.tone] + GRACE_MS));
    const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
    if (!ui || typeof ui.displayDialogAsync !== "function") return done();
    try {
      const options = { height: 30, width: 30, displayInIframe: true };
      ui.displayDialogAsync(noticeUrl(notice, window.location.href), options, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return done();
        dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
        timers.push(setTimeout(done, AUTO_CLOSE_MS[notice.tone]));
      });
    } catch {
      done();
    }
  });
}
