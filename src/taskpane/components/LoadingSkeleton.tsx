/** Shown at once while the pane boots or reads a sheet. */
import * as React from "react";
import { Skeleton, SkeletonItem, makeStyles, tokens } from "@fluentui/react-components";
import { paneText } from "../../i18n/pane";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
  },
});

/** A placeholder with the shape of the summary and a few findings. */
export function LoadingSkeleton() {
  const styles = useStyles();
  return (
    <Skeleton className={styles.root} aria-label={paneText.loading} aria-busy="true">
      <SkeletonItem size={24} />
      <SkeletonItem size={64} />
      <SkeletonItem size={16} />
      <SkeletonItem size={40} />
      <SkeletonItem size={40} />
    </Skeleton>
  );
}
