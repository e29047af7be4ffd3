// The CLI reads a Registry.pol without its view and keeps only the values the lint reads (`readRegistryPolRecords`,
// issue 5's 100,000-record figure): on generated files mixing Remote Desktop, NTLM, Kerberos, listener, Schannel,
// firewall and unrelated values, with deletions, key deletions and creations, its findings, problems and cross-check
// facts are those of the full read the editor makes, record for record.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { RegType } from '../../../src/core/gpo/model';
import { readRegistryPol, readRegistryPolRecords } from '../../../src/core/gpo/read-registry-pol';
import { lintRegistryPol } from '../../../src/core/lint/lint-file';
import { policyFacts } from '../../../src/core/rules/xrf/facts';
import { writeRegistryPol, type PolRecordInput } from '../../support/registry-pol-writer';

const KEYS = [
  'SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services',
  'Software\\Policies\\Microsoft\\Windows NT\\Terminal Services\\Client',
  'SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp',
  'SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp-2',
  'SYSTEM\\ControlSet001\\Control\\Terminal Server',
  'SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0',
  'SYSTEM\\CurrentControlSet\\Services\\Netlogon\\Parameters',
  'Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\Kerberos\\Parameters',
  'SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server',
  'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules',
  'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile',
  'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\StandardProfile\\Services\\RemoteDesktop',
  'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\StandardProfile',
  'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile',
  'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile',
  'SOFTWARE\\Policies\\Microsoft\\Windows NT',
  'SOFTWARE\\Policies\\Vendor\\Product\\Settings',
];
const NAMES = [
  'fDenyTSConnections', 'UserAuthentication', 'SecurityLayer', 'MinEncryptionLevel', 'PortNumber', 'fEnableWinStation',
  'AllowUnsignedFiles', 'TrustedCertThumbprints', 'RestrictSendingNTLMTraffic', 'ClientAllowedNTLMServers', 'NTLMMinClientSec',
  'RestrictNTLMInDomain', 'TryIPSPN', 'Enabled', 'DisabledByDefault', 'EnableFirewall', 'DefaultInboundAction', 'RemoteAddresses',
  'RemoteDesktop-UserMode-In-TCP', 'DisableNotifications', 'SomethingElse', '',
];
const RULE = 'v2.30|Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort=3389|Name=Block RDP|';

const record: fc.Arbitrary<PolRecordInput> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ key: fc.constantFrom(...KEYS), valueName: fc.constantFrom(...NAMES), type: fc.constant<RegType>('REG_DWORD'), data: fc.integer({ min: 0, max: 5 }) }) },
  { weight: 3, arbitrary: fc.record({ key: fc.constantFrom(...KEYS), valueName: fc.constantFrom(...NAMES), type: fc.constantFrom<RegType>('REG_SZ', 'REG_EXPAND_SZ'), data: fc.constantFrom('1', 'RDSH01', RULE, '*') }) },
  { weight: 1, arbitrary: fc.record({ key: fc.constantFrom(...KEYS), valueName: fc.constantFrom(...NAMES), type: fc.constant<RegType>('REG_MULTI_SZ'), data: fc.constant(['RDSH01', '127.0.0.1']) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      key: fc.constantFrom(...KEYS),
      valueName: fc.oneof(fc.constantFrom(...NAMES).map((n) => `**del.${n}`), fc.constantFrom('**delvals.', '**DeleteValues')),
      type: fc.constant<RegType>('REG_SZ'),
      data: fc.constantFrom(' ', 'UserAuthentication;SecurityLayer', 'Terminal Services'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ key: fc.constantFrom(...KEYS), valueName: fc.constant('**DeleteKeys'), type: fc.constant<RegType>('REG_SZ'), data: fc.constantFrom('Terminal Services', 'Client;Other') }) },
  { weight: 1, arbitrary: fc.record({ key: fc.constantFrom(...KEYS), valueName: fc.constant(''), type: fc.constant<RegType>('REG_NONE'), data: fc.constant(null) }) },
);

describe('Registry.pol read for the lint only', () => {
  it('gives the findings, problems and cross-check facts of the full read', () => {
    let kept = 0;
    let all = 0;
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.constantFrom('Machine/Registry.pol', 'User/Registry.pol'), (records, path) => {
        const bytes = writeRegistryPol(records);
        const located = (f: { ruleId: string; severity: string; message: string; location?: unknown }) => {
          const at = f.location as { record?: number; byteOffset?: number } | undefined;
          return `${f.ruleId} ${f.severity} ${at?.record}@${at?.byteOffset} ${f.message}`;
        };
        const lean = lintRegistryPol(bytes, { path, view: false });
        const full = lintRegistryPol(bytes, { path, view: true });
        // In the order the report lists them (by record; without a view every span is empty, so the engine's order differs).
        assert.deepEqual(lean.findings.map(located).sort(), full.findings.map(located).sort());
        assert.deepEqual(
          lean.problems.map((p) => `${p.severity} ${p.message}`),
          full.problems.map((p) => `${p.severity} ${p.message}`),
        );
        const facts = (doc: typeof lean.policy) => policyFacts(doc, (s) => `${s.source.record}@${s.source.byteOffset}`);
        assert.deepEqual(facts(lean.policy), facts(full.policy));
        kept += readRegistryPolRecords(bytes).doc.settings.length;
        all += readRegistryPol(bytes).doc.settings.length;
      }),
      { numRuns: 500 },
    );
    // Values were left out, and values were kept: both paths were taken.
    assert.ok(kept > 0 && kept < all, `${kept} of ${all} settings kept`);
  });

  it('keeps any value of the Private and Public profiles, which makes GPO001 ignore the Standard profile (a session 29 review)', () => {
    const bytes = writeRegistryPol([
      { key: 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile', valueName: 'DisableNotifications', type: 'REG_DWORD', data: 1 },
      { key: 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\StandardProfile', valueName: 'EnableFirewall', type: 'REG_DWORD', data: 1 },
      { key: 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\StandardProfile\\Services\\RemoteDesktop', valueName: 'Enabled', type: 'REG_DWORD', data: 0 },
      { key: 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile', valueName: 'EnableFirewall', type: 'REG_DWORD', data: 1 },
      { key: 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile\\Services\\RemoteDesktop', valueName: 'Enabled', type: 'REG_DWORD', data: 0 },
    ]);
    const rules = (view: boolean) => lintRegistryPol(bytes, { path: 'Machine/Registry.pol', view }).findings.map((f) => `${f.ruleId} ${f.message}`).sort();
    assert.deepEqual(rules(false), rules(true));
    assert.ok(readRegistryPolRecords(bytes).doc.settings.some((s) => s.valueName === 'DisableNotifications'));
  });

  it('leaves out the values no rule reads, and keeps deletions of keys', () => {
    const bytes = writeRegistryPol([
      { key: 'SOFTWARE\\Policies\\Vendor\\Product\\Settings', valueName: 'Anything', type: 'REG_DWORD', data: 1 },
      { key: 'SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0', valueName: 'NTLMMinClientSec', type: 'REG_DWORD', data: 0x20080000 },
      { key: 'SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0', valueName: 'RestrictSendingNTLMTraffic', type: 'REG_DWORD', data: 2 },
      { key: 'SOFTWARE\\Policies\\Microsoft\\Windows NT', valueName: '**DeleteKeys', type: 'REG_SZ', data: 'Terminal Services' },
    ]);
    const settings = readRegistryPolRecords(bytes).doc.settings.map((s) => `${s.action} ${s.key}\\${s.valueName}`);
    assert.deepEqual(settings, ['set SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0\\RestrictSendingNTLMTraffic', 'delete-key SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\']);
    assert.equal(readRegistryPol(bytes).doc.settings.length, 4);
  });
});
