/**
 * What 一键重算 wrote: each cell (field, old → new) as a button that selects it, grouped by sheet; then what
 * was held and why (formulas kept, FIX_HELD, locked cells on a protected sheet).
 */
import * as React from "react";
import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Patch } from "../../core/types";
import { formatValue, paneText } from "../../i18n/pane";
import { bySheet, type Written } from "../written";
import { FindingItem } from "./FindingItem";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  sheet: { margin: 0, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  item: {
    display: "flex",
    width: "100%",
    columnGap: tokens.spacingHorizontalS,
    textAlign: "start",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    color: "inherit",
    cursor: "pointer",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, flexShrink: 0, minWidth: "36px" },
  what: { flexGrow: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  change: {
    flexShrink: 0,
    maxWidth: "50%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontFamily: tokens.fontFamilyMonospace,
  },
});

/** Above this many cells the list stops (a whole-workbook fix of 70 forms writes a few hundred). */
const MAX_SHOWN = 200;

export interface WrittenListProps {
  written: Written;
  onSelect: (sheet: string, cell: string) => void;
  headingRef?: React.Ref<HTMLHeadingElement>;
}

function valueText(v: Patch["old"]): string {
  if (v === null || v === "") return paneText.emptyValue;
  const text = typeof v === "boolean" ? String(v) : formatValue(v);
  return text.length > 14 ? `${text.slice(0, 13)}…` : text;
}

function fieldOf(p: Patch, rows: Written["rows"]): string {
  const label = rows.get(`${p.sheet}|${p.row}`);
  const field = paneText.fields[p.what];
  return label && (p.what === "score" || p.what === "reason") ? `${field} · ${label}` : field;
}

export function WrittenList({ written, onSelect, headingRef }: WrittenListProps) {
  const styles = useStyles();
  const groups = bySheet(written.patches.slice(0, MAX_SHOWN));
  const several = bySheet(written.patches).length > 1;
  const heldCount = written.held.length + written.refused.length;
  return (
    <section className={styles.root} aria-label={paneText.writtenTitle(written.patches.length)}>
      <h2 className={styles.heading} ref={headingRef} tabIndex={-1}>
        {paneText.writtenTitle(written.patches.length)}
      </h2>
      {groups.map(([sheet, patches]) => (
        <div key={sheet}>
          {several && (
            <Caption1 as="h3" className={styles.sheet}>
              {sheet}
            </Caption1>
          )}
          <ul className={styles.list}>
            {patches.map((p) => {
              const field = fieldOf(p, written.rows);
              const from = valueText(p.old);
              const to = valueText(p.value);
              return (
                <li key={`${p.sheet}!${p.cell}`}>
                  <button
                    type="button"
                    className={styles.item}
                    onClick={() => onSelect(p.sheet, p.cell)}
                    aria-label={paneText.writtenItem(p.cell, field, from, to)}
                    title={paneText.selectCell(p.cell)}
                  >
                    <span className={styles.cell}>{p.cell}</span>
                    <span className={styles.what} title={field}>
                      {field}
                    </span>
                    <span className={styles.change}>
                      {from} → {to}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {written.patches.length > MAX_SHOWN && (
        <Caption1>{paneText.moreWritten(written.patches.length - MAX_SHOWN)}</Caption1>
      )}
      {heldCount > 0 && (
        <>
          <Subtitle2 as="h2" className={styles.heading}>
            {paneText.heldTitle(heldCount)}
          </Subtitle2>
          <ul className={styles.list}>
            {written.refused.map((p) => (
              <li key={`locked-${p.sheet}!${p.cell}`}>
                <FindingItem
                  finding={{
                    code: "FIX_HELD",
                    severity: "warning",
                    cell: p.cell,
                    label: fieldOf(p, written.rows),
                    message: paneText.lockedCell(p.cell),
                  }}
                  onSelect={(cell) => onSelect(p.sheet, cell)}
                />
              </li>
            ))}
            {written.held.map(({ sheet, finding }, i) => (
              <li key={`held-${sheet}!${finding.cell}-${i}`}>
                <FindingItem finding={finding} onSelect={(cell) => onSelect(sheet, cell)} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
