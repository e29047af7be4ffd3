// SARIF results carry a partial fingerprint (SARIF 2.1.0 §3.27.17) that keeps a finding's identity across runs: code
// scanning matches alerts by fingerprint, and an upload without one (the API, not upload-sarif) can duplicate alerts
// (GitHub Docs, "SARIF support for code scanning", "Data for preventing duplicated alerts"). A review found none.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSarif, type SarifResultInput } from '../../../src/core/report/sarif';
import { FINGERPRINT_NAME, fingerprints, fnv1a64 } from '../../../src/core/report/sarif-fingerprint';

interface Run {
  results: { partialFingerprints?: Record<string, string> }[];
}

function printsOf(results: readonly SarifResultInput[], root = '/srv/ws'): string[] {
  const run = (toSarif(results, { root }) as { runs: Run[] }).runs[0]!;
  return run.results.map((r) => r.partialFingerprints?.[FINGERPRINT_NAME] ?? 'none');
}

const DUPLICATE: SarifResultInput = {
  ruleId: 'RDP005',
  severity: 'warning',
  message: '"full address" is already set on line 1; clients differ on which one wins (FreeRDP takes the last).',
  path: 'sites/a.rdp',
  subject: 'full address',
  region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 13 },
};

describe('SARIF partial fingerprints', () => {
  it('FNV-1a 64 gives the values of its definition (offset basis 0xcbf29ce484222325, prime 0x100000001b3)', () => {
    // Worked out with 64-bit integers outside this code (Python): the hash of "" is the offset basis itself.
    assert.equal(fnv1a64(''), 'cbf29ce484222325');
    assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64('foobar'), '85944171f73967e8');
  });

  it('every result has one, under a versioned hierarchical name (§3.5.4.2)', () => {
    assert.match(FINGERPRINT_NAME, /^[^/]+(\/[^/]+)*\/v[0-9]+$/);
    const prints = printsOf([DUPLICATE, { ruleId: 'NET001', severity: 'error', message: 'x', logicalLocation: 'h:3389' }]);
    for (const p of prints) assert.match(p, /^[0-9a-f]{16}:[0-9]+$/);
  });

  it('stays the same when lines are added above the finding, numbers in its message included', () => {
    const [before] = printsOf([DUPLICATE]);
    const moved = { ...DUPLICATE, message: DUPLICATE.message.replace('line 1', 'line 4'), region: { startLine: 6, startColumn: 1, endLine: 6, endColumn: 13 } };
    assert.equal(printsOf([moved])[0], before);
  });

  it('differs by rule, file, subject and message; identical findings in one file differ by their place among them', () => {
    const [base] = printsOf([DUPLICATE]);
    const others = [
      { ...DUPLICATE, ruleId: 'RDP012' },
      { ...DUPLICATE, path: 'sites/b.rdp' },
      { ...DUPLICATE, subject: 'username' },
      { ...DUPLICATE, message: 'Another message.' },
    ];
    for (const other of others) assert.notEqual(printsOf([other])[0], base, JSON.stringify(other));
    const twice = printsOf([DUPLICATE, { ...DUPLICATE, region: { startLine: 9 } }]);
    assert.equal(twice[0], base);
    assert.equal(twice[1], base!.replace(/:1$/, ':2'));
  });

  it('does not depend on where the root folder is: the artifact is named relative to it', () => {
    assert.equal(printsOf([DUPLICATE], '/home/runner/work/ws')[0], printsOf([DUPLICATE], 'C:\\a\\ws')[0]);
  });

  it('a finding in no file is known by its logical location', () => {
    const net = (where: string) => fingerprints([{ ruleId: 'NET001', where, message: 'h: The name does not resolve.' }])[0];
    assert.notEqual(net('logical:a:3389'), net('logical:b:3389'));
  });
});
