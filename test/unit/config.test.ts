import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/core/config/parse';
import { configFindings } from '../../src/core/rules/cfg/index';

/** The config and its CFG findings, as `lint` reports them. */
function lintConfig(text: string, known: ReadonlySet<string>) {
  const parsed = parseConfig(text, known);
  return { config: parsed.config, findings: configFindings(parsed.problems) };
}
import { lintRdp } from '../../src/core/rules/engine';
import { ALL_RULES } from '../../src/core/rules/registry';
import { LineIndex } from '../../src/core/text/line-index';

const KNOWN = new Set(ALL_RULES.map((r) => r.id));

function at(text: string, offset: number): string {
  const p = new LineIndex(text).positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

describe('.rdpdoctor.yaml', () => {
  it('reads the SPEC example with defaults filled in', () => {
    const text = [
      'rules:',
      '  RDP013: off',
      'trust:',
      '  ca: [certs/internal-root.pem]',
      '  expiringSoonDays: 30',
      'checks:',
      '  timeoutMs: 5000',
      '  concurrency: 16',
      'hosts:',
      '  - group: Session hosts',
      '    hosts:',
      '      - rdsh01.contoso.com',
      '      - { host: 10.0.0.12, port: 3390, name: rdsh02.contoso.com }',
      '  - standalone.contoso.com',
    ].join('\n');
    const { config, findings } = lintConfig(text, KNOWN);
    assert.deepEqual(findings, []);
    assert.deepEqual(config.rules, { RDP013: 'off' });
    assert.deepEqual(config.trust, { ca: ['certs/internal-root.pem'], expiringSoonDays: 30 });
    assert.deepEqual(
      config.hosts.map(({ span: _span, ...h }) => h),
      [
        { host: 'rdsh01.contoso.com', group: 'Session hosts' },
        { host: '10.0.0.12', port: 3390, name: 'rdsh02.contoso.com', group: 'Session hosts' },
        { host: 'standalone.contoso.com' },
      ],
    );
  });

  it('reports wrong values and unknown keys at their positions, keeping the valid parts', () => {
    const text = 'rules:\n  RDP013: offf\n  RDP999: off\n  RDP020: error\nchecks:\n  timeoutMs: -5\ncolour: blue\n';
    const { config, findings } = lintConfig(text, KNOWN);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, at(text, f.span.start)]),
      [
        ['CFG001', '2:11'],
        ['CFG002', '3:3'],
        ['CFG001', '6:14'],
        ['CFG002', '7:1'],
      ],
    );
    assert.deepEqual(config.rules, { RDP999: 'off', RDP020: 'error' });
    assert.equal(config.checks.timeoutMs, 5000);
  });

  it('reads an inventory host as check reads a target: host, host:port, [v6]:port; a mapping may hold a bare IPv6 address', () => {
    const text = ['hosts:', '  - 127.0.0.1:3390', '  - "[::1]:3391"', '  - rdsh01.example.invalid', '  - { host: "::1", port: 3392 }', '  - { host: "127.0.0.2:3393", name: "*.example.invalid" }', '  - { host: 127.0.0.3, port: 3394 }', '  - "::1"'].join('\n');
    const { config, findings } = lintConfig(text, KNOWN);
    assert.deepEqual(findings, []);
    assert.deepEqual(
      config.hosts.map(({ span: _span, ...h }) => h),
      [
        { host: '127.0.0.1', port: 3390 },
        { host: '::1', port: 3391 },
        { host: 'rdsh01.example.invalid' },
        { host: '::1', port: 3392 },
        { host: '127.0.0.2', port: 3393, name: '*.example.invalid' },
        { host: '127.0.0.3', port: 3394 },
        { host: '::1' },
      ],
    );
  });

  it('an inventory host that is no address is a CFG001 problem at its entry, never a name for DNS', () => {
    const bad = ['127.0.0.1:2:3', 'host name.invalid', '-oProxyCommand=calc', '$(calc)', 'host;rm', '127.0.0.1:0', 'a:99999', '0177.0.0.1'];
    const text = ['hosts:', ...bad.map((b) => `  - ${JSON.stringify(b)}`), '  - { host: "127.0.0.1:3390", port: 3391 }', '  - { host: 127.0.0.1, name: "x y" }', '  - { host: "`$x" }', '  - { host: 127.0.0.1, port: 70000 }'].join('\n');
    const { config, findings } = lintConfig(text, KNOWN);
    assert.deepEqual(config.hosts, []);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, at(text, f.span.start)]),
      [...bad.map((_, i) => ['CFG001', `${i + 2}:5`]), ['CFG001', `${bad.length + 2}:5`], ['CFG001', `${bad.length + 3}:30`], ['CFG001', `${bad.length + 4}:13`], ['CFG001', `${bad.length + 5}:30`]],
    );
    assert.match(findings[0]!.message, /"127\.0\.0\.1:2:3" is not a host, host:port or \[IPv6\]:port: the address has more than one colon\./);
    assert.match(findings[bad.length]!.message, /port 3390 and its port says 3391/);
  });

  it('a file of two YAML documents says so in its own words, not the library\'s advice to call another function', () => {
    const { findings } = lintConfig('rules:\n  RDP013: off\n---\nrules:\n  RDP012: off\n', KNOWN);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.message]), [['CFG001', 'The file holds more than one YAML document (a "---" line between them); a configuration is one.']]);
  });

  it('a YAML alias is reported as one, once, and the rest of the file still applies', () => {
    const text = 'rules:\n  RDP013: &sev error\n  RDP012: *sev\n  RDP020: off\n';
    const { config, findings } = lintConfig(text, KNOWN);
    assert.deepEqual(findings.map((f) => [f.ruleId, at(text, f.span.start), f.message]), [['CFG001', '3:11', 'The alias "*sev" is not read: a configuration takes each value written out.']]);
    assert.deepEqual(config.rules, { RDP013: 'error', RDP020: 'off' });
  });

  it('a merge key is named as one (not "Symbol(<<)"), and under %YAML 1.1 a plain off is still the severity off', () => {
    const text = '%YAML 1.1\n---\nrules:\n  <<: {RDP012: off}\n  RDP013: off\n  RDP020: OFF\n';
    for (const libraryOnly of [false, true]) {
      const { config, problems } = parseConfig(text, KNOWN, { libraryOnly });
      assert.deepEqual(problems.map((p) => [at(text, p.span.start), p.message]), [['4:3', 'The merge key "<<" is not read: a configuration takes each value written out.']]);
      assert.deepEqual(config.rules, { RDP013: 'off', RDP020: 'off' });
    }
    const plain = 'rules:\n  <<: {RDP012: off}\n  RDP013: error\n';
    assert.deepEqual(parseConfig(plain, KNOWN).problems.map((p) => p.message), ['The merge key "<<" is not read: a configuration takes each value written out.']);
    assert.deepEqual(parseConfig(plain, KNOWN).config.rules, { RDP013: 'error' });
  });

  it('checks.set names the check settings the file gives (they win over the editor\'s), not the defaults it fills in', () => {
    assert.equal(parseConfig('rules:\n  RDP013: off\n', KNOWN).config.checks.set, undefined);
    assert.deepEqual(parseConfig('checks:\n  timeoutMs: 3000\n', KNOWN).config.checks, { timeoutMs: 3000, concurrency: 16, set: ['timeoutMs'] });
    assert.deepEqual(parseConfig('checks:\n  concurrency: 4\n  timeoutMs: 800\n', KNOWN).config.checks.set, ['concurrency', 'timeoutMs']);
    assert.equal(parseConfig('checks:\n  timeoutMs: -5\n', KNOWN).config.checks.set, undefined, 'a value refused is not given');
  });

  it('checks.ntlmInfo: absent unless set, a boolean, anything else reported at its position', () => {
    assert.equal(parseConfig('checks:\n  timeoutMs: 3000\n', KNOWN).config.checks.ntlmInfo, undefined);
    assert.equal(parseConfig('checks:\n  ntlmInfo: false\n', KNOWN).config.checks.ntlmInfo, false);
    assert.equal(parseConfig('checks:\n  ntlmInfo: true\n', KNOWN).config.checks.ntlmInfo, true);
    const text = 'checks:\n  ntlmInfo: maybe\n';
    const { config, findings } = lintConfig(text, KNOWN);
    assert.deepEqual(findings.map((f) => [f.ruleId, at(text, f.span.start), f.message]), [['CFG001', '2:13', 'checks.ntlmInfo must be true or false.']]);
    assert.equal(config.checks.ntlmInfo, undefined);
  });

  it('reports YAML syntax errors with a position instead of throwing', () => {
    const text = 'rules:\n  RDP013: off\n  x: [\nhosts:\n';
    const { findings } = lintConfig(text, KNOWN);
    assert.equal(findings[0]!.ruleId, 'CFG001');
    assert.ok(findings[0]!.span.start > 0);
    assert.deepEqual(lintConfig('', KNOWN).findings, []);
    assert.equal(lintConfig('- a\n- b', KNOWN).findings[0]!.ruleId, 'CFG001');
  });

  it('keeps the span of an error at the end of the file inside the text (found by the fuzz targets)', () => {
    for (const text of ['"I>+ &a6jdOI\\d', 'hosts:\n  - "**/old/', 'rules: {']) {
      const { problems } = parseConfig(text, KNOWN);
      assert.ok(problems.length > 0, text);
      for (const p of problems) assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length, `${JSON.stringify(text)}: ${p.span.start}-${p.span.end}`);
    }
  });

  it('overrides severities and turns rules off in the engine', () => {
    const text = 'full address:s:rdsh01\nenablecredsspsupport:i:0';
    const ids = (severities: Record<string, 'off' | 'error' | 'info' | 'warning'>) =>
      lintRdp(text, { severities }).findings.map((f) => `${f.ruleId}:${f.severity}`);
    assert.deepEqual(ids({}), ['RDP013:info', 'RDP020:warning']);
    assert.deepEqual(ids({ RDP013: 'off', RDP020: 'error' }), ['RDP020:error']);
  });
});
