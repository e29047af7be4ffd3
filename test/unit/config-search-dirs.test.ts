// Where the CLI and the editor look for a file's .rdpdoctor.yaml (src/core/config/search-dirs.ts).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import { describe, it } from 'node:test';
import { configSearchDirs, foldersAbove } from '../../src/core/config/search-dirs';
import { findConfigFor } from '../../src/core/lint/read-file';

describe('the folders above a local file, where its .rdpdoctor.yaml is looked for', () => {
  it('are each folder from the file\'s up to the file system\'s root, nearest first, past any workspace folder', () => {
    assert.deepEqual(foldersAbove('/home/ana/repo/ws/sub/x.rdp', posix), ['/home/ana/repo/ws/sub', '/home/ana/repo/ws', '/home/ana/repo', '/home/ana', '/home', '/']);
    assert.deepEqual(foldersAbove('/home/ana/repo/ws', posix), ['/home/ana/repo', '/home/ana', '/home', '/'], 'the folders above a workspace folder');
  });

  it('end at a root, a file at the root itself included (the walk never loops)', () => {
    assert.deepEqual(foldersAbove('/x.rdp', posix), ['/']);
    assert.deepEqual(foldersAbove('/', posix), ['/']);
    assert.deepEqual(foldersAbove('C:\\x.rdp', win32), ['C:\\']);
    assert.deepEqual(foldersAbove('C:\\', win32), ['C:\\']);
    assert.deepEqual(foldersAbove('c:\\Users\\Ana\\WS\\x.rdp', win32), ['c:\\Users\\Ana\\WS', 'c:\\Users\\Ana', 'c:\\Users', 'c:\\']);
  });

  it('end at the share of a UNC path: the server\'s other shares are not above it', () => {
    assert.deepEqual(foldersAbove('\\\\srv\\share\\rdp\\x.rdp', win32), ['\\\\srv\\share\\rdp', '\\\\srv\\share\\']);
    assert.deepEqual(foldersAbove('\\\\srv\\share\\x.rdp', win32), ['\\\\srv\\share\\']);
  });

  it('keep the path\'s case: nothing is compared, so a case-insensitive file system reads the same folders', () => {
    assert.deepEqual(foldersAbove('/Users/Ana/WS/x.rdp', posix), ['/Users/Ana/WS', '/Users/Ana', '/Users', '/']);
  });

  it('are the folders where the CLI finds a config above the folder a file is linted in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-above-'));
    try {
      mkdirSync(join(dir, 'repo', 'ws', 'sub'), { recursive: true });
      writeFileSync(join(dir, 'repo', '.rdpdoctor.yaml'), 'rules:\n  RDP013: off\n');
      const file = join(dir, 'repo', 'ws', 'sub', 'x.rdp');
      assert.equal(findConfigFor(file, new Map()), join(dir, 'repo', '.rdpdoctor.yaml'));
      assert.deepEqual(foldersAbove(file).slice(0, 3), [join(dir, 'repo', 'ws', 'sub'), join(dir, 'repo', 'ws'), join(dir, 'repo')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the folders searched for the .rdpdoctor.yaml of a document in a virtual workspace', () => {
  it('are the document\'s folder and each above it, up to the workspace folder, nearest first', () => {
    assert.deepEqual(configSearchDirs('/ws/a/sub/x.rdp', '/ws/a', false), ['/ws/a/sub', '/ws/a']);
    assert.deepEqual(configSearchDirs('/ws/a/x.rdp', '/ws/a/', false), ['/ws/a']);
    assert.deepEqual(configSearchDirs('/ws/ab/x.rdp', '/ws/a', false), [], 'a sibling that shares the prefix is not inside');
    assert.deepEqual(configSearchDirs('/elsewhere/x.rdp', '/ws/a', false), []);
  });

  it('end at a workspace folder that is a file system\'s root (the walk never loops there)', () => {
    assert.deepEqual(configSearchDirs('/etc/rdp/x.rdp', '/', false), ['/etc/rdp', '/etc', '/']);
    assert.deepEqual(configSearchDirs('/x.rdp', '/', false), ['/']);
    assert.deepEqual(configSearchDirs('/c:/rdp/x.rdp', '/c:/', true), ['/c:/rdp', '/c:']);
  });

  it('compare without case where the file system has none, as VS Code matched the folder', () => {
    assert.deepEqual(configSearchDirs('/C:/Users/Ana/WS/sub/x.rdp', '/c:/users/ana/ws', true), ['/C:/Users/Ana/WS/sub', '/C:/Users/Ana/WS']);
    assert.deepEqual(configSearchDirs('/Ws/x.rdp', '/ws', false), [], 'with case where it has');
  });
});
