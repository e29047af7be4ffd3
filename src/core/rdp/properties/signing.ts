import type { PropertyInfo } from '../property-types';

/** Lines written by rdpsign. */
export const SIGNING_PROPERTIES: readonly PropertyInfo[] = [
  {
    name: 'signscope',
    type: 's',
    category: 'signing',
    format: 'text',
    clients: { mstsc: 'applied', avd: 'unknown', freerdp: 'unsupported' },
    description:
      'Comma-separated display names of the settings the signature covers, such as `Full Address,Alternate Full Address`. Lines not named here can be changed without breaking the signature.',
    sources: ['RDPSIGN'],
  },
  {
    name: 'signature',
    type: 's',
    category: 'signing',
    format: 'base64',
    clients: { mstsc: 'applied', avd: 'unknown', freerdp: 'unsupported' },
    description:
      'Base64 signature blob from rdpsign, possibly split into 64-character chunks separated by two spaces. Any change to a covered line invalidates it.',
    sources: ['RDPSIGN', 'ADMX'],
  },
];
