import { gpoRefs } from '../gpo/refs';
import { whereSet as where } from '../../gpo/well-known-keys';
import { doubtOf, factNumber } from './server-view';
import { probesOfHost } from './probe-facts';
import type { CrossRule } from './types';

/**
 * `enablerdsaadauth:i:1` by name: the client signs in with Microsoft Entra ID (RDS AAD Auth, PROTOCOL_RDSAAD), not
 * CredSSP, where the server supports it (Supported RDP properties); whether a server that requires NLA accepts that
 * sign-in in its stead is not documented, so no error. By IP address "IP address can't be used" with it (Microsoft
 * Learn, "Sign in to a Windows virtual machine in Azure by using Microsoft Entra ID"): the verdict stands.
 */
const ENTRA =
  ' The file signs in with Microsoft Entra ID ("enablerdsaadauth" is 1), which does not use CredSSP: whether a server that requires NLA accepts it instead is not documented.';

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
      const entra = entraByName(rdp.facts);
      if (!certain && probed.length === 0) {
        report({
          path: rdp.path,
          message: `${client}, and the server may require it (${requiring[0]!.doubt!.words}): where the 1 applies, the connection fails with HYBRID_REQUIRED_BY_SERVER.${entra ? ENTRA : ''}`,
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
        message: `${client}, but the server requires it (${why}): the connection fails with HYBRID_REQUIRED_BY_SERVER.${entra ? ENTRA : ''}`,
        subject: 'enablecredsspsupport',
        at: credssp.at,
        related,
        ...(entra && { severity: 'warning' as const }),
      });
    }
  },
};
