import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../src/hosts/xlsx";
import { shiftFormula } from "../../src/hosts/xlsx/formula";
import { at, handWorkbook, worksheet } from "./helpers";

const STRINGS = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>纯文本</t></si>
<si><r><rPr><b/><sz val="10"/></rPr><t>得</t></r><r><t xml:space="preserve"> 分 </t></r><rPh sb="0" eb="1"><t>ドク</t></rPh><phoneticPr fontId="1"/></si>
<si><t>A &amp; B &lt;c&gt; &#x4E2D;&#25991; &quot;q&quot; &apos;s&apos;</t></si>
<si><t/></si>
<si><t>line_x000D_break</t></si>
</sst>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="0.0&quot;分&quot;"/></numFmts>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="176"><alignment wrapText="1"/></xf><xf numFmtId="14"/><xf numFmtId="49"/><xf numFmtId="9"/></cellXfs></styleSheet>`;

const MAIN = worksheet(
  `<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c><c r="E2" t="s"><v>3</v></c><c r="F2" t="s"><v>4</v></c></row>
<row r="3"><c r="B3" s="1"><v>0.9612</v></c><c r="C3" s="2"><v>9.5</v></c><c r="D3" s="3"><v>45000</v></c><c r="E3" s="4" t="inlineStr"><is><t xml:space="preserve">  内联 &amp; 文字 </t></is></c><c r="F3" t="b"><v>1</v></c><c r="G3" t="b"><v>0</v></c><c r="H3" t="e"><v>#DIV/0!</v></c></row>
<row r="4"><c r="B4"><f>SUM(B3:C3)</f><v>10.4612</v></c><c r="C4" t="str"><f>"总"&amp;"分"</f><v>总分</v></c><c r="D4"><f>1/0</f></c><c r="E4" s="5"/><c r="F4"><v></v></c></row>
<row r="5"><c r="B5"><f t="shared" ref="B5:B7" si="0">C5*$D$1+'C 表'!E5</f><v>1</v></c></row>
<row r="6"><c r="B6"><f t="shared" si="0"/><v>2</v></c></row>
<row r="7"><c r="B7"><f t="shared" si="0"/><v>3</v></c><c r="C7"><f t="shared" si="9"/><v>4</v></c></row>
<row r="9"><c><v>1</v></c><c><v>2</v></c><c r="E9"><v>5</v></c><c><v>6</v></c></row>
<row r="12"><c r="J12"><v>1e-7</v></c></row>`,
  `<mergeCells count="2"><mergeCell ref="B2:C2"/><mergeCell ref="$D$9:$F$10"/></mergeCells>`
);

function book() {
  return readWorkbook(
    handWorkbook(
      [
        {
          name: "第二张",
          path: "xl/worksheets/sheet9.xml",
          xml: worksheet(`<row r="1"><c r="A1"><v>2</v></c></row>`),
          state: "hidden",
        },
        { name: "图表", path: "xl/chartsheets/sheet1.xml", kind: "chartsheet", xml: "<chartsheet/>" },
        {
          name: "主表 & 其他",
          path: "xl/worksheets/sheet1.xml",
          target: "/xl/worksheets/sheet1.xml",
          xml: MAIN,
        },
        {
          name: "隐藏",
          path: "xl/worksheets/a.xml",
          target: "./worksheets/../worksheets/a.xml",
          xml: worksheet(""),
          state: "veryHidden",
        },
      ],
      { "xl/sharedStrings.xml": STRINGS, "xl/styles.xml": STYLES }
    )
  );
}

describe("reading hand-written worksheet XML", () => {
  it("lists worksheets in workbook order with states and resolved paths, skipping chartsheets", () => {
    const sheets = book().sheets;
    expect(sheets.map((s) => [s.name, s.path, s.state])).toEqual([
      ["第二张", "xl/worksheets/sheet9.xml", "hidden"],
      ["主表 & 其他", "xl/worksheets/sheet1.xml", "visible"],
      ["隐藏", "xl/worksheets/a.xml", "veryHidden"],
    ]);
    expect(sheets[2].grid.values).toEqual([]);
  });

  const g = book().sheets[1].grid;

  it("starts the grid at the first used cell", () => {
    expect([g.top, g.left]).toEqual([1, 0]);
    expect(g.name).toBe("主表 & 其他");
  });

  it("reads shared strings: rich runs joined, phonetic runs left out, entities and escapes decoded", () => {
    expect(at(g, "B2").value).toBe("纯文本");
    expect(at(g, "C2").value).toBe("得 分 ");
    expect(at(g, "D2").value).toBe(`A & B <c> 中文 "q" 's'`);
    expect(at(g, "E2").value).toBeNull();
    expect(at(g, "F2").value).toBe("line\rbreak");
  });

  it("reads numbers with their formats, inline strings, booleans and errors", () => {
    expect(at(g, "B3")).toEqual({ value: 0.9612, formula: null, format: "0.00%" });
    expect(at(g, "C3").format).toBe('0.0"分"');
    expect(at(g, "D3").format).toBe("yyyy/m/d");
    expect(at(g, "E3")).toEqual({ value: "  内联 & 文字 ", formula: null, format: "@" });
    expect(at(g, "F3").value).toBe(true);
    expect(at(g, "G3").value).toBe(false);
    expect(at(g, "H3").value).toBe("#DIV/0!");
    expect(at(g, "J12").value).toBe(1e-7);
  });

  it("reads formulas with their cached values", () => {
    expect(at(g, "B4")).toEqual({ value: 10.4612, formula: "=SUM(B3:C3)", format: null }); // General
    expect(at(g, "C4")).toMatchObject({ value: "总分", formula: '="总"&"分"' });
    expect(at(g, "D4")).toMatchObject({ value: null, formula: "=1/0" });
    expect(at(g, "E4")).toEqual({ value: null, formula: null, format: "0%" });
    expect(at(g, "F4").value).toBeNull();
  });

  it("gives shared-formula dependents their master's formula, moved", () => {
    expect(at(g, "B5").formula).toBe("=C5*$D$1+'C 表'!E5");
    expect(at(g, "B6").formula).toBe("=C6*$D$1+'C 表'!E6");
    expect(at(g, "B7")).toMatchObject({ value: 3, formula: "=C7*$D$1+'C 表'!E7" });
    // A dependent whose master is missing still reads as a formula cell.
    expect(at(g, "C7").formula).not.toBeNull();
  });

  it("places cells without an r attribute after the previous cell", () => {
    expect([at(g, "A9").value, at(g, "B9").value, at(g, "E9").value, at(g, "F9").value]).toEqual([
      1, 2, 5, 6,
    ]);
  });

  it("reads merged areas, absolute references included", () => {
    expect(g.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 8, left: 3, bottom: 9, right: 5 },
    ]);
  });

  it("reads worksheets whose elements carry a namespace prefix", () => {
    const xml = worksheet(
      `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1"><x:v>3</x:v></x:c></x:row>`,
      "",
      "x"
    );
    const s = readWorkbook(handWorkbook([{ name: "P", path: "xl/worksheets/sheet1.xml", xml }])).sheets[0]
      .grid;
    expect(s.values).toEqual([["前缀", 3]]);
  });

  it("reads only the sheets asked for", () => {
    const bytes = handWorkbook([
      { name: "一", path: "xl/worksheets/sheet1.xml", xml: worksheet("") },
      { name: "二", path: "xl/worksheets/sheet2.xml", xml: worksheet("") },
    ]);
    expect(readWorkbook(bytes, { sheets: ["二"] }).sheets.map((s) => s.name)).toEqual(["二"]);
  });
});

describe("moving shared formulas", () => {
  it("moves relative references and keeps absolute ones, strings, sheet names and functions", () => {
    expect(shiftFormula("A1+$B$2+C$3+$D4", 2, 1)).toBe("B3+$B$2+D$3+$D6");
    expect(shiftFormula('IF(H13="A1",LOG10(G13),Sheet1!A1)', 1, 0)).toBe('IF(H14="A1",LOG10(G14),Sheet1!A2)');
    expect(shiftFormula("SUM(A1:B2)", 0, 2)).toBe("SUM(C1:D2)");
    expect(shiftFormula("A1", -1, 0)).toBe("#REF!");
  });
});
