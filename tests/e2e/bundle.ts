/** Bundles a test-side TypeScript entry into one script for page.addInitScript. */
import { build } from "esbuild";

/** The entry and its imports as one IIFE (browser target, no minification: readable stack traces). */
export async function bundleForPage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
    // The Excel fake counts payload bytes with Node's Buffer.byteLength; the page has no Buffer.
    banner: {
      js: "var Buffer = { byteLength: function (s) { return new TextEncoder().encode(String(s)).length; } };",
    },
  });
  return result.outputFiles[0].text;
}
