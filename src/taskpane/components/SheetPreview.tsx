/** Browser mode: the sheet as a simple table, with the selected cell outlined and scrolled into view. */
import * as React from "react";
import { Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Grid } from "../../core/grid";
import type { CellMark } from "../../hosts/file/types";
import { strongestByCell } from "../../hosts/types";
import { paneText } from "../../i18n/pane";
import { previewModel } from "../preview";

const useStyles = makeStyles({
  scroll: {
    overflow: "auto",
    maxHeight: "360px",
    maxWidth: "100%",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    verticalAlign: "top",
    minWidth: "24px",
    maxWidth: "120px",
    overflowWrap: "anywhere",
  },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
  },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground1 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  info: { backgroundColor: tokens.colorNeutralBackground4 },
});

export interface SheetPreviewProps {
  grid: Grid;
  /** The cell to outline and scroll to (a clicked finding's cell). */
  selected: string | null;
  marks: CellMark[];
}

/** The preview is for orientation; its cells are not editable. */
export function SheetPreview({ grid, selected, marks }: SheetPreviewProps) {
  const styles = useStyles();
  const model = React.useMemo(() => previewModel(grid), [grid]);
  const scroller = React.useRef<HTMLDivElement>(null);
  const target = selected ? (model.anchors.get(selected) ?? selected) : null;
  const severity = strongestByCell(
    marks.map((m) => ({ cell: model.anchors.get(m.cell) ?? m.cell, severity: m.severity }))
  );

  React.useEffect(() => {
    if (!target) return;
    const cell = scroller.current?.querySelector(`[data-address="${target}"]`);
    // scrollIntoView is missing in some test DOMs; the outline still shows the cell.
    if (cell && "scrollIntoView" in cell && typeof cell.scrollIntoView === "function")
      cell.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [target]);

  return (
    <section aria-label={paneText.preview}>
      <Subtitle2 as="h2">{paneText.preview}</Subtitle2>
      <div className={styles.scroll} ref={scroller} tabIndex={0} role="region" aria-label={grid.name}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={mergeClasses(styles.cell, styles.head)} />
              {model.columns.map((c) => (
                <th key={c} scope="col" className={mergeClasses(styles.cell, styles.head)}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row) => (
              <tr key={row.number}>
                <th scope="row" className={mergeClasses(styles.cell, styles.head)}>
                  {row.number}
                </th>
                {row.cells.map((cell) => {
                  const mark = severity.get(cell.address);
                  return (
                    <td
                      key={cell.address}
                      data-address={cell.address}
                      data-severity={mark}
                      rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                      colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                      aria-current={cell.address === target ? "true" : undefined}
                      className={mergeClasses(
                        styles.cell,
                        mark && styles[mark],
                        cell.address === target && styles.selected
                      )}
                    >
                      {cell.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
