import type { PropertyInfo } from '../property-types';

/**
 * Plain-text password properties of Devolutions' MsRdpEx, the mstsc extension Remote Desktop Manager loads (its README's
 * option table, "use for testing only"; dll/RdpSettings.cpp reads them by names compared without regard to case), which
 * IronRDP's client also reads (crates/ironrdp-cfg). RDP040 reports a value in either as a saved plain-text password.
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
];
