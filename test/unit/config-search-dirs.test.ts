// Where the editor looks for a document's .rdpdoctor.yaml (src/core/config/search-dirs.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSearchDirs } from '../../src/core/config/search-dirs';

describe('the folders searched for a document\'s .rdpdoctor.yaml', () => {
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
