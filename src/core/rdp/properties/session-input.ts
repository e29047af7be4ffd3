import type { PropertyInfo } from '../property-types';

/** Keyboard, mouse and connection-bar behaviour, plus obsolete session switches. */
export const SESSION_INPUT_PROPERTIES: readonly PropertyInfo[] = [
  {
    name: 'keyboardhook',
    displayName: 'Windows key combinations',
    type: 'i',
    category: 'session',
    values: [
      { value: '0', meaning: 'Windows key combinations act on the local computer.' },
      { value: '1', meaning: 'Desktop sessions: they act on the remote computer while it has focus.' },
      { value: '2', meaning: 'Desktop sessions: they act on the remote computer only in full screen.' },
      { value: '3', meaning: 'RemoteApp sessions on the Windows client: they act on the focused RemoteApp.' },
    ],
    default: '2',
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'applied' },
    description:
      'Where key combinations such as Windows and Alt+Tab go. KB885187 lists only 0–2; 3 is meant for publishing `mstsc.exe` as a RemoteApp.',
    sources: ['AVD', 'KB885187', 'FREERDP'],
  },
  {
    name: 'high resolution mouse',
    type: 'i',
    category: 'session',
    values: [
      { value: '0', meaning: 'Send coalesced mouse movement.' },
      { value: '1', meaning: 'Send full-resolution mouse movement.' },
    ],
    clients: { mstsc: 'documented', avd: 'unknown', freerdp: 'unsupported' },
    description: 'Whether mouse input is sent at full resolution; the API page documents it as a Boolean.',
    sources: ['SRP'],
  },
  {
    name: 'displayconnectionbar',
    type: 'i',
    category: 'session',
    values: [
      { value: '0', meaning: 'Hide the connection bar.' },
      { value: '1', meaning: 'Show the connection bar in full screen.' },
    ],
    clients: { mstsc: 'documented', avd: 'unknown', freerdp: 'parsed' },
    description: 'Shows the connection bar at the top of a full-screen session.',
    sources: ['KB885187', 'FREERDP'],
  },
  {
    name: 'pinconnectionbar',
    type: 'i',
    category: 'session',
    values: [
      { value: '0', meaning: 'The connection bar hides itself.' },
      { value: '1', meaning: 'The connection bar stays pinned.' },
    ],
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'parsed' },
    description: 'Apparently pins the full-screen connection bar.',
    sources: ['FREERDP'],
    unverified: true,
  },
  {
    name: 'disable ctrl+alt+del',
    type: 'i',
    category: 'session',
    values: [
      { value: '0', meaning: 'Require Ctrl+Alt+Del.' },
      { value: '1', meaning: 'Do not require Ctrl+Alt+Del.' },
    ],
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'parsed' },
    description: 'Old switch, apparently about the Ctrl+Alt+Del logon requirement; FreeRDP reads it but does nothing with it.',
    sources: ['FREERDP'],
    unverified: true,
    deprecated: 'Legacy switch with no documented effect; remove the line.',
  },
  {
    name: 'auto connect',
    type: 'i',
    category: 'session',
    clients: { mstsc: 'unsupported', avd: 'unsupported', freerdp: 'unsupported' },
    description: 'Obsolete: KB885187 says desktop computers and Windows CE clients do not use it.',
    sources: ['KB885187'],
    deprecated: 'Obsolete and ignored by clients; remove the line.',
  },
  {
    name: 'allowrelativemousemode',
    type: 'i',
    category: 'session',
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'unsupported' },
    description:
      'Windows App for macOS writes `allowrelativemousemode:i:0` in every bookmark it exports; by its name, whether the client may switch the mouse to relative mode when an application in the session asks for it (games, 3D tools). No Microsoft Learn page lists it, so RDP Doctor does not check its values; FreeRDP does not read it.',
    sources: ['MAC-EXPORT'],
    unverified: true,
  },
];
