import { parseArgs } from 'node:util';
import { runCheck } from './check-command';
import type { ErrorCodeFamily } from '../core/knowledge/error-code-types';
import { FAMILY_WORDS } from '../core/knowledge/error-codes/index';
import { runExplain } from './explain-command';
import { runFix } from './fix-command';
import { lintChunk, lintPaths } from '../core/lint/session';
import { lintInParallel, runAsLintWorker } from './parallel';
import { toOutputFindingsSarif } from './sarif-lint';
import { runRules } from './rules-command';
import { formatLintCompact, formatLintText } from './text-format';
import { toolVersion } from './version';

const USAGE = `Usage: rdp-doctor <command> [options]

Commands:
  lint [PATH...]      Lint .rdp files, Group Policy exports and .rdpdoctor.yaml (files or folders)
                      --format text|json|sarif|compact  --config FILE  --fix
  check [TARGET...]   Check live RDP listeners: DNS, TCP, negotiation, TLS, certificate
                      TARGET: host, host:port, [v6]:port or an .rdp file
                      --inventory FILE  --format text|json|sarif  --timeout MS
                      --concurrency N  --ca FILE (repeatable)  --name NAME
  explain CODE        Explain a Remote Desktop error code (0x904, 2308, …)
                      --extended CODE  --format text|json
                      --family disconnect|extended|errinfo|neg-failure|logon
                        (read a lone code in that family: --family errinfo 0xC)
  fix FIX_ID          Print a PowerShell fix with validated, quoted parameters
                      --param KEY=VALUE (repeatable)  --format text|json
  fix [--list]        List the PowerShell fixes and their parameters   --format text|json
  rules               List the rules   --format text|json

Options:
  -h, --help          Show this help
  -v, --version       Show the version

Exit codes: 0 no error finding, 1 error findings, 2 usage error or unreadable input.
`;

class UsageError extends Error {}

type Format = 'text' | 'json' | 'sarif' | 'compact';

function formatOption(value: string | undefined, allowed: readonly Format[]): Format {
  const format = (value ?? 'text') as Format;
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}.`);
  return format;
}

const FAMILIES: readonly ErrorCodeFamily[] = ['disconnect', 'extended', 'errinfo', 'neg-failure', 'logon'];

function familyOption(value: string | undefined): ErrorCodeFamily | undefined {
  if (value === undefined) return undefined;
  const family = FAMILY_WORDS[value.toLowerCase()];
  if (!family) throw new UsageError(`--family must be one of ${FAMILIES.join(', ')}.`);
  return family;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  switch (command) {
    case 'lint': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { format: { type: 'string' }, config: { type: 'string' }, fix: { type: 'boolean', default: false } },
      });
      const format = formatOption(values.format, ['text', 'json', 'sarif', 'compact']);
      const { report, exitCode } = await lintPaths(
        {
          paths: positionals.length ? positionals : ['.'],
          fix: values.fix ?? false,
          ...(values.config !== undefined && { configPath: values.config }),
        },
        (inputs, configPath, fix) => lintInParallel(inputs, configPath, fix, lintChunk),
      );
      if (format === 'json') process.stdout.write(JSON.stringify({ tool: 'rdp-doctor', version: toolVersion(), ...report }, null, 2) + '\n');
      else if (format === 'sarif') process.stdout.write(JSON.stringify(toOutputFindingsSarif(report), null, 2) + '\n');
      else if (format === 'compact') process.stdout.write(formatLintCompact(report));
      else {
        process.stdout.write(formatLintText(report));
      }
      if (format !== 'text') for (const e of report.errors) process.stderr.write(`rdp-doctor: ${e.path}: ${e.message}\n`);
      return exitCode;
    }
    case 'check': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          inventory: { type: 'string' },
          format: { type: 'string' },
          timeout: { type: 'string' },
          concurrency: { type: 'string' },
          ca: { type: 'string', multiple: true },
          name: { type: 'string' },
        },
      });
      const format = formatOption(values.format, ['text', 'json', 'sarif']) as 'text' | 'json' | 'sarif';
      const controller = new AbortController();
      const onInterrupt = (): void => controller.abort();
      process.once('SIGINT', onInterrupt);
      const result = await runCheck({
        targets: positionals,
        format,
        ca: values.ca ?? [],
        signal: controller.signal,
        ...(values.inventory !== undefined && { inventory: values.inventory }),
        ...(values.timeout !== undefined && { timeout: values.timeout }),
        ...(values.concurrency !== undefined && { concurrency: values.concurrency }),
        ...(values.name !== undefined && { name: values.name }),
      }).finally(() => process.off('SIGINT', onInterrupt));
      if ('usage' in result) throw new UsageError(result.usage);
      process.stdout.write(result.output);
      if (format !== 'text') for (const e of result.errors) process.stderr.write(`rdp-doctor: ${e.path}: ${e.message}\n`);
      return result.exitCode;
    }
    case 'explain': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { extended: { type: 'string' }, family: { type: 'string' }, format: { type: 'string' } },
      });
      const format = formatOption(values.format, ['text', 'json']) as 'text' | 'json';
      if (positionals.length === 0) throw new UsageError('explain needs an error code, such as 0x904.');
      const [code, second] = positionals;
      const family = familyOption(values.family);
      if (family && (values.extended !== undefined || second !== undefined)) throw new UsageError('--family reads one code on its own; it takes no extended code.');
      const result = runExplain(code!, values.extended ?? second, format, family);
      if (result.error) process.stderr.write(`rdp-doctor: ${result.error}\n`);
      process.stdout.write(result.output);
      return result.exitCode;
    }
    case 'fix': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { param: { type: 'string', multiple: true }, list: { type: 'boolean', default: false }, format: { type: 'string' } },
      });
      const format = formatOption(values.format, ['text', 'json']) as 'text' | 'json';
      if (positionals.length > 1) throw new UsageError(`fix takes one fix ID, not ${positionals.length}.`);
      if (values.list && positionals.length) throw new UsageError('fix --list takes no fix ID.');
      const result = runFix({ params: values.param ?? [], format, ...(positionals[0] !== undefined && { id: positionals[0] }) });
      if (result.error) process.stderr.write(`rdp-doctor: ${result.error}\n`);
      process.stdout.write(result.output);
      return result.exitCode;
    }
    case 'rules': {
      const { values } = parseArgs({ args: rest, options: { format: { type: 'string' } } });
      process.stdout.write(runRules(formatOption(values.format, ['text', 'json']) as 'text' | 'json'));
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

if (!runAsLintWorker(lintChunk)) main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // parseArgs reports unknown options with ERR_PARSE_ARGS_* codes: those are usage errors too.
    const usage = error instanceof UsageError || String((error as { code?: string })?.code).startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`rdp-doctor: ${error instanceof Error ? error.message : String(error)}\n`);
    if (usage) process.stderr.write('Run "rdp-doctor --help" for usage.\n');
    process.exitCode = 2;
  },
);
