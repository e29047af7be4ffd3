import * as vscode from 'vscode';
import type { SeverityOverrides } from '../core/rules/engine';
import { SEVERITIES, type SeveritySetting } from '../core/rules/types';
import { checkSetting, CONCURRENCY_RANGE, settingInteger, TIMEOUT_MS_RANGE } from '../core/config/ranges';

/**
 * The outline's default bound. On a loaded 2-core machine (bench/large-documents-host.mjs) the provider took ~1 ms for
 * 500 symbols (12 ms at most, the first request after an edit), and the whole request through the workbench 54–63 ms;
 * for 2,000 symbols ~3 ms (54 ms at most) and 113–223 ms. Clients' own files have a few dozen lines.
 */
export const OUTLINE_MAX_ITEMS = 500;
const DEBOUNCE_MS_RANGE = { min: 0, max: 5000 } as const;
const OUTLINE_ITEMS_RANGE = { min: 0, max: 1_000_000 } as const;

/** Typed access to the `rdpDoctor.*` settings. */
export const settings = {
  /** Resource-scoped settings are read for a document or folder (`scope`), or for any resource (null) without one. */
  rules(scope: vscode.Uri | null): SeverityOverrides {
    const raw = vscode.workspace.getConfiguration('rdpDoctor', scope).get<Record<string, unknown>>('rules') ?? {};
    const out: Record<string, SeveritySetting> = {};
    for (const [id, value] of Object.entries(raw)) {
      if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) out[id.toUpperCase()] = value as SeveritySetting;
    }
    return out;
  },
  lintEnabled(scope: vscode.Uri | null): boolean {
    return vscode.workspace.getConfiguration('rdpDoctor', scope).get<boolean>('lint.enable', true);
  },
  /** Bounded as the schema says (0–5000): VS Code hands on a value as written, and with 2e9 an edit was linted 23 days later. */
  debounceMs(): number {
    return settingInteger(vscode.workspace.getConfiguration('rdpDoctor').get<unknown>('lint.debounceMs'), DEBOUNCE_MS_RANGE, 200);
  },
  checksOnOpen(scope: vscode.Uri | null): boolean {
    return vscode.workspace.getConfiguration('rdpDoctor', scope).get<boolean>('checks.onOpen', false);
  },
  confirmCheckAll(): boolean {
    return vscode.workspace.getConfiguration('rdpDoctor').get<boolean>('checks.confirmCheckAll', true);
  },
  /**
   * The setting of the folder (`scope`), unless `.rdpdoctor.yaml` gives a value (it wins). In Restricted Mode the
   * workspace's own value of the setting is ignored (package.json's restrictedConfigurations) and its config may only
   * give a check more time than yours (`untrustedConfig` leaves out a value below the default): a step cut short would
   * make a healthy host look timed out.
   */
  checksTimeoutMs(scope: vscode.Uri | null, fromConfig?: number): number {
    const setting = settingInteger(vscode.workspace.getConfiguration('rdpDoctor', scope).get<unknown>('checks.timeoutMs'), TIMEOUT_MS_RANGE, 5000);
    return checkSetting('timeoutMs', setting, fromConfig, vscode.workspace.isTrusted);
  },
  /** As `checksTimeoutMs`; in Restricted Mode the config may check fewer hosts at once than your setting, not more. */
  checksConcurrency(scope: vscode.Uri | null, fromConfig?: number): number {
    const setting = settingInteger(vscode.workspace.getConfiguration('rdpDoctor', scope).get<unknown>('checks.concurrency'), CONCURRENCY_RANGE, 16);
    return checkSetting('concurrency', setting, fromConfig, vscode.workspace.isTrusted);
  },
  checksNtlmInfo(scope: vscode.Uri | null, fromConfig?: boolean): boolean {
    // In Restricted Mode the workspace's value is ignored, its `.rdpdoctor.yaml`'s too (package.json's
    // restrictedConfigurations covers the setting only): the user's own value applies.
    return (vscode.workspace.isTrusted ? fromConfig : undefined) ?? vscode.workspace.getConfiguration('rdpDoctor', scope).get<boolean>('checks.ntlmInfo', true);
  },
  /** How many lines of an `.rdp` file the outline lists (package.json: `rdpDoctor.outline.maxItemsComputed`). */
  outlineMaxItems(): number {
    return settingInteger(vscode.workspace.getConfiguration('rdpDoctor').get<unknown>('outline.maxItemsComputed'), OUTLINE_ITEMS_RANGE, OUTLINE_MAX_ITEMS);
  },
  hoverErrorCodes(scope?: vscode.TextDocument): boolean {
    return vscode.workspace.getConfiguration('rdpDoctor', scope).get<boolean>('hover.errorCodes', true);
  },
  affectsLinting(event: vscode.ConfigurationChangeEvent): boolean {
    return event.affectsConfiguration('rdpDoctor.rules') || event.affectsConfiguration('rdpDoctor.lint');
  },
};
