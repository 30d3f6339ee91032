/// <reference types="office-js" />
/**
 * The ribbon's function file (commands.html). 一键重算 runs without opening the pane: it reads the active
 * sheet through the Excel host, writes the fix and shows the result in a small dialog.
 */
import { analyzeSheet } from "../core/index";
import { createExcelHost } from "../hosts/excel";
import { loadSettings } from "../taskpane/settings";
import { showNoticeDialog } from "./notice-dialog";
import { runRecalculate, type CommandEvent } from "./recalculate";

/** The ExecuteFunction handler named `recalculate` in manifest.xml. Always completes the event. */
export async function recalculate(event: CommandEvent): Promise<void> {
  // The pane's settings (same origin, same storage) choose the profile, whether prompts are written, and
  // 审阅模式, in which the ribbon button too only checks and never writes.
  const { profile, prompts, reviewer } = loadSettings();
  await runRecalculate(() => createExcelHost(), analyzeSheet, event, showNoticeDialog, {
    profile,
    prompts,
    reviewer,
  });
}

Office.onReady(() => {
  // Office.actions is missing on some older builds; they look FunctionName up as a global (below).
  if (typeof Office.actions?.associate === "function") Office.actions.associate("recalculate", recalculate);
});
(globalThis as Record<string, unknown>).recalculate = recalculate;
