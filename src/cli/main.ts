// The `rdp-doctor` executable, kept small: `--version` and the help load nothing more. A command's code is
// dist/cli-lint.js (src/cli/lint-command.ts) for `lint` and dist/cli-commands.js (src/cli/commands.ts) for the others,
// required only when a command runs, through a V8 code cache in the user's cache folder (issue 16 and issue 11, start-up).
import type * as LoadCommands from './load-commands';
import { COMMAND_HELP, USAGE, UsageError, errorLine, isUsageError } from './usage';
import { toolVersion } from './version';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'help') {
    process.stdout.write(COMMAND_HELP[rest[0] ?? ''] ?? USAGE);
    return 0;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  if (!isCommand(command)) throw new UsageError(`Unknown command "${command}".`);
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(COMMAND_HELP[command]!);
    return 0;
  }
  // Required here, not imported: `--version` and the help load no builtin module at all (lazy-modules.test.ts).
  const { loadCommands } = require('./load-commands') as typeof LoadCommands;
  return loadCommands(command).runCommand(command, rest);
}

/** Every command has its help text: the help table is the list of commands. */
function isCommand(name: string): boolean {
  return Object.hasOwn(COMMAND_HELP, name);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    exitIfIdle();
  },
  (error: unknown) => {
    process.stderr.write(errorLine(error instanceof Error ? parseArgsMessage(error) : String(error)));
    if (isUsageError(error)) process.stderr.write(`Run "rdp-doctor ${argvCommand()}--help" for usage.\n`);
    process.exitCode = 2;
    exitIfIdle();
  },
);

/** What may still be open when the command is done: the standard streams' own handles, with nothing being written. */
const IDLE = new Set(['TTYWrap', 'PipeWrap']);

/**
 * Ends the process now when nothing is left to do: a natural exit first tears down V8's heap, ~1 ms after a
 * 1,000-file lint and more after a larger one (issue 16). Anything still under way (a write to a pipe or a Windows console not yet taken,
 * a timer, a socket, a file operation) shows among the active resources, and then the process ends as usual,
 * once it is done. `exit` handlers run either way (the code cache is written in one: load-commands.ts).
 */
function exitIfIdle(): void {
  if (process.getActiveResourcesInfo().every((resource) => IDLE.has(resource))) process.exit();
}

/** Node's parseArgs writes its advice over several lines: one line here, not `\x0a` escapes between sentences. */
function parseArgsMessage(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS') ? error.message.replace(/\r?\n/g, ' ') : error.message;
}

function argvCommand(): string {
  const command = process.argv[2];
  return command !== undefined && isCommand(command) ? `${command} ` : '';
}
