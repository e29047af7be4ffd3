// Format sniffing reads the root and first child tags with the scanner (`quickXmlHead`), without loading saxes; saxes
// reads whatever head the scanner leaves to it. Here against saxes (`saxesXmlHead`) on every XML fixture and on
// mutated heads: wherever the scanner answers, its answer is saxes's.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { quickXmlHead, saxesXmlHead } from '../../../src/core/gpo/sniff';
import { decodeBytes } from '../../../src/core/text/decode';

const ROOT = resolve(__dirname, '../../../..');

function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...xmlFiles(full));
    else if (name.toLowerCase().endsWith('.xml')) out.push(full);
  }
  return out;
}

const TEXTS = [...xmlFiles(join(ROOT, 'test/fixtures')), ...xmlFiles(join(ROOT, 'examples'))].map((f) => ({ file: f, text: decodeBytes(readFileSync(f)).text }));

/** The scanner's answer, checked against saxes's when it gives one; whether it gave one. */
function agrees(text: string, label: string): boolean {
  const quick = quickXmlHead(text);
  if (quick) assert.deepEqual(quick, saxesXmlHead(text), label);
  return quick !== undefined;
}

describe('sniffing XML heads without saxes', () => {
  it('reads the head of every XML fixture itself, as saxes does', () => {
    assert.ok(TEXTS.length >= 3);
    for (const { file, text } of TEXTS) {
      const reference = saxesXmlHead(text);
      if (!reference.root || text.slice(0, 2048).includes('<!DOCTYPE')) continue;
      assert.ok(agrees(text, file), `${file} was left to saxes`);
    }
  });

  it('agrees with saxes on mutated heads: the same root and child, or no answer', () => {
    const pieces = ['<', '>', '/>', '</', '&', '&amp;', '&#x41;', '&#0;', '&bogus;', '"', "'", '=', ' ', '\r\n', '\t', '\u0001', '\uFFFE', '\uD800', ']]>', '<!--', '-->', '--', '<![CDATA[x]]>', '<?pi?>', '<!DOCTYPE x>', 'é', ':', 'x', 'xmlns', ' xmlns="urn:a"', ' xmlns:q="urn:q"', ' xmlns:q=""', ' xmlns:xml="urn:x"', ' q:a="1"', ' xml:lang="en"', '<q:b>', 'q:', ' a="1" a="2"', '<c/>', '</r>'];
    let answered = 0;
    let left = 0;
    const mutation = fc.record({
      at: fc.integer({ min: 0, max: 600 }),
      remove: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }) }),
      insert: fc.constantFrom(...pieces),
    });
    fc.assert(
      fc.property(fc.constantFrom(...TEXTS), fc.array(mutation, { minLength: 1, maxLength: 3 }), ({ text }, mutations) => {
        let t = text;
        for (const m of mutations) {
          const at = Math.min(m.at, t.length);
          t = t.slice(0, at) + m.insert + t.slice(at + m.remove);
        }
        if (agrees(t, JSON.stringify(mutations))) answered++;
        else left++;
      }),
      { numRuns: 600 },
    );
    assert.ok(answered >= 60 && left >= 60, `answered ${answered}, left to saxes ${left}`);
  });

  it('answers for the shapes exports have, and leaves the rest to saxes', () => {
    const answered = [
      '<?xml version="1.0" encoding="utf-16"?>\r\n<report xmlns:xsi="urn:i"><GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings"><Name>x</Name></GPO></report>',
      '<!-- c --><q:Rsop xmlns:q="urn:r" a="1&#x41;&amp;"><q:c/></q:Rsop>',
      '<RegistrySettings clsid="{A}"/>',
      '<m:Backups xmlns:m="urn:m" m:version="1.0" version="2"><m:BackupInst/></m:Backups>', // a prefixed attribute beside an unprefixed one
      '<a xmlns="urn:a"><b xmlns=""/></a>',
      `<a>${' '.repeat(100)}<!-- - c -->\n<b/></a>`,
    ];
    for (const text of answered) assert.ok(agrees(text, text), text);
    const left = [
      '<a>text<b/></a>', // text before the first child
      '<a></a>', // an empty root
      '<p:a xmlns:q="urn:q"><b/></p:a>', // an unbound prefix: saxes stops at its error
      '<a><p:b/></a>',
      '<!DOCTYPE a><a><b/></a>',
      '<?pi?><a><b/></a>',
      ' <?xml version="1.0"?><a><b/></a>',
      '<a xml:lang="en"><b/></a>',
      '<a q:b="1"><b/></a>', // an attribute's prefix not bound
      '<a xmlns:p="urn:x" xmlns:q="urn:x" p:b="1" q:b="2"><b/></a>', // one attribute twice, by namespace
      '<a xmlns:p=""><b/></a>',
      '<a x="]]>"><b/></a>',
      '<a>\u0001<b/></a>',
      '<é><b/></é>',
      `<a>${' '.repeat(16 * 1024)}<b/></a>`, // the child lies past what sniffing reads
    ];
    for (const text of left) {
      assert.equal(quickXmlHead(text), undefined, JSON.stringify(text.slice(0, 60)));
    }
    // saxes's answers on some of those, which sniffing then uses.
    assert.deepEqual(saxesXmlHead('<a>text<b/></a>'), { root: { uri: '', local: 'a', attributes: {} }, child: { uri: '', local: 'b' } });
    assert.deepEqual(saxesXmlHead('<p:a xmlns:q="urn:q"><b/></p:a>'), {});
  });

  it('imports saxes as a value nowhere: it is required on first use (a head or a text the scanner leaves to it)', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
    const sources = files(join(ROOT, 'src'));
    assert.ok(sources.length > 50);
    const eager = sources.filter((f) => /^import\s+(?!type\b)[^;]*from\s+'saxes'/m.test(readFileSync(f, 'utf8')));
    assert.deepEqual(eager, []);
    const lazy = sources.filter((f) => readFileSync(f, 'utf8').includes("require('saxes')"));
    assert.deepEqual(lazy.map((f) => f.slice(ROOT.length + 1)).sort(), ['src/core/gpo/saxes-module.ts']);
  });
});
