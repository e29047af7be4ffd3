import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeSpan, escapeMarkdown } from '../../../src/core/report/markdown';
import { workspaceReportMarkdown, workspaceReportSarif, type WorkspaceReportInput } from '../../../src/core/report/workspace-report';
import { BY_IP, UNRESOLVED } from './host-fixtures';
import { sarifSchemaErrors } from '../cli/cli-harness';

const DOCS = 'https://github.com/rdp-doctor/rdp-doctor/blob/main/docs/rules';

const SMALL: WorkspaceReportInput = {
  tool: 'rdp-doctor',
  version: '1.2.3',
  generatedAt: '2026-05-01T10:00:00.000Z',
  files: [
    { path: 'z.rdp', format: 'rdp', findings: [] },
    {
      path: 'sites/a.rdp',
      format: 'rdp',
      findings: [
        { ruleId: 'RDP040', severity: 'warning', message: 'A saved *password* | here.', line: 7, column: 1, endLine: 7, endColumn: 12, subject: 'password 51' },
        { ruleId: 'RDP012', severity: 'error', message: 'The target is an IP address.', line: 1, column: 16, endLine: 1, endColumn: 25 },
      ],
    },
  ],
  errors: [{ path: 'broken.pol', message: 'Not a Registry.pol file.' }],
  checks: [{ result: UNRESOLVED, files: ['sites/a.rdp'], line: 1 }],
};

const SMALL_MARKDOWN = `# RDP Doctor report

Generated 2026-05-01T10:00:00.000Z by rdp-doctor 1.2.3 for the workspace.

## Summary

| What | Count |
| --- | ---: |
| Files linted | 2 |
| Files that could not be read | 1 |
| Findings: error | 2 |
| Findings: warning | 1 |
| Findings: info | 0 |
| Hosts checked | 1 |
| Hosts with errors | 1 |

## Files

### \`sites/a.rdp\`

Format: rdp.

| Line | Severity | Rule | Message |
| ---: | --- | --- | --- |
| 1 | error | [RDP012](${DOCS}/RDP012.md) | The target is an IP address. |
| 7 | warning | [RDP040](${DOCS}/RDP040.md) | A saved \\*password\\* \\| here. |

### \`z.rdp\`

Format: rdp. No findings.

## Files that could not be read

| File | Problem |
| --- | --- |
| \`broken.pol\` | Not a Registry\\.pol file. |

## Hosts

### \`gone.contoso.com:3390\`

Targeted by \`sites/a.rdp\` (line 1).

| Step | Status | Detail |
| --- | --- | --- |
| DNS | Error | Does not resolve. |
| TCP | Skipped | Not reached. |
| Negotiation | Skipped | Not reached. |
| TLS | Skipped | Not reached. |
| Certificate | Skipped | Not reached. |

#### Findings

| Severity | Rule | Message |
| --- | --- | --- |
| error | [NET001](${DOCS}/NET001.md) | The name "gone\\.contoso\\.com" does not resolve (ENOTFOUND). |
`;

/** Table rows split at unescaped pipes: every row of a table has as many cells as its header. */
function cellCounts(markdown: string): number[] {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) => l.replace(/\\\\/g, '').split(/(?<!\\)\|/).length);
}

describe('workspace report: Markdown', () => {
  it('renders a small workspace exactly', () => {
    assert.equal(workspaceReportMarkdown(SMALL), SMALL_MARKDOWN);
  });

  it('does not depend on the order of its input', () => {
    const shuffled: WorkspaceReportInput = {
      ...SMALL,
      files: [...SMALL.files].reverse().map((f) => ({ ...f, findings: [...f.findings].reverse() })),
      checks: [{ result: BY_IP, files: ['b.rdp'] }, ...SMALL.checks],
    };
    const again: WorkspaceReportInput = { ...shuffled, files: [...shuffled.files].reverse(), checks: [...shuffled.checks].reverse() };
    assert.equal(workspaceReportMarkdown(shuffled), workspaceReportMarkdown(again));
    assert.deepEqual(workspaceReportSarif(shuffled), workspaceReportSarif(again));
  });

  it('shows the ladder, the negotiation and the certificate of a host that answered', () => {
    const md = workspaceReportMarkdown({ ...SMALL, root: '/srv/ws', files: [], errors: [], checks: [{ result: BY_IP, files: ['b.rdp', 'a.rdp'] }] });
    assert.match(md, /for `\/srv\/ws`\./);
    assert.match(md, /^Targeted by `a\.rdp`, `b\.rdp`\.$/m);
    assert.match(md, /^\| Certificate \| Warning \| CN=rdsh02\\\.contoso\\\.com, issued by/m);
    assert.match(md, /^Selected: CredSSP with early user authorization \(NLA\)\. NLA required: yes\.$/m);
    assert.match(md, /^\| Standard RDP Security \| refused \(HYBRID_REQUIRED_BY_SERVER\) \|$/m);
    assert.match(md, /^\| RDSTLS \| not determined \|$/m);
    assert.match(md, /^\| SHA-1 thumbprint \| `1111111111111111111111111111111111111111` \|$/m);
    assert.match(md, /^\| Valid until \| 2026-06-01T00:00:00\.000Z \|$/m);
    assert.match(md, /^\| Matches the name \| no \|$/m);
    assert.doesNotMatch(md, /## Files/);
  });

  it('says an empty subject or issuer is empty', () => {
    const result = { ...BY_IP, certificate: { ...BY_IP.certificate!, subject: '', issuer: '' } };
    const md = workspaceReportMarkdown({ ...SMALL, files: [], errors: [], checks: [{ result, files: ['a.rdp'] }] });
    assert.match(md, /^\| Subject \| \(empty\) \|$/m);
    assert.match(md, /^\| Issuer \| \(empty\) \|$/m);
  });

  it('shows the TLS versions, Standard RDP Security and NTLM facts a check learnt, escaped', () => {
    const result = {
      ...BY_IP,
      tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', accepted: { TLSv1: null, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': true } },
      standardSecurity: { encryptionMethod: '40-bit RC4', encryptionLevel: 'low' },
      ntlm: { netbiosComputer: 'RDSH02', netbiosDomain: 'CORP', dnsComputer: 'rdsh02.corp.invalid', dnsDomain: 'corp.invalid', dnsTree: 'corp.invalid', productVersion: '10.0.20348', serverTime: '2026-12-03T10:00:00.000Z' },
    } as typeof BY_IP;
    const md = workspaceReportMarkdown({ ...SMALL, files: [], errors: [], checks: [{ result, files: [] }] });
    assert.match(md, /^\| TLS \| TLSv1\.3, TLS_AES_256_GCM_SHA384\. Accepts TLS 1\.1, 1\.2, 1\.3\. Not determined: TLS 1\.0\. \|$/m);
    assert.match(md, /^\| Standard RDP Security \| 40-bit RC4, encryption level low \|$/m);
    assert.match(md, /^\| NTLM \| rdsh02\\\.corp\\\.invalid \(CORP\\\\RDSH02\) in corp\\\.invalid, version 10\.0\.20348, clock 2026-12-03T10:00:00\.000Z\. \|$/m);
  });

  it('keeps every table row to its columns, whatever the messages hold', () => {
    const nasty = 'a | b\r\nc `d` \\| e';
    const md = workspaceReportMarkdown({
      ...SMALL,
      files: [{ path: 'x|y.rdp', format: 'rdp', findings: [{ ruleId: 'RDPXYZ', severity: 'info', message: nasty, line: 2 }] }],
      errors: [{ path: 'p|q.pol', message: nasty }],
    });
    const tables = md.split('\n\n').filter((block) => block.startsWith('|'));
    for (const block of tables) assert.equal(new Set(cellCounts(block)).size, 1, block);
    assert.match(md, /\| 2 \| info \| RDPXYZ \| a \\\| b<br>c \\`d\\` \\\\\\\| e \|/);
  });

  it('escapes text and builds code spans that survive backticks', () => {
    assert.equal(escapeMarkdown('*a* _b_ snake_case [c](d) <e> ~f~'), '\\*a\\* \\_b\\_ snake_case \\[c\\](d) \\<e\\> \\~f\\~');
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('`x`'), '`` `x` ``');
    assert.equal(codeSpan('a|b', true), '`a\\|b`');
  });
});

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string }[] } };
    originalUriBaseIds?: Record<string, { uri: string }>;
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations?: {
        physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Record<string, number> };
        logicalLocations?: { name: string; kind: string }[];
      }[];
    }[];
  }[];
}

describe('workspace report: SARIF', () => {
  const log = workspaceReportSarif({ ...SMALL, root: 'C:\\Users\\Ana\\ws', checks: [...SMALL.checks, { result: BY_IP, files: [] }] }) as SarifLog;
  const run = log.runs[0]!;

  it('is one SARIF 2.1.0 run of the tool, with the rules that fired', () => {
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    assert.deepEqual([run.tool.driver.name, run.tool.driver.version], ['rdp-doctor', '1.2.3']);
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id), ['NET001', 'NET010', 'NET022', 'NET023', 'RDP012', 'RDP040']);
    assert.equal(run.tool.driver.rules[4]!.helpUri, `${DOCS}/RDP012.md`);
    for (const r of run.results) if (r.ruleIndex !== undefined) assert.equal(run.tool.driver.rules[r.ruleIndex]!.id, r.ruleId);
    assert.deepEqual(run.originalUriBaseIds, { ROOT: { uri: 'file:///C:/Users/Ana/ws/' } });
    assert.equal(run.invocations[0]!.executionSuccessful, false);
    assert.equal(run.invocations[0]!.toolExecutionNotifications[0]!.message.text, 'Not a Registry.pol file.');
  });

  it('locates file findings at their region, sorted by file and line', () => {
    const files = run.results.filter((r) => r.ruleId.startsWith('RDP'));
    assert.deepEqual(files.map((r) => [r.ruleId, r.level]), [['RDP012', 'error'], ['RDP040', 'warning']]);
    assert.deepEqual(files[0]!.locations![0]!.physicalLocation, {
      artifactLocation: { uri: 'sites/a.rdp', uriBaseId: 'ROOT' },
      region: { startLine: 1, startColumn: 16, endLine: 1, endColumn: 25 },
    });
  });

  it('puts a host finding on the full address line of each targeting file, or on host:port', () => {
    const dns = run.results.filter((r) => r.ruleId === 'NET001');
    assert.equal(dns.length, 1);
    assert.equal(dns[0]!.message.text, 'gone.contoso.com:3390: The name "gone.contoso.com" does not resolve (ENOTFOUND).');
    assert.deepEqual(dns[0]!.locations![0]!.physicalLocation, { artifactLocation: { uri: 'sites/a.rdp', uriBaseId: 'ROOT' }, region: { startLine: 1 } });
    const net = run.results.filter((r) => r.ruleId === 'NET010' || r.ruleId === 'NET022' || r.ruleId === 'NET023');
    assert.deepEqual(net.map((r) => [r.ruleId, r.level]), [['NET010', 'note'], ['NET022', 'warning'], ['NET023', 'warning']]);
    for (const r of net) {
      assert.equal(r.locations![0]!.physicalLocation, undefined);
      assert.deepEqual(r.locations![0]!.logicalLocations, [{ name: '10.0.0.12:3389', fullyQualifiedName: '10.0.0.12:3389', kind: 'resource' }]);
    }
  });

  it('writes one result per targeting file', () => {
    const two = workspaceReportSarif({ ...SMALL, files: [], checks: [{ result: UNRESOLVED, files: ['b.rdp', 'a b.rdp'] }] }) as SarifLog;
    const uris = two.runs[0]!.results.map((r) => r.locations![0]!.physicalLocation!.artifactLocation.uri);
    assert.deepEqual(uris, ['a%20b.rdp', 'b.rdp']);
    assert.equal(two.runs[0]!.results[0]!.locations![0]!.physicalLocation!.region, undefined);
  });

  it('carries a cross-check\'s related location into SARIF and into the Markdown message', () => {
    const input: WorkspaceReportInput = {
      ...SMALL,
      errors: [],
      checks: [],
      files: [
        {
          path: 'client.rdp',
          format: 'rdp',
          findings: [
            {
              ruleId: 'XRF001',
              severity: 'error',
              message: 'The client cannot use NLA, but the server requires it.',
              line: 2,
              column: 24,
              related: [{ path: 'server/gpo.xml', message: 'UserAuthentication is 1 | here.', line: 40, column: 7, endLine: 40, endColumn: 12 }],
            },
          ],
        },
      ],
    };
    const sarif = workspaceReportSarif({ ...input, root: '/srv/ws' }) as SarifLog & { runs: { results: { relatedLocations?: unknown[] }[] }[] };
    assert.deepEqual(sarif.runs[0]!.results[0]!.relatedLocations, [
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'server/gpo.xml', uriBaseId: 'ROOT' }, region: { startLine: 40, startColumn: 7, endLine: 40, endColumn: 12 } },
        message: { text: 'UserAuthentication is 1 | here.' },
      },
    ]);
    const md = workspaceReportMarkdown(input);
    assert.match(md, /\| The client cannot use NLA, but the server requires it\.<br>See `server\/gpo\.xml` line 40: UserAuthentication is 1 \\\| here\. \|/);
  });
});

describe('workspace report: several workspace folders', () => {
  const input: WorkspaceReportInput = {
    ...SMALL,
    roots: [
      { id: 'a', path: '/srv/ws/a' },
      { id: 'b', path: '/srv/ws/b' },
    ],
    files: [
      { path: 'b/lab.rdp', format: 'rdp', findings: [{ ruleId: 'RDP012', severity: 'error', message: 'The target is an IP address.', line: 1, column: 16, endLine: 1, endColumn: 25 }] },
      { path: '/elsewhere/x.rdp', format: 'rdp', findings: [{ ruleId: 'RDP012', severity: 'error', message: 'The target is an IP address.', line: 1 }] },
    ],
    errors: [{ path: 'a/broken.pol', message: 'Not a Registry.pol file.' }],
    checks: [{ result: BY_IP, files: ['b/lab.rdp'], line: 1 }],
  };

  it('SARIF states one base per folder and resolves each path against its own folder (SARIF §3.14.14)', () => {
    const run = (workspaceReportSarif(input) as SarifLog & { runs: { invocations: { toolExecutionNotifications: { locations: { physicalLocation: unknown }[] }[] }[] }[] }).runs[0]!;
    assert.deepEqual(run.originalUriBaseIds, { a: { uri: 'file:///srv/ws/a/' }, b: { uri: 'file:///srv/ws/b/' } });
    const located = run.results.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation);
    // Sorted by path: the file outside the folders keeps its absolute URI; the host findings sit in b/lab.rdp too.
    assert.deepEqual(located[0], { uri: 'file:///elsewhere/x.rdp' });
    assert.ok(located.slice(1).every((l) => l?.uriBaseId === 'b' && l.uri === 'lab.rdp'), JSON.stringify(located));
    assert.ok(located.length > 2);
    assert.deepEqual(run.invocations[0]!.toolExecutionNotifications[0]!.locations[0]!.physicalLocation, { artifactLocation: { uri: 'broken.pol', uriBaseId: 'a' } });
  });

  it('SARIF is valid SARIF 2.1.0, and the same finding in two folders has two fingerprints', () => {
    const finding = { ruleId: 'RDP012', severity: 'error' as const, message: 'The target is an IP address.', line: 1, subject: 'full address' };
    const log = workspaceReportSarif({ ...input, files: [{ path: 'a/lab.rdp', format: 'rdp', findings: [finding] }, { path: 'b/lab.rdp', format: 'rdp', findings: [finding] }] });
    assert.deepEqual(sarifSchemaErrors(log), []);
    const prints = (log as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }).runs[0]!.results.map((r) => r.partialFingerprints['rdpDoctor/findingHash/v1']);
    assert.ok(prints.every((p) => p !== undefined));
    assert.notEqual(prints[0], prints[1]);
  });

  it('Markdown names every folder', () => {
    const md = workspaceReportMarkdown(input);
    assert.match(md, /^Generated .* for `\/srv\/ws\/a` \(`a`\), `\/srv\/ws\/b` \(`b`\)\.$/m);
  });
});
