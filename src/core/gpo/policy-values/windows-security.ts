/**
 * Windows-wide security settings a connection depends on, outside Remote Desktop's keys: CredSSP's encryption oracle
 * remediation, the NTLM restrictions, Kerberos for IP addresses and Schannel's protocol switches.
 */
import { KEYS, schannelKey } from '../well-known-keys';
import { MACHINE, ON_OFF, type RegistryValueInfo } from './row';

/** Made on each call: `index.ts` keeps the table (built on first use). */
export function windowsSecurityValues(): readonly RegistryValueInfo[] {
  const schannelKeys = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'].flatMap((p) => [schannelKey(p, 'Server'), schannelKey(p, 'Client')]);
  return [
    {
      valueName: 'AllowEncryptionOracle',
      keys: [KEYS.credssp],
      hives: MACHINE,
      summary: 'CredSSP Encryption Oracle Remediation (CVE-2018-0886): whether patched and unpatched CredSSP peers may talk.',
      values: [
        { value: 0, meaning: 'Force Updated Clients: neither side falls back to the insecure CredSSP versions.' },
        { value: 1, meaning: 'Mitigated: clients do not fall back, services still accept unpatched clients (the default since May 2018).' },
        { value: 2, meaning: 'Vulnerable: both sides fall back; exposes remote servers to the CVE-2018-0886 attack.' },
      ],
      sources: ['CREDSSP-ADMX', 'KB4093492'],
    },
    {
      valueName: 'RestrictSendingNTLMTraffic',
      keys: [KEYS.ntlm],
      hives: MACHINE,
      summary:
        '"Network security: Restrict NTLM: Outgoing NTLM traffic to remote servers": whether this computer may authenticate to remote servers with NTLM. Deny all leaves Kerberos only, which needs a server name with an SPN (an IP address works only with TryIPSPN and an IP SPN).',
      values: [
        { value: 0, meaning: 'Allow all: NTLM may be sent to any remote server (also when not defined).' },
        { value: 1, meaning: 'Audit all: NTLM is sent and each use is logged.' },
        { value: 2, meaning: 'Deny all: NTLM is never sent; authentication to a remote server needs Kerberos.' },
      ],
      sources: ['RESTRICT-NTLM-OUTGOING', 'KERBEROS-IP'],
    },
    {
      valueName: 'ClientAllowedNTLMServers',
      keys: [KEYS.ntlm],
      hives: MACHINE,
      summary:
        '"Network security: Restrict NTLM: Add remote server exceptions for NTLM authentication": the servers this computer may still use NTLM with when outgoing NTLM is denied, one name per line as the application names the server; a single asterisk anywhere in a name is a wildcard.',
      sources: ['RESTRICT-NTLM-EXCEPTIONS', 'RESTRICT-NTLM-OUTGOING'],
    },
    {
      valueName: 'RestrictReceivingNTLMTraffic',
      keys: [KEYS.ntlm],
      hives: MACHINE,
      summary:
        '"Network security: Restrict NTLM: Incoming NTLM traffic": whether this computer, as a server, accepts NTLM. A client that connects by IP address has no Kerberos (unless TryIPSPN and an IP SPN), so a server that denies NTLM refuses its Network Level Authentication.',
      values: [
        { value: 0, meaning: 'Allow all: NTLM is accepted (also when not defined).' },
        { value: 1, meaning: 'Deny all domain accounts: NTLM sign-ins of domain accounts are refused; local accounts of this computer still sign in.' },
        { value: 2, meaning: 'Deny all accounts: every NTLM sign-in is refused, domain and local accounts alike.' },
      ],
      sources: ['RESTRICT-NTLM-INCOMING', 'KERBEROS-IP'],
    },
    {
      valueName: 'RestrictNTLMInDomain',
      keys: [KEYS.netlogon],
      hives: MACHINE,
      summary:
        '"Network security: Restrict NTLM: NTLM authentication in this domain": applies to domain controllers only. The domain controller refuses the NTLM pass-through of domain sign-ins, except to the servers of "Add server exceptions in this domain"; local accounts of a member server are not passed through.',
      values: [
        { value: 0, meaning: 'Disable: NTLM pass-through is allowed (also when not defined).' },
        { value: 1, meaning: 'Deny for domain accounts to domain servers.' },
        { value: 3, meaning: 'Deny for domain accounts.' },
        { value: 5, meaning: 'Deny for domain servers.' },
        { value: 7, meaning: 'Deny all: NTLM pass-through from its servers and for its accounts is refused.' },
      ],
      sources: ['RESTRICT-NTLM-DOMAIN', 'RESTRICT-NTLM-DOMAIN-EXCEPTIONS'],
    },
    {
      valueName: 'DCAllowedNTLMServers',
      keys: [KEYS.netlogon],
      hives: MACHINE,
      summary:
        '"Network security: Restrict NTLM: Add server exceptions in this domain": the servers of the domain to which a domain controller that restricts NTLM still allows NTLM pass-through, by NetBIOS name, one per line; a single asterisk anywhere in a name is a wildcard.',
      sources: ['RESTRICT-NTLM-DOMAIN-EXCEPTIONS', 'RESTRICT-NTLM-DOMAIN'],
    },
    {
      valueName: 'TryIPSPN',
      keys: [KEYS.kerberosParameters],
      hives: MACHINE,
      summary: 'Kerberos for IP addresses: when 1, the client also asks for a Kerberos ticket for a host given as an IP address, which works only if the server has that IP address registered as an SPN.',
      values: ON_OFF('Try IP SPNs: Kerberos can serve an IP address that is registered as an SPN.', 'No Kerberos for IP addresses (the default): the client falls back to NTLM.'),
      sources: ['KERBEROS-IP'],
    },
    {
      valueName: 'RestrictedRemoteAdministration',
      keys: [KEYS.credentialsDelegation],
      hives: MACHINE,
      summary:
        '"Restrict delegation of credentials to remote servers" (System > Credentials Delegation): when 1, Remote Desktop Connection on this computer must connect in the restricted mode of RestrictedRemoteAdministrationType and delegates no reusable credentials to the server.',
      values: ON_OFF('Enabled: the mode in RestrictedRemoteAdministrationType is enforced.', 'Disabled: neither Restricted Admin nor Remote Credential Guard is enforced; credentials may be delegated.'),
      sources: ['CREDSSP-ADMX', 'REMOTE-CREDENTIAL-GUARD'],
    },
    {
      valueName: 'RestrictedRemoteAdministrationType',
      keys: [KEYS.credentialsDelegation],
      hives: MACHINE,
      summary:
        'The restricted mode "Restrict delegation of credentials to remote servers" enforces ("Use the following restricted mode:"). Remote Credential Guard signs in with Kerberos only and "does not allow NTLM fallback"; Restricted Admin mode takes any negotiable protocol.',
      values: [
        { value: 1, meaning: 'Require Restricted Admin: the client must connect in Restricted Admin mode (the server must support it).' },
        { value: 2, meaning: 'Require Remote Credential Guard: the client must connect with Remote Credential Guard, Kerberos only, so no IP address without an IP SPN and no local account of the server.' },
        { value: 3, meaning: 'Restrict Credential Delegation: Remote Credential Guard where it can be used, else Restricted Admin mode (if supported).' },
      ],
      sources: ['CREDSSP-ADMX', 'REMOTE-CREDENTIAL-GUARD'],
    },
    {
      valueName: 'Enabled',
      keys: schannelKeys,
      hives: MACHINE,
      summary: 'Whether Schannel may negotiate this protocol version on this side. Any non-zero value enables it, so 1 and 0xffffffff mean the same.',
      values: ON_OFF('Enabled (negotiated unless DisabledByDefault is also set).', 'Disabled: never negotiated.'),
      kind: 'nonzero-switch',
      sources: ['TLS-REGISTRY'],
    },
    {
      valueName: 'DisabledByDefault',
      keys: schannelKeys,
      hives: MACHINE,
      summary: 'Whether the protocol is off unless an application asks for it explicitly. Any non-zero value sets it.',
      values: ON_OFF('Disabled by default: used only when the caller asks for it explicitly.', 'Used by default.'),
      kind: 'nonzero-switch',
      sources: ['TLS-REGISTRY'],
    },
  ];
}
