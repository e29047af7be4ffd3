// A `.rdpdoctor.yaml` the upward search finds outside the folder RDP Doctor runs in is used only when it is the user's
// own or root's and not writable by every user (src/core/lint/config-trust.ts): a security review had another user's
// config in a mode-1777 share turn RDP040 and RDP011 off for the project below it, and name a CA for `check` to trust.
import assert from 'node:assert/strict';
import { chmodSync, chownSync, lchownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { configDistrust, isWithin, ownershipProblem } from '../../../src/core/lint/config-trust';
import { findConfigFor, type SkippedConfig } from '../../../src/core/lint/read-file';
import { runCli } from './cli-harness';

const POSIX = process.getuid !== undefined;
const isRoot = process.getuid?.() === 0;
const OFF = 'rules:\n  RDP040: off\n  RDP011: off\n  NET002: off\n';
/** RDP011 (an error: the port is no number) and RDP040 (a warning), unless a config turns them off. */
const VICTIM = 'full address:s:rdsh01://evil.example/x\r\npassword 51:b:0102\r\n';

describe('config ownership: what is trusted', () => {
  it('takes a file owned by the user or by root that not every user may write to', () => {
    assert.equal(ownershipProblem({ uid: 1000, mode: 0o100644 }, 1000), undefined);
    assert.equal(ownershipProblem({ uid: 0, mode: 0o100644 }, 1000), undefined);
    // The group may write: a project shared by a group is the group's.
    assert.equal(ownershipProblem({ uid: 1000, mode: 0o100664 }, 1000), undefined);
    assert.equal(ownershipProblem({ uid: 65534, mode: 0o100644 }, 1000), 'owned by another user (uid 65534)');
    assert.equal(ownershipProblem({ uid: 1000, mode: 0o100666 }, 1000), 'writable by every user (mode 0666)');
    assert.equal(ownershipProblem({ uid: 0, mode: 0o100777 }, 0), 'writable by every user (mode 0777)');
  });

  it('isWithin: the root and what is below it, nothing beside or above it', () => {
    assert.ok(isWithin('/a/b', '/a/b'));
    assert.ok(isWithin('/a/b', '/a/b/c/d'));
    assert.ok(isWithin('/a/b', '/a/b/..c'));
    assert.ok(!isWithin('/a/b', '/a'));
    assert.ok(!isWithin('/a/b', '/a/bc'));
    assert.ok(!isWithin('/a/b', '/x/y'));
  });

  it('looks at no owner on Windows (no uid), nor inside the root', () => {
    assert.equal(configDistrust('/nowhere/.rdpdoctor.yaml', { root: '/elsewhere', uid: undefined }), undefined);
    assert.equal(configDistrust('/here/sub/.rdpdoctor.yaml', { root: '/here', uid: 1000 }), undefined);
  });
});

describe('config ownership: the upward search', { skip: !POSIX && 'POSIX owners' }, () => {
  let dir: string;
  const uid = process.getuid?.() ?? 0;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-owner-'));
    mkdirSync(join(dir, 'mine/shared/victim/deeper'), { recursive: true });
    writeFileSync(join(dir, 'mine/.rdpdoctor.yaml'), 'rules:\n  RDP012: off\n');
    writeFileSync(join(dir, 'mine/shared/.rdpdoctor.yaml'), OFF);
    chmodSync(join(dir, 'mine/shared/.rdpdoctor.yaml'), 0o666);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('passes over a config above the root that every user may write to, says so, and goes on up', () => {
    const skipped: SkippedConfig[] = [];
    const found = findConfigFor(join(dir, 'mine/shared/victim/v.rdp'), new Map(), { root: join(dir, 'mine/shared/victim'), uid }, (c) => skipped.push(c));
    assert.equal(found, join(dir, 'mine/.rdpdoctor.yaml'));
    assert.deepEqual(skipped, [{ path: join(dir, 'mine/shared/.rdpdoctor.yaml'), why: 'writable by every user (mode 0666)' }]);
  });

  it('uses it when it lies in the root or below it: the project\'s own configs, whoever may write them', () => {
    const skipped: SkippedConfig[] = [];
    const found = findConfigFor(join(dir, 'mine/shared/victim/v.rdp'), new Map(), { root: join(dir, 'mine/shared'), uid }, (c) => skipped.push(c));
    assert.equal(found, join(dir, 'mine/shared/.rdpdoctor.yaml'));
    assert.deepEqual(skipped, []);
  });

  it('passes over another user\'s config, and one reached through another user\'s link', { skip: !isRoot && 'chown needs root' }, () => {
    mkdirSync(join(dir, 'other/sub'), { recursive: true });
    writeFileSync(join(dir, 'other/.rdpdoctor.yaml'), OFF);
    chownSync(join(dir, 'other/.rdpdoctor.yaml'), 65534, 65534);
    const trust = { root: join(dir, 'other/sub'), uid: 1000 };
    assert.equal(configDistrust(join(dir, 'other/.rdpdoctor.yaml'), trust), 'owned by another user (uid 65534)');
    // The file is root's (trusted), the link to it another user's.
    mkdirSync(join(dir, 'linked/sub'), { recursive: true });
    writeFileSync(join(dir, 'linked/target.yaml'), OFF);
    symlinkSync('target.yaml', join(dir, 'linked/.rdpdoctor.yaml'));
    assert.equal(configDistrust(join(dir, 'linked/.rdpdoctor.yaml'), { root: join(dir, 'linked/sub'), uid: 1000 }), undefined);
    lchownSync(join(dir, 'linked/.rdpdoctor.yaml'), 65534, 65534);
    assert.equal(configDistrust(join(dir, 'linked/.rdpdoctor.yaml'), { root: join(dir, 'linked/sub'), uid: 1000 }), 'a symbolic link owned by another user (uid 65534)');
  });
});

describe('config ownership: the CLI', { skip: !POSIX && 'POSIX owners' }, () => {
  let dir: string;
  before(() => {
    // The review's repro: a mode-1777 share, another user's config in it, a project below it.
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-share-'));
    mkdirSync(join(dir, 'shared/victim'), { recursive: true });
    chmodSync(join(dir, 'shared'), 0o1777);
    writeFileSync(join(dir, 'shared/.rdpdoctor.yaml'), OFF);
    // As root the file is another user's; as anyone else it is one every user may write to. Either is refused.
    if (isRoot) chownSync(join(dir, 'shared/.rdpdoctor.yaml'), 65534, 65534);
    else chmodSync(join(dir, 'shared/.rdpdoctor.yaml'), 0o666);
    writeFileSync(join(dir, 'shared/victim/v.rdp'), VICTIM);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const why = isRoot ? /owned by another user \(uid 65534\)/ : /writable by every user \(mode 0666\)/;

  it('lint from the project below it: the config is not used, and stderr says which and why', () => {
    const r = runCli(['lint', 'v.rdp', '--format', 'json'], join(dir, 'shared/victim'));
    assert.equal(r.code, 1, r.stderr);
    const rules = (JSON.parse(r.stdout) as { files: { findings: { ruleId: string }[] }[] }).files.flatMap((f) => f.findings.map((x) => x.ruleId));
    assert.deepEqual(rules.sort(), ['RDP011', 'RDP040']);
    const notes = r.stderr.split('\n').filter((line) => line.includes('.rdpdoctor.yaml'));
    assert.equal(notes.length, 1, r.stderr);
    assert.ok(notes[0]!.startsWith(`rdp-doctor: ${join(dir, 'shared/.rdpdoctor.yaml')}: Not used: it lies outside the working folder and is `), notes[0]);
    assert.match(notes[0]!, why);
  });

  it('lint from the share itself, or with --config: the config is used as given', () => {
    const inside = runCli(['lint', 'victim/v.rdp'], join(dir, 'shared'));
    assert.equal(inside.code, 0, inside.stdout + inside.stderr);
    assert.equal(inside.stderr, '');
    const named = runCli(['lint', 'v.rdp', '--config', '../.rdpdoctor.yaml'], join(dir, 'shared/victim'));
    assert.equal(named.code, 0, named.stdout + named.stderr);
    assert.equal(named.stderr, '');
  });

  it('check from the project below it: the config is not used either (NET002 stays an error)', () => {
    // Port 1 on the loopback: nothing listens there, so the connection is refused (NET002).
    const r = runCli(['check', '127.0.0.1:1', '--format', 'json', '--timeout', '2000'], join(dir, 'shared/victim'));
    assert.equal(r.code, 1, r.stderr);
    const findings = (JSON.parse(r.stdout) as { hosts: { findings: { ruleId: string; severity: string }[] }[] }).hosts[0]!.findings;
    assert.equal(findings.find((f) => f.ruleId === 'NET002')?.severity, 'error');
    assert.match(r.stderr, why);
  });
});
