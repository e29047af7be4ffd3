// A GPO backup from a hostile repository: DOCTYPEs with external and nested entities in bkupInfo.xml, Backup.xml and
// gpreport.xml. No entity is expanded and no file they name is read (the XML reader has no DTD support), and the
// backup's parts are read as before, in bounded time.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readGpoBackup } from '../../../src/core/gpo/read-gpo-backup';
import { backupFiles } from './helpers';

const GUID = '{40144D25-C0AB-42E5-B1FB-D89261259A27}';

describe('a hostile GPO backup', () => {
  it('reads no external entity and expands no entity in its XML files', { timeout: 15_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-xxe-'));
    try {
      const secret = join(dir, 'secret.txt');
      writeFileSync(secret, 'MARKER-FROM-A-FILE');
      const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
      const doctype = (root: string): string => `<?xml version="1.0"?>\n<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file://${secret}"><!ENTITY l0 "lol">${laughs}]>\n`;
      const files = backupFiles('backup', GUID).map((f) => {
        if (/bkupinfo\.xml$/i.test(f.path)) {
          const text = `${doctype('BackupInst')}<BackupInst xmlns="http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest"><GPOGuid>{6F1C2B3A-1111-4A4A-9B9B-0123456789AB}</GPOGuid><GPODisplayName>&xxe;&l9;</GPODisplayName></BackupInst>`;
          return { ...f, bytes: Buffer.from(text) };
        }
        return f;
      });
      files.push({ path: 'Backup.xml', bytes: Buffer.from(`${doctype('GroupPolicyBackupScheme')}<GroupPolicyBackupScheme><GroupPolicyObject><GroupPolicyCoreSettings><Options>&xxe;&l9;</Options></GroupPolicyCoreSettings></GroupPolicyObject></GroupPolicyBackupScheme>`) });
      const backup = readGpoBackup(files);
      const everything = JSON.stringify(backup);
      assert.ok(!everything.includes('MARKER-FROM-A-FILE'), 'the external entity was read');
      assert.ok(!everything.includes('lollol'), 'an entity was expanded');
      assert.ok(backup.doc.settings.length > 0, 'the registry.pol and the other parts are still read');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
