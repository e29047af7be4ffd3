// What the Restricted Mode status item says: pure (no `vscode` import), so unit tests can run it.
import { plainWorkbenchText } from '../core/text/terminal';

/**
 * The detail of the Restricted Mode item for a config whose `rules:` or `trust.expiringSoonDays` are not applied. The
 * config's path is the workspace's (its folders' names): a language status detail reads `[label](command:…)` as a link
 * that runs the command on a click, beside the item's own Manage Trust button, so the text is made plain.
 */
export function restrictedConfigDetail(configPath: string, notApplied: readonly string[]): string {
  return plainWorkbenchText(`${configPath}: ${notApplied.join(', ')} not applied until you trust the workspace`);
}
