/** Wires layout → form → rules → fix. (Being implemented; returns not-a-form until then.) */
import type { Grid } from "./grid";
import type { Analysis, AnalyzeOptions } from "./index";

export function analyzeSheetImpl(grid: Grid, _options: AnalyzeOptions): Analysis {
  return {
    report: {
      name: grid.name,
      isForm: false,
      project: "",
      department: "",
      implementer: "",
      weights: { budget: null, indicators: 0, total: 0 },
      budget: { submittedRate: null, rate: null, submittedScore: null, score: null, cell: null, rateCell: null, annual: null, executed: null, explain: "" },
      indicators: [],
      total: { submitted: null, recomputed: 0, cell: null, printedSum: 0 },
      grade: null,
      findings: [{ code: "LAYOUT_NOT_FOUND", severity: "info", cell: "A1", message: "本工作表不是绩效自评表。" }],
    },
    patches: [],
  };
}
