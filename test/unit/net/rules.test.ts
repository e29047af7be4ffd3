import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { NET_RULES } from '../../../src/core/rules/net/index';
import { STEP_OF_RULE } from '../../../src/core/net/ladder';

const ROOT = resolve(__dirname, '../../../..');

/** SPEC §2's NET IDs, names and severities: fixed, so repeated here on purpose. */
const SPEC_NET_RULES = {
  NET001: ['dns-failure', 'error'], NET002: ['tcp-refused', 'error'], NET003: ['tcp-timeout', 'error'], NET004: ['not-rdp', 'error'], NET005: ['protocol-not-requested', 'error'],
  NET010: ['nla-required', 'info'], NET011: ['nla-not-enforced', 'warning'], NET012: ['standard-security-only', 'warning'],
  NET013: ['negotiation-failure', 'error'], NET014: ['rdp-encryption-weak', 'warning'], NET020: ['cert-expired', 'error'], NET021: ['cert-not-yet-valid', 'error'],
  NET022: ['cert-untrusted', 'warning'], NET023: ['cert-name-mismatch', 'warning'], NET024: ['cert-eku', 'error'],
  NET025: ['cert-weak-key', 'warning'], NET026: ['cert-weak-signature', 'warning'], NET027: ['cert-expiring-soon', 'warning'],
  NET028: ['tls-handshake-failed', 'error'], NET029: ['tls-legacy-protocol', 'warning'],
  NET040: ['server-name-not-in-certificate', 'warning'], NET041: ['clock-skew', 'warning'],
} as const;

describe('NET rule registry', () => {
  it('holds exactly the SPEC rules with their names and default severities', () => {
    assert.deepEqual(Object.fromEntries(NET_RULES.map((r) => [r.id, [r.name, r.defaultSeverity]])), SPEC_NET_RULES);
  });

  it('SPEC.md, when it is beside the repo, still lists the same NET rules', { skip: !existsSync(join(ROOT, '../shared/SPEC.md')) && 'no ../shared' }, () => {
    const spec = readFileSync(join(ROOT, '../shared/SPEC.md'), 'utf8');
    const rows = [...spec.matchAll(/^\| (NET\d{3}) \| ([a-z-]+) \| (\w+)[^|]*\|/gm)].map((m) => [m[1], [m[2], m[3]]]);
    assert.deepEqual(Object.fromEntries(rows), SPEC_NET_RULES);
  });

  it('every NET rule belongs to one step of the ladder', () => {
    for (const rule of NET_RULES) assert.ok(STEP_OF_RULE[rule.id], rule.id);
  });
});
