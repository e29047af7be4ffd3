// The purpose-built XML scanner (issue 16) against saxes: on every XML fixture and on mutated reports, the
// tree parseXml builds (and the order it hands elements to onClose) is identical to the saxes path's, errors
// included (the scanner leaves anything it does not accept to saxes).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { REPORT_SKIP } from '../../../src/core/gpo/namespaces';
import { scanXml } from '../../../src/core/gpo/xml-scan';
import { parseWithSaxes, parseXml, type XmlElement, type XmlOptions, type XmlTree } from '../../../src/core/gpo/xml-tree';
import { decodeBytes } from '../../../src/core/text/decode';
import { workCounts } from '../../../src/core/work-counts';

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

const FILES = [...xmlFiles(join(ROOT, 'test/fixtures')), ...xmlFiles(join(ROOT, 'examples'))];
const TEXTS = FILES.map((f) => ({ file: f, text: decodeBytes(readFileSync(f)).text }));

function plain(e: XmlElement): unknown {
  return { uri: e.uri, local: e.local, attributes: { ...e.attributes }, start: e.start, tagEnd: e.tagEnd, end: e.end, contentEnd: e.contentEnd, text: e.text, children: e.children.map(plain) };
}

/** A tree and the elements onClose saw, in order, for comparison. */
function run(parse: (text: string, options: XmlOptions) => XmlTree, text: string, skip?: ReadonlySet<string>, drop = false): unknown {
  const closed: unknown[] = [];
  const tree = parse(text, {
    ...(skip && { skip }),
    onClose(e) {
      closed.push([e.local, e.start, e.end]);
      return drop && e.local === 'GPO' ? 'drop' : undefined;
    },
    // The scanner gave up midway: saxes reads the text again from its start.
    onRestart: () => (closed.length = 0),
  });
  return { root: tree.root ? plain(tree.root) : undefined, problems: tree.problems, closed };
}

/** Other skipped names: ones that occur in reports, ones sharing a first letter, a prefixed local name and the empty local name (`<p:/>`). */
const OTHER_SKIP: ReadonlySet<string> = new Set(['Name', 'Nam', 'State', 'Value', 'd:e', '']);

function same(text: string, label: string): void {
  for (const [skip, drop] of [[undefined, false], [REPORT_SKIP, true], [OTHER_SKIP, true]] as const) {
    assert.deepEqual(run(parseXml, text, skip, drop), run(parseWithSaxes, text, skip, drop), label);
  }
}

describe('XML scanner', () => {
  it('scans every XML fixture itself and builds the same tree as saxes', () => {
    assert.ok(TEXTS.length >= 3);
    for (const { file, text } of TEXTS) {
      same(text, file);
      const wellFormed = parseWithSaxes(text).problems.length === 0;
      if (wellFormed && !text.includes('<!DOCTYPE') && !text.includes('<![CDATA[')) assert.ok(scanXml(text, REPORT_SKIP), `${file} fell back to saxes`);
    }
  });

  it('agrees with saxes on mutated reports: identical trees or the same errors', () => {
    const pieces = ['<', '>', '/>', '</', '&', '&amp;', '&#x41;', '&#0;', '&bogus;', ';', '"', "'", '=', ' ', '\r', '\r\n', '\n', '\t', '\u0001', '\uFFFE', '\uD800', '\uD83D\uDE00', ']]>', ']', '<!--', '-->', '--', '<![CDATA[x]]>', '<?pi?>', '<!DOCTYPE x>', 'é', ':', 'x', 'Explain', '<Explain>', '</Explain>', '<a b="1" b="2"/>', '<q:b xmlns:q="u"/>', '<p:/>', '<c:d:e>x</c:d:e>', '<State>s</State>', '<Nam/>'];
    let scanned = 0;
    let fellBack = 0;
    // Mostly insertions that keep a report well-formed where they land in text, some that break it anywhere.
    const benign = ['x', ' ', 'é', '\r\n', '&amp;', '&#x41;', '<!-- c -->', '\uD83D\uDE00', '<Explain>a &lt; b</Explain>', '<q:b xmlns:q="u"/>', '<Name>n</Name>'];
    const mutation = fc.record({
      at: fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000),
      remove: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }) }),
      insert: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...benign) }, { weight: 2, arbitrary: fc.constantFrom(...pieces) }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...TEXTS), fc.array(mutation, { minLength: 1, maxLength: 3 }), ({ text }, mutations) => {
        let t = text;
        for (const m of mutations) {
          const at = Math.floor(m.at * t.length);
          t = t.slice(0, at) + m.insert + t.slice(at + m.remove);
        }
        if (scanXml(t, REPORT_SKIP)) scanned++;
        else fellBack++;
        same(t, JSON.stringify(mutations));
      }),
      { numRuns: 400 },
    );
    // Both paths were exercised: mutations the scanner reads itself, and ones it leaves to saxes.
    assert.ok(scanned >= 40 && fellBack >= 40, `scanned ${scanned}, fell back ${fellBack}`);
  });

  it('checks a tag of many attributes: a repeated name and a < in any value still fall back, in read and skipped elements', () => {
    const many = (n: number, last: string): string => `${Array.from({ length: n }, (_, i) => `a${i}="${i}"`).join(' ')} ${last}`;
    for (const n of [3, 16, 17, 40, 2000]) {
      for (const [last, ok] of [['z="1"', true], [`a${n - 1}="x"`, false], ['a0="x"', false], ['z="<"', false], ["z='a<b'", false]] as const) {
        for (const name of ['b', 'Name']) {
          const text = `<a x="1"><${name} ${many(n, last)}/><c y="<"/></a>`.replace('<c y="<"/>', ok ? '<c y="2"/>' : '<c/>');
          // `b` is read (attributes built), `Name` is skipped under OTHER_SKIP (attributes only checked).
          assert.equal(scanXml(text, OTHER_SKIP), ok, `${name} n=${n} ${last}`);
          same(text, `${name} n=${n} ${last}`);
        }
      }
    }
  });

  it('resolves namespaces through nested declarations; an undeclared prefix has no namespace', () => {
    const text = '<a xmlns="urn:d" xmlns:p="urn:p"><p:b xmlns:p="urn:q"><p:c/><c/></p:b><p:d/><toString:e/><constructor:f/><xml:g/></a>';
    for (const parse of [parseXml, parseWithSaxes]) {
      const root = parse(text).root!;
      const uris = (e: XmlElement): string[] => [`${e.local}=${e.uri}`, ...e.children.flatMap(uris)];
      assert.deepEqual(uris(root), ['a=urn:d', 'b=urn:q', 'c=urn:q', 'c=urn:d', 'd=urn:p', 'e=', 'f=', 'g=http://www.w3.org/XML/1998/namespace']);
    }
  });

  it('falls back to saxes for what it does not read, and saxes reports the problems', () => {
    for (const text of ['<a>]]></a>', '<a b="1"c="2"/>', '<a>\u0001</a>', '<a x="1" x="2"/>', '<a/><b/>', '<a>', '', ' x<a/>', '<a>&nope;</a>', '<a><![CDATA[x]]></a>', '<!DOCTYPE a><a/>']) {
      assert.equal(scanXml(text, undefined), false, JSON.stringify(text));
      same(text, JSON.stringify(text));
    }
    for (const text of ['<a><p:>x</p:><c:d:e><Name/></c:d:e><Names/><d:e/></a>', '<a/>', '<?xml version="1.0" encoding="utf-16"?>\r\n<a x="1\r\n2\t3" y="&#10;">a\r\nb\rc&amp;&#x41;<!-- c --></a>', '<a><b/>text<c/></a>', '<a:b xmlns:a="urn:x"><a:c>&lt;&gt;&quot;&apos;</a:c></a:b>']) {
      assert.equal(scanXml(text, undefined), true, JSON.stringify(text));
      same(text, JSON.stringify(text));
    }
  });
});

describe('XML bounds (session 15 hostile-input review)', () => {
  const GPO = '<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings">';

  it('stops reading at the 21st problem instead of building an error for each of a million (3 MB took 5 s)', () => {
    const tree = parseXml(`${GPO}<Name>${'&;'.repeat(30)}</Name><Keep/></GPO>`);
    assert.equal(tree.problems.length, 20);
    assert.ok(tree.problems.every((p) => /^The XML is not well-formed: /.test(p.message)));
    // Nothing after the 21st problem is read: the element after the broken references never reaches the tree.
    assert.deepEqual(tree.root?.children.map((c) => c.local), ['Name']);
    assert.deepEqual(parseXml(`${GPO}<Name>${'&;'.repeat(5)}</Name><Keep/></GPO>`).root?.children.map((c) => c.local), ['Name', 'Keep']);
  });

  it('a namespace lookup costs the same at any depth: 40,000 nested elements that each declare a prefix of their own (fuzz review: 5 s a path, quadratic)', () => {
    const depth = 40_000;
    let open = '';
    for (let i = 0; i < depth; i++) open += `<a xmlns:p${i}="urn:${i}">`;
    const text = `<r xmlns:q="urn:q">${open}<q:b/><p7:c/><d/>${'</a>'.repeat(depth)}<p7:e/></r>`;
    for (const parse of [parseXml, parseWithSaxes]) {
      const before = workCounts.namespaceSteps;
      const tree = parse(text);
      const steps = workCounts.namespaceSteps - before;
      assert.deepEqual(tree.problems, []);
      let inner = tree.root!;
      while (inner.children[0]?.local === 'a') inner = inner.children[0];
      assert.deepEqual([...inner.children, tree.root!.children[1]!].map((e) => `${e.local}=${e.uri}`), ['b=urn:q', 'c=urn:7', 'd=', 'e=']);
      // One binding looked at per element (depth + 5 of them); the chain walked per lookup looked at ~800 million.
      assert.equal(steps, depth + 5, parse.name);
    }
  });

  it('a text cut short is one problem where it ends, counting the open elements, skipped ones included', () => {
    const ends = (text: string, skip?: ReadonlySet<string>): [number, string][] => parseXml(text, skip && { skip }).problems.map((p) => [p.span.start, p.message]);
    const many = `${GPO}${'<a>'.repeat(100_000)}`;
    assert.deepEqual(ends(many), [[many.length - 1, 'The XML is not well-formed: the file ends inside <a> (100,001 elements left open).']]);
    // Inside a skipped subtree, and inside a start tag (saxes would add "unexpected end").
    assert.deepEqual(ends(`${GPO}<Explain><b>x`, REPORT_SKIP), [[`${GPO}<Explain><b>x`.length - 1, 'The XML is not well-formed: the file ends inside <b> (3 elements left open).']]);
    assert.deepEqual(ends(`${GPO}<Name`), [[`${GPO}<Name`.length - 1, 'The XML is not well-formed: the file ends inside <GPO>.']]);
  });

  it('reads no deeper than MAX_XML_DEPTH open elements, with one problem that says so', async () => {
    const { MAX_XML_DEPTH } = await import('../../../src/core/gpo/xml-scan');
    const deep = parseXml(`${GPO}${'<a>'.repeat(MAX_XML_DEPTH + 5)}`);
    assert.equal(deep.problems.length, 1);
    assert.match(deep.problems[0]!.message, /^The XML nests more than 200,000 elements deep; RDP Doctor reads no further\.$/);
    // At the limit and below it, a well-formed text reads whole (the scanner and saxes agree on it).
    const depth = MAX_XML_DEPTH - 1;
    const ok = parseXml(`${GPO}${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</GPO>`);
    assert.deepEqual(ok.problems, []);
    let element: XmlElement | undefined = ok.root;
    let levels = 0;
    while (element) {
      levels++;
      element = element.children[0];
    }
    assert.equal(levels, MAX_XML_DEPTH);
    assert.equal(parseWithSaxes(`${GPO}${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</GPO>`).problems.length, 0);
  });
});
