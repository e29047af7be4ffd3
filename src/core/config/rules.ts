import type { RuleMeta } from '../rules/types';

/** Findings about `.rdpdoctor.yaml` itself (format `config`). */
export const CFG001: RuleMeta = {
  id: 'CFG001',
  name: 'invalid-config',
  description: 'The .rdpdoctor.yaml file is not valid YAML or holds a value of the wrong kind.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['config'],
};

export const CFG002: RuleMeta = {
  id: 'CFG002',
  name: 'unknown-config-key',
  description: 'The .rdpdoctor.yaml file names a key or rule ID that RDP Doctor does not know.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['config'],
};

export const CONFIG_RULES: readonly RuleMeta[] = [CFG001, CFG002];
