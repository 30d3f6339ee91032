/**
 * The desk's state: a batch of files read one by one in the desk's worker (progress per file, cancel), the
 * results as `zpb check` gives them, the earlier 汇总 for the second round, and the batch built from them.
 * A file that fails is a row of the batch with its reason; the batch goes on.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import type { ProfileName } from "../../core/index";
import { PROFILES } from "../../core/index";
import { ReadCancelled } from "../../hosts/file/types";
import { createDeskReader, type DeskReader } from "../../hosts/file/desk-reader";
import { readFileBytes } from "../../hosts/file/read-file";
import {
  buildBatch,
  isOwnWorkbook,
  readEarlier,
  type Batch,
  type Earlier,
  type FileResult,
} from "../../review/index";
import { deskText } from "../../i18n/pane";
import { failedResult, readResult, sortInputs, type DeskInput } from "./inputs";

export type ItemState = "waiting" | "reading" | "done" | "failed" | "cancelled" | "own";

export interface DeskItem {
  path: string;
  size: number;
  state: ItemState;
}

export interface DeskState {
  items: DeskItem[];
  running: boolean;
  results: FileResult[];
  others: string[];
  ownOutputs: string[];
  inputs: string[];
  earlier: { name: string; value: Earlier } | null;
  message: string | null;
}

const EMPTY: DeskState = {
  items: [],
  running: false,
  results: [],
  others: [],
  ownOutputs: [],
  inputs: [],
  earlier: null,
  message: null,
};

/** The version the documents name (the pane is built from the same package as `zpb`). */
declare const __ZPB_VERSION__: string | undefined;
const VERSION = typeof __ZPB_VERSION__ === "string" ? __ZPB_VERSION__ : "";

export function useDesk(profile: ProfileName, makeReader: () => DeskReader = createDeskReader) {
  const [state, setState] = useState<DeskState>(EMPTY);
  const abort = useRef<AbortController | null>(null);
  const when = useRef(new Date());

  const run = useCallback(
    async (given: DeskInput[]) => {
      if (abort.current) return;
      const { read, others } = sortInputs(given);
      const controller = new AbortController();
      abort.current = controller;
      when.current = new Date();
      const roots = [...new Set(given.map((g) => (g.inFolder ? g.path.split("/")[0] : g.path)))];
      setState((s) => ({
        ...EMPTY,
        earlier: s.earlier,
        running: true,
        others,
        inputs: roots,
        items: read.map((r) => ({ path: r.path, size: r.file.size, state: "waiting" })),
      }));
      const reader = makeReader();
      const mark = (i: number, itemState: ItemState) =>
        setState((s) => ({
          ...s,
          items: s.items.map((item, j) => (j === i ? { ...item, state: itemState } : item)),
        }));
      try {
        for (let i = 0; i < read.length; i++) {
          if (controller.signal.aborted) break;
          const input = read[i];
          mark(i, "reading");
          let result: FileResult;
          try {
            const bytes = await readFileBytes(input.file);
            if (input.inFolder && isOwnWorkbook(bytes)) {
              mark(i, "own");
              setState((s) => ({ ...s, ownOutputs: [...s.ownOutputs, input.path] }));
              continue;
            }
            result = readResult(input.path, await reader.read(bytes, profile, controller.signal));
          } catch (error) {
            if (error instanceof ReadCancelled) break;
            result = failedResult(input.path, error);
          }
          const done: ItemState = result.error ? "failed" : "done";
          setState((s) => ({
            ...s,
            results: [...s.results, result],
            items: s.items.map((item, j) => (j === i ? { ...item, state: done } : item)),
          }));
        }
      } finally {
        reader.close();
        abort.current = null;
        const cancelled = controller.signal.aborted;
        setState((s) => ({
          ...s,
          running: false,
          message: cancelled ? deskText.cancelled(s.results.length, s.items.length) : null,
          items: s.items.map((item) =>
            item.state === "waiting" || item.state === "reading" ? { ...item, state: "cancelled" } : item
          ),
        }));
      }
    },
    [profile, makeReader]
  );

  const cancel = useCallback(() => abort.current?.abort(), []);

  /** The earlier 汇总.xlsx (or `--json` output): the second round marks each form against it. */
  const chooseEarlier = useCallback(async (file: File | null) => {
    if (!file) {
      setState((s) => ({ ...s, earlier: null }));
      return;
    }
    try {
      const value = readEarlier(await readFileBytes(file));
      setState((s) => ({ ...s, earlier: { name: file.name, value }, message: null }));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      setState((s) => ({ ...s, earlier: null, message: deskText.earlierFailed(file.name, detail) }));
    }
  }, []);

  const batch: Batch | null = useMemo(() => {
    if (state.running || state.results.length + state.others.length + state.ownOutputs.length === 0)
      return null;
    const meta = {
      when: when.current,
      profile: PROFILES[profile].name,
      version: VERSION,
      inputs: state.inputs,
      others: state.others,
      ownOutputs: state.ownOutputs,
    };
    return buildBatch(state.results, meta, state.earlier?.value);
  }, [state.running, state.results, state.others, state.ownOutputs, state.inputs, state.earlier, profile]);

  return { state, run, cancel, chooseEarlier, batch };
}
