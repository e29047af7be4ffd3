// The fast reader of the configuration's block-YAML subset against the yaml library: the same nodes where it reads a
// file, the same parseConfig output (config and problems with spans) on every file, in the subset or near it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { readBlockYaml } from '../../src/core/config/block-yaml';
import { parseConfig } from '../../src/core/config/parse';
import { ALL_RULES } from '../../src/core/rules/registry';

const KNOWN = new Set(ALL_RULES.map((r) => r.id));

/** What the configuration's validation reads of a node: its kind, value, range and items (and what compose-scalar.js sets on a scalar). */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (isMap(node)) return { map: node.range, items: node.items.map((p) => [shape(p.key), shape(p.value)]) };
  if (isSeq(node)) return { seq: node.range, items: node.items.map(shape) };
  if (isScalar(node)) {
    const { value, range, type, source, format } = node;
    return { value, range, type, source, format, minFractionDigits: node.minFractionDigits };
  }
  return { other: String(node) };
}

/** Both readers agree: parseConfig's output is the same, and where the fast reader reads the file its nodes are the library's. */
function agree(text: string): boolean {
  assert.deepStrictEqual(parseConfig(text, KNOWN), parseConfig(text, KNOWN, { libraryOnly: true }), JSON.stringify(text));
  const fast = readBlockYaml(text);
  if (fast === undefined) return false;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  assert.deepEqual(doc.errors, [], `the fast reader read a file the library rejects: ${JSON.stringify(text)}`);
  assert.deepStrictEqual(shape(fast.contents), shape(doc.contents), JSON.stringify(text));
  return true;
}

// ---------- configurations in the subset ----------
type Tree = { scalar: string } | { map: [string, Tree][] } | { seq: Tree[] };

const KEYS = ['rules', 'trust', 'checks', 'hosts', 'ca', 'expiringSoonDays', 'timeoutMs', 'concurrency', 'ntlmInfo', 'host', 'port', 'name', 'group',
  'RDP013', 'rdp012', 'RDP999', 'CFG001', 'colour', 'key00001', '1', '0x10', 'true', 'null', '~', 'x y', 'a#b', 'é', '"hosts"', "'rules'", '"a: b"', "'it''s'", '"\\u0041"'];
const PLAIN = ['off', 'info', 'warning', 'error', 'OFF', 'Warning', 'true', 'false', 'True', 'FALSE', 'yes', 'no', '~', 'null', 'Null', 'NULL', '0', '-0', '5000',
  '-5', '+12', '007', '0x1F', '0o17', '0b1', '1_000', '1e3', '1.5e-3', '1.5', '1.', '1.50', '.5', '-.inf', '+.Inf', '.NaN', '.nan', '3390', '65536',
  'rdsh01.contoso.com', '10.0.0.12', 'Session hosts', 'a  b', 'a#b', 'a:b', 'http://x', 'C:\\certs\\x.pem', 'héllo', '日本語', '😀', 'a,b', 'x]', 'x{y}', '-x', '-1x', '.', '+'];
const QUOTED = ["'off'", "'it''s'", "''", "' '", '"x"', '""', '"a\\"b"', '"\\x41\\u00e9\\t\\\\"', '"C:\\\\certs"', '"a # b"', "'a: b'", '"\\U0001F600"', '"\\N\\_\\L\\P\\0\\/"', "'#'"];

const scalar = fc.oneof(fc.constantFrom(...PLAIN), fc.constantFrom(...QUOTED), fc.stringMatching(/^[a-z][a-z0-9.]{0,8}$/), fc.constant('')).map((s): Tree => ({ scalar: s }));
const { tree } = fc.letrec<{ tree: Tree; map: Tree; seq: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('seq')),
  map: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('tree')), { minLength: 1, maxLength: 5 }).map((map): Tree => ({ map })),
  seq: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }).map((seq): Tree => ({ seq })),
}));

interface Style {
  readonly step: number;
  readonly dashSpaces: number;
  readonly sameIndentSeq: boolean;
}

/** Lines of a mapping or sequence at `indent`. */
function render(node: Tree, indent: number, style: Style): string[] {
  const pad = ' '.repeat(indent);
  if ('map' in node) {
    return node.map.flatMap(([key, value]) => {
      if ('scalar' in value) return [`${pad}${key}:${value.scalar === '' ? '' : ` ${value.scalar}`}`];
      const nested = 'seq' in value && style.sameIndentSeq ? indent : indent + style.step;
      return [`${pad}${key}:`, ...render(value, nested, style)];
    });
  }
  if ('seq' in node) {
    return node.seq.flatMap((item) => {
      if ('scalar' in item) return [item.scalar === '' ? `${pad}-` : `${pad}- ${item.scalar}`];
      if ('seq' in item) return [`${pad}-`, ...render(item, indent + style.step, style)];
      const inner = indent + 1 + style.dashSpaces;
      const lines = render(item, inner, style);
      return [`${pad}-${' '.repeat(style.dashSpaces)}${lines[0]!.slice(inner)}`, ...lines.slice(1)];
    });
  }
  return [`${pad}${node.scalar}`];
}

const junkLine = fc.record({ at: fc.nat(), indent: fc.integer({ min: 0, max: 9 }), comment: fc.boolean(), text: fc.constantFrom('', 'c', ' note: x', '#', ' - y', ' é') });
const config = fc
  .record({
    root: fc.array(fc.tuple(fc.constantFrom(...KEYS), tree), { minLength: 1, maxLength: 6 }),
    style: fc.record({ step: fc.integer({ min: 1, max: 4 }), dashSpaces: fc.integer({ min: 1, max: 3 }), sameIndentSeq: fc.boolean() }),
    junk: fc.array(junkLine, { maxLength: 6 }),
    trailing: fc.array(fc.tuple(fc.nat(), fc.constantFrom(' # c', '  #', '   # x: y', ' ')), { maxLength: 4 }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ root, style, junk, trailing, crlf, finalNewline }) => {
    const lines = render({ map: root }, 0, style);
    for (const [at, tail] of trailing) lines[at % lines.length] += tail;
    for (const j of junk) lines.splice(j.at % (lines.length + 1), 0, j.comment ? `${' '.repeat(j.indent)}#${j.text}` : ' '.repeat(j.indent % 3));
    const eol = crlf ? '\r\n' : '\n';
    return lines.join(eol) + (finalNewline ? eol : '');
  });

// ---------- near misses: the subset mutated ----------
const TRICKY = ["'", '"', ':', ': ', '\t', '#', ' #', '-', '- ', ' ', '  ', '\r', '\n', '\r\n', '[', ']', '{', '}', '&a ', '*a', '!', '!!str ', '|', '>', '? ',
  '%', '@', '`', '\\', '\\x', '\\u12', 'é', '😀', '\ud800', '\u2028', '\ufeff', '\x00', '\x85', '---\n', '...\n', ',', '~', '0x', '.', 'key: ', '  - ', '\n  ',
  '\n    # c\n', '\nrules: x\n', '\n  RDP013: off\n', '\nhosts:\n- a\n'];
const mutation = fc.oneof(
  fc.record({ insert: fc.constantFrom(...TRICKY), at: fc.nat() }),
  fc.record({ remove: fc.integer({ min: 1, max: 3 }), at: fc.nat() }),
  fc.record({ reindent: fc.integer({ min: -3, max: 3 }), line: fc.nat() }),
  fc.record({ repeat: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;
function mutate(text: string, m: Mutation): string {
  if ('insert' in m) {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.insert + text.slice(at);
  }
  if ('remove' in m) {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + text.slice(at + m.remove);
  }
  const lines = text.split('\n');
  if ('reindent' in m) {
    const i = m.line % lines.length;
    lines[i] = m.reindent > 0 ? ' '.repeat(m.reindent) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.reindent}}`), '');
  } else lines.splice(m.repeat % lines.length, 0, lines[m.repeat % lines.length]!);
  return lines.join('\n');
}
const nearMiss = fc.tuple(config, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([text, ms]) => ms.reduce(mutate, text));

describe('the block-YAML reader of .rdpdoctor.yaml', () => {
  it('reads every configuration of the subset, with the nodes and parseConfig output of the yaml library', () => {
    fc.assert(
      fc.property(config, (text) => {
        assert.ok(agree(text), `the fast reader left a file of the subset to the library: ${JSON.stringify(text)}`);
      }),
      { numRuns: 800 },
    );
  });

  it('gives the same parseConfig output as the library on near misses (and the same nodes where it reads them)', () => {
    let read = 0;
    fc.assert(
      fc.property(nearMiss, (text) => {
        if (agree(text)) read++;
      }),
      { numRuns: 1500 },
    );
    // Both branches are exercised: some mutations stay in the subset, most leave it.
    assert.ok(read > 0 && read < 1500, `read ${read} of 1500`);
  });

  it('reads nesting to its depth limit and leaves deeper files to the library, with the same output', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (depth, step, seq) => {
        const pad = (i: number): string => ' '.repeat(i * step);
        const lines = seq ? ['hosts:', ...Array.from({ length: depth }, (_, i) => `${pad(i + 1)}-`), `${pad(depth + 1)}- x`] : [...Array.from({ length: depth }, (_, i) => `${pad(i)}k${i}:`), `${pad(depth)}k: v`];
        const read = agree(lines.join('\n'));
        if (depth < 60) assert.ok(read, `left a file nested ${depth} deep to the library`);
      }),
      { numRuns: 200 },
    );
  });

  it('resolves plain scalars as the core schema does (null, booleans, integers, floats, strings)', () => {
    const digits = fc.stringMatching(/^[0-9]{1,4}$/);
    const number = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.oneof(digits, fc.constant('')), fc.constantFrom('', '.'), fc.oneof(digits, fc.constant('')), fc.constantFrom('', 'e', 'E', 'e-', 'e+'), fc.oneof(digits, fc.constant('')))
      .map((parts) => parts.join(''));
    const word = fc.constantFrom('~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'on', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '-.nan', '.Nan');
    const prefixed = fc.tuple(fc.constantFrom('0x', '0o', '0X', '0b', '0', '-0x', '+0o'), fc.stringMatching(/^[0-9a-fA-F_]{0,5}$/)).map(([p, d]) => p + d);
    const resolvable = fc.oneof(number, word, prefixed).filter((s) => s !== '-'); // a lone - is a sequence indicator
    fc.assert(
      fc.property(resolvable, (s) => {
        const text = `k: ${s}\n`;
        const fast = readBlockYaml(text);
        assert.ok(fast, `left to the library: ${JSON.stringify(s)}`);
        assert.deepStrictEqual(shape(fast.contents), shape(parseDocument(text).contents), JSON.stringify(s));
      }),
      { numRuns: 3000 },
    );
    // Any other text: where the fast reader takes it, it resolves it as the library does.
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const text = `k: ${s}\n`;
        const fast = readBlockYaml(text);
        if (fast) assert.deepStrictEqual(shape(fast.contents), shape(parseDocument(text).contents), JSON.stringify(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the 20,000-key shape of the bench file and reports each unknown key at its position', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `key${String(i).padStart(5, '0')}: ${i}`);
    const text = `rules:\n  RDP012: off\n${keys.join('\n')}\n`;
    assert.ok(agree(text));
    const { problems } = parseConfig(text, KNOWN);
    // The first 1,000 are listed, then a note of the rest at the first one not listed.
    assert.equal(problems.length, 1001);
    assert.deepEqual(problems[999], { kind: 'unknown', message: 'Unknown key "key00999"; expected rules, trust, checks or hosts.', span: { start: text.indexOf('key00999'), end: text.indexOf('key00999') + 8 } });
    assert.deepEqual(problems[1000], { kind: 'unknown', message: '… 1,000 more problems in this file not listed.', span: { start: text.indexOf('key01000'), end: text.indexOf('key01000') + 8 } });
  });

  it('reuses its last result for the same text and rule IDs, and only then', () => {
    const text = 'rules:\n  RDP013: off\ncolour: blue\n';
    const first = parseConfig(text, KNOWN);
    assert.equal(parseConfig(text, new Set(KNOWN)), first);
    assert.equal(parseConfig(`${text}`.slice(0), KNOWN), first);
    assert.deepEqual(parseConfig(text, new Set(['RDP012'])).problems.map((p) => p.message), ['Unknown rule "RDP013".', 'Unknown key "colour"; expected rules, trust, checks or hosts.']);
    assert.deepEqual(parseConfig(text, KNOWN).problems.map((p) => p.message), ['Unknown key "colour"; expected rules, trust, checks or hosts.']);
    assert.notEqual(parseConfig(`${text}# end\n`, KNOWN), first);
  });
});
