/// <reference types="office-js" />
/**
 * Locked cells. A protected sheet refuses writes to its locked cells only; templates often unlock the
 * 得分 and 偏差原因 cells for the person filling in the form. The flags are read with the cells, in the
 * same round trip (getCellProperties, ExcelApi 1.9), so that 一键重算 writes the unlocked cells and names
 * the locked ones.
 */

/** Only the locked flag of each cell (getCellProperties, ExcelApi 1.9): what a protected sheet refuses. */
export const LOCKED: Excel.CellPropertiesLoadOptions = { format: { protection: true } };

export function queueLocked(range: Excel.Range): OfficeExtension.ClientResult<Excel.CellProperties[][]> {
  return range.getCellProperties(LOCKED);
}

/** The cells ("row,col", absolute) a getCellProperties answer says are unlocked. */
export function unlockedOf(
  props: Excel.CellProperties[][] | null | undefined,
  top: number,
  left: number,
  into = new Set<string>()
): Set<string> {
  props?.forEach((line, r) =>
    line.forEach((p, c) => {
      if (p?.format?.protection?.locked === false) into.add(`${top + r},${left + c}`);
    })
  );
  return into;
}
