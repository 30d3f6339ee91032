/** Settings: the scoring profile, prompts on fix, and highlighting (off by default, with its caveat). */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Select,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PROFILES, type ProfileName } from "../../core/profile";
import { paneText } from "../../i18n/pane";
import type { PaneSettings } from "../settings";
import { Diagnostics } from "./Diagnostics";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

export interface SettingsPanelProps {
  settings: PaneSettings;
  onChange: (settings: PaneSettings) => void;
  /** The host's diagnostics (WPS, Excel), shown at the end of the panel. */
  onDiagnose?: () => Promise<unknown>;
  /** What the diagnostics do on this host. */
  diagnoseHint?: string;
}

const profileNames = Object.keys(PROFILES) as ProfileName[];

/** A collapsed panel: the defaults suit most users. */
export function SettingsPanel({ settings, onChange, onDiagnose, diagnoseHint }: SettingsPanelProps) {
  const styles = useStyles();
  const set = (change: Partial<PaneSettings>) => onChange({ ...settings, ...change });
  return (
    <Accordion collapsible>
      <AccordionItem value="settings">
        <AccordionHeader size="small">{paneText.settings}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <Field label={paneText.profile}>
            <Select
              value={settings.profile}
              onChange={(_, data) => set({ profile: data.value as ProfileName })}
            >
              {profileNames.map((name) => (
                <option key={name} value={name}>
                  {PROFILES[name].label}
                </option>
              ))}
            </Select>
          </Field>
          <Field hint={paneText.promptsHint}>
            <Switch
              label={paneText.prompts}
              checked={settings.prompts}
              disabled={settings.reviewer}
              onChange={(_, data) => set({ prompts: data.checked })}
            />
          </Field>
          <Field hint={paneText.highlightHint}>
            <Switch
              label={paneText.highlight}
              checked={settings.highlight}
              disabled={settings.reviewer}
              onChange={(_, data) => set({ highlight: data.checked })}
            />
          </Field>
          {onDiagnose && <Diagnostics onDiagnose={onDiagnose} hint={diagnoseHint} />}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
