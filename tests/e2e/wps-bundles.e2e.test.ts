/**
 * The built bundles of the pane and of the WPS entry page parse as ES2021, which the Chromium 104 of WPS
 * for Windows 12.x runs (ES2022 syntax such as class static blocks would not reach every WPS build).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import { DIST, E2E } from "./paths";

const scripts = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .map((f) => join(dir, f));

describe.skipIf(!E2E)("bundles for Chromium 104", () => {
  it("every script of dist/ and dist/wps/ parses at ECMAScript 2021", () => {
    const files = [...scripts(DIST), ...scripts(join(DIST, "wps"))];
    expect(files.some((f) => f.includes("taskpane"))).toBe(true);
    expect(files.some((f) => f.includes(join("wps", "main")))).toBe(true);
    for (const file of files) {
      expect(
        () => parse(readFileSync(file, "utf8"), { ecmaVersion: 2021, sourceType: "script" }),
        file
      ).not.toThrow();
    }
    // The check can fail: a class static block is ES2022.
    expect(() => parse("class A { static { } }", { ecmaVersion: 2021 })).toThrow();
  });
});
