/**
 * Whether and where the computer takes Remote Desktop connections: the Remote Desktop switch, the service's start
 * type, the listener's port, and licensing.
 */
import { KEYS } from '../well-known-keys';
import { MACHINE, ON_OFF, RDP_TCP, TS, type RegistryValueInfo } from './row';

/** Made on each call: `index.ts` keeps the table (built on first use). */
export const connectionValues = (): readonly RegistryValueInfo[] => [
  {
    valueName: 'fDenyTSConnections',
    keys: [TS, KEYS.terminalServer],
    hives: MACHINE,
    summary: 'Whether the computer accepts Remote Desktop connections. The policy value overrides the System Properties switch under the Terminal Server key.',
    values: ON_OFF('Denied: no new Remote Desktop connections are accepted.', 'Allowed.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'Start',
    keys: [KEYS.termService],
    hives: MACHINE,
    summary: 'The start type of the Remote Desktop Services service (TermService), as System Services in a GPO (a security template\'s [Service General Setting]) sets it. Disabled: the service does not start, and the computer accepts no Remote Desktop connection.',
    values: [
      { value: 2, meaning: 'Automatic: the service starts with Windows.' },
      { value: 3, meaning: 'Manual: the service starts when it is needed.' },
      { value: 4, meaning: 'Disabled: the service cannot be started, so no Remote Desktop connection is accepted.' },
    ],
    sources: ['SERVICE-START'],
  },
  {
    valueName: 'PortNumber',
    keys: [RDP_TCP],
    hives: MACHINE,
    summary: 'The TCP port the RDP listener listens on; 3389 by default. A change needs a restart and firewall rules for TCP and UDP.',
    unit: 'TCP port',
    sources: ['LISTENING-PORT'],
  },
  {
    valueName: 'LicensingMode',
    keys: [TS],
    hives: MACHINE,
    summary: 'The Remote Desktop licensing mode of the RD Session Host.',
    values: [
      { value: 2, meaning: 'Per Device.' },
      { value: 4, meaning: 'Per User.' },
      { value: 6, meaning: 'AAD Per User (deprecated on Windows 11 and later).' },
    ],
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'LicenseServers',
    keys: [TS],
    hives: MACHINE,
    summary: 'The license servers tried first, comma-separated.',
    sources: ['TS-ADMX'],
  },
];
