/** Renders the App inside FluentProvider, as index.tsx does. */
import * as React from "react";
import { configure, render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, type AppProps } from "../../src/taskpane/App";

// The suite shares two cores with everything else: findBy* waits up to 5 s for a workbook read (the
// default 1 s is not always enough under load). Nothing asserts how long anything takes.
configure({ asyncUtilTimeout: 5000 });

export function renderApp(props: AppProps) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App {...props} />
    </FluentProvider>
  );
}

/** Whether a control is disabled: `disabled`, or aria-disabled (buttons that keep focus while busy). */
export function isDisabled(el: HTMLElement): boolean {
  return el.hasAttribute("disabled") || el.getAttribute("aria-disabled") === "true";
}
