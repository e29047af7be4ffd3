import type { RuleMeta } from '../types';

/** A `.rdpdoctor.yaml` that is not valid YAML or holds a value of the wrong kind (format `config`). */
export const CFG001: RuleMeta = {
  id: 'CFG001',
  name: 'invalid-config',
  description: 'The .rdpdoctor.yaml file is not valid YAML or holds a value of the wrong kind.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['config'],
};
