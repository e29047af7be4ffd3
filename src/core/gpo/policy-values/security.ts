/**
 * How Remote Desktop secures and authenticates a connection, by its own policy and listener keys: the security layer,
 * NLA, encryption, the listener's certificate, the administration RPC interface, passwords, and trusted and unknown
 * .rdp publishers.
 */
import { BOTH, MACHINE, ON_OFF, RDP_TCP, TS, type RegistryValueInfo } from './row';

/** Made on each call: `index.ts` keeps the table (built on first use). */
export const securityValues = (): readonly RegistryValueInfo[] => [
  {
    valueName: 'SecurityLayer',
    keys: [TS, RDP_TCP],
    hives: MACHINE,
    summary: 'The security layer the listener uses to protect the connection and authenticate the server.',
    values: [
      { value: 0, meaning: 'RDP: Standard RDP Security, no TLS and no server authentication.' },
      { value: 1, meaning: 'Negotiate: TLS when the client supports it, otherwise Standard RDP Security.' },
      { value: 2, meaning: 'SSL: TLS is required; clients without TLS cannot connect (recommended).' },
    ],
    sources: ['TS-ADMX', 'WMI-TSGENERAL'],
  },
  {
    valueName: 'UserAuthentication',
    keys: [TS, RDP_TCP],
    hives: MACHINE,
    summary: 'Whether Network Level Authentication (CredSSP) is required before a session is created.',
    values: ON_OFF('NLA required: clients without CredSSP get HYBRID_REQUIRED_BY_SERVER.', 'NLA not required.'),
    sources: ['TS-ADMX', 'WMI-TSGENERAL'],
  },
  {
    valueName: 'MinEncryptionLevel',
    keys: [TS, RDP_TCP],
    hives: MACHINE,
    summary: 'The minimum encryption level of Standard RDP Security (it does not apply to TLS).',
    values: [
      { value: 1, meaning: 'Low: 56-bit, client to server only.' },
      { value: 2, meaning: 'Client Compatible: the highest key strength the client supports.' },
      { value: 3, meaning: 'High: 128-bit; clients that cannot do it cannot connect.' },
      { value: 4, meaning: 'FIPS Compliant (listener and WMI only).' },
    ],
    sources: ['TS-ADMX', 'WMI-TSGENERAL'],
  },
  {
    valueName: 'fEncryptRPCTraffic',
    keys: [TS],
    hives: MACHINE,
    summary: '"Require secure RPC communication" for the Remote Desktop Services administration interface (not RDP connections).',
    values: ON_OFF('Only authenticated, encrypted RPC is accepted.', 'Unsecured RPC is accepted from clients that do not answer a request for security.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'fPromptForPassword',
    keys: [TS, RDP_TCP],
    hives: MACHINE,
    summary: '"Always prompt for password upon connection": users type the password at the server even if the client sent credentials.',
    values: ON_OFF('Always prompt (security baseline).', 'Use the credentials the client sends.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'DisablePasswordSaving',
    keys: [TS],
    hives: BOTH,
    summary: '"Do not allow passwords to be saved" in the Remote Desktop client.',
    values: ON_OFF('Saving passwords is off (security baseline).', 'Users may save passwords.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'SSLCertificateSHA1Hash',
    keys: [RDP_TCP],
    hives: MACHINE,
    summary: "The thumbprint (SHA-1, 20 bytes) of the listener's certificate in LocalMachine\\My; without it the self-signed certificate is used.",
    sources: ['LISTENER-CERT', 'WMI-TSGENERAL'],
  },
  {
    valueName: 'AuthenticationLevel',
    keys: [TS],
    hives: MACHINE,
    summary: '"Configure server authentication for client": overrides "authentication level" in .rdp files.',
    values: [
      { value: 0, meaning: 'Always connect, even if authentication fails.' },
      { value: 1, meaning: 'Do not connect if authentication fails.' },
      { value: 2, meaning: 'Warn me if authentication fails.' },
    ],
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'CertTemplateName',
    keys: [TS],
    hives: MACHINE,
    summary: 'The certificate template the server enrols its listener certificate from.',
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'AllowUnsignedFiles',
    keys: [TS],
    hives: BOTH,
    summary:
      '"Allow .rdp files from unknown publishers": whether Remote Desktop Connection opens unsigned .rdp files and files whose publisher it cannot verify. Not configured is as Enabled.',
    values: ON_OFF('Users may open them after a warning.', 'Blocked: the user receives a message that the publisher has been blocked.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'AllowSignedFiles',
    keys: [TS],
    hives: BOTH,
    summary:
      '"Allow .rdp files from valid publishers and user\'s default .rdp settings": whether Remote Desktop Connection opens .rdp files signed with a valid certificate (one from an authority the client recognises) and connections started from its own window with the default settings. Not configured is as Enabled. Disabled still lets through files from a publisher trusted by policy ("Specify thumbprints of certificates representing trusted .rdp publishers").',
    values: ON_OFF('Users may open them after confirming the connection.', 'Blocked: the user receives a message that the publisher has been blocked.'),
    sources: ['TS-ADMX', 'RDP-FILE-SECURITY-GP'],
  },
  {
    valueName: 'TrustedCertThumbprints',
    keys: [TS],
    hives: BOTH,
    summary:
      '"Specify (SHA1) thumbprints of certificates representing trusted .rdp publishers": for .rdp files signed by these certificates Remote Desktop Connection shows no security warning and turns the requested redirections on. The computer and user lists combine; entries that are not thumbprints are ignored. SHA-2 thumbprints are accepted since the July 2026 update, each behind the prefix that names its algorithm ("sha256:", "sha384:" or "sha512:", as the policy\'s Help text is quoted); an entry without a prefix is read as a SHA-1 thumbprint.',
    sources: ['TS-ADMX', 'RDP-FILE-SECURITY-GP'],
  },
];
