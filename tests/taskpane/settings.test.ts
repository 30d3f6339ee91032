/** Settings persist in local storage and survive garbage in it. */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from "../../src/taskpane/settings";

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe("settings", () => {
  it("defaults to mof2020, prompts on, highlight off, not reviewer", () => {
    expect(loadSettings(memoryStorage())).toEqual({
      profile: "mof2020",
      prompts: true,
      highlight: false,
      reviewer: false,
    });
  });

  it("round-trips and ignores unknown profiles and malformed JSON", () => {
    const storage = memoryStorage();
    saveSettings({ profile: "mof2020-strict", prompts: false, highlight: true, reviewer: true }, storage);
    expect(loadSettings(storage)).toEqual({
      profile: "mof2020-strict",
      prompts: false,
      highlight: true,
      reviewer: true,
    });
    storage.setItem(storage.key(0) ?? "", JSON.stringify({ profile: "nope", prompts: "yes" }));
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
    storage.setItem(storage.key(0) ?? "", "{");
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
  });
});
