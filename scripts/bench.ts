/**
 * `npm run bench`: prints the benchmark tables (markdown). `npm run bench -- core` runs one section.
 * A new section is a BenchSection (scripts/bench/table.ts) added to SECTIONS.
 */
import { cpus } from "node:os";
import { cliSection } from "./bench/cli";
import { coreSection } from "./bench/core";
import { deskSection } from "./bench/desk";
import { excelSection } from "./bench/excel";
import { filesSection } from "./bench/files";
import { formatsSection } from "./bench/formats";
import { paneSection } from "./bench/pane";
import { reviewerSection } from "./bench/reviewer";
import { startupSection } from "./bench/startup";
import { printTable, type BenchSection } from "./bench/table";
import { wpsSection } from "./bench/wps";

const SECTIONS: BenchSection[] = [
  coreSection,
  cliSection,
  startupSection,
  reviewerSection,
  excelSection,
  wpsSection,
  paneSection,
  deskSection,
  filesSection,
  formatsSection,
];

const wanted = process.argv.slice(2);
const chosen = wanted.length ? SECTIONS.filter((s) => wanted.includes(s.name)) : SECTIONS;
if (chosen.length === 0) {
  process.stderr.write(
    `没有这个部分：${wanted.join(" ")}；可用：${SECTIONS.map((s) => s.name).join("、")}\n`
  );
  process.exitCode = 2;
} else {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  process.stdout.write(
    `## 性能测试\n\nNode ${process.version}，${cpu} × ${cpus().length}，${new Date().toISOString().slice(0, 10)}\n\n`
  );
  for (const section of chosen) for (const table of await section.run()) printTable(table);
}
