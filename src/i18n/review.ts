/** Text of the reviewer's papers written by src/review (summary, report, letters, the second round), zh-CN. */
import { STATUS_TEXT } from "./core";

export const reviewText = {
  status: STATUS_TEXT,
  overview: (c: { forms: number; passed: number; toCorrect: number; unscored: number; unreadable: number }) =>
    `自评表 ${c.forms} 张：通过 ${c.passed} 张，需修改 ${c.toCorrect} 张，未评分 ${c.unscored} 张；未能读取 ${c.unreadable} 项`,
  problemHeader: ["文件", "工作表", "单元格", "严重程度", "问题", "项目名称", "说明"],
  codeHeader: ["问题", "严重程度", "出现次数", "涉及表数", "怎么改"],
  findingHeader: ["单元格", "严重程度", "问题", "说明"],
  changeHeader: "与上次相比",
  fingerprintHeader: "内容标识",
  change: {
    new: "新报送",
    fixed: "已改正",
    still: "仍需修改",
    worse: "变差",
    same: "无变化",
  } as const,
  sinceTitle: "与上次审核相比",
  sinceLine: (when: string) => `上次审核：${when}`,
  sinceCounts: (c: Record<"new" | "fixed" | "still" | "worse" | "same", number>, gone: number) =>
    `新报送 ${c.new} 张，已改正 ${c.fixed} 张，仍需修改 ${c.still} 张，变差 ${c.worse} 张，无变化 ${c.same} 张；` +
    `上次有、这次没有的表 ${gone} 张`,
  goneTitle: "上次有、这次没有的表",
  goneHeader: ["文件", "工作表", "项目名称", "主管部门", "上次状态"],
  noneGone: "没有",
  correctedTitle: "自上次审核以来已改正的问题：",
  correctedItem: (cell: string, name: string) => `${cell}：${name}`,
  // Letters.
  letterTitle: (department: string) => `${department}：绩效自评表审核意见`,
  letterIntro: (when: string, forms: number, toCorrect: number) =>
    `经 ${when} 审核，贵单位报送的自评表共 ${forms} 张，其中 ${toCorrect} 张需修改。`,
  letterAsk: "请按下表逐项修改或说明后重新报送；单元格地址指向原表中的位置。",
  letterToCorrect: (n: number) => `需修改的表（${n} 张）`,
  letterPassed: (n: number) =>
    `审核通过的表（${n} 张）：已读取，并按规则重算了各项得分、总分和评分等级，未发现错误。`,
  letterUnscored: (n: number) =>
    `未评分的表（${n} 张）：表中没有填写得分或分值，无法核对总分和评分等级；已核对表头、分值和填写内容。` +
    "如需评分，请补填得分后重新报送。",
  letterUnreadable: (n: number) => `未能读取的文件或表（${n} 项），请重新报送（另存为 .xlsx）：`,
  letterHeader: ["单元格", "严重程度", "问题", "说明", "怎么改"],
  letterClosing: "如对审核意见有疑问，请与财政所绩效审核人员联系。",
  formPlace: (file: string, sheet: string, range: string | null) =>
    `${file}${sheet ? `「${sheet}」` : ""}${range ? ` ${range}` : ""}`,
  unattributedTitle: "未能归属主管部门的文件（审核人员自用）",
  unattributedIntro: (n: number) =>
    `以下 ${n} 项没有可识别的主管部门（文件无法读取、不是自评表，或表中未填写主管部门），没有写入给各部门的审核意见，请自行处理：`,
  unattributedHeader: ["文件", "工作表", "项目名称", "状态", "原因 / 最主要问题"],
  unattributedName: "未能归属",
  earlierUnreadable: "无法读取上次的审核结果：它既不是本工具写出的汇总表，也不是 --json 输出",
};
