import { REFS } from '../gpo/refs';
import { whereSet as where } from '../../gpo/well-known-keys';
import { factNumber } from './server-view';
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
      const probed = probes.filter((p) => p.negotiation?.nlaRequired === true && p.host.toLowerCase() === rdp.facts.host?.toLowerCase());
      if (requiring.length === 0 && probed.length === 0) continue;
      // Exports that turn NLA off: with them in the run, which one applies to the host is not known (GPO013 says
      // they conflict), so the failure is likely, not certain; a check of the host itself settles it.
      const relaxing =
        probed.length > 0
          ? []
          : servers.flatMap((s) => {
              const fact = s.value(REFS.userAuthentication);
              return factNumber(fact) === 0 ? [{ path: s.path, at: fact!.at, message: `"UserAuthentication" is 0 ${where(fact!)}: NLA not required there.` }] : [];
            });
      const why = probed.length > 0 ? `a check of ${probed[0]!.host}:${probed[0]!.port} found that it requires NLA` : `"UserAuthentication" is 1 in ${requiring[0]!.path}`;
      report({
        path: rdp.path,
        message:
          relaxing.length > 0
            ? `"enablecredsspsupport" is 0, so this client cannot use Network Level Authentication; "UserAuthentication" is 1 in ${requiring[0]!.path} but 0 in ${relaxing[0]!.path}: where the first applies, the connection fails with HYBRID_REQUIRED_BY_SERVER.`
            : `"enablecredsspsupport" is 0, so this client cannot use Network Level Authentication, but the server requires it (${why}): the connection fails with HYBRID_REQUIRED_BY_SERVER.`,
        ...(relaxing.length > 0 && { severity: 'warning' as const }),
        subject: 'enablecredsspsupport',
        at: credssp.at,
        related: [...requiring, ...relaxing],
      });
    }
  },
};
