/** The WPS Application, found once per call (WPS injects it as `Application` and as `wps`). */
import { wpsText } from "../../i18n/wps";
import { HostError } from "../types";
import type { EtApplication, EtWorkbook } from "./et";

/** Where the host gets the Application from: injected in tests, the page's globals in WPS. */
export type AppSource = () => EtApplication | null | undefined;

export const globalApp: AppSource = () => {
  const g = globalThis as unknown as { Application?: EtApplication; wps?: EtApplication };
  return g.Application ?? g.wps ?? null;
};

export function appOf(source: AppSource): EtApplication {
  const app = source();
  if (!app) throw new HostError(wpsText.noWps, "unsupported");
  return app;
}

/** The active workbook; getters may throw before a document is ready. */
export function activeBook(app: EtApplication): EtWorkbook {
  let wb: EtWorkbook | null | undefined;
  try {
    wb = app.ActiveWorkbook;
  } catch {
    wb = null;
  }
  if (!wb) throw new HostError(wpsText.noWorkbook, "no-sheet");
  return wb;
}

/** The key state is kept under: the workbook's full path (its name until first saved). */
export function bookKey(wb: EtWorkbook): string {
  try {
    return String(wb.FullName || wb.Name);
  } catch {
    return "";
  }
}

export function detail(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return wpsText.unknownError;
}

/** Wraps an unexpected failure as a HostError the pane can show (HostErrors pass through). */
export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  return new HostError(wpsText.failed(detail(error)), "failed");
}

/** Runs `body` with screen updating off and one undo transaction around it, both restored in finally. */
export function inTransaction<T>(app: EtApplication, wb: EtWorkbook, description: string, body: () => T): T {
  let screen: unknown = true;
  let screenOff = false;
  try {
    screen = app.ScreenUpdating;
    app.ScreenUpdating = false;
    screenOff = true;
  } catch {
    // Some builds may not have it; writing still works.
  }
  const tools = optional(() => app.DebugTools);
  let open = false;
  if (tools && typeof tools.UndoTransBegin === "function") {
    try {
      tools.UndoTransBegin(wb);
      open = true;
    } catch {
      open = false;
    }
  }
  try {
    return body();
  } finally {
    if (open) {
      try {
        tools!.UndoTransEnd(wb, false, description);
      } catch {
        // The writes are done; only the grouping of Ctrl+Z is lost.
      }
    }
    if (screenOff) {
      try {
        app.ScreenUpdating = screen === false ? false : true;
      } catch {
        // Nothing more to restore.
      }
    }
  }
}

/** A member that may be missing or throw on some builds. */
export function optional<T>(get: () => T): T | undefined {
  try {
    return get() ?? undefined;
  } catch {
    return undefined;
  }
}
