import type { RuleMeta } from '../types';

/** A `.rdpdoctor.yaml` key or rule ID RDP Doctor does not know (format `config`). */
export const CFG002: RuleMeta = {
  id: 'CFG002',
  name: 'unknown-config-key',
  description: 'The .rdpdoctor.yaml file names a key or rule ID that RDP Doctor does not know.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['config'],
};
