import type { PropertyInfo } from '../property-types';
import { NON_NEGATIVE_INT32 } from './ranges';

/** Which session the connection lands in, how it is routed, and what it starts. */
export const CONNECTION_HOST_PROPERTIES: readonly PropertyInfo[] = [
  {
    name: 'disableconnectionsharing',
    displayName: 'Connection sharing',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'Reconnect to an existing disconnected session.' },
      { value: '1', meaning: 'Always start a new connection.' },
    ],
    default: '0',
    clients: { mstsc: 'documented', avd: 'unknown', freerdp: 'parsed' },
    description:
      'Whether launching a connection reuses an existing session or starts a new one. The AVD page lists it for RDS only, while the April 2020 Windows Server table also marks AVD.',
    sources: ['AVD', 'WSD', 'FREERDP', 'RDPSIGN'],
    signName: 'DisableConnectionSharing',
  },
  {
    name: 'administrative session',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'Normal session.' },
      { value: '1', meaning: 'Connect to the administrative (console) session.' },
    ],
    clients: { mstsc: 'documented', avd: 'unknown', freerdp: 'applied' },
    description:
      'The file form of `mstsc /admin`. An admin session needs no RDS CAL and skips Connection Broker redirection, time-zone and Plug and Play redirection (effects inferred from the ActiveX `ConnectToAdministerServer` property).',
    sources: ['SRP', 'AX', 'FREERDP'],
  },
  {
    name: 'connect to console',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'Normal session.' },
      { value: '1', meaning: 'Connect to the console session.' },
    ],
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'applied' },
    description: 'Console-session flag from the `mstsc /console` era; FreeRDP still maps it to a console session.',
    sources: ['FREERDP'],
    deprecated: 'Legacy console-session flag; use `administrative session:i:1` instead.',
  },
  {
    name: 'public mode',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'Normal mode.' },
      { value: '1', meaning: 'Public-computer mode: keep no user data on the client.' },
    ],
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'parsed' },
    description:
      'Public-computer mode, like `mstsc /public`: the client does not cache user data locally. The link to the ActiveX `PublicMode` property is inferred.',
    sources: ['AX', 'FREERDP'],
    unverified: true,
  },
  {
    name: 'loadbalanceinfo',
    type: 's',
    category: 'connection',
    format: 'text',
    clients: { mstsc: 'documented', avd: 'unknown', freerdp: 'applied' },
    description:
      'Routing token for the RD Connection Broker, such as `tsv://MS Terminal Services Plugin.1.<collection>`. A wrong value lands users in the wrong collection or fails the connection.',
    sources: ['SRP', 'FREERDP', 'RDPSIGN', 'MS-RDPBCGR'],
    signName: 'LoadBalanceInfo',
  },
  {
    name: 'use redirection server name',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'Do not use a redirection server name.' },
      { value: '1', meaning: 'Allow a redirection server name.' },
    ],
    clients: { mstsc: 'documented', avd: 'unknown', freerdp: 'parsed' },
    description: 'Connection Broker redirection behaviour. mstsc writes `0` in saved files.',
    sources: ['SRP', 'FREERDP', 'SEEN', 'RDPSIGN'],
    signName: 'Use Redirection Server Name',
  },
  {
    name: 'pcb',
    type: 's',
    category: 'connection',
    format: 'text',
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'applied' },
    description:
      'Preconnection blob sent before the connection starts, for example a Hyper-V VM GUID for VMConnect or a token for a load balancer.',
    sources: ['FREERDP', 'RDPSIGN'],
    signName: 'PCB',
  },
  {
    name: 'kdcproxyname',
    displayName: 'KDC proxy name',
    type: 's',
    category: 'connection',
    format: 'address',
    clients: { mstsc: 'unknown', avd: 'documented', freerdp: 'applied' },
    description:
      'Fully qualified name of a Kerberos KDC proxy, such as `kdc.contoso.com`. Supported RDP properties documents it for Azure Virtual Desktop only ("Configure a Kerberos Key Distribution Center proxy"); mstsc writes it into saved files and rdpsign signs it, but no Microsoft page says what mstsc does with it.',
    sources: ['AVD', 'SEEN', 'FREERDP', 'RDPSIGN'],
    signName: 'KDCProxyName',
  },
  {
    name: 'rdgiskdcproxy',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'The RD Gateway is not used as a KDC proxy.' },
      { value: '1', meaning: 'The RD Gateway also acts as the KDC proxy.' },
    ],
    clients: { mstsc: 'applied', avd: 'unknown', freerdp: 'applied' },
    description: 'Whether the RD Gateway doubles as the Kerberos KDC proxy (meaning taken from the name). mstsc writes `0`.',
    sources: ['FREERDP', 'SEEN', 'RDPSIGN'],
    unverified: true,
    signName: 'RDGIsKDCProxy',
  },
  {
    name: 'alternate shell',
    displayName: 'Alternate shell',
    type: 's',
    category: 'connection',
    format: 'path',
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'applied' },
    description:
      'Program started instead of Explorer, such as `C:\\Program Files\\MyApp\\myapp.exe`. RD Web Access writes `||alias` here for RemoteApp files.',
    sources: ['AVD', 'KB885187', 'FREERDP', 'SEEN', 'RDPSIGN'],
    signName: 'Alternate Shell',
  },
  {
    name: 'shell working directory',
    type: 's',
    category: 'connection',
    format: 'path',
    clients: { mstsc: 'documented', avd: 'unknown', freerdp: 'applied' },
    description: 'Working folder for `alternate shell` or the RemoteApp.',
    sources: ['KB885187', 'FREERDP', 'RDPSIGN'],
    signName: 'Shell Working Directory',
  },
  {
    name: 'autoreconnection enabled',
    displayName: 'Reconnection',
    type: 'i',
    category: 'connection',
    values: [
      { value: '0', meaning: 'Do not reconnect automatically.' },
      { value: '1', meaning: 'Try to reconnect automatically when the connection drops.' },
    ],
    default: '1',
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'applied' },
    description:
      'Automatic reconnection after a network interruption. The server policy `fDisableAutoReconnect` can block it regardless of this value.',
    sources: ['AVD', 'KB885187', 'FREERDP', 'RDPSIGN'],
    signName: 'AutoReconnection Enabled',
  },
  {
    name: 'autoreconnect max retries',
    type: 'i',
    category: 'connection',
    range: NON_NEGATIVE_INT32,
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'applied' },
    description: 'FreeRDP-specific limit on automatic reconnection attempts.',
    sources: ['FREERDP'],
  },
];
