import { factNumber, type ServerView } from './server-view';
import { whereSet as where } from '../../gpo/well-known-keys';
import type { CrossRule, CrossRuleContext } from './types';

export const xrf002: CrossRule = {
  id: 'XRF002',
  name: 'port-vs-listener',
  description: "The .rdp file's port differs from the listener's PortNumber in a policy export.",
  defaultSeverity: 'error',
  fixable: false,
  tags: ['cross-check', 'address'],
  check<L>({ rdpFiles, serversOf, report }: CrossRuleContext<L>) {
    // Every WinStation with a PortNumber is a listener (RDP-Tcp and those added beside it), unless it is turned off.
    const listenersOf = (servers: readonly ServerView<L>[]) =>
      servers.flatMap((s) => {
        const off = new Set(s.listenerValues('fEnableWinStation').filter((v) => factNumber(v.fact) === 0).map((v) => v.listener.toLowerCase()));
        return s.listenerValues('PortNumber').flatMap(({ listener, fact }) => {
          const port = factNumber(fact);
          return port !== undefined && !off.has(listener.toLowerCase()) ? [{ path: s.path, port, fact, otherName: s.otherName }] : [];
        });
      });
    // The exports that describe the file's server: hosts that the run's gpresults describe alike share one list.
    const cache = new Map<readonly ServerView<L>[], ReturnType<typeof listenersOf>>();
    for (const rdp of rdpFiles) {
      if (rdp.facts.vmConsole) continue; // a Hyper-V VM console, not a Remote Desktop listener (facts.ts)
      const port = rdp.facts.port;
      if (!port) continue;
      const servers = serversOf(rdp.facts.host);
      let listeners = cache.get(servers);
      if (!listeners) cache.set(servers, (listeners = listenersOf(servers)));
      if (listeners.length === 0 || listeners.some((l) => l.port === port.value)) continue;
      // A gpresult of a computer the target does not name may describe another computer: said, as information, when only such listeners remain.
      const sure = listeners.filter((l) => l.otherName === undefined);
      const named = sure.length > 0 ? sure : listeners;
      const ports = [...new Set(named.map((l) => l.port))].join(' or ');
      const file = `The file connects to port ${port.value}${port.from === 'default' ? ' (the default)' : port.from === 'server port' ? ' (from server port)' : ''}${port.key === 'alternate full address' ? ' of its alternate full address, which clients use' : ''}`;
      report({
        path: rdp.path,
        message:
          sure.length > 0
            ? `${file}, but the listener in ${named[0]!.path} listens on ${ports}: the connection is refused or times out.`
            : `${file}, but the listener in ${named[0]!.path} listens on ${ports} (${named[0]!.otherName}): if it is that computer, the connection is refused or times out.`,
        subject: port.key,
        at: port.at,
        related: named.map((l) => ({ path: l.path, at: l.fact.at, message: `"PortNumber" is ${l.port} ${where(l.fact)}.` })),
        ...(sure.length === 0 && { severity: 'info' as const }),
      });
    }
  },
};
