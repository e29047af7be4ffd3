import { numberOf } from '../../gpo/scopes';
import type { PolicySetting } from '../../gpo/model';
import { effective, setElsewhere, where } from './lookup';
import { gpoRefs } from './refs';
import { valueRule } from './value-rule';
import type { PolicyScope } from '../../gpo/scopes';

/** Why TLS 1.3 does not stand in for TLS 1.2, and the TLS 1.3 value that says so, if the export sets one. */
interface Tls13State {
  readonly why: string;
  readonly at?: PolicySetting;
}

/**
 * Why TLS 1.3 does not stand in for TLS 1.2 on the server side, or undefined when the export enables it: `Enabled`
 * non-zero and not `DisabledByDefault`, the same reading the rule gives TLS 1.2's switches (TLS registry settings).
 */
function tls13NotEnabled(scope: PolicyScope): Tls13State | undefined {
  const enabledAt = effective(scope, gpoRefs().tls13ServerEnabled)?.setting;
  const enabled = numberOf(enabledAt);
  if (enabled === 0) return { why: 'TLS 1.3 is disabled too ("Enabled" is 0 under TLS 1.3\\Server)', at: enabledAt };
  const byDefaultAt = effective(scope, gpoRefs().tls13ServerDisabledByDefault)?.setting;
  const byDefault = numberOf(byDefaultAt);
  if (byDefault !== undefined && byDefault !== 0) {
    return { why: `TLS 1.3 is only disabled by default ("DisabledByDefault" is ${byDefault} under TLS 1.3\\Server), so Schannel negotiates it only for an application that asks for it explicitly`, at: byDefaultAt };
  }
  return enabled === undefined ? { why: 'this export does not enable TLS 1.3' } : undefined;
}

/** TLS 1.3 is in Schannel from Windows 11 and Windows Server 2022 on ("Protocols in TLS/SSL (Schannel SSP)"). */
const TLS13_CLIENTS = 'TLS 1.3 serves only clients that have it (Windows 11, Windows Server 2022 and later), not Windows 10 or Windows Server 2019 and older.';

export const gpo009 = valueRule({
  id: 'GPO009',
  name: 'schannel-tls-disabled',
  description: 'The Schannel TLS 1.2 server protocol is disabled and TLS 1.3 is not enabled.',
  defaultSeverity: 'error',
  tags: ['gpo', 'tls'],
  checks: [
    {
      refs: 'tls12ServerEnabled',
      test: (value, s, scope) => {
        const tls13 = value === 0 ? tls13NotEnabled(scope) : undefined;
        if (!tls13) return undefined;
        return { message: `TLS 1.2 is disabled for servers ("Enabled" is 0) ${where(s)}, and ${tls13.why}: clients that require TLS 1.2 fail the TLS handshake after negotiation. ${TLS13_CLIENTS}`, related: setElsewhere(s, tls13.at) };
      },
    },
    {
      refs: 'tls12ServerDisabledByDefault',
      test: (value, s, scope) => {
        const tls13 = value === 0 ? undefined : tls13NotEnabled(scope);
        if (!tls13) return undefined;
        if (numberOf(effective(scope, gpoRefs().tls12ServerEnabled)?.setting) === 0) return undefined; // reported once, at Enabled
        // "Disabled by default": Schannel negotiates it only for a caller that asks for it explicitly (TLS registry
        // settings). Whether Remote Desktop asks is not documented, so this is a warning, not the error of Enabled 0.
        return {
          message: `TLS 1.2 is disabled by default for servers ("DisabledByDefault" is ${value}) ${where(s)}, and ${tls13.why}: Schannel negotiates TLS 1.2 only for an application that asks for it explicitly, and Microsoft does not document whether Remote Desktop does, so TLS and NLA connections may fail.`,
          severity: 'warning',
          related: setElsewhere(s, tls13.at),
        };
      },
    },
  ],
});
