/** How a session travels and how long it lasts: transports, keep-alives and time limits. */
import { builtOnFirstUse } from '../../built-once';
import { KEYS } from '../well-known-keys';
import { BOTH, MACHINE, ON_OFF, RDP_TCP, TS, type RegistryValueInfo, type RegistryValueMeaning } from './row';

/** Session time-limit presets in milliseconds (TerminalServer.adml); 0 = never. */
export const sessionLimitValues = builtOnFirstUse('session time limits', (): readonly RegistryValueMeaning[] => [
  { value: 0, meaning: 'Never' },
  { value: 60000, meaning: '1 minute' },
  { value: 300000, meaning: '5 minutes' },
  { value: 600000, meaning: '10 minutes' },
  { value: 900000, meaning: '15 minutes' },
  { value: 1800000, meaning: '30 minutes' },
  { value: 3600000, meaning: '1 hour' },
  { value: 7200000, meaning: '2 hours' },
  { value: 10800000, meaning: '3 hours' },
  { value: 21600000, meaning: '6 hours' },
  { value: 28800000, meaning: '8 hours' },
  { value: 43200000, meaning: '12 hours' },
  { value: 57600000, meaning: '16 hours' },
  { value: 64800000, meaning: '18 hours' },
  { value: 86400000, meaning: '1 day' },
  { value: 172800000, meaning: '2 days' },
  { value: 259200000, meaning: '3 days' },
  { value: 345600000, meaning: '4 days' },
  { value: 432000000, meaning: '5 days' },
]);

/** Made on each call: `index.ts` keeps the table (built on first use). */
export const sessionValues = (): readonly RegistryValueInfo[] => [
  {
    valueName: 'SelectTransport',
    keys: [TS],
    hives: MACHINE,
    summary: 'Which transports the server offers for RDP traffic.',
    values: [
      { value: 0, meaning: 'Use both UDP and TCP (2019 ADMX only).' },
      { value: 1, meaning: 'Use only TCP.' },
      { value: 2, meaning: 'Use either UDP or TCP.' },
    ],
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'fClientDisableUDP',
    keys: [KEYS.tsClientPolicy],
    hives: MACHINE,
    summary: '"Turn Off UDP On Client": the Remote Desktop client uses TCP only.',
    values: ON_OFF('UDP off on the client: RDP traffic uses TCP only.', 'UDP allowed.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'KeepAliveEnable',
    keys: [TS],
    hives: MACHINE,
    summary: 'Server keep-alive: the server checks the session state so a dropped client leaves a disconnected session, not an active orphan.',
    values: ON_OFF('Keep-alive on.', 'Keep-alive off.'),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'KeepAliveInterval',
    keys: [TS],
    hives: MACHINE,
    summary: 'The keep-alive interval of "Configure keep-alive connection interval".',
    unit: 'minutes (1–999999)',
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'KeepAliveTime',
    keys: [KEYS.tcpip],
    hives: MACHINE,
    summary: 'How long TCP waits on an idle connection before its first keep-alive packet (MSS: KeepAliveTime; default 7,200,000 ms, 2 hours), for connections whose program turns TCP keep-alive on; keep-alive packets are not sent otherwise. Remote Desktop\'s own keep-alive is "Configure keep-alive connection interval" (KeepAliveEnable, KeepAliveInterval).',
    unit: 'milliseconds',
    sources: ['MSS-ADMX'],
  },
  {
    valueName: 'MaxIdleTime',
    keys: [TS, RDP_TCP],
    hives: BOTH,
    summary: 'How long an active but idle session lasts before it is disconnected (or ended, with fResetBroken).',
    unit: 'milliseconds',
    values: sessionLimitValues(),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'MaxDisconnectionTime',
    keys: [TS, RDP_TCP],
    hives: BOTH,
    summary: 'How long a disconnected session is kept before it is logged off.',
    unit: 'milliseconds',
    values: sessionLimitValues(),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'MaxConnectionTime',
    keys: [TS, RDP_TCP],
    hives: BOTH,
    summary: 'The longest an active session may last.',
    unit: 'milliseconds',
    values: sessionLimitValues(),
    sources: ['TS-ADMX'],
  },
  {
    valueName: 'fResetBroken',
    keys: [TS, RDP_TCP],
    hives: BOTH,
    summary: '"End session when time limits are reached": log off instead of disconnecting.',
    values: ON_OFF('End (log off) the session when a limit is reached.', 'Disconnect the session.'),
    sources: ['TS-ADMX'],
  },
];
