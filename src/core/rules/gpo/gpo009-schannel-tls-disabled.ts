import { live, numberOf } from '../../gpo/scopes';
import { effective, where } from './lookup';
import { REFS } from './refs';
import { valueRule } from './value-rule';
import type { PolicyScope } from '../../gpo/scopes';

/** TLS 1.3 explicitly enabled on the server side keeps TLS connections possible. */
function tls13Enabled(scope: PolicyScope): boolean {
  const e = effective(scope, REFS.tls13ServerEnabled);
  return e !== undefined && live(e.setting) !== undefined && (numberOf(e.setting) ?? 0) !== 0;
}

export const gpo009 = valueRule({
  id: 'GPO009',
  name: 'schannel-tls-disabled',
  description: 'The Schannel TLS 1.2 server protocol is disabled and TLS 1.3 is not enabled.',
  defaultSeverity: 'error',
  tags: ['gpo', 'tls'],
  checks: [
    {
      refs: REFS.tls12ServerEnabled,
      test: (value, s, scope) =>
        value === 0 && !tls13Enabled(scope)
          ? { message: `TLS 1.2 is disabled for servers ("Enabled" is 0) ${where(s)}: clients that require TLS 1.2 fail the TLS handshake after negotiation, and TLS 1.3 is not enabled.` }
          : undefined,
    },
    {
      refs: REFS.tls12ServerDisabledByDefault,
      test: (value, s, scope) => {
        if (value === 0 || tls13Enabled(scope)) return undefined;
        if (numberOf(effective(scope, REFS.tls12ServerEnabled)?.setting) === 0) return undefined; // reported once, at Enabled
        // "Disabled by default": Schannel negotiates it only for a caller that asks for it explicitly (TLS registry
        // settings). Whether Remote Desktop asks is not documented, so this is a warning, not the error of Enabled 0.
        return {
          message: `TLS 1.2 is disabled by default for servers ("DisabledByDefault" is ${value}) ${where(s)}, and TLS 1.3 is not enabled: Schannel negotiates TLS 1.2 only for an application that asks for it explicitly, and Microsoft does not document whether Remote Desktop does, so TLS and NLA connections may fail.`,
          severity: 'warning',
        };
      },
    },
  ],
});
