import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { it } from 'node:test';
import type { Hive } from '../../../src/core/gpo/model';
import { writeRegistryPol, type PolRecordInput } from '../../support/registry-pol-writer';
import { KEYS } from '../../../src/core/gpo/well-known-keys';
import { lintRegistryPol, lintText } from '../../../src/core/lint/lint-file';
import type { PolicyFinding, PolicyRule } from '../../../src/core/rules/gpo/types';
import type { Severity } from '../../../src/core/rules/types';
import { decodeBytes } from '../../../src/core/text/decode';
import { readReg } from '../../../src/core/gpo/read-reg';
import { parseRdp } from '../../../src/core/rdp/parse';
import { policyFacts, rdpFacts } from '../../../src/core/rules/xrf/facts';
import { LineIndex } from '../../../src/core/text/line-index';

export const ROOT = resolve(__dirname, '../../../..');
export const FIXTURES = join(ROOT, 'test/fixtures/gpo');

export function fixture(...parts: string[]): Buffer {
  return readFileSync(join(FIXTURES, ...parts));
}

/** Every file of a GPO backup fixture folder, with its path relative to the folder, as `readGpoBackup` takes them. */
export function backupFiles(...parts: string[]): { path: string; bytes: Buffer }[] {
  const folder = join(FIXTURES, ...parts);
  const walk = (dir: string): { path: string; bytes: Buffer }[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [{ path: relative(folder, full), bytes: fixture(relative(FIXTURES, full)) }];
    });
  return walk(folder);
}

export function fixtureText(...parts: string[]): string {
  return decodeBytes(fixture(...parts)).text;
}

export const TS = KEYS.tsPolicy;
export const LISTENER = KEYS.listener;

/** One registry value of a test case: a DWORD, a string, or a deletion. */
export interface Val {
  readonly hive?: Hive;
  readonly key: string;
  readonly name: string;
  readonly dword?: number;
  readonly sz?: string;
  readonly del?: true;
}

export type Format = 'reg' | 'lgpo' | 'pol';
export const FORMATS: readonly Format[] = ['reg', 'lgpo', 'pol'];

const HIVE_NAMES: Record<string, string> = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' };

/** The export text (or bytes) of the values in one format, and the line (Registry.pol: record) of each value. */
export function render(format: Format, vals: readonly Val[]): { text?: string; bytes?: Buffer; path: string; lines: number[] } {
  const lines: number[] = [];
  if (format === 'reg') {
    const out = ['Windows Registry Editor Version 5.00', ''];
    let current = '';
    for (const v of vals) {
      const key = `${HIVE_NAMES[v.hive ?? 'HKLM']}\\${v.key}`;
      if (key !== current) out.push('', `[${key}]`);
      current = key;
      const data = v.del ? '-' : v.sz !== undefined ? JSON.stringify(v.sz) : `dword:${v.dword!.toString(16).padStart(8, '0')}`;
      out.push(`"${v.name}"=${data}`);
      lines.push(out.length);
    }
    return { text: out.join('\r\n') + '\r\n', path: 'case.reg', lines };
  }
  if (format === 'lgpo') {
    const out: string[] = ['; LGPO text'];
    for (const v of vals) {
      out.push('', v.hive === 'HKCU' ? 'User' : 'Computer', v.key, v.name, v.del ? 'DELETE' : v.sz !== undefined ? `SZ:${v.sz}` : `DWORD:${v.dword}`);
      lines.push(out.length);
    }
    return { text: out.join('\n') + '\n', path: 'case.txt', lines };
  }
  const records: PolRecordInput[] = vals.map((v) =>
    v.del ? { key: v.key, valueName: `**del.${v.name}`, type: 'REG_SZ', data: ' ' } : v.sz !== undefined ? { key: v.key, valueName: v.name, type: 'REG_SZ', data: v.sz } : { key: v.key, valueName: v.name, type: 'REG_DWORD', data: v.dword! },
  );
  vals.forEach((_, i) => lines.push(i + 1));
  return { bytes: writeRegistryPol(records), path: vals.every((v) => v.hive === 'HKCU') ? 'User/Registry.pol' : 'Machine/Registry.pol', lines };
}

/** A located finding: the 1-based line, or for Registry.pol the record number. */
export interface Located {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly finding: PolicyFinding;
}

export function lintRendered(format: Format, vals: readonly Val[]): Located[] {
  const r = render(format, vals);
  if (r.bytes) {
    return lintRegistryPol(r.bytes, { path: r.path }).findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, line: f.location.record!, finding: f }));
  }
  return lintExport(format === 'reg' ? 'reg' : 'lgpo-text', r.text!);
}

/** Lints an export text of a known format, with 1-based lines. */
export function lintExport(format: Parameters<typeof lintText>[0], text: string): Located[] {
  const index = new LineIndex(text);
  return (lintText(format, text).findings as PolicyFinding[]).map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, line: index.positionAt(f.span.start).line + 1, finding: f }));
}

export interface PolicyRejectCase {
  readonly vals: readonly Val[];
  /** Indices into `vals` of the values the findings are at, in order. */
  readonly at: readonly number[];
  readonly severity?: Severity;
  readonly message?: RegExp;
  readonly title?: string;
}

const hasMixedHives = (vals: readonly Val[]): boolean => new Set(vals.map((v) => v.hive ?? 'HKLM')).size > 1;

/** Checks the shape every message must have: a sentence that does not repeat the rule ID. */
export function assertMessage(ruleId: string, message: string): void {
  assert.match(message, /^[A-Z"].*[.?]$/s, 'messages are sentences');
  assert.doesNotMatch(message, new RegExp(`\\b${ruleId}\\b`), 'messages never repeat the rule ID');
}

/**
 * The accept/reject table of one GPO rule, run in every format (`.reg`, LGPO text, Registry.pol), so the
 * rule is shown to fire the same way from each; the finding must be at the expected value's line or record.
 */
export function testPolicyRule(rule: PolicyRule, cases: { accept: readonly (readonly Val[])[]; reject: readonly PolicyRejectCase[] }): void {
  for (const format of FORMATS) {
    for (const [i, vals] of cases.accept.entries()) {
      if (format === 'pol' && hasMixedHives(vals)) continue;
      it(`${format}: accepts case ${i + 1}`, () => {
        assert.deepEqual(lintRendered(format, vals).filter((f) => f.ruleId === rule.id).map((f) => f.message), []);
      });
    }
    for (const [i, c] of cases.reject.entries()) {
      if (format === 'pol' && hasMixedHives(c.vals)) continue;
      it(`${format}: rejects ${c.title ?? `case ${i + 1}`}`, () => {
        const findings = lintRendered(format, c.vals).filter((f) => f.ruleId === rule.id);
        const lines = render(format, c.vals).lines;
        assert.deepEqual(findings.map((f) => f.line), c.at.map((n) => lines[n]));
        for (const f of findings) {
          assertMessage(rule.id, f.message);
          if (c.message) assert.match(f.message, c.message);
        }
        assert.equal(findings[0]!.severity, c.severity ?? rule.defaultSeverity);
      });
    }
  }
}

/** A Get-GPOReport document with these Registry-extension children in its Computer (or User) section. */
export function reportXml(inner: string, options: { gpo?: string; section?: 'Computer' | 'User'; prefix?: string; enabled?: boolean } = {}): string {
  const p = options.prefix ?? 'q1';
  const section = options.section ?? 'Computer';
  return `<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
  <Name>${options.gpo ?? 'Test GPO'}</Name>
  <${section}>${options.enabled !== undefined ? `\n    <Enabled>${options.enabled}</Enabled>` : ''}
    <ExtensionData>
      <Extension xmlns:${p}="http://www.microsoft.com/GroupPolicy/Settings/Registry" xsi:type="${p}:RegistrySettings">
${inner.replace(/\bq:/g, `${p}:`)}
      </Extension>
      <Name>Registry</Name>
    </ExtensionData>
  </${section}>
</GPO>
`;
}

/** An Administrative Template policy element (prefix `q:` is replaced by `reportXml`). */
export function policyXml(name: string, state: 'Enabled' | 'Disabled', elements = ''): string {
  return `        <q:Policy>
          <q:Name>${name}</q:Name>
          <q:State>${state}</q:State>
          <q:Explain>Help text.</q:Explain>
${elements}
        </q:Policy>`;
}

export function dropDown(label: string, item: string): string {
  return `          <q:DropDownList>
            <q:Name>${label}</q:Name>
            <q:State>Enabled</q:State>
            <q:Value>
              <q:Name>${item}</q:Name>
            </q:Value>
          </q:DropDownList>`;
}

/** A Backup.xml as GPMC writes it (UTF-8, CDATA values), trimmed to the core settings. */
export function backupXml(options: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><!-- Copyright (c) Microsoft Corporation.  All rights reserved. --><GroupPolicyBackupScheme bkp:version="2.0" bkp:type="GroupPolicyBackupTemplate" xmlns:bkp="http://www.microsoft.com/GroupPolicy/GPOOperations" xmlns="http://www.microsoft.com/GroupPolicy/GPOOperations">
    <GroupPolicyObject><SecurityGroups/><FilePaths/><GroupPolicyCoreSettings><ID><![CDATA[{6F1C2B3A-1111-4A4A-9B9B-0123456789AB}]]></ID><Domain><![CDATA[corp.invalid]]></Domain><SecurityDescriptor>01 00 04 9c</SecurityDescriptor><DisplayName><![CDATA[RDS Session Hosts]]></DisplayName><Options><![CDATA[${options}]]></Options><UserVersionNumber><![CDATA[65537]]></UserVersionNumber><MachineVersionNumber><![CDATA[458759]]></MachineVersionNumber><MachineExtensionGuids><![CDATA[[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}{D02B1F72-3407-48AE-BA88-E8213C6761F1}]]]></MachineExtensionGuids><UserExtensionGuids/><WMIFilter/></GroupPolicyCoreSettings>
        <GroupPolicyExtension bkp:ID="{35378EAC-683F-11D2-A89A-00C04FBBCFA2}" bkp:DescName="Registry"><FSObjectFile bkp:Path="%GPO_MACH_FSPATH%\\registry.pol" bkp:Location="DomainSysvol\\GPO\\Machine\\registry.pol"/></GroupPolicyExtension>
    </GroupPolicyObject>
</GroupPolicyBackupScheme>
`;
}

/** A `LinksTo` element of a report GPO (its SOM path and whether the link is enabled). */
export function linksTo(path: string, enabled = true): string {
  return `  <LinksTo>\n    <SOMName>${path.split('/').pop()}</SOMName>\n    <SOMPath>${path}</SOMPath>\n    <Enabled>${enabled}</Enabled>\n    <NoOverride>false</NoOverride>\n  </LinksTo>\n`;
}

/** One GPO of a report: "Require use of specific security layer" set to `layer`, linked where `links` say. */
export function layerGpo(name: string, layer: 'RDP' | 'SSL', links: string): string {
  return `  <GPO>
    <Name>${name}</Name>
    <Computer>
      <Enabled>true</Enabled>
      <ExtensionData>
        <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Registry" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="q1:RegistrySettings">
${policyXml('Require use of specific security layer for remote (RDP) connections', 'Enabled', dropDown('Security Layer', layer)).replace(/\bq:/g, 'q1:')}
        </Extension>
        <Name>Registry</Name>
      </ExtensionData>
    </Computer>
${links}  </GPO>
`;
}

/** A `Get-GPOReport -All` report of these GPOs. */
export const allReport = (...gpos: string[]): string => `<?xml version="1.0" encoding="utf-8"?>\n<report xmlns="http://www.microsoft.com/GroupPolicy/Settings">\n${gpos.join('')}</report>\n`;

/** A `.rdp` file as the cross-checks take it; locations in these tests are `path:offset`. */
export function rdpInput(text: string, path = 'client.rdp') {
  return { path, facts: rdpFacts(parseRdp(text), (span) => `${path}:${span.start}`) };
}

/** A `.reg` export of these keys and values as the cross-checks take it. */
export function regInput(values: string, path = 'server.reg') {
  const text = `Windows Registry Editor Version 5.00\r\n\r\n${values}`;
  return { path, facts: policyFacts(readReg(text), (s) => `${path}:${s.source.span.start}`) };
}
