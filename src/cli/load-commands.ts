import { homedir } from 'node:os';
import { join } from 'node:path';
import { safeCacheDir, userCacheDir } from '../shared/cache-dir';
import { requireWithCodeCache } from '../shared/code-cache';
import type * as Commands from './commands';

/** The content hashes of dist/cli-lint.js and dist/cli-commands.js, written in by esbuild.mjs ('' in a watch build: no cache). */
declare const RDP_DOCTOR_LINT_HASH: string;
declare const RDP_DOCTOR_COMMANDS_HASH: string;

/** What both command bundles export. */
type CommandBundle = Pick<typeof Commands, 'runCommand'>;

/**
 * The bundle that runs `command`: dist/cli-lint.js (src/cli/lint-command.ts) for `lint`, dist/cli-commands.js
 * (src/cli/commands.ts) for the others, compiled with the V8 code cache kept in the user's cache folder when that
 * folder is there and safe (cache-dir.ts); a missing or stale cache is written once, when the command ends.
 */
export function loadCommands(command: string): CommandBundle {
  const root = userCacheDir({ env: process.env, platform: process.platform, home: homedir() });
  const dir = root && join(root, 'code-cache');
  const usable = root !== undefined && dir !== undefined && safeCacheDir(root, dir, process.getuid?.());
  const { file, hash } = bundleOf(command);
  return requireWithCodeCache<CommandBundle>(join(__dirname, file), hash, usable ? dir : undefined, 'exit').exports;
}

/** The bundle of a command, and its content hash ('' when esbuild.mjs wrote none in). */
function bundleOf(command: string): { file: string; hash: string } {
  if (command === 'lint') return { file: 'cli-lint.js', hash: typeof RDP_DOCTOR_LINT_HASH === 'string' ? RDP_DOCTOR_LINT_HASH : '' };
  return { file: 'cli-commands.js', hash: typeof RDP_DOCTOR_COMMANDS_HASH === 'string' ? RDP_DOCTOR_COMMANDS_HASH : '' };
}
