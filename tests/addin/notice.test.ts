// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { noticeUrl, showNoticeDialog } from "../../src/commands/notice-dialog";
import type { Notice } from "../../src/commands/recalculate";

const notice: Notice = {
  tone: "warning",
  title: "一键重算完成",
  message: "“自评表”已重算 & <b>写入</b> 3 处",
};
type Handler = (arg: unknown) => void;

/** A minimal Office global with a dialog API that succeeds or fails as asked. */
function fakeOffice(status: "succeeded" | "failed") {
  const handlers = new Map<string, Handler>();
  const dialog = { addEventHandler: (type: string, h: Handler) => handlers.set(type, h), close: vi.fn() };
  const displayDialogAsync = vi.fn((_url: string, _options: unknown, callback: (r: unknown) => void) =>
    callback({ status, value: status === "succeeded" ? dialog : undefined, error: { code: 12007 } })
  );
  vi.stubGlobal("Office", {
    context: { ui: { displayDialogAsync } },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
    onReady: () => Promise.resolve({ host: null }),
  });
  return { handlers, dialog, displayDialogAsync };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("notice dialog", () => {
  it("carries the notice in notify.html's query string, next to the function file", () => {
    const url = new URL(noticeUrl(notice, "https://localhost:3000/commands.html"));
    expect(url.origin + url.pathname).toBe("https://localhost:3000/notify.html");
    expect(url.searchParams.get("message")).toBe(notice.message);
    expect(url.searchParams.get("tone")).toBe("warning");
  });

  it("resolves at once when no dialog API exists or the dialog cannot open", async () => {
    await expect(showNoticeDialog(notice)).resolves.toBeUndefined();
    const { displayDialogAsync } = fakeOffice("failed");
    await expect(showNoticeDialog(notice)).resolves.toBeUndefined();
    expect(displayDialogAsync).toHaveBeenCalledTimes(1);
  });

  it("resolves and closes the dialog when the user clicks 关闭", async () => {
    const { handlers, dialog } = fakeOffice("succeeded");
    const shown = showNoticeDialog(notice);
    handlers.get("message")?.({ message: "close" });
    await expect(shown).resolves.toBeUndefined();
    expect(dialog.close).toHaveBeenCalledTimes(1);
  });

  it("notify.html shows the text as text, never as HTML", async () => {
    fakeOffice("succeeded");
    document.body.innerHTML = '<h1 id="title"></h1><p id="message"></p><button id="close"></button>';
    const { renderNotice } = await import("../../src/commands/notify");
    renderNotice(document, new URL(noticeUrl(notice, "https://localhost:3000/commands.html")).search);
    expect(document.getElementById("title")?.textContent).toBe("一键重算完成");
    expect(document.getElementById("message")?.textContent).toBe(notice.message);
    expect(document.querySelector("#message b")).toBeNull();
    expect(document.body.dataset.tone).toBe("warning");
    expect(document.getElementById("close")?.textContent).toBe("关闭");
  });
});
