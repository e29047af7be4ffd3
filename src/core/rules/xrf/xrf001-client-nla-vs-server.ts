import { REFS } from '../gpo/refs';
import { whereSet as where } from '../../gpo/well-known-keys';
import { factNumber } from './server-view';
import { probesOfHost } from './probe-facts';
import type { CrossRule } from './types';

export const xrf001: CrossRule = {
  id: 'XRF001',
  name: 'client-nla-vs-server',
  description: 'enablecredsspsupport:i:0 in a .rdp file while the server requires Network Level Authentication.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['cross-check', 'nla'],
  check({ rdpFiles, servers, probes, report }) {
    for (const rdp of rdpFiles) {
      const credssp = rdp.facts.credssp;
      if (!credssp || credssp.value !== 0) continue;
      const requiring = servers.flatMap((s) => {
        const fact = s.value(REFS.userAuthentication);
        return factNumber(fact) === 1 ? [{ path: s.path, at: fact!.at, message: `"UserAuthentication" is 1 ${where(fact!)}: the server requires NLA.` }] : [];
      });
      const probed = probesOfHost(probes, rdp.facts.host).filter((p) => p.negotiation?.nlaRequired === true);
      if (requiring.length === 0 && probed.length === 0) continue;
      const why = requiring.length > 0 ? `"UserAuthentication" is 1 in ${requiring[0]!.path}` : `a check of ${probed[0]!.host}:${probed[0]!.port} found that it requires NLA`;
      report({
        path: rdp.path,
        message: `"enablecredsspsupport" is 0, so this client cannot use Network Level Authentication, but the server requires it (${why}): the connection fails with HYBRID_REQUIRED_BY_SERVER.`,
        subject: 'enablecredsspsupport',
        at: credssp.at,
        related: requiring,
      });
    }
  },
};
