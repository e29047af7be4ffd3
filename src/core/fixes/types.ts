/** How a parameter value is validated (see params.ts). */
export type FixParamKind = 'computerName' | 'host' | 'thumbprint' | 'port' | 'choice' | 'minutes' | 'azureName';

/** The groups of the Fixes view: what is wrong, not what the script touches. */
export type FixCause = 'Certificate' | 'Security layer and NLA' | 'Network and firewall' | 'Group Policy' | 'Azure';

/** Where the script runs; `client-or-server` = the computer whose setting it changes, either side. */
export type FixRunsOn = 'server' | 'client' | 'client-or-server' | 'azure';

export interface FixParam {
  /** The name used in `--param KEY=VALUE` and in `{{key}}` slots. */
  readonly key: string;
  readonly label: string;
  /** One sentence: what the value is for. */
  readonly description: string;
  readonly kind: FixParamKind;
  /** The allowed values of a `choice`, the recommended one first (a snippet offers them in this order). */
  readonly choices?: readonly string[];
  readonly required: boolean;
  /** Example value; always valid, so tests and the docs render every fix with it. */
  readonly placeholder: string;
  /** Used when an optional parameter is left out. Without one, the `{{?key}}` lines are dropped instead. */
  readonly default?: string;
  /** A tighter length limit than the kind's own (e.g. 64 for an Azure VM name). */
  readonly maxLength?: number;
  /**
   * The value the context knows may be what this fix should change, or not the server's value at all: the thumbprint
   * the listener presented at the last check, the port an `.rdp` file connects to (which XRF002 finds no listener on).
   * The editor offers it in the prompt, saying where it came from, instead of filling it in.
   */
  readonly confirmContextValue?: true;
}

/** What a `{{?key:ip}}` / `{{?key:name}}` line asks of the value: an IP address, or anything else (a host name). */
export type ValueForm = 'ip' | 'name';

/**
 * A PowerShell fix: data, rendered by render.ts into a script and by snippets.ts into a snippet.
 *
 * `script` is one string per line. `{{key}}` stands for the parameter's value as a single-quoted
 * literal. A line that starts with `{{?key}}` is kept only when the parameter has a value, one that
 * starts with `{{!key}}` only when it has none (an optional computerName: run on this computer).
 * `{{?key:ip}}` and `{{?key:name}}` narrow `{{?key}}` to a value that is, or is not, an IP address
 * (remoting to an IP address needs -Credential); a snippet, whose value is typed later, keeps the `name` lines.
 * Values are only ever assigned to variables at the top; the code below uses the variables.
 */
export interface PowerShellFix {
  readonly id: string;
  readonly title: string;
  readonly cause: FixCause;
  /** One sentence: what it changes. */
  readonly description: string;
  /** One sentence: how to undo it (or why there is nothing to undo). */
  readonly undo: string;
  /** One sentence for what can go wrong (disconnects, overrides); absent when nothing does. */
  readonly warning?: string;
  readonly runsOn: FixRunsOn;
  /** Rule IDs it addresses. */
  readonly fixes: readonly string[];
  readonly params: readonly FixParam[];
  /** URLs of the documentation the script follows. */
  readonly sources: readonly string[];
  readonly script: readonly string[];
}

export type RenderResult = { ok: true; script: string } | { ok: false; errors: string[] };

export interface PowerShellSnippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: string[];
}
