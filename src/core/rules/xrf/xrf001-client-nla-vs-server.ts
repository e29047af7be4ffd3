import { gpoRefs } from '../gpo/refs';
import { whereSet as where } from '../../gpo/well-known-keys';
import { doubtOf, factNumber } from './server-view';
import { probesOfHost, type ProbeFacts } from './probe-facts';
import type { CrossRule } from './types';

/**
 * `enablerdsaadauth:i:1` by name: the client signs in with Microsoft Entra ID (RDS AAD Auth, PROTOCOL_RDSAAD), not
 * CredSSP, where the server supports it (Supported RDP properties); whether a server that requires NLA accepts that
 * sign-in in its stead is not documented, so no error. By IP address "IP address can't be used" with it (Microsoft
 * Learn, "Sign in to a Windows virtual machine in Azure by using Microsoft Entra ID"): the verdict stands. A check that
 * asked the server for RDS AAD Auth alone decides it: not selected, the client has neither sign-in and the verdict
 * stands; selected, the server takes the Entra ID sign-in without CredSSP, and what is left unknown is whether mstsc
 * asks for it with CredSSP off.
 */
const ENTRA =
  ' The file signs in with Microsoft Entra ID ("enablerdsaadauth" is 1), which does not use CredSSP: whether a server that requires NLA accepts it instead is not documented.';
const ENTRA_SELECTED = (where: string): string =>
  ` The file signs in with Microsoft Entra ID ("enablerdsaadauth" is 1), and a check of ${where} found that the server selects it (PROTOCOL_RDSAAD) for a client that asks for it alone, without CredSSP: the connection may succeed that way, though whether mstsc asks for it with CredSSP off is not documented.`;
const ENTRA_REFUSED = (where: string): string =>
  ` The file's Microsoft Entra ID sign-in ("enablerdsaadauth" is 1) does not help: a check of ${where} found that the server does not select it (PROTOCOL_RDSAAD).`;

/** What a check of the host said of the Entra ID sign-in: selected (true), not (false), or not asked (undefined). */
function entraAnswer(probes: readonly ProbeFacts[]): { readonly selected: boolean; readonly where: string } | undefined {
  const asked = probes.filter((p) => typeof p.negotiation?.rdsaad === 'boolean');
  const probe = asked.find((p) => p.negotiation!.rdsaad === true) ?? asked[0];
  return probe && { selected: probe.negotiation!.rdsaad === true, where: `${probe.host}:${probe.port}` };
}

/** Whether the file's Entra ID sign-in may stand in for CredSSP: it is on and the target is a name. */
const entraByName = (facts: { entraAuth?: unknown; host?: string; ipTargets?: readonly { host: string }[] }): boolean =>
  facts.entraAuth !== undefined && facts.host !== undefined && !(facts.ipTargets ?? []).some((t) => t.host === facts.host);

export const xrf001: CrossRule = {
  id: 'XRF001',
  name: 'client-nla-vs-server',
  description: 'enablecredsspsupport:i:0 in a .rdp file while the server requires Network Level Authentication.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['cross-check', 'nla'],
  check({ rdpFiles, serversOf, probes, report }) {
    for (const rdp of rdpFiles) {
      if (rdp.facts.vmConsole) continue; // a Hyper-V VM console, not a Remote Desktop listener (facts.ts)
      const credssp = rdp.facts.credssp;
      if (!credssp || credssp.value !== 0) continue;
      const requiring = serversOf(rdp.facts.host).flatMap((s) => {
        const fact = s.value(gpoRefs().userAuthentication);
        return factNumber(fact) === 1 ? [{ path: s.path, at: fact!.at, message: `"UserAuthentication" is 1 ${where(fact!)}: the server requires NLA.`, doubt: doubtOf(s, fact!) }] : [];
      });
      const probed = probesOfHost(probes, rdp.facts.host).filter((p) => p.negotiation?.nlaRequired === true);
      if (requiring.length === 0 && probed.length === 0) continue;
      // Another export that may apply together setting it otherwise, or item-level targeting, leaves a policy 1 uncertain.
      const certain = requiring.find((r) => r.doubt === undefined);
      const related = requiring.map(({ path, at, message }) => ({ path, at, message }));
      const client = '"enablecredsspsupport" is 0, so this client cannot use Network Level Authentication';
      const byName = entraByName(rdp.facts);
      const answer = byName ? entraAnswer(probesOfHost(probes, rdp.facts.host)) : undefined;
      // Hedged only while the Entra ID sign-in may stand in for CredSSP: not when the server was found not to select it.
      const entra = byName && answer?.selected !== false;
      const entraWords = !byName ? '' : !answer ? ENTRA : answer.selected ? ENTRA_SELECTED(answer.where) : ENTRA_REFUSED(answer.where);
      if (!certain && probed.length === 0) {
        report({
          path: rdp.path,
          message: `${client}, and the server may require it (${requiring[0]!.doubt!.words}): where the 1 applies, the connection fails with HYBRID_REQUIRED_BY_SERVER.${entraWords}`,
          subject: 'enablecredsspsupport',
          at: credssp.at,
          related: [...related, ...requiring[0]!.doubt!.related],
          // Only gpresults of computers the target does not name: most likely another computer, so information.
          severity: requiring.every((r) => r.doubt!.otherName === true) ? 'info' : 'warning',
        });
        continue;
      }
      const why = certain ? `"UserAuthentication" is 1 in ${certain.path}` : `a check of ${probed[0]!.host}:${probed[0]!.port} found that it requires NLA`;
      report({
        path: rdp.path,
        message: `${client}, but the server requires it (${why}): the connection fails with HYBRID_REQUIRED_BY_SERVER.${entraWords}`,
        subject: 'enablecredsspsupport',
        at: credssp.at,
        related,
        ...(entra && { severity: 'warning' as const }),
      });
    }
  },
};
