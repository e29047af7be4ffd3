import { gpoRefs } from '../gpo/refs';
import { doubtOf, factNumber, type ServerView } from './server-view';
import { probesOfHost, standardSecurityFor } from './probe-facts';
import { whereSet as where } from '../../gpo/well-known-keys';
import type { CrossRule, CrossRuleContext } from './types';

export const xrf003: CrossRule = {
  id: 'XRF003',
  name: 'strict-auth-vs-rdp-layer',
  description: "authentication level:i:1 in a .rdp file while the server uses Standard RDP Security (SecurityLayer 0, or a check that saw it selected, the only one allowed, or the one this file's client ends on).",
  defaultSeverity: 'error',
  fixable: false,
  tags: ['cross-check', 'tls'],
  check<L>({ rdpFiles, servers, serversOf, probes, report }: CrossRuleContext<L>) {
    // The server's layer, from the exports that describe the file's server; hosts the run's gpresults describe alike share it.
    const layers = new Map<readonly ServerView<L>[], ReturnType<typeof layerOf<L>>>();
    const layerFor = (host: string | undefined) => {
      const views = serversOf(host);
      let layer = layers.get(views);
      if (!layer) layers.set(views, (layer = layerOf(views)));
      return layer;
    };
    // "Configure server authentication for client" overrides the file's "authentication level" (TerminalServer.adml):
    // a value of the client, which any export may describe.
    const policies = servers.flatMap((s) => {
      const fact = s.value(gpoRefs().clientAuthenticationLevel);
      const level = factNumber(fact);
      return level !== undefined ? [{ path: s.path, level, fact: fact!, doubt: doubtOf(s, fact!) }] : [];
    });
    const strictPolicy = policies.find((p) => p.level === 1);
    if (policies.length > 0 && !strictPolicy) return;
    for (const rdp of rdpFiles) {
      if (rdp.facts.vmConsole) continue; // a Hyper-V VM console, not a Remote Desktop listener (facts.ts)
      const auth = rdp.facts.authenticationLevel;
      if (!strictPolicy && (!auth || auth.value !== 1)) continue;
      const { rdpLayer, certainLayer, layerRelated } = layerFor(rdp.facts.host);
      // What says the server uses Standard RDP Security: an export, else a check of the file's host.
      const client = { credssp: rdp.facts.credssp?.value !== 0, negotiates: rdp.facts.negotiateSecurityLayer?.value !== 0 };
      const probed = probesOfHost(probes, rdp.facts.host).flatMap((p) => {
        const seen = standardSecurityFor(p, client);
        return seen ? [`a check of ${p.host}:${p.port} found that the server ${seen}`] : [];
      });
      if (rdpLayer.length === 0 && probed.length === 0) continue;
      const why = certainLayer ? `"SecurityLayer" is 0 in ${certainLayer.path}` : probed[0];
      const layer = why
        ? `the server uses Standard RDP Security (${why}), which never authenticates it: the connection fails.`
        : `the server may use Standard RDP Security (${rdpLayer[0]!.doubt!.words}), which never authenticates it: where the 0 applies, the connection fails.`;
      // Only gpresults of computers the target does not name: most likely another computer, so information.
      const otherNameOnly = why === undefined && rdpLayer.every((l) => l.doubt?.otherName === true);
      const severity = otherNameOnly ? { severity: 'info' as const } : why === undefined || strictPolicy?.doubt ? { severity: 'warning' as const } : {};
      // The values that contradict the one the message names.
      const related = [...layerRelated, ...(why === undefined ? rdpLayer[0]!.doubt!.related : [])];
      if (strictPolicy) {
        const at = auth?.at ?? rdp.facts.port?.at;
        if (at === undefined) continue;
        const file = auth ? `the file's "authentication level" ${auth.value}` : "the file's default";
        const sets = strictPolicy.doubt ? `may set "AuthenticationLevel" to 1 (${strictPolicy.doubt.words})` : `sets "AuthenticationLevel" to 1 in ${strictPolicy.path}`;
        report({
          path: rdp.path,
          message: `The client policy "Configure server authentication for client" ${sets}, overriding ${file}, so the client refuses a server it cannot authenticate, but ${layer}`,
          subject: auth ? 'authentication level' : rdp.facts.port!.key,
          at,
          related: [{ path: strictPolicy.path, at: strictPolicy.fact.at, message: `"AuthenticationLevel" is 1 (do not connect if authentication fails) ${where(strictPolicy.fact)}.` }, ...(strictPolicy.doubt?.related ?? []), ...related],
          ...severity,
        });
        continue;
      }
      report({
        path: rdp.path,
        message: `"authentication level" is 1, so the client refuses a server it cannot authenticate, but ${layer}`,
        subject: 'authentication level',
        at: auth!.at,
        related,
        ...severity,
      });
    }
  },
};

/** "SecurityLayer" 0 in the exports that describe a server; the first that nothing contradicts, if any; each as a related location. */
function layerOf<L>(servers: readonly ServerView<L>[]) {
  const rdpLayer = servers.flatMap((s) => {
    const fact = s.value(gpoRefs().securityLayer);
    return factNumber(fact) === 0 ? [{ path: s.path, at: fact!.at, message: `"SecurityLayer" is 0 (RDP) ${where(fact!)}.`, doubt: doubtOf(s, fact!) }] : [];
  });
  // Another export that may apply together setting a value otherwise, or item-level targeting, leaves it uncertain.
  const certainLayer = rdpLayer.find((l) => l.doubt === undefined);
  const layerRelated = rdpLayer.map(({ path, at, message }) => ({ path, at, message }));
  return { rdpLayer, certainLayer, layerRelated };
}
