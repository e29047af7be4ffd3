import type { RdpRule } from '../types';
import { signatureProblems } from './signing';

export const rdp041: RdpRule = {
  id: 'RDP041',
  name: 'signature-invalid',
  description: 'A signature that cannot verify over the signscope lines (structure and scope checks), or that RDP Doctor cannot check (a warning) or does not accept (MD5).',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['signing'],
  check({ doc, report }) {
    for (const problem of signatureProblems(doc)) report(problem);
  },
};
