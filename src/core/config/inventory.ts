import type { Node, Pair } from 'yaml';
import * as yaml from 'yaml';
import type { Span } from '../text/line-index';
import { parseHostTarget } from '../text/address';
import { isCertificateName } from '../text/host-name';
import { quote } from '../text/quote';
import type { InventoryHost } from './types';

// The `hosts` inventory of `.rdpdoctor.yaml` (SPEC §4), read with the config reader's helpers (parse.ts).

type Problem = { readonly message: string; readonly span: Span };

/** What the config reader lends the inventory's: its problem lists, value readers and positions, and where hosts go. */
export interface HostReader {
  readonly invalid: (p: Problem) => void;
  readonly unknown: (p: Problem) => void;
  readonly str: (node: unknown) => string | undefined;
  readonly integer: (node: unknown, min: number, max: number, what: string) => number | undefined;
  readonly eachPair: (node: unknown, what: string, visit: (key: string, pair: Pair<unknown, unknown>) => void) => void;
  readonly spanOf: (node: Node | null | undefined) => Span;
  readonly keySpan: (pair: Pair<unknown, unknown>) => Span;
  readonly add: (host: InventoryHost) => void;
}

/** A host as `check` reads a target (text/address.ts); anything else is a CFG001 problem, never a name for DNS. */
function inventoryAddress(text: string): { host: string; port?: number } | { problem: string } {
  const read = parseHostTarget(text);
  return read.ok ? read.target : { problem: `${quote(text)} is not a host, host:port or [IPv6]:port: ${read.problem}.` };
}

/** One inventory entry: a host as text, or a mapping with host, port and name. */
function readHost(node: unknown, group: string | undefined, c: HostReader): void {
  const { invalid, unknown, str, integer, eachPair, spanOf, keySpan } = c;
  const add = (h: Omit<InventoryHost, 'span'>): void => c.add({ ...h, ...(group !== undefined && { group }), span: spanOf(node as Node) });
  const plain = str(node);
  if (plain !== undefined) {
    // `host`, `host:port`, `[v6]` or `[v6]:port`, as `check` reads a target on its command line.
    const read = inventoryAddress(plain);
    if ('problem' in read) return invalid({ message: read.problem, span: spanOf(node as Node) });
    return add({ host: read.host, ...(read.port !== undefined && { port: read.port }) });
  }
  if (!yaml.isMap(node)) return invalid({ message: 'A host is a name, or a mapping with host, port and name.', span: spanOf(node as Node) });
  let name: string | undefined;
  let address: { host: string; port?: number } | undefined;
  let port: number | undefined;
  let bad = false;
  eachPair(node, 'A host', (key, pair) => {
    if (key === 'host') {
      const text = str(pair.value);
      const read = text === undefined ? { problem: 'host must be a host name or address.' } : inventoryAddress(text);
      if ('problem' in read) {
        bad = true;
        invalid({ message: read.problem, span: spanOf(pair.value as Node) });
      } else address = read;
    } else if (key === 'port') {
      port = integer(pair.value, 1, 65535, 'port');
      // Not checked on 3389 instead of the port meant.
      if (port === undefined) bad = true;
    } else if (key === 'name') {
      const text = str(pair.value);
      if (text !== undefined && isCertificateName(text)) name = text;
      else {
        // Not checked at all rather than checked against another name than the one meant.
        bad = true;
        invalid({ message: `name must be the host name (or address) the certificate is issued to${text === undefined ? '' : `, not ${quote(text)}`}.`, span: spanOf(pair.value as Node) });
      }
    } else unknown({ message: `Unknown host key ${quote(key)}; expected host, port or name.`, span: keySpan(pair) });
  });
  if (bad) return;
  if (address === undefined) return invalid({ message: 'The host entry has no host.', span: spanOf(node as Node) });
  if (address.port !== undefined && port !== undefined && address.port !== port) {
    return invalid({ message: `The host's address says port ${address.port} and its port says ${port}: write one.`, span: spanOf(node as Node) });
  }
  const effectivePort = port ?? address.port;
  add({ host: address.host, ...(effectivePort !== undefined && { port: effectivePort }), ...(name !== undefined && { name }) });
}

/** The `hosts` list (SPEC §4): hosts, and groups of hosts one level deep. */
export function readHostList(node: unknown, group: string | undefined, c: HostReader): void {
  const { invalid, unknown, str, spanOf, keySpan } = c;
  if (!yaml.isSeq(node)) return invalid({ message: 'hosts must be a list.', span: spanOf(node as Node) });
  for (const item of node.items) {
    if (group === undefined && yaml.isMap(item) && item.has('group')) {
      const name = str(item.get('group', true)) ?? 'Hosts';
      for (const pair of item.items) {
        const key = String(yaml.isScalar(pair.key) ? pair.key.value : '');
        if (key === 'hosts') readHostList(pair.value, name, c);
        else if (key !== 'group') unknown({ message: `Unknown group key ${quote(key)}; expected group and hosts.`, span: keySpan(pair) });
      }
    } else readHost(item, group, c);
  }
}
