// SARIF artifact URIs name the file the path names (a hostile-input review: `back\slash.rdp`, one file on Linux,
// became `back/slash.rdp`, another path).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToSarifUri } from '../../../src/core/report/sarif';

describe('SARIF artifact URIs', () => {
  it('a backslash in a POSIX name is a character of it, percent-encoded', { skip: process.platform === 'win32' && 'POSIX names' }, () => {
    assert.equal(pathToSarifUri('back\\slash.rdp'), 'back%5Cslash.rdp');
    assert.equal(pathToSarifUri('dir/q"uo\\te.rdp'), 'dir/q%22uo%5Cte.rdp');
    assert.equal(pathToSarifUri('/srv/a\\b.rdp'), 'file:///srv/a%5Cb.rdp');
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
