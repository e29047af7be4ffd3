// "Allow .rdp files from valid publishers and user's default .rdp settings" (TS_CLIENT_ALLOW_SIGNED_FILES_1/_2,
// `AllowSignedFiles`) was read from no format: RDP043 promised a signed file the April 2026 dialog with its publisher
// beside an export that disables it, where users "cannot run .rdp files that are signed with a valid certificate" and
// receive "a message that the publisher has been blocked" (TerminalServer.adml); only a file "signed by a trusted
// publisher" still opens (Microsoft Learn, "RDP file security settings in Group Policy").
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readGpoBackup } from '../../../src/core/gpo/read-gpo-backup';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { readLgpoText } from '../../../src/core/gpo/read-lgpo-text';
import { readReg } from '../../../src/core/gpo/read-reg';
import { readRegistryPol } from '../../../src/core/gpo/read-registry-pol';
import { readRsop } from '../../../src/core/gpo/read-rsop';
import { readSecurityTemplate } from '../../../src/core/gpo/read-security-template';
import { unknownPublishersBlockedBy, validPublishersBlockedBy } from '../../../src/core/gpo/trusted-publishers';
import type { PolicyDocument } from '../../../src/core/gpo/model';
import { lintRdp } from '../../../src/core/rules/engine';
import { rdp043 } from '../../../src/core/rules/rdp/rdp043-redirection-exposure';
import { policyFacts } from '../../../src/core/rules/xrf/facts';
import { writeRegistryPol } from '../../support/registry-pol-writer';
import { fixtureText, policyXml, reportXml, ROOT, TS } from './helpers';

const CLI = join(ROOT, 'dist/cli.js');
const CONTOSO = readFileSync(join(ROOT, 'test/fixtures/rdp/signed-by-contoso.rdp'), 'utf8');
const SIGNER = 'EE7982BCCEEFCAE0DAC417040349AD1094F7A853';
const UNSIGNED = 'full address:s:rdsh01.corp.invalid\r\nredirectclipboard:i:1\r\ndrivestoredirect:s:*\r\n';
const VALID = "Allow .rdp files from valid publishers and user's default .rdp settings";

const facts = (path: string, doc: PolicyDocument) => ({ path, values: policyFacts(doc, () => path).values });
const pol = (n: number) => writeRegistryPol([{ key: TS, valueName: 'AllowSignedFiles', type: 'REG_DWORD', data: n }]);

/** `AllowSignedFiles` = n, computer or user, in each format RDP Doctor reads it from. */
const FORMATS: Readonly<Record<string, (n: number, user: boolean) => ReturnType<typeof facts>>> = {
  '.reg': (n, user) => facts('client.reg', readReg(`Windows Registry Editor Version 5.00\r\n\r\n[${user ? 'HKEY_CURRENT_USER' : 'HKEY_LOCAL_MACHINE'}\\${TS}]\r\n"AllowSignedFiles"=dword:0000000${n}\r\n`)),
  'Registry.pol': (n, user) => facts(user ? 'User/Registry.pol' : 'Machine/Registry.pol', readRegistryPol(pol(n), user ? 'HKCU' : 'HKLM').doc),
  'LGPO text': (n, user) => facts('client.lgpo.txt', readLgpoText(`${user ? 'User' : 'Computer'}\r\n${TS}\r\nAllowSignedFiles\r\nDWORD:${n}\r\n`)),
  'GPO backup': (n, user) => facts('backup', readGpoBackup([{ path: `DomainSysvol/GPO/${user ? 'User' : 'Machine'}/registry.pol`, bytes: pol(n) }]).doc),
  'Get-GPOReport XML': (n, user) => facts('gpreport.xml', readGpoReport(reportXml(policyXml(VALID, n === 0 ? 'Disabled' : 'Enabled'), { section: user ? 'User' : 'Computer' }))),
};

describe('.rdp files from valid publishers blocked by policy (AllowSignedFiles)', () => {
  for (const [format, exported] of Object.entries(FORMATS)) {
    it(`${format}: Disabled (0) blocks them, computer or user; Enabled (1) does not`, () => {
      for (const user of [false, true]) {
        const disabled = exported(0, user);
        assert.equal(validPublishersBlockedBy([disabled]), disabled.path, `${format} ${user ? 'user' : 'computer'}`);
        assert.equal(validPublishersBlockedBy([exported(1, user)]), undefined);
        // The other policy's value is its own.
        assert.equal(unknownPublishersBlockedBy([disabled]), undefined);
      }
    });
  }

  it('GptTmpl.inf: a [Registry Values] line is read as any other there (the Group Policy editor does not write this policy there)', () => {
    const inf = (n: number) => facts('GptTmpl.inf', readSecurityTemplate(`[Unicode]\r\nUnicode=yes\r\n[Registry Values]\r\nMACHINE\\${TS}\\AllowSignedFiles=4,${n}\r\n[Version]\r\nsignature="$CHICAGO$"\r\nRevision=1\r\n`));
    assert.equal(validPublishersBlockedBy([inf(0)]), 'GptTmpl.inf');
    assert.equal(validPublishersBlockedBy([inf(1)]), undefined);
  });

  it('a gpresult that shows the policy Disabled blocks them (the shape of a real Windows 11 24H2 gpresult, raandree/GpoReport)', () => {
    const text = fixtureText('gpresult-no-bom.xml');
    const at = text.indexOf('<q7:Policy>');
    assert.ok(at > 0, 'the fixture has policies to stand beside');
    const base = 'xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base"';
    const policy = (state: string) => `<q7:Policy>
          <GPO ${base}><Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">{AAAA}</Identifier></GPO>
          <Precedence ${base}>1</Precedence>
          <q7:Name>${VALID}</q7:Name>
          <q7:State>${state}</q7:State>
          <q7:Category>Windows Components/Remote Desktop Services/Remote Desktop Connection Client</q7:Category>
        </q7:Policy>
        `;
    const gpresult = (state: string) => facts('gpresult.xml', readRsop(text.slice(0, at) + policy(state) + text.slice(at)));
    assert.equal(validPublishersBlockedBy([gpresult('Disabled')]), 'gpresult.xml');
    assert.equal(validPublishersBlockedBy([gpresult('Enabled')]), undefined);
  });

  it('an export that enables the policy leaves the question open (GPO013 reports the disagreement)', () => {
    assert.equal(validPublishersBlockedBy([FORMATS['.reg']!(0, false), FORMATS['LGPO text']!(1, false)]), undefined);
    assert.equal(validPublishersBlockedBy([]), undefined);
  });

  const verdict = (text: string, options: Parameters<typeof lintRdp>[1] = {}) => lintRdp(text, { rules: [rdp043], ...options }).findings[0]!;

  it('RDP043: a file whose signature verifies is blocked, a warning that names the export', () => {
    const blocked = verdict(CONTOSO, { validPublishersBlockedBy: 'client.reg' });
    assert.ok(
      blocked.message.startsWith(
        `The file requests 2 redirections (the clipboard and drives): it is signed, and "${VALID}" is disabled ("AllowSignedFiles" is 0 in client.reg): where that policy applies, Remote Desktop Connection does not open a file from a valid publisher but says the publisher has been blocked, so no dialog offers them. Only where the client cannot verify the publisher`,
      ),
      blocked.message,
    );
    assert.match(blocked.message, /List the signer's thumbprint in "Specify thumbprints of certificates representing trusted \.rdp publishers"/);
    assert.equal(blocked.severity, 'warning');
    // Both policies disabled: blocked whether or not the client verifies the publisher.
    const both = verdict(CONTOSO, { validPublishersBlockedBy: 'client.reg', unknownPublishersBlockedBy: 'user.pol' });
    assert.match(both.message, /Where the client cannot verify the publisher, the file is blocked all the same \("AllowUnsignedFiles" is 0 in user\.pol\)\./);
    assert.equal(both.severity, 'warning');
  });

  it('RDP043 keeps the other verdicts: a publisher trusted by policy, an unsigned file, a signature that cannot verify', () => {
    const trusted = verdict(CONTOSO, { validPublishersBlockedBy: 'client.reg', trustedPublishers: new Map([[SIGNER, 'trust.reg']]) });
    assert.match(trusted.message, /its signer EE7982BCCEEFCAE0DAC417040349AD1094F7A853 is trusted by policy/);
    const unsigned = verdict(UNSIGNED, { validPublishersBlockedBy: 'client.reg' });
    assert.match(unsigned.message, /it is unsigned, so clients updated since April 2026 show "Caution: Unknown remote connection"/);
    assert.equal(unsigned.severity, 'info');
    const edited = CONTOSO.replace('full address:s:rdsh01.contoso.com', 'full address:s:other.contoso.com');
    assert.match(verdict(edited, { validPublishersBlockedBy: 'client.reg' }).message, /its signature cannot verify, so clients updated since April 2026 treat it as from an unknown publisher/);
    assert.match(verdict(CONTOSO).message, /it is signed, so clients updated since April 2026 name the publisher/);
  });

  it('the CLI reads the policy from an export of the run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-valid-publishers-'));
    try {
      writeFileSync(join(dir, 'client.rdp'), CONTOSO);
      const lint = (): { message: string; severity: string } => {
        const r = spawnSync(process.execPath, [CLI, 'lint', dir, '--format', 'json'], { encoding: 'utf8' });
        const json = JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string; message: string; severity: string }[] }[] };
        return json.files.find((f) => f.path.endsWith('client.rdp'))!.findings.find((f) => f.ruleId === 'RDP043')!;
      };
      assert.match(lint().message, /it is signed, so clients updated since April 2026 name the publisher/);
      writeFileSync(join(dir, 'gpreport.xml'), Buffer.from(`\ufeff${reportXml(policyXml(VALID, 'Disabled'), { section: 'User' })}`, 'utf16le'));
      const blocked = lint();
      assert.match(blocked.message, /it is signed, and "Allow \.rdp files from valid publishers and user's default \.rdp settings" is disabled \("AllowSignedFiles" is 0 in .*gpreport\.xml\)/);
      assert.equal(blocked.severity, 'warning');
      rmSync(join(dir, 'gpreport.xml'));
      writeFileSync(join(dir, 'registry.pol'), pol(0));
      assert.match(lint().message, /"AllowSignedFiles" is 0 in .*registry\.pol/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
