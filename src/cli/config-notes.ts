import { skippedConfigMessage } from '../core/lint/config-trust';
import type { SkippedConfig } from '../core/lint/read-file';
import { terminalSafe } from '../core/text/terminal';

/** Says on stderr, as the commands' other notes, that a config found above the working folder was passed over (`configDistrust`). */
export function writeSkippedConfig(config: SkippedConfig): void {
  process.stderr.write(`rdp-doctor: ${terminalSafe(config.path)}: ${terminalSafe(skippedConfigMessage(config.why, 'the working folder'))}\n`);
}
