/**
 * The one catalogue of what every finding code is called where a person reads it (the summary's 问题明细 and
 * 统计, the report, the letters, the pane) and what to do about it. Codes themselves appear only in `--json`.
 * Keyed by string, so that a code the core adds shows its name as soon as it has one here (a test checks that
 * every FINDING_CODES entry has one).
 */

/** A finding code's Chinese name, a few words. */
export const CODE_NAME: Readonly<Record<string, string>> = {
  LAYOUT_NOT_FOUND: "不是自评表",
  WEIGHT_SUM: "分值合计不为100",
  WEIGHT_MISSING: "缺少分值",
  WEIGHT_SPLIT: "一级指标分值与建议不符",
  BUDGET_BASE_MISSING: "缺少全年预算数",
  BUDGET_RATE_MISMATCH: "预算执行率与预算数、执行数不符",
  BUDGET_SCORE_MISMATCH: "预算执行得分与执行率不符",
  SCORE_OVER_WEIGHT: "得分超过分值",
  SCORE_MISMATCH: "得分与规则不符",
  SCORE_MISSING: "缺少得分",
  QUALITATIVE_BAND: "定性指标得分不在等级区间",
  OVERSHOOT: "实际完成值远超目标",
  UNSCORABLE: "无法自动评分，需人工核对",
  TOTAL_MISMATCH: "总分与各项得分之和不符",
  GRADE_MISMATCH: "评分等级与总分不符",
  REASON_MISSING: "缺少偏差原因",
  FORMULA_KEPT: "公式单元格（一键重算不改写）",
  VALUE_UNREADABLE: "数值无法识别",
  FORM_UNREADABLE: "表格无法读取",
  FIX_HELD: "未改写（保持表内合计一致）",
  VALUE_EMPTY: "空单元格待填写",
  TOTAL_OVER_FULL: "总分超过满分",
  COLUMN_INFERRED: "按内容识别的列",
};

/** What the department should do about a finding of that code ("" where the message says it all). */
export const CODE_ADVICE: Readonly<Record<string, string>> = {
  WEIGHT_SUM: "核对各指标分值，使预算执行和各指标分值合计为 100",
  WEIGHT_MISSING: "补填该指标的分值",
  WEIGHT_SPLIT: "按产出 50、效益 30、满意度 10 调整一级指标分值，或说明理由",
  BUDGET_BASE_MISSING: "补填全年预算数",
  BUDGET_RATE_MISMATCH: "执行率 = 全年执行数 ÷ 全年预算数，请更正",
  BUDGET_SCORE_MISMATCH: "预算得分 = 执行率 × 分值，请更正",
  SCORE_OVER_WEIGHT: "得分不能超过分值，请更正",
  SCORE_MISMATCH: "按实际完成值与指标值重算得分",
  SCORE_MISSING: "补填得分",
  QUALITATIVE_BAND: "按达成情况所在的区间给分",
  TOTAL_MISMATCH: "总分应等于预算得分与各指标得分之和",
  GRADE_MISMATCH: "按总分确定等级：≥90 优，80–90 良，60–80 中，<60 差",
  REASON_MISSING: "在「偏差原因分析及改进措施」中说明未满分或未达成的原因",
  VALUE_UNREADABLE: "改为数字（如 10，而不是「十分」或错误值）",
  FORM_UNREADABLE: "按标准模板重新填报（保留 一级指标、分值、得分 等表头）",
  OVERSHOOT: "核对实际完成值或目标值是否填写有误",
  UNSCORABLE: "人工核对该指标得分",
  FIX_HELD: "先更正所指出的分值或得分，再重算总分和评分等级",
  VALUE_EMPTY: "补填该单元格",
  TOTAL_OVER_FULL: "核对各项得分，总分不能超过满分",
  COLUMN_INFERRED: "核对该列是否为所识别的内容；建议按标准模板填写表头",
};

/** The name a person reads for a code; never the code itself. */
export function codeName(code: string): string {
  return CODE_NAME[code] ?? "其他问题";
}

/** What to do about a code's finding, or "". */
export function codeAdvice(code: string): string {
  return CODE_ADVICE[code] ?? "";
}
