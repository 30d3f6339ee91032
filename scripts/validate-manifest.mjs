#!/usr/bin/env node
/**
 * npm run validate [-- --dist] [-- --online]
 *
 * Checks manifest.xml offline (config/manifest-check.mjs): well-formed, schema order, unique and resolved
 * ids, https://localhost:3000 URLs that name files the build serves, icon sizes, ReadWriteDocument, Workbook.
 * --dist     resolve the URLs against dist/ (after npm run build) instead of the sources.
 * --online   then also run `office-addin-manifest validate`, which posts the manifest to Microsoft's service.
 */
import { existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { checkManifest } from "../config/manifest-check.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const manifest = path.join(root, "manifest.xml");

/** Where each served page comes from before the build. */
const SOURCES = {
  "taskpane.html": "src/taskpane/taskpane.html",
  "commands.html": "src/commands/commands.html",
  "notify.html": "src/commands/notify.html",
};

function readLocal(file) {
  const rel = args.has("--dist") ? path.join("dist", file) : (SOURCES[file] ?? file);
  const full = path.join(root, rel);
  return existsSync(full) ? readFileSync(full) : null;
}

const errors = checkManifest(readFileSync(manifest, "utf8"), readLocal);
if (errors.length > 0) {
  console.error(`manifest.xml：发现 ${errors.length} 个问题 / ${errors.length} problem(s):`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}
console.log(
  `manifest.xml：离线结构检查通过 / offline structural check passed${args.has("--dist") ? " (dist/)" : ""}.`
);

if (args.has("--online")) {
  const bin = path.join(
    root,
    "node_modules",
    ".bin",
    process.platform === "win32" ? "office-addin-manifest.cmd" : "office-addin-manifest"
  );
  const result = spawnSync(bin, ["validate", manifest], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(result.status ?? 1);
}
