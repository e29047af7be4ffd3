// The JSON schema for .rdpdoctor.yaml (schemas/, contributed through `yamlValidation`) accepts what the CLI and the
// editor accept (parseConfig), and refuses what they refuse: severities and rule IDs in any case.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parseConfig } from '../../src/core/config/parse';
import { KNOWN_RULE_IDS } from '../../src/core/rules/registry';
import { ROOT } from './cli/cli-harness';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/rdpdoctor.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ strict: false, validateFormats: false }).compile({ ...schema, $schema: undefined });

describe('the config schema and parseConfig agree on rules', () => {
  const severities = ['off', 'info', 'warning', 'error', 'Error', 'ERROR', 'Off', 'wArNiNg', 'INFO', 'fatal', 'errors', '', 'warn'];
  for (const severity of severities) {
    it(`severity ${JSON.stringify(severity)}`, () => {
      const cli = !parseConfig(`rules:\n  RDP013: "${severity}"\n`, KNOWN_RULE_IDS).problems.some((p) => p.kind === 'invalid');
      const yaml = validate({ rules: { RDP013: severity } });
      assert.equal(yaml, cli, `the schema says ${yaml}, the CLI ${cli}`);
    });
  }
  for (const id of ['RDP013', 'rdp013', 'Rdp013', 'gpo002', 'net004']) {
    it(`rule ID ${id} is accepted by both`, () => {
      assert.deepEqual(parseConfig(`rules:\n  ${id}: Error\n`, KNOWN_RULE_IDS).problems, []);
      assert.equal(validate({ rules: { [id]: 'Error' } }), true);
    });
  }
});
