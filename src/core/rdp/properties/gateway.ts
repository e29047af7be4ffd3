import type { PropertyInfo } from '../property-types';

/** Remote Desktop Gateway settings. */
export const GATEWAY_PROPERTIES: readonly PropertyInfo[] = [
  {
    name: 'gatewayhostname',
    displayName: 'RD Gateway hostname',
    type: 's',
    category: 'gateway',
    format: 'address',
    clients: { mstsc: 'documented', avd: 'unsupported', freerdp: 'applied' },
    description:
      'Address of the RD Gateway (HTTPS, port 443 unless `:port` is given). Must be set whenever `gatewayusagemethod` requires a gateway.',
    sources: ['AVD', 'SRP', 'FREERDP', 'RDPSIGN'],
    signName: 'GatewayHostname',
  },
  {
    name: 'gatewayusagemethod',
    displayName: 'Use RD Gateway',
    type: 'i',
    category: 'gateway',
    values: [
      { value: '0', meaning: 'Never use a gateway.' },
      { value: '1', meaning: 'Always go through the gateway.' },
      { value: '2', meaning: 'Use the gateway only when a direct connection to the host fails.' },
      { value: '3', meaning: 'Use the default gateway settings.' },
      { value: '4', meaning: 'Do not use a gateway, and bypass it for local addresses.' },
    ],
    default: '0',
    clients: { mstsc: 'documented', avd: 'unsupported', freerdp: 'applied' },
    description:
      'When to tunnel through the RD Gateway. `1` with an empty `gatewayhostname` cannot work. For `2` the API page says "detect the gateway settings automatically", unlike the other Microsoft pages; FreeRDP treats it as gateway on with local bypass.',
    sources: ['AVD', 'AX', 'SRP', 'FREERDP', 'RDPSIGN'],
    signName: 'GatewayUsageMethod',
  },
  {
    name: 'gatewaycredentialssource',
    displayName: 'RD Gateway authentication',
    type: 'i',
    category: 'gateway',
    values: [
      { value: '0', meaning: 'Ask for a password (NTLM).' },
      { value: '1', meaning: 'Use a smart card.' },
      { value: '2', meaning: 'Use the credentials of the signed-in user.' },
      { value: '3', meaning: 'Ask for credentials and send them with HTTP Basic authentication.' },
      { value: '4', meaning: 'Let the user choose later.' },
      { value: '5', meaning: 'Use cookie-based authentication.' },
    ],
    default: '0',
    clients: { mstsc: 'documented', avd: 'unsupported', freerdp: 'parsed' },
    description:
      'How the client authenticates to the RD Gateway. The user policy "Set RD Gateway authentication method" can override it. FreeRDP only reads it, and its own constant for "any" is 2, not 4.',
    sources: ['AVD', 'SRP', 'WSD', 'AX', 'FREERDP', 'RDPSIGN', 'ADMX'],
    signName: 'GatewayCredentialsSource',
  },
  {
    name: 'gatewayprofileusagemethod',
    displayName: 'RD Gateway profile',
    type: 'i',
    category: 'gateway',
    values: [
      { value: '0', meaning: 'Use the default profile settings chosen by the administrator.' },
      { value: '1', meaning: 'Use the explicit gateway settings in this file.' },
    ],
    default: '0',
    clients: { mstsc: 'documented', avd: 'unsupported', freerdp: 'parsed' },
    description: 'Whether the gateway settings in the file or the default (policy) profile apply.',
    sources: ['AVD', 'AX', 'SRP', 'FREERDP', 'RDPSIGN'],
    signName: 'GatewayProfileUsageMethod',
  },
  {
    name: 'gatewaybrokeringtype',
    type: 'i',
    category: 'gateway',
    clients: { mstsc: 'applied', avd: 'unknown', freerdp: 'unsupported' },
    description: 'Written as `0` by recent mstsc versions; its meaning is undocumented.',
    sources: ['SEEN'],
    unverified: true,
  },
  {
    name: 'gatewayaccesstoken',
    type: 's',
    category: 'gateway',
    format: 'text',
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'applied' },
    description: 'Access token presented to the gateway in Azure Virtual Desktop / ARM flows; FreeRDP applies it.',
    sources: ['FREERDP'],
  },
];
