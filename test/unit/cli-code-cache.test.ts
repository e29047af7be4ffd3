// The CLI compiles its command bundle through a V8 code cache in the user's cache folder (src/cli/main.ts,
// src/shared/cache-dir.ts; issues 11 and 16, start-up).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { safeCacheDir, userCacheDir } from '../../src/shared/cache-dir';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/cli.js');

describe('userCacheDir', () => {
  const home = '/home/ada';
  it('follows each platform’s own cache folder', () => {
    assert.equal(userCacheDir({ env: {}, platform: 'linux', home }), '/home/ada/.cache/rdp-doctor');
    assert.equal(userCacheDir({ env: { XDG_CACHE_HOME: '/var/cache/ada' }, platform: 'linux', home }), '/var/cache/ada/rdp-doctor');
    assert.equal(userCacheDir({ env: {}, platform: 'darwin', home }), '/home/ada/Library/Caches/rdp-doctor');
    assert.equal(userCacheDir({ env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, platform: 'win32', home: 'C:\\Users\\ada' }), 'C:\\Users\\ada\\AppData\\Local\\rdp-doctor\\Cache');
  });

  it('ignores a relative XDG_CACHE_HOME, as the XDG specification says, and a relative home', () => {
    assert.equal(userCacheDir({ env: { XDG_CACHE_HOME: 'cache' }, platform: 'linux', home }), '/home/ada/.cache/rdp-doctor');
    assert.equal(userCacheDir({ env: {}, platform: 'linux', home: '' }), undefined);
    assert.equal(userCacheDir({ env: {}, platform: 'linux', home: 'ada' }), undefined);
    assert.equal(userCacheDir({ env: {}, platform: 'win32', home: 'C:\\Users\\ada' }), undefined);
  });

  it('takes RDP_DOCTOR_CACHE_DIR (absolute only) and turns off with RDP_DOCTOR_CODE_CACHE=off', () => {
    assert.equal(userCacheDir({ env: { RDP_DOCTOR_CACHE_DIR: '/srv/cache' }, platform: 'linux', home }), '/srv/cache');
    assert.equal(userCacheDir({ env: { RDP_DOCTOR_CACHE_DIR: 'here' }, platform: 'linux', home }), undefined);
    for (const off of ['off', 'OFF', '0', 'false']) assert.equal(userCacheDir({ env: { RDP_DOCTOR_CODE_CACHE: off, RDP_DOCTOR_CACHE_DIR: '/srv/cache' }, platform: 'linux', home }), undefined);
    assert.equal(userCacheDir({ env: { RDP_DOCTOR_CODE_CACHE: 'on' }, platform: 'linux', home }), '/home/ada/.cache/rdp-doctor');
  });
});

describe('safeCacheDir', { skip: process.getuid === undefined && 'POSIX only' }, () => {
  let dir: string;
  const uid = process.getuid!();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-cache-dir-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts this user’s own folders, and folders not made yet', () => {
    const root = join(dir, 'root');
    mkdirSync(join(root, 'code-cache'), { recursive: true, mode: 0o700 });
    assert.equal(safeCacheDir(root, join(root, 'code-cache'), uid), true);
    assert.equal(safeCacheDir(join(dir, 'none'), join(dir, 'none', 'code-cache'), uid), true);
    assert.equal(safeCacheDir(root, join(root, 'later'), uid), true);
  });

  it('refuses a folder others may write to, a link, a file, or another user’s folder', () => {
    const root = join(dir, 'root');
    mkdirSync(join(root, 'code-cache'), { recursive: true, mode: 0o700 });
    chmodSync(root, 0o777);
    assert.equal(safeCacheDir(root, join(root, 'code-cache'), uid), false, 'a world-writable root');
    chmodSync(root, 0o700);
    chmodSync(join(root, 'code-cache'), 0o770);
    assert.equal(safeCacheDir(root, join(root, 'code-cache'), uid), false, 'a group-writable folder');
    chmodSync(join(root, 'code-cache'), 0o700);
    symlinkSync(join(root, 'code-cache'), join(dir, 'link'));
    assert.equal(safeCacheDir(root, join(dir, 'link'), uid), false, 'a link');
    writeFileSync(join(dir, 'file'), '');
    assert.equal(safeCacheDir(root, join(dir, 'file'), uid), false, 'a file');
    assert.equal(safeCacheDir(root, join(root, 'code-cache'), uid + 1), false, 'another user');
  });
});

describe('the CLI’s code cache', { skip: !existsSync(CLI) && 'not built' }, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-cli-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (env: NodeJS.ProcessEnv): { status: number | null; stdout: string } => {
    const r = spawnSync(process.execPath, [CLI, 'explain', '0x904', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, RDP_DOCTOR_CODE_CACHE: '', ...env }, timeout: 30_000 });
    return { status: r.status, stdout: r.stdout };
  };
  const cacheFiles = (cache: string): string[] => (existsSync(join(cache, 'code-cache')) ? readdirSync(join(cache, 'code-cache')) : []);

  it('writes the cache on the first run, reads it on the next, and the output is the same', () => {
    const cache = join(dir, 'cache');
    const first = run({ RDP_DOCTOR_CACHE_DIR: cache });
    assert.equal(first.status, 0);
    const [name, ...more] = cacheFiles(cache);
    assert.match(name ?? '', /^cli-commands-[0-9a-f]{16}-.+-v8-.+\.bin$/);
    assert.deepEqual(more, []);
    assert.equal(statSync(join(cache, 'code-cache')).mode & 0o777, 0o700);
    const written = readFileSync(join(cache, 'code-cache', name!));
    const second = run({ RDP_DOCTOR_CACHE_DIR: cache });
    assert.deepEqual(second, first);
    // A cache that was used is not written again.
    assert.deepEqual(readFileSync(join(cache, 'code-cache', name!)), written);
  });

  it('a damaged cache is rejected and rewritten, and the command still runs', () => {
    const cache = join(dir, 'cache');
    const first = run({ RDP_DOCTOR_CACHE_DIR: cache });
    const [name] = cacheFiles(cache);
    writeFileSync(join(cache, 'code-cache', name!), 'not a code cache');
    assert.deepEqual(run({ RDP_DOCTOR_CACHE_DIR: cache }), first);
    assert.notEqual(readFileSync(join(cache, 'code-cache', name!), 'latin1'), 'not a code cache');
  });

  it('writes nothing when turned off, or into a folder others may write to', { skip: process.getuid === undefined && 'POSIX only' }, () => {
    const off = join(dir, 'off');
    const first = run({ RDP_DOCTOR_CACHE_DIR: off, RDP_DOCTOR_CODE_CACHE: 'off' });
    assert.equal(first.status, 0);
    assert.equal(existsSync(off), false);
    const shared = join(dir, 'shared');
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o777);
    assert.deepEqual(run({ RDP_DOCTOR_CACHE_DIR: shared }), first);
    assert.deepEqual(readdirSync(shared), []);
  });

  it('a write the disk cannot take leaves no part behind; a killed writer’s part is dropped after an hour, a younger one kept', { skip: process.platform === 'win32' && 'ulimit' }, () => {
    const cache = join(dir, 'cache');
    // `ulimit -f 1`: no file over 1 KiB (EFBIG, as a full disk's ENOSPC); the cache is hundreds of KiB.
    const limited = spawnSync('/bin/sh', ['-c', `ulimit -f 1 && exec "$0" "$@"`, process.execPath, CLI, 'explain', '0x904', '--format', 'json'], {
      encoding: 'utf8',
      env: { ...process.env, RDP_DOCTOR_CODE_CACHE: '', RDP_DOCTOR_CACHE_DIR: cache },
      timeout: 30_000,
    });
    assert.equal(limited.status, 0, limited.stderr);
    assert.deepEqual(cacheFiles(cache), [], 'a part of the cache was left behind');
    const folder = join(cache, 'code-cache');
    const stale = join(folder, 'cli-commands-0123456789abcdef-x64-v8-1.bin.4242.tmp');
    const young = join(folder, 'cli-lint-0123456789abcdef-x64-v8-1.bin.4243.tmp');
    writeFileSync(stale, 'killed while writing');
    writeFileSync(young, 'still being written');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    assert.equal(run({ RDP_DOCTOR_CACHE_DIR: cache }).status, 0);
    const left = cacheFiles(cache);
    assert.equal(left.includes(basename(stale)), false, 'the stale part stayed');
    assert.equal(left.includes(basename(young)), true, 'a part another process may still be writing was dropped');
    assert.equal(left.filter((name) => name.endsWith('.bin')).length, 1);
  });

  it('a cache folder it cannot make costs only the cache', () => {
    writeFileSync(join(dir, 'file'), 'a file where the folder would be');
    const r = run({ RDP_DOCTOR_CACHE_DIR: join(dir, 'file', 'cache') });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /"0x904"|0x904/);
  });
});
