// GPO013 across many exports: a folder of thousands of GPO backups (a domain's) is compared in time that grows with
// the exports, not with their pairs, and finds what comparing every pair finds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conflicting } from '../../../src/core/gpo/links';
import { crossFileConflicts } from '../../../src/core/rules/gpo/gpo013-conflicting-policy';
import type { PolicyFact } from '../../../src/core/rules/xrf/facts';

const KEY = 'Software\\Policies\\Microsoft\\Windows NT\\Terminal Services';

function fact(data: number | string, links: readonly string[] | undefined, at: string): PolicyFact<string> {
  return { hive: 'HKLM', key: KEY, valueName: 'SecurityLayer', type: typeof data === 'number' ? 'REG_DWORD' : 'REG_SZ', data, ...(links && { links }), subject: `HKLM\\${KEY}\\SecurityLayer`, at };
}

/** Every pair compared, as GPO013 did: the first other export (in order) whose value conflicts. */
function pairwise(files: readonly { path: string; values: readonly PolicyFact<string>[] }[]): string[] {
  const list = files.flatMap((f) => f.values.map((fact) => ({ path: f.path, fact })));
  if (new Set(list.map((x) => x.path)).size < 2) return [];
  return list.flatMap(({ path, fact }) => {
    const other = list.find((x) => x.path !== path && conflicting(x.fact, fact));
    return other ? [`${path}:${fact.at} vs ${other.path}:${other.fact.at}`] : [];
  });
}

describe('GPO013 across many exports', () => {
  it('20,000 GPO backups that agree are compared without comparing every pair', { timeout: 30_000 }, () => {
    const files = Array.from({ length: 20_000 }, (_, i) => ({ path: `gpo${i}`, values: [fact(2, [`contoso.com/ou${i}`], 'a')] }));
    assert.deepEqual(crossFileConflicts(files), []);
    // One that disagrees, linked to the domain: every other export meets it.
    files.push({ path: 'domain', values: [fact(0, ['contoso.com'], 'a')] });
    assert.equal(crossFileConflicts(files).length, 20_001);
  });

  it('finds, for each value, the same other export that comparing every pair finds', () => {
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const linkChoices: (readonly string[] | undefined)[] = [undefined, ['contoso.com'], ['contoso.com/a'], ['contoso.com/b'], ['contoso.com/a/x'], ['corp/servers'], ['contoso.com/a', 'contoso.com/b']];
    const dataChoices: (number | string)[] = [0, 1, 2, '2', '1'];
    for (let round = 0; round < 300; round++) {
      const files = Array.from({ length: 1 + random(6) }, (_, f) => ({
        path: `p${random(4)}`,
        values: Array.from({ length: random(3) }, (_, v) => fact(dataChoices[random(dataChoices.length)]!, linkChoices[random(linkChoices.length)], `${f}.${v}`)),
      }));
      const found = crossFileConflicts(files).map((c) => `${c.path}:${c.at} vs ${c.related[0]!.path}:${c.related[0]!.at}`);
      assert.deepEqual(found, pairwise(files), `round ${round}`);
    }
  });
});
