import type { PropertyInfo } from '../property-types';

/** Target address, server authentication and credentials. */
export const CONNECTION_PROPERTIES: readonly PropertyInfo[] = [
  {
    name: 'full address',
    displayName: 'Address',
    type: 's',
    category: 'connection',
    format: 'address',
    clients: { mstsc: 'documented', avd: 'unsupported', freerdp: 'applied' },
    description:
      'The computer to connect to: a host name, IPv4 or IPv6 address, optionally followed by `:port`. The only mandatory property. FreeRDP splits host and port at the last colon, so a bare IPv6 literal is misread; prefer a DNS name.',
    sources: ['AVD', 'KB885187', 'SRP', 'FREERDP', 'RDPSIGN'],
    signName: 'Full Address',
  },
  {
    name: 'alternate full address',
    displayName: 'Alternate address',
    type: 's',
    category: 'connection',
    format: 'address',
    clients: { mstsc: 'documented', avd: 'unsupported', freerdp: 'applied' },
    description:
      'A second name or address for the target. When present, mstsc and FreeRDP connect here instead of `full address`, so a value that differs from `full address` sends users somewhere the UI does not show.',
    sources: ['AVD', 'SRP', 'FREERDP', 'RDPSIGN'],
    signName: 'Alternate Full Address',
  },
  {
    name: 'server port',
    type: 'i',
    category: 'connection',
    range: { min: 1, max: 65535 },
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'applied' },
    description:
      'TCP port to connect to. FreeRDP applies it after `full address`, so it overrides a `:port` suffix there. rdpsign protects it; Microsoft\'s file for an Azure Stack Edge VM console uses it with a port-less `full address`, but which port mstsc takes when the address names another is not documented.',
    sources: ['FREERDP', 'RDPSIGN'],
    unverified: true,
    signName: 'Server Port',
  },
  {
    name: 'username',
    displayName: 'Username',
    type: 's',
    category: 'connection',
    format: 'text',
    clients: { mstsc: 'documented', avd: 'unsupported', freerdp: 'applied' },
    description:
      'User name filled in at sign-in, as `user`, `DOMAIN\\user` or `user@domain`. FreeRDP takes the domain from it only when `domain` is absent. Not covered by the signature.',
    sources: ['AVD', 'KB885187', 'SRP', 'FREERDP'],
  },
  {
    name: 'domain',
    displayName: 'Domain',
    type: 's',
    category: 'connection',
    format: 'text',
    clients: { mstsc: 'documented', avd: 'unsupported', freerdp: 'applied' },
    description: 'Domain of the sign-in account, such as `CONTOSO`. Not covered by the signature.',
    sources: ['AVD', 'KB885187', 'SRP', 'FREERDP'],
  },
  {
    name: 'authentication level',
    displayName: 'Server authentication',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'Connect silently even when the server cannot be authenticated.' },
      { value: '1', meaning: 'Refuse to connect when the server cannot be authenticated.' },
      { value: '2', meaning: 'Warn the user and let them decide whether to connect.' },
      { value: '3', meaning: 'No server authentication requirement is specified.' },
    ],
    default: '3',
    clients: { mstsc: 'documented', avd: 'unsupported', freerdp: 'applied' },
    description:
      'What the client does when it cannot verify the server (certificate or Kerberos). `1` fails against self-signed, untrusted or mismatched certificates; `0` hides man-in-the-middle warnings. The client policy "Configure server authentication for client" overrides it; FreeRDP defaults to 2.',
    sources: ['AVD', 'WSD', 'SRP', 'AX', 'FREERDP', 'RDPSIGN', 'ADMX'],
    signName: 'Authentication Level',
  },
  {
    name: 'enablecredsspsupport',
    displayName: 'Credential Security Support Provider',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'Never use CredSSP, even where the OS supports it.' },
      { value: '1', meaning: 'Use CredSSP when the OS supports it.' },
    ],
    default: '1',
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'applied' },
    description:
      'Switches Network Level Authentication (CredSSP) on the client. With `0`, a server that requires NLA rejects the connection (HYBRID_REQUIRED_BY_SERVER).',
    sources: ['AVD', 'SRP', 'AX', 'FREERDP', 'RDPSIGN', 'MS-RDPBCGR'],
    signName: 'EnableCredSspSupport',
  },
  {
    name: 'negotiate security layer',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'Skip negotiation and go straight to NLA; fails against pre-Vista servers. With `enablecredsspsupport:i:0` there is no NLA to go to: the client uses TLS or Standard RDP Security without negotiating, and servers that require NLA refuse it.' },
      { value: '1', meaning: 'Negotiate between NLA and standard RDP security.' },
    ],
    clients: { mstsc: 'documented', avd: 'unknown', freerdp: 'applied' },
    description:
      'Whether the client negotiates the security protocol with the server. mstsc writes `1` in saved files; `0` only works with servers from Windows Vista on.',
    sources: ['AX', 'FREERDP', 'SEEN', 'RDPSIGN'],
    signName: 'Negotiate Security Layer',
  },
  {
    name: 'enablerdsaadauth',
    displayName: 'Microsoft Entra single sign-on',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'Do not use Microsoft Entra authentication.' },
      { value: '1', meaning: 'Use Microsoft Entra authentication when the remote PC supports it.' },
    ],
    default: '0',
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'applied' },
    description:
      'Signs in with Microsoft Entra ID (RDS AAD Auth), giving single sign-on to Entra-joined hosts. Replaces `targetisaadjoined`. A current rdpsign.exe signs it (`EnableRdsAadAuth` in `signscope`); the 2015 reverse-engineered list did not.',
    sources: ['AVD', 'FREERDP', 'RAWEB_RDPSIGN'],
    signName: 'EnableRdsAadAuth',
  },
  {
    name: 'targetisaadjoined',
    displayName: 'Connect to Microsoft Entra joined host',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'Entra-joined hosts only work from Windows devices that meet the requirements.' },
      { value: '1', meaning: 'Allow Entra-joined hosts with a typed user name and password.' },
    ],
    default: '0',
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'unsupported' },
    description:
      'Lets clients reach Microsoft Entra-joined session hosts with a user name and password. FreeRDP ignores it.',
    sources: ['AVD'],
    deprecated: 'Being replaced by Microsoft Entra authentication; use `enablerdsaadauth:i:1` instead.',
  },
  {
    name: 'prompt for credentials',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'Use saved or supplied credentials without asking.' },
      { value: '1', meaning: 'Always ask the user for credentials.' },
    ],
    clients: { mstsc: 'documented', avd: 'unknown', freerdp: 'applied' },
    description: 'Forces a credential prompt before connecting. mstsc writes `0` in saved files.',
    sources: ['SRP', 'FREERDP', 'SEEN', 'RDPSIGN'],
    signName: 'Prompt For Credentials',
  },
  {
    name: 'prompt for credentials on client',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'No client-side prompt requested.' },
      { value: '1', meaning: 'Prompt for credentials on the client computer.' },
    ],
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'unsupported' },
    description:
      'Found in files generated by RD Web Access. Probably asks for credentials on the client rather than the server, like the "Prompt for credentials on the client computer" policy.',
    sources: ['SEEN'],
    unverified: true,
  },
  {
    name: 'promptcredentialonce',
    displayName: 'Save credentials',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'Ask separately for the gateway and the remote computer.' },
      { value: '1', meaning: 'Reuse the RD Gateway credentials for the remote computer.' },
    ],
    default: '1',
    clients: { mstsc: 'documented', avd: 'unsupported', freerdp: 'applied' },
    description: 'Whether one set of credentials serves both the RD Gateway and the remote computer.',
    sources: ['AVD', 'SRP', 'FREERDP', 'RDPSIGN'],
    signName: 'PromptCredentialOnce',
  },
  {
    name: 'password 51',
    secret: true,
    type: 'b',
    category: 'connection',
    format: 'hex',
    clients: { mstsc: 'applied', avd: 'unknown', freerdp: 'unsupported' },
    description:
      'Saved password as a hex DPAPI blob that only the same Windows user on the same machine can decrypt; copied to anyone else it fails. FreeRDP ignores binary lines, and the "Do not allow passwords to be saved" policy removes it.',
    sources: ['THIRD-PARTY', 'ADMX', 'FREERDP'],
    // Not marked deprecated: RDP040 already reports every saved password, with its own advice.
    unverified: true,
  },
  {
    name: 'password',
    secret: true,
    type: 's',
    category: 'connection',
    format: 'text',
    clients: { mstsc: 'unsupported', avd: 'unknown', freerdp: 'applied' },
    description:
      'FreeRDP-only plaintext password. Anyone who can read the file can read the password, so treat it as a security finding.',
    sources: ['FREERDP'],
  },
  {
    name: 'allowed security protocols',
    type: 's',
    category: 'connection',
    format: 'text',
    clients: { mstsc: 'unknown', avd: 'documented', freerdp: 'unsupported' },
    description:
      'Restricts the security protocols the client may negotiate (`*` allows every one). Added in version 1.2.4485 of the Azure Virtual Desktop Store app for Windows; Microsoft Remote Desktop for Mac writes `*` in the files it exports. The accepted list syntax is not documented.',
    sources: ['AVD-STORE-WHATSNEW', 'MAC-EXPORT'],
    unverified: true,
  },
];
