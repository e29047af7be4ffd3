// What the "Insert PowerShell Fix" command knows before it asks, and how its prompt words it: pure (no `vscode`
// import), so unit tests can run it.
import type { FixParam } from '../core/fixes/types';
import type { CheckTarget } from '../core/net/index';
import { plainWorkbenchText } from '../core/text/terminal';

/** A parameter value the context gives, with where it came from. */
export interface KnownValue {
  readonly value: string;
  /** Where the value came from, as a sentence for the prompt. */
  readonly origin: string;
  /** The same, short, for the input box's placeholder. */
  readonly hint: string;
}

/**
 * The values a target gives: its name, address and port, and the thumbprint its last check read. The port is the one
 * the client connects to, from the `.rdp` file (`file`, its name) or the address the host was checked at: not
 * necessarily the listener's (XRF002 fires exactly when no listener uses the file's port), so it is never called the
 * server's.
 */
export function contextValues(target: CheckTarget | undefined, thumbprint?: string, file?: string): Record<string, KnownValue> {
  if (!target) return {};
  const port = String(target.port);
  const values: Record<string, KnownValue> = {
    computerName: { value: target.name ?? target.host, origin: `The host is ${target.target}.`, hint: target.target },
    host: { value: target.host, origin: `The host is ${target.target}.`, hint: target.target },
    port: file
      ? { value: port, origin: `${file} connects to port ${port}, which is not necessarily the port the listener uses.`, hint: `the file connects to ${port}` }
      : { value: port, origin: `Connections to ${target.target} go to port ${port}, which is not necessarily the port the listener uses.`, hint: `connections go to ${port}` },
  };
  if (thumbprint) values['thumbprint'] = { value: thumbprint, origin: `The listener presented ${thumbprint} at the last check.`, hint: `presented now: ${thumbprint}` };
  return values;
}

/**
 * The prompt and placeholder of the input box that asks for `param`, with a known value offered as a hint only. The
 * prompt names the `.rdp` file, whose name the input box would read as a link or an icon (`plainWorkbenchText`).
 */
export function promptFor(param: FixParam, known: KnownValue | undefined): { readonly prompt: string; readonly placeHolder: string } {
  if (!known) return { prompt: param.description, placeHolder: param.placeholder };
  return { prompt: plainWorkbenchText(`${param.description} ${known.origin} Type the value you want.`), placeHolder: known.hint };
}

/** The last segment of a URI's path (the file's name), for a prompt. */
export function fileName(uri: { readonly path: string }): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
