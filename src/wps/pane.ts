/**
 * Opening the task pane from the WPS ribbon: CreateTaskPane (or the CreateTaskpane spelling of WPS's docs)
 * with the absolute URL of the same taskpane.html the Excel manifest uses, docked right and made visible;
 * the pane already created is reused (its ID kept in PluginStorage, which every page of the add-in shares).
 */
import { DOCK_RIGHT, type EtApplication, type EtTaskPane } from "../hosts/wps/et";

const KEY = "zipingbiao.taskpane";
const TITLE = "自评表助手";

/** The pane's absolute URL: `relative` (from the entry page's meta) against the entry page's address. */
export function paneUrl(relative: string, base: string): string {
  return new URL(relative, base).href;
}

function existing(app: EtApplication, known: unknown): EtTaskPane | null {
  const id = known ?? safe(() => app.PluginStorage?.getItem(KEY));
  if (id === null || id === undefined || id === "" || typeof app.GetTaskPane !== "function") return null;
  return safe(() => app.GetTaskPane!(id)) ?? null;
}

function safe<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

let paneId: unknown = null;

/** Shows the pane (creating it the first time); null when this WPS has no task panes. */
export function showPane(app: EtApplication, url: string): EtTaskPane | null {
  let pane = existing(app, paneId);
  if (!pane) {
    const create = app.CreateTaskPane ?? app.CreateTaskpane;
    if (typeof create !== "function") return null;
    pane = create.call(app, url, TITLE);
    paneId = pane.ID;
    safe(() => app.PluginStorage?.setItem(KEY, String(pane!.ID)));
  }
  safe(() => (pane!.DockPosition = DOCK_RIGHT));
  pane.Visible = true;
  return pane;
}
