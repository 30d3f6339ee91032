/**
 * Boots the task pane: renders a Skeleton at once, picks the host once (WPS → Excel → browser file mode)
 * and renders the App into #root.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { detectHost } from "../hosts/detect";
import { createExcelHost } from "../hosts/excel";
import { createWpsHost } from "../hosts/wps";
import { browserCodec } from "../hosts/file/codec";
import { createFileHost } from "../hosts/file";
import type { Host } from "../hosts/types";
import { App } from "./App";
import { LoadingSkeleton } from "./components/LoadingSkeleton";
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

/** Mounts the pane into `container` (default: #root). */
export async function boot(container: HTMLElement | null = document.getElementById("root")): Promise<void> {
  if (!container) return;
  const root = createRoot(container);
  root.render(
    <Root>
      <LoadingSkeleton />
    </Root>
  );
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
