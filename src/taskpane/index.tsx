/**
 * Boots the task pane: renders a Skeleton at once, picks the host once (WPS → Excel → browser file mode)
 * and renders the App into #root. A page Office opened waits for Office as long as it takes ("正在连接
 * Excel…", then a retry) and never becomes browser mode; an Excel without the requirement sets the add-in
 * needs gets a screen naming the Excel it needs, and no read is attempted.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { detectHost, isWps } from "../hosts/detect";
import { openedByOffice, startInOffice } from "../hosts/excel/start";
import { createExcelHost } from "../hosts/excel";
import { createWpsHost } from "../hosts/wps";
import { browserCodec } from "../hosts/file/codec";
import { createFileHost } from "../hosts/file";
import type { Host } from "../hosts/types";
import { App } from "./App";
import { LoadingSkeleton } from "./components/LoadingSkeleton";
import { StartScreen, type StartState } from "./components/StartScreen";
import { errorNotice, type Notice } from "./notice";

/** The host for the detected kind. */
async function chooseHost(): Promise<{ host: Host; bootNotice?: Notice }> {
  const kind = await detectHost();
  switch (kind) {
    case "excel":
      return { host: createExcelHost() };
    case "wps":
      return { host: createWpsHost() };
    case "file":
      return { host: createFileHost(browserCodec) };
  }
}

function Root({ children }: { children: React.ReactNode }) {
  return <FluentProvider theme={webLightTheme}>{children}</FluentProvider>;
}

export interface BootOptions {
  /** After how long without Office.onReady the retry is offered (ms). */
  slowMs?: number;
  /** What 重试 does (default: reload the page, which loads office.js again). */
  retry?: () => void;
}

type Globals = Record<string, unknown>;

/** Mounts the pane into `container` (default: #root). */
export async function boot(
  container: HTMLElement | null = document.getElementById("root"),
  options: BootOptions = {}
): Promise<void> {
  if (!container) return;
  const root = createRoot(container);
  root.render(
    <Root>
      <LoadingSkeleton />
    </Root>
  );
  const globals = globalThis as unknown as Globals;
  if (!isWps(globals) && openedByOffice(globals)) {
    const retry = options.retry ?? (() => window.location.reload());
    const show = (state: StartState) =>
      root.render(
        <Root>
          <StartScreen state={state} onRetry={retry} />
        </Root>
      );
    show({ kind: "connecting", slow: false });
    const started = await startInOffice(
      globals,
      () => show({ kind: "connecting", slow: true }),
      options.slowMs
    );
    switch (started.kind) {
      case "excel":
        root.render(
          <Root>
            <App host={createExcelHost()} />
          </Root>
        );
        return;
      case "old-excel":
      case "no-office-js":
        show(started);
        return;
      case "not-excel":
        break; // Office answered with no Excel: the page is in a browser after all.
    }
  }
  let chosen: { host: Host; bootNotice?: Notice };
  try {
    chosen = await chooseHost();
  } catch (error) {
    // A host that cannot start must not leave a blank pane: browser mode still works.
    chosen = { host: createFileHost(browserCodec), bootNotice: errorNotice(error) };
  }
  const { host, bootNotice } = chosen;
  root.render(
    <Root>
      <App host={host} bootNotice={bootNotice} />
    </Root>
  );
}

void boot();
