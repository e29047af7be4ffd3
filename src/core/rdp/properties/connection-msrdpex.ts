import type { PropertyInfo } from '../property-types';

/**
 * A 0/1 switch of MsRdpEx's README table (its "Values" column says 0/1; dll/RdpSettings.cpp reads any number other
 * than 0 as on, MsRdpEx_RdpFileEntry_GetBoolValue in dll/RdpFile.c).
 */
function msrdpexSwitch(displayName: string, does: string, defaultValue: '0' | '1' = '0'): PropertyInfo {
  return {
    name: displayName.toLowerCase(),
    displayName,
    type: 'i',
    category: 'session',
    values: [
      { value: '0', meaning: 'Off.' },
      { value: '1', meaning: 'On.' },
    ],
    default: defaultValue,
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'unsupported' },
    description: `${does} Read by Devolutions’ MsRdpEx (the mstsc extension Remote Desktop Manager loads), not by mstsc alone.`,
    sources: ['MSRDPEX'],
  };
}


/**
 * The extra `.rdp` options of Devolutions' MsRdpEx, the mstsc extension Remote Desktop Manager loads (its README's
 * "Extended .RDP File Options" table; dll/RdpSettings.cpp reads them by names compared without regard to case, at
 * 5a64c5d). IronRDP's client also reads the two passwords and `KDCProxyURL` (crates/ironrdp-cfg). RDP040 reports a
 * value in either password as a saved plain-text password. Plain mstsc and FreeRDP are not known to read any of them.
 */
export const CONNECTION_MSRDPEX_PROPERTIES: readonly PropertyInfo[] = [
  {
    name: 'cleartextpassword',
    displayName: 'ClearTextPassword',
    secret: true,
    type: 's',
    category: 'connection',
    format: 'text',
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'unsupported' },
    description:
      'The remote computer account’s password in plain text, read by Devolutions’ MsRdpEx (which Remote Desktop Manager loads into mstsc; its README says “use for testing only”) and by IronRDP. Anyone who can read the file can read the password. Microsoft documents no such property, and FreeRDP reads `password:s:` instead.',
    sources: ['MSRDPEX'],
  },
  {
    name: 'gatewaypassword',
    displayName: 'GatewayPassword',
    secret: true,
    type: 's',
    category: 'gateway',
    format: 'text',
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'unsupported' },
    description:
      'The RD Gateway password in plain text, read by Devolutions’ MsRdpEx (its README says “use for testing only”) and by IronRDP. Anyone who can read the file can read the password. Microsoft documents no such property.',
    sources: ['MSRDPEX'],
  },
  {
    name: 'kdcproxyurl',
    displayName: 'KDCProxyURL',
    type: 's',
    category: 'connection',
    format: 'text',
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'unsupported' },
    description:
      'The Kerberos KDC proxy as an HTTPS URL (`https://<host>:443/KdcProxy`), which MsRdpEx turns into mstsc’s `kdcproxyname` (without that property’s format and length limits). Read by Devolutions’ MsRdpEx and by IronRDP.',
    sources: ['MSRDPEX'],
  },
  {
    name: 'userspecifiedservername',
    displayName: 'UserSpecifiedServerName',
    type: 's',
    category: 'connection',
    format: 'text',
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'unsupported' },
    description:
      'The server name checked against the certificate and used for Kerberos, when it differs from the address connected to (usually the computer’s FQDN). Read by Devolutions’ MsRdpEx, not by mstsc alone.',
    sources: ['MSRDPEX'],
  },
  msrdpexSwitch('EnableMouseJiggler', 'Moves the mouse in the session at an interval so that it does not lock for inactivity.'),
  {
    name: 'mousejigglerinterval',
    displayName: 'MouseJigglerInterval',
    type: 'i',
    category: 'session',
    default: '60',
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'unsupported' },
    description: 'Seconds between the mouse jiggler’s movements (`EnableMouseJiggler`). Read by Devolutions’ MsRdpEx, not by mstsc alone.',
    sources: ['MSRDPEX'],
  },
  {
    name: 'mousejigglermethod',
    displayName: 'MouseJigglerMethod',
    type: 'i',
    category: 'session',
    values: [
      { value: '0', meaning: 'The first of its two ways of moving the mouse.' },
      { value: '1', meaning: 'The second.' },
    ],
    default: '0',
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'unsupported' },
    description: 'How the mouse jiggler moves the mouse (two methods, 0 and 1). Read by Devolutions’ MsRdpEx (the mstsc extension Remote Desktop Manager loads), not by mstsc alone.',
    sources: ['MSRDPEX'],
  },
  msrdpexSwitch('AllowBackgroundInput', 'Sends input events to the session while its window does not have the focus.'),
  msrdpexSwitch('EnableRelativeMouse', 'Turns on relative mouse mode.'),
  msrdpexSwitch('DisableCredentialsDelegation', 'Turns off CredSSP credential delegation.'),
  msrdpexSwitch('RedirectedAuthentication', 'Connects with Remote Credential Guard.'),
  msrdpexSwitch('RestrictedLogon', 'Connects in Restricted Admin mode.'),
  msrdpexSwitch('DisableUDPTransport', 'Uses TCP only, without the RDP UDP transport.'),
  msrdpexSwitch('ConnectToChildSession', 'Connects to the computer’s child session.'),
  msrdpexSwitch('EnableHardwareMode', '0 turns off the DirectX client presenter (the GDI presenter draws the session instead).', '1'),
];
