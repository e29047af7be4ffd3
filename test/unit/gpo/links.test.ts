// Which GPOs can apply to one computer, from the links Get-GPOReport lists: GPO013 compares only those (a real domain
// backup set had its domain controllers' GPO "conflict" with its member servers' one).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeText } from '../../../src/core/text/decode';
import { linksOf, mayApplyTogether } from '../../../src/core/gpo/links';
import { readBackupLinks } from '../../../src/core/gpo/backup-metadata';
import { readGpoBackup } from '../../../src/core/gpo/read-gpo-backup';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { parseXml } from '../../../src/core/gpo/xml-tree';
import { crossFileConflicts } from '../../../src/core/rules/gpo/gpo013-conflicting-policy';
import { policyFacts } from '../../../src/core/rules/xrf/facts';
import { allReport as all, backupFiles, layerGpo as gpo, linksTo, lintExport } from './helpers';

const DC = 'security.local/enterprise/assets and enterprise management/domain controllers';
const MS = 'security.local/enterprise/assets and enterprise management/member servers';

describe('GPO links', () => {
  it('two GPOs meet when a link of one is the other, or above or below it', () => {
    assert.equal(mayApplyTogether([DC], [MS]), false, 'sibling OUs');
    assert.equal(mayApplyTogether([DC], [DC]), true);
    assert.equal(mayApplyTogether(['security.local'], [MS]), true, 'the domain holds every OU');
    assert.equal(mayApplyTogether([`${MS}/rds`], [MS]), true, 'an OU inside another');
    assert.equal(mayApplyTogether([`${MS}x`], [MS]), false, 'a name that only starts the same');
    assert.equal(mayApplyTogether(['contoso.com'], ['child.contoso.com/servers']), false, 'another domain');
    assert.equal(mayApplyTogether([DC, MS], ['security.local/resources/computers', MS]), true, 'any pair of links');
  });

  it('what it cannot place meets everything: no links, a single-label first part, a site', () => {
    assert.equal(mayApplyTogether(undefined, [MS]), true);
    assert.equal(mayApplyTogether([], [MS]), true);
    assert.equal(mayApplyTogether(['corp/servers'], [MS]), true);
    assert.equal(mayApplyTogether(['contoso.com/configuration/sites/london'], ['contoso.com/servers']), true);
    assert.equal(mayApplyTogether(['contoso.com/sites/london'], ['contoso.com/servers']), true);
  });

  it('reads the enabled links, in lower case; a disabled link is no link', () => {
    const text = `<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings"><Name>x</Name>${linksTo('SECURITY.LOCAL/Domain Controllers')}${linksTo('SECURITY.LOCAL/Old', false)}</GPO>`;
    assert.deepEqual(linksOf(text, parseXml(text).root!), ['security.local/domain controllers']);
    assert.deepEqual(readBackupLinks(Buffer.from(text)).value, ['security.local/domain controllers']);
    assert.equal(readBackupLinks(Buffer.from('not xml')).value, undefined);
  });
});

describe('GPO013 with links', () => {
  it('one -All report: GPOs linked to sibling OUs do not conflict; one linked to the domain does', () => {
    const apart = all(gpo('DC baseline', 'SSL', linksTo(DC)), gpo('Member servers', 'RDP', linksTo(MS)));
    assert.deepEqual(lintExport('gpo-report-xml', apart).filter((f) => f.ruleId === 'GPO013'), []);
    const domain = all(gpo('DC baseline', 'SSL', linksTo(DC)), gpo('Domain', 'RDP', linksTo('SECURITY.LOCAL')));
    assert.match(lintExport('gpo-report-xml', domain).find((f) => f.ruleId === 'GPO013')!.message, /"SecurityLayer" is 0 in GPO "Domain" but 2 in GPO "DC baseline"/);
    const unlinked = all(gpo('DC baseline', 'SSL', linksTo(DC)), gpo('Unlinked', 'RDP', ''));
    assert.equal(lintExport('gpo-report-xml', unlinked).filter((f) => f.ruleId === 'GPO013').length, 1, 'links unknown: compared');
  });

  it('a GPO is compared with each other meaning, whatever GPO came first', () => {
    // DC (SSL), member servers (RDP), then the domain (SSL): the domain GPO meets the member servers' one.
    const text = all(gpo('DC', 'SSL', linksTo(DC)), gpo('MS', 'RDP', linksTo(MS)), gpo('Domain', 'SSL', linksTo('security.local')));
    const found = lintExport('gpo-report-xml', text).filter((f) => f.ruleId === 'GPO013');
    assert.deepEqual(found.map((f) => f.message.slice(0, 60)), ['"SecurityLayer" is 2 in GPO "Domain" but 0 in GPO "MS"; whic']);
  });

  it('across files: two reports, and two backups whose gpreport.xml lists the links', () => {
    const facts = (text: string, path: string) => ({ path, values: policyFacts(readGpoReport(text), (s) => `${path}:${s.source.span.start}`).values });
    const dc = facts(all(gpo('DC', 'SSL', linksTo(DC))), 'dc.xml');
    const ms = facts(all(gpo('MS', 'RDP', linksTo(MS))), 'ms.xml');
    const domain = facts(all(gpo('Domain', 'RDP', linksTo('security.local'))), 'domain.xml');
    assert.deepEqual(crossFileConflicts([dc, ms]), []);
    assert.deepEqual(crossFileConflicts([dc, ms, domain]).map((c) => c.path), ['dc.xml', 'domain.xml'], 'the domain GPO meets both; member servers agree with it');

    const files = backupFiles('backup', '{40144D25-C0AB-42E5-B1FB-D89261259A27}');
    const backup = readGpoBackup(files);
    assert.ok(backup.doc.settings.length > 0 && backup.doc.settings.every((s) => s.links?.join() === 'contoso.local/servers/rds hosts'), 'every part takes the report\'s links');
    const relinked = files.map((f) => (/gpreport\.xml$/i.test(f.path) ? { ...f, bytes: Buffer.from(encodeText(f.bytes.toString('utf16le').replace(/<SOMPath>[^<]*<\/SOMPath>/, '<SOMPath>contoso.local/Domain Controllers</SOMPath>'), 'utf-16le', false)) } : f));
    const a = { path: 'a', values: policyFacts(backup.doc, () => 'a').values };
    const b = { path: 'b', values: policyFacts(readGpoBackup(relinked).doc, () => 'b').values.map((v) => ({ ...v, data: typeof v.data === 'number' ? v.data + 1 : v.data })) };
    assert.ok(a.values.some((v) => typeof v.data === 'number'));
    assert.deepEqual(crossFileConflicts([a, b]), [], 'the same GPO linked to another OU: no computer has both');
    const unlinked = { path: 'c', values: b.values.map(({ links: _links, ...v }) => v) };
    assert.ok(crossFileConflicts([a, unlinked]).length > 0, 'without links, compared as before');
  });
});
