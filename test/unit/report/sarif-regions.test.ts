// SARIF regions as SARIF 2.1.0 §3.30.1 defines them: a binary artifact (Registry.pol) gets a binary region and no
// text region; a run over text artifacts with results states how it counts columns (§3.14.27).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, sarifSchemaErrors } from '../cli/cli-harness';
import { LISTENER, TS } from '../gpo/helpers';
import { writeRegistryPol } from '../../support/registry-pol-writer';

interface Region {
  readonly startLine?: number;
  readonly startColumn?: number;
  readonly endColumn?: number;
  readonly byteOffset?: number;
  readonly byteLength?: number;
  readonly properties?: { readonly registryPolRecord?: number };
}
interface PhysicalLocation {
  readonly artifactLocation: { readonly uri: string };
  readonly region?: Region;
}
interface Run {
  readonly columnKind?: string;
  readonly results: { ruleId: string; locations: { physicalLocation: PhysicalLocation }[]; relatedLocations?: { physicalLocation: PhysicalLocation }[] }[];
  readonly invocations?: { toolExecutionNotifications: { locations: { physicalLocation: PhysicalLocation }[] }[] }[];
}

function sarif(args: readonly string[], cwd: string): { code: number; log: { runs: Run[] } } {
  const r = runCli(['lint', ...args, '--format', 'sarif'], cwd);
  return { code: r.code, log: JSON.parse(r.stdout) as { runs: Run[] } };
}

/** Every physical location of a run: results, related locations, notifications. */
function locationsOf(run: Run): PhysicalLocation[] {
  return [
    ...run.results.flatMap((r) => [...r.locations.map((l) => l.physicalLocation), ...(r.relatedLocations ?? []).map((l) => l.physicalLocation)]),
    ...(run.invocations ?? []).flatMap((i) => i.toolExecutionNotifications.flatMap((n) => n.locations.map((l) => l.physicalLocation))),
  ];
}

describe('SARIF regions', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-sarif-regions-'));
    // Record 1: the policy's SecurityLayer 0 (GPO002), which overrides record 2, the listener's own value (a related
    // location in the same binary file). Then a truncated copy: its damage is a notification at a byte offset.
    const pol = writeRegistryPol([
      { key: TS, valueName: 'SecurityLayer', type: 'REG_DWORD', data: 0 },
      { key: LISTENER, valueName: 'SecurityLayer', type: 'REG_DWORD', data: 2 },
    ]);
    mkdirSync(join(dir, 'Machine'));
    writeFileSync(join(dir, 'Machine', 'Registry.pol'), pol);
    writeFileSync(join(dir, 'truncated.pol'), pol.subarray(0, pol.length - 20));
    writeFileSync(join(dir, 'emoji.rdp'), 'full address:s:😀😀x\r\n');
    // Port 9 on the loopback: nothing listens there, so the check ends at once (refused).
    writeFileSync(join(dir, 'inventory.yaml'), 'hosts:\n  - group: "😀"\n    hosts: [ "😀.example", { host: 127.0.0.1, port: 9 } ]\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a Registry.pol place is a binary region (the record\'s bytes), never a text region, in results, related locations and notifications', () => {
    const { log } = sarif(['Machine', 'truncated.pol'], dir);
    const run = log.runs[0]!;
    assert.deepEqual(sarifSchemaErrors(log), []);
    const inPol = locationsOf(run).filter((l) => l.artifactLocation.uri.endsWith('.pol'));
    assert.ok(inPol.length >= 3);
    for (const l of inPol) {
      assert.equal(l.region?.startLine, undefined, JSON.stringify(l));
      assert.equal(typeof l.region?.byteOffset, 'number', JSON.stringify(l));
    }
    // The first record starts after "PReg" and the version (8 bytes) and ends where the second starts.
    const gpo002 = run.results.find((r) => r.ruleId === 'GPO002' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'Machine/Registry.pol')!;
    const first = gpo002.locations[0]!.physicalLocation.region!;
    assert.deepEqual([first.byteOffset, first.properties?.registryPolRecord], [8, 1]);
    const related = gpo002.relatedLocations![0]!.physicalLocation.region!;
    assert.equal(related.byteOffset, 8 + first.byteLength!);
    assert.equal(related.properties?.registryPolRecord, 2);
    // Damage has an offset but no known length: an insertion point there (§3.30.12).
    const damage = run.invocations![0]!.toolExecutionNotifications.map((n) => n.locations[0]!.physicalLocation).find((l) => l.artifactLocation.uri === 'truncated.pol')!;
    assert.equal(damage.region!.byteLength, undefined);
  });

  it('a run with text regions says columns are UTF-16 code units, as they are counted: an emoji is two columns', () => {
    const { log } = sarif(['emoji.rdp'], dir);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const run = log.runs[0]!;
    assert.equal(run.columnKind, 'utf16CodeUnits');
    // "full address:s:" is 15 columns; "😀😀x" is 5 UTF-16 code units (3 code points).
    const rdp011 = run.results.find((r) => r.ruleId === 'RDP011')!.locations[0]!.physicalLocation.region!;
    assert.deepEqual([rdp011.startColumn, rdp011.endColumn], [16, 21]);
  });

  it('check: an inventory entry is placed in UTF-16 columns too, and the run says so', () => {
    const r = runCli(['check', '--inventory', 'inventory.yaml', '--timeout', '2000', '--format', 'sarif'], dir);
    const run = (JSON.parse(r.stdout) as { runs: Run[] }).runs[0]!;
    assert.equal(run.columnKind, 'utf16CodeUnits');
    // `    hosts: [ "😀.example", ` is 27 UTF-16 code units (the emoji two), so the entry's `{` is column 28.
    assert.equal(run.results[0]!.locations[0]!.physicalLocation.region!.startColumn, 28);
  });

  it('a run whose text regions are all in notifications says how it counts columns too: results on a Registry.pol, a report cut short', () => {
    const cut = join(dir, 'cut');
    mkdirSync(cut, { recursive: true });
    writeFileSync(join(cut, 'Registry.pol'), writeRegistryPol([{ key: TS, valueName: 'SecurityLayer', type: 'REG_DWORD', data: 0 }]));
    writeFileSync(join(cut, 'gpreport.xml'), '<?xml version="1.0" encoding="utf-8"?>\n<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings"><Name>Cut');
    const { log } = sarif(['cut/Registry.pol', 'cut/gpreport.xml'], dir);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const run = log.runs[0]!;
    assert.ok(run.results.length > 0 && run.results.every((r) => r.locations[0]!.physicalLocation.region?.startLine === undefined), 'results only in the binary file');
    assert.ok(locationsOf(run).some((l) => l.region?.startLine !== undefined), 'a notification with a text region');
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  it('a run over no text artifact has no columnKind (§3.14.27): only Registry.pol, or hosts from the command line', () => {
    assert.equal(sarif(['Machine'], dir).log.runs[0]!.columnKind, undefined);
    const r = runCli(['check', '127.0.0.1:9', '--timeout', '2000', '--format', 'sarif'], dir);
    const run = (JSON.parse(r.stdout) as { runs: Run[] }).runs[0]!;
    assert.equal(run.results.length, 1);
    assert.equal(run.columnKind, undefined);
  });
});
