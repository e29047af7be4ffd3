import type { PropertyInfo } from '../property-types';

/** Audio, video and device-list redirection. */
export const REDIRECTION_PROPERTIES: readonly PropertyInfo[] = [
  {
    name: 'audiomode',
    displayName: 'Audio output location',
    type: 'i',
    category: 'redirection',
    values: [
      { value: '0', meaning: 'Play sound on the local device.' },
      { value: '1', meaning: 'Play sound on the remote computer.' },
      { value: '2', meaning: 'Do not play sound.' },
    ],
    default: '0',
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'applied' },
    description: 'Where session audio is played.',
    sources: ['AVD', 'KB885187', 'SRP', 'FREERDP', 'RDPSIGN'],
    signName: 'AudioMode',
  },
  {
    name: 'audiocapturemode',
    displayName: 'Microphone redirection',
    type: 'i',
    category: 'redirection',
    values: [
      { value: '0', meaning: 'Do not capture audio from the local device.' },
      { value: '1', meaning: 'Redirect the local microphone into the session.' },
    ],
    default: '0',
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'applied' },
    description:
      'Microphone redirection. The server policy `fDisableAudioCapture` can block it. Not covered by the signature.',
    sources: ['AVD', 'SRP', 'FREERDP'],
  },
  {
    name: 'audioqualitymode',
    type: 'i',
    category: 'redirection',
    values: [
      { value: '0', meaning: 'Adjust quality to the available bandwidth.' },
      { value: '1', meaning: 'Medium quality.' },
      { value: '2', meaning: 'High quality.' },
    ],
    clients: { mstsc: 'unknown', avd: 'unknown', freerdp: 'parsed' },
    description:
      'Audio quality. The values come from the ActiveX `AudioQualityMode` property; that they apply to this key is an assumption.',
    sources: ['AX', 'FREERDP'],
    unverified: true,
  },
  {
    name: 'camerastoredirect',
    displayName: 'Camera redirection',
    type: 's',
    category: 'redirection',
    format: 'device-list',
    values: [{ value: '*', meaning: 'Redirect every camera.' }],
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'applied' },
    description:
      'Cameras to redirect: `*`, or a `;`-separated list of camera symbolic links such as `\\\\?\\usb#vid_0bda&pid_58b0&mi`; prefix one with `-` to exclude it. With no value no camera is redirected. Not covered by the signature. FreeRDP (3.5.0 and later, built with its camera client, which is off by default) turns camera redirection on for a value that is not empty (3.5 to 3.9: an empty one too) but does not read the list: its camera channel offers the server every camera it finds.',
    sources: ['AVD', 'WSD', 'FREERDP'],
  },
  {
    name: 'devicestoredirect',
    displayName: 'Media Transfer Protocol (MTP) and Picture Transfer Protocol (PTP)',
    type: 's',
    category: 'redirection',
    format: 'device-list',
    values: [
      { value: '*', meaning: 'Redirect all supported devices, including ones plugged in later.' },
      { value: 'DynamicDevices', meaning: 'Redirect supported devices plugged in later.' },
    ],
    default: '*',
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'applied' },
    description:
      'Plug and Play (MTP/PTP) devices such as cameras and phones to redirect, as `*`, `DynamicDevices` or device instance paths. The AVD page says the default is `*`; the April 2020 Windows Server table says none.',
    sources: ['AVD', 'WSD', 'FREERDP', 'RDPSIGN'],
    signName: 'DevicesToRedirect',
  },
  {
    name: 'drivestoredirect',
    displayName: 'Drive/storage redirection',
    type: 's',
    category: 'redirection',
    format: 'drive-list',
    values: [
      { value: '', meaning: 'Redirect no drives.' },
      { value: '*', meaning: 'Redirect every drive, including ones connected later.' },
      { value: 'DynamicDrives', meaning: 'Redirect drives connected later.' },
    ],
    default: '*',
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'applied' },
    description:
      'Local drives exposed in the session: empty, `*`, `DynamicDrives` or a list such as `C:\\;E:\\;`. A favourite of phishing files. The policy "Do not allow drive redirection" (`fDisableCdm`) blocks it; AVD and the April 2020 Windows Server table disagree on the default.',
    sources: ['AVD', 'WSD', 'FREERDP', 'RDPSIGN'],
    signName: 'DrivesToRedirect',
  },
  {
    name: 'usbdevicestoredirect',
    displayName: 'USB device redirection',
    type: 's',
    category: 'redirection',
    format: 'device-list',
    values: [{ value: '*', meaning: 'Redirect every USB device not already redirected at a higher level.' }],
    default: '*',
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'applied' },
    description:
      'USB devices passed through at low level (RemoteFX USB): `*`, a `{device setup class GUID}` or a USB instance ID. Not covered by the signature.',
    sources: ['AVD', 'FREERDP'],
  },
  {
    name: 'encode redirected video capture',
    displayName: 'Redirect video encoding',
    type: 'i',
    category: 'redirection',
    values: [
      { value: '0', meaning: 'Send redirected camera video unencoded.' },
      { value: '1', meaning: 'Encode redirected camera video.' },
    ],
    default: '1',
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'parsed' },
    description:
      'Whether video from redirected cameras is encoded before it is sent. FreeRDP 3 hands it to its camera channel as the argument `encode:`, with `camerastoredirect`, but the channel reads none of its arguments, so it changes nothing there.',
    sources: ['AVD', 'FREERDP'],
  },
  {
    name: 'redirected video capture encoding quality',
    displayName: 'Encoded video quality',
    type: 'i',
    category: 'redirection',
    values: [
      { value: '0', meaning: 'High compression; motion may look poor.' },
      { value: '1', meaning: 'Medium compression.' },
      { value: '2', meaning: 'Low compression and high picture quality.' },
    ],
    default: '0',
    clients: { mstsc: 'documented', avd: 'documented', freerdp: 'parsed' },
    description:
      'Quality of encoded video from redirected cameras. FreeRDP 3 hands it to its camera channel as the argument `quality:`, with `camerastoredirect`, but the channel reads none of its arguments, so it changes nothing there.',
    sources: ['AVD', 'FREERDP'],
  },
  {
    name: 'smartrawprinters',
    displayName: 'RAW printing',
    type: 's',
    category: 'redirection',
    format: 'text',
    clients: { mstsc: 'unknown', avd: 'documented', freerdp: 'unsupported' },
    description:
      'Which redirected printers may print RAW jobs instead of XPS (Azure Virtual Desktop): `*` for all, or the start of a printer driver name (the Model shown in Device Manager), for example `SmartRawPrinters:s:ZDesigner`. Printer redirection (`redirectprinters`) must be on. Microsoft documents it in "Configure printer redirection over the Remote Desktop Protocol" (Azure Virtual Desktop); FreeRDP does not read it.',
    sources: ['AVD-PRINTERS'],
  },
];
