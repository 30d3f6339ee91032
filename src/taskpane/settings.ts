/** The pane's settings: kept in the browser's local storage of the pane, per machine. */
import { PROFILES, type ProfileName } from "../core/profile";

export interface PaneSettings {
  profile: ProfileName;
  /** Whether 一键重算 writes prompts into empty 偏差原因 cells. */
  prompts: boolean;
  /** Whether findings are highlighted in the sheet (off by default: formatting can clear Excel's undo). */
  highlight: boolean;
  /** 审阅模式: the pane never writes. */
  reviewer: boolean;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  profile: "mof2020",
  prompts: true,
  highlight: false,
  reviewer: false,
};

const KEY = "zipingbiao.pane.settings";

function isProfileName(value: unknown): value is ProfileName {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(PROFILES, value);
}

/** Settings from storage; defaults for anything missing or malformed (storage may be disabled). */
export function loadSettings(storage: Storage | undefined = globalThis.localStorage): PaneSettings {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(KEY) ?? "null");
    if (typeof raw !== "object" || raw === null) return DEFAULT_SETTINGS;
    const saved = raw as Record<string, unknown>;
    const flag = (name: keyof PaneSettings, fallback: boolean) =>
      typeof saved[name] === "boolean" ? (saved[name] as boolean) : fallback;
    return {
      profile: isProfileName(saved.profile) ? saved.profile : DEFAULT_SETTINGS.profile,
      prompts: flag("prompts", DEFAULT_SETTINGS.prompts),
      highlight: flag("highlight", DEFAULT_SETTINGS.highlight),
      reviewer: flag("reviewer", DEFAULT_SETTINGS.reviewer),
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Saves settings; a pane without storage (private mode, WPS quirks) simply forgets them. */
export function saveSettings(
  settings: PaneSettings,
  storage: Storage | undefined = globalThis.localStorage
): void {
  try {
    storage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Nothing to do: settings are a convenience.
  }
}
