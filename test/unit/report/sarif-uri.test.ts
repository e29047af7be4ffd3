// SARIF artifact URIs name the file the path names (a hostile-input review: `back\slash.rdp`, one file on Linux,
// became `back/slash.rdp`, another path).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToSarifUri, toSarif, type SarifResultInput } from '../../../src/core/report/sarif';

describe('SARIF artifact URIs', () => {
  it('a backslash in a POSIX name is a character of it, percent-encoded', { skip: process.platform === 'win32' && 'POSIX names' }, () => {
    assert.equal(pathToSarifUri('back\\slash.rdp'), 'back%5Cslash.rdp');
    assert.equal(pathToSarifUri('dir/q"uo\\te.rdp'), 'dir/q%22uo%5Cte.rdp');
    assert.equal(pathToSarifUri('/srv/a\\b.rdp'), 'file:///srv/a%5Cb.rdp');
  });

  it('a name that starts with a letter and a colon is no drive: its colon is encoded, so it cannot read as a URI scheme', { skip: process.platform === 'win32' && 'POSIX names' }, () => {
    // A review: `lint C:foo.rdp` on Linux gave {"uri":"C:foo.rdp","uriBaseId":"ROOT"}, an absolute URI of scheme "c".
    assert.equal(pathToSarifUri('C:foo.rdp'), 'C%3Afoo.rdp');
    assert.equal(pathToSarifUri('x:y/z.rdp'), 'x%3Ay/z.rdp');
    assert.equal(pathToSarifUri('C:/Users/a.rdp'), 'file:///C:/Users/a.rdp');
  });

  it('a Windows path (drive letter or UNC) has backslashes between its parts, whatever the platform', () => {
    assert.equal(pathToSarifUri('C:\\Users\\Ana\\ws\\a b.rdp'), 'file:///C:/Users/Ana/ws/a%20b.rdp');
    assert.equal(pathToSarifUri('\\\\server\\share\\x.rdp'), 'file:////server/share/x.rdp');
  });

  it('relative paths stay relative; URIs pass through', () => {
    assert.equal(pathToSarifUri('sub/x y.rdp'), 'sub/x%20y.rdp');
    assert.equal(pathToSarifUri('vscode-remote://host/x.rdp'), 'vscode-remote://host/x.rdp');
  });
});

// A review: `lint ../lint/bad.rdp` from a subfolder gave `{"uri":"../lint/bad.rdp","uriBaseId":"ROOT"}`, which code
// scanning cannot place, and standard input showed as a file `%3Cstdin%3E` under ROOT.
describe('SARIF artifact locations outside the root and of standard input', () => {
  type Located = { physicalLocation?: { artifactLocation: Record<string, unknown> } };
  type Run = {
    artifacts?: unknown[];
    results: { locations: Located[]; relatedLocations?: Located[] }[];
    invocations: { toolExecutionNotifications: { locations: Located[] }[] }[];
  };
  const runOf = (log: object): Run => (log as { runs: Run[] }).runs[0]!;
  const finding = (path: string): SarifResultInput => ({
    ruleId: 'RDP012',
    severity: 'warning',
    message: 'The target is an IP address.',
    path,
    region: { startLine: 1 },
    related: [{ path, message: 'Here.' }],
  });

  it('a path leading out of the root is an absolute file URI without a base (§3.4.4), in results, related places and notifications', { skip: process.platform === 'win32' && 'POSIX paths' }, () => {
    const run = runOf(toSarif([finding('../lint/bad x.rdp'), finding('sub/../ok.rdp')], { root: '/w/sub', invocation: { errors: [{ path: '../gone.rdp', message: 'Not found.' }] } }));
    assert.deepEqual(run.results[0]!.locations[0]!.physicalLocation!.artifactLocation, { uri: 'file:///w/lint/bad%20x.rdp' });
    assert.deepEqual(run.results[0]!.relatedLocations![0]!.physicalLocation!.artifactLocation, { uri: 'file:///w/lint/bad%20x.rdp' });
    assert.deepEqual(run.invocations[0]!.toolExecutionNotifications[0]!.locations[0]!.physicalLocation!.artifactLocation, { uri: 'file:///w/gone.rdp' });
    // Inside the root, a path stays relative to it as it was given.
    assert.deepEqual(run.results[1]!.locations[0]!.physicalLocation!.artifactLocation, { uri: 'sub/../ok.rdp', uriBaseId: 'ROOT' });
  });

  it('a Windows root: out of it is a file URI on the same drive', () => {
    const run = runOf(toSarif([finding('../../other/a.rdp')], { root: 'C:\\Users\\Ana\\ws' }));
    assert.deepEqual(run.results[0]!.locations[0]!.physicalLocation!.artifactLocation, { uri: 'file:///C:/Users/other/a.rdp' });
  });

  it('standard input has no URI: its places name the run\'s one artifact, described as standard input (§3.4.2, §3.4.5)', () => {
    const run = runOf(toSarif([finding('<stdin>')], { root: '/w', standardInput: '<stdin>', invocation: { errors: [{ path: '<stdin>', message: 'Not an .rdp file.' }] } }));
    assert.deepEqual(run.artifacts, [{ description: { text: 'Standard input.' }, roles: ['analysisTarget'] }]);
    assert.deepEqual(run.results[0]!.locations[0]!.physicalLocation, { artifactLocation: { index: 0 }, region: { startLine: 1 } });
    assert.deepEqual(run.results[0]!.relatedLocations![0]!.physicalLocation!.artifactLocation, { index: 0 });
    assert.deepEqual(run.invocations[0]!.toolExecutionNotifications[0]!.locations[0]!.physicalLocation!.artifactLocation, { index: 0 });
    // Without the option, the same name is a file's (`--stdin-filename` or a file so named): no artifacts list.
    const named = runOf(toSarif([finding('<stdin>')], { root: '/w', invocation: { errors: [] } }));
    assert.equal(named.artifacts, undefined);
    assert.deepEqual(named.results[0]!.locations[0]!.physicalLocation!.artifactLocation, { uri: '%3Cstdin%3E', uriBaseId: 'ROOT' });
  });
});
