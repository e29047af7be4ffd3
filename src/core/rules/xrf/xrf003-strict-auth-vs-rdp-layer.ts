import { REFS } from '../gpo/refs';
import { factNumber } from './server-view';
import { whereSet as where } from '../../gpo/well-known-keys';
import type { CrossRule } from './types';

export const xrf003: CrossRule = {
  id: 'XRF003',
  name: 'strict-auth-vs-rdp-layer',
  description: 'authentication level:i:1 in a .rdp file while the server uses Standard RDP Security (SecurityLayer 0).',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['cross-check', 'tls'],
  check({ rdpFiles, servers, report }) {
    for (const rdp of rdpFiles) {
      const auth = rdp.facts.authenticationLevel;
      if (!auth || auth.value !== 1) continue;
      const rdpLayer = servers.flatMap((s) => {
        const fact = s.value(REFS.securityLayer);
        return factNumber(fact) === 0 ? [{ path: s.path, at: fact!.at, message: `"SecurityLayer" is 0 (RDP) ${where(fact!)}.` }] : [];
      });
      if (rdpLayer.length === 0) continue;
      report({
        path: rdp.path,
        message: `"authentication level" is 1, so the client refuses a server it cannot authenticate, but the server uses Standard RDP Security ("SecurityLayer" is 0 in ${rdpLayer[0]!.path}), which never authenticates it: the connection fails.`,
        subject: 'authentication level',
        at: auth.at,
        related: rdpLayer,
      });
    }
  },
};
