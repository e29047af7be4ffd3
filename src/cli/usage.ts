import { terminalSafe } from '../core/text/terminal';
import { cutAt } from '../core/text/quote';

/** The help the CLI prints: `rdp-doctor --help` for all commands, `rdp-doctor COMMAND --help` for one. */

const OUTPUT_OPTIONS = `  -o, --output-file FILE  Write the report to FILE (through a temporary file and a rename; never a file the command read)
  --color, --no-color     Colour the text output or not (default: when stdout is a terminal;
                          FORCE_COLOR and NO_COLOR are honoured)
  -h, --help              Show this help`;

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  lint: `Usage: rdp-doctor lint [PATH...] [options]

Lint .rdp files, Group Policy and registry exports and .rdpdoctor.yaml.
PATH is a file, a folder (walked recursively) or a quoted glob ("**/*.rdp"), expanded by
rdp-doctor itself so it works in PowerShell and cmd; "-" reads standard input. Default: ".".
Folder walks and globs honour .gitignore and .rdpdoctorignore and skip .git and node_modules.

Options:
  --format text|json|sarif|compact
                          compact: PATH:LINE:COLUMN: SEVERITY MESSAGE [RULE], one a line
  --config FILE           Use this .rdpdoctor.yaml instead of the nearest one
  --fix                   Apply the safe fixes to .rdp files and the config, then lint again
  --quiet                 Report errors only
  --max-warnings N        Exit 1 when there are more than N warnings
  --no-ignore             Do not honour .gitignore and .rdpdoctorignore
  --ignore-unknown        Skip named files that are not a format rdp-doctor reads (for hooks
                          that pass every staged .xml or .inf) instead of reporting them
  --stdin-filename NAME   The name standard input ("-") is detected and reported by
${OUTPUT_OPTIONS}

Exit codes: 0 no error finding, 1 error findings or too many warnings, 2 usage error,
unreadable input, or an argument that matched nothing to lint.
`,
  check: `Usage: rdp-doctor check [TARGET...] [options]

Check live RDP listeners: DNS, TCP, the X.224 security negotiation, TLS and the certificate.
TARGET is host, host:port, [v6]:port, or an .rdp file (its full address is used).
On a terminal, each host's verdict is printed on stderr as it finishes; the report follows on stdout.

Options:
  --inventory FILE        Check the hosts listed in this .rdpdoctor.yaml
  --format text|json|sarif
  --timeout MS            Time allowed for each step (100–600000)
  --concurrency N         Hosts checked at once (1–256)
  --ca FILE               Trust this CA certificate file too (repeatable)
  --name NAME             The name the certificate must match
${OUTPUT_OPTIONS}

Exit codes: 0 no error finding, 1 error findings, 2 usage error or unreadable input.
`,
  explain: `Usage: rdp-doctor explain CODE [EXTENDED] [options]

Explain a Remote Desktop error code (0x904, 2308, …) and the checks that tell its causes apart.
CODE may also be a pair (0x904 0x7, 0x904 ext 7, 0x904 - 7), a family and a code (errinfo 0xC), a line
of the dialog ("Error code: 0x904") or an event copied from Event Viewer. Every number in it is explained,
or the whole is refused; dates, versions and numbers a label names (Event ID, Session, Windows, build,
PID, port) are not counted. A negative decimal is a code too (-2, or -2146893054 = 0x80090302). CODE may
also be a name: ERRINFO_LOGOFF_BY_USER, or an Azure Virtual Desktop error (ConnectionFailedUserNotAuthorized).

Options:
  --extended CODE         The extended disconnect reason shown with it
  --family disconnect|extended|errinfo|neg-failure|logon
                          Read a lone code in that family: --family errinfo 0xC
  --format text|json
${OUTPUT_OPTIONS}

Exit codes: 0 explained, 2 unknown or malformed code.
`,
  fix: `Usage: rdp-doctor fix FIX_ID [--param KEY=VALUE]... [options]
       rdp-doctor fix --list [options]

Print a PowerShell fix with validated, single-quoted parameters (it is printed, never run).
FIX_ID is the fix's ID or its snippet prefix (set-security-layer or rdp-set-security-layer);
parameter names are matched in any case.

Options:
  --param KEY=VALUE       A parameter of the fix (repeatable)
  --list                  List the fixes, their snippet prefixes and parameters
  --format text|json
${OUTPUT_OPTIONS}

Exit codes: 0 printed, 2 unknown fix, unknown parameter or invalid value.
`,
  rules: `Usage: rdp-doctor rules [options]

List the rules: ID, name, default severity, whether it has a fix ("fix": an edit in the file; --fix applies
those that need no review, the editor offers every one as a quick fix), whether it links a PowerShell fix
("ps": rdp-doctor fix FIX_ID; JSON names them in powershellFixes), and what it flags.

Options:
  --format text|json
${OUTPUT_OPTIONS}
`,
};

export const USAGE = `Usage: rdp-doctor <command> [options]

Commands:
  lint [PATH...]      Lint .rdp files, Group Policy exports and .rdpdoctor.yaml (files, folders, globs, -)
  check [TARGET...]   Check live RDP listeners: DNS, TCP, negotiation, TLS, certificate
  explain CODE        Explain a Remote Desktop error code (0x904, 2308, …)
  fix FIX_ID          Print a PowerShell fix with validated, quoted parameters (fix --list lists them)
  rules               List the rules

Run "rdp-doctor COMMAND --help" for a command's options.

Options:
  -h, --help          Show this help
  -v, --version       Show the version

Exit codes: 0 no error finding, 1 error findings, 2 usage error or unreadable input.
`;

/** A mistake on the command line: the CLI prints it, points at `--help` and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Whether an error is a usage error: a UsageError (by name, as dist/cli.js and the command bundles each hold
 * their own copy of the class) or parseArgs's unknown or malformed option (its ERR_PARSE_ARGS_* codes).
 */
export function isUsageError(error: unknown): boolean {
  return (error instanceof Error && error.name === 'UsageError') || String((error as { code?: string } | undefined)?.code).startsWith('ERR_PARSE_ARGS');
}

/** Characters of an error message printed: one that quotes a 100,000-character argument is cut. */
const MAX_MESSAGE = 2000;

/**
 * An error line for standard error. Messages echo arguments and paths (an unknown option, a code that is not one), so
 * they are made safe for the terminal, and cut when endless.
 */
export function errorLine(message: string): string {
  return `rdp-doctor: ${terminalSafe(message.length > MAX_MESSAGE ? `${cutAt(message, MAX_MESSAGE)}…` : message)}\n`;
}
