// Group Policy Preferences item-level targeting (`<Filters>` on an item or a collection around it): the item applies
// only where its filters match, which no export can tell, so a finding says so and is never a certain error (a
// review: a registry item targeted at `FilterComputer name="NOTTHISONE"` was reported as if it always applied).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readGppRegistryFile } from '../../../src/core/gpo/read-gpp-file';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { crossCheck } from '../../../src/core/rules/xrf/cross-check';
import { policyFacts } from '../../../src/core/rules/xrf/facts';
import { XRF_RULES } from '../../../src/core/rules/xrf/index';
import { TS, lintExport, rdpInput } from './helpers';

const FILTER = '<Filters><FilterComputer bool="AND" not="0" type="NETBIOS" name="NOTTHISONE"/></Filters>';
const COLLECTION = '{53B533F5-224C-47e3-B01B-CA3B3F3FF4BF}';

/** A registry item setting `name` to DWORD `value` under the Terminal Services policy key, with `after` inside the item. */
function item(name: string, value: number, after = ''): string {
  return `<Registry clsid="{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}" name="${name}"><Properties action="U" hive="HKEY_LOCAL_MACHINE" key="${TS}" name="${name}" type="REG_DWORD" value="0000000${value}"/>${after}</Registry>`;
}

const registryXml = (inner: string): string => `<?xml version="1.0" encoding="utf-8"?>\r\n<RegistrySettings clsid="{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}">${inner}</RegistrySettings>\r\n`;

describe('GPP item-level targeting', () => {
  it('marks an item with filters, or inside a collection with filters, as targeted; an empty <Filters/> is no targeting', () => {
    const doc = readGppRegistryFile(
      registryXml(`${item('fDenyTSConnections', 1, FILTER)}${item('SecurityLayer', 0, '<Filters/>')}<Collection clsid="${COLLECTION}" name="RDS">${FILTER}<Collection clsid="${COLLECTION}" name="inner">${item('UserAuthentication', 0)}</Collection></Collection>${item('MinEncryptionLevel', 1)}`),
    );
    assert.deepEqual(doc.settings.map((s) => [s.valueName, s.targeted === true]), [
      ['fDenyTSConnections', true],
      ['SecurityLayer', false],
      ['UserAuthentication', true],
      ['MinEncryptionLevel', false],
    ]);
  });

  it('a targeted item is no certain error, and the finding says it is targeted; untargeted, the verdict is unchanged', () => {
    const targeted = lintExport('gpp-registry-xml', registryXml(item('fDenyTSConnections', 1, FILTER))).filter((f) => f.ruleId === 'GPO001');
    assert.deepEqual(targeted.map((f) => f.severity), ['warning']);
    assert.match(targeted[0]!.message, /The preference item is targeted: it applies only where its item-level targeting filters match\.$/);
    const plain = lintExport('gpp-registry-xml', registryXml(item('fDenyTSConnections', 1))).filter((f) => f.ruleId === 'GPO001');
    assert.deepEqual(plain.map((f) => f.severity), ['error']);
    assert.doesNotMatch(plain[0]!.message, /targeted/);
    // A warning stays a warning, with the same note.
    const layer = lintExport('gpp-registry-xml', registryXml(item('SecurityLayer', 0, FILTER))).find((f) => f.ruleId === 'GPO002')!;
    assert.equal(layer.severity, 'warning');
    assert.match(layer.message, /is targeted/);
  });

  it('reads the filters of GPP items in a Get-GPOReport too (the report reader used to skip every Filters element)', () => {
    const gpp = 'http://www.microsoft.com/GroupPolicy/Settings/Windows/Registry';
    const inner = item('fDenyTSConnections', 1, FILTER).replace(/<(\/?)(\w+)/g, '<$1q2:$2');
    const report = `<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
  <Name>Targeted</Name>
  <Computer>
    <ExtensionData>
      <Extension xmlns:q2="${gpp}" xsi:type="q2:RegistrySettings">
        <q2:RegistrySettings clsid="{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}">${inner}</q2:RegistrySettings>
      </Extension>
      <Name>Windows Registry</Name>
    </ExtensionData>
  </Computer>
</GPO>
`;
    assert.deepEqual(readGpoReport(report).settings.map((s) => [s.valueName, s.targeted]), [['fDenyTSConnections', true]]);
  });

  it('XRF001 from a targeted UserAuthentication 1 is a warning that says the item is targeted', () => {
    const facts = (inner: string) => ({ path: 'Registry.xml', facts: policyFacts(readGppRegistryFile(registryXml(inner)), (s) => `Registry.xml:${s.source.span.start}`) });
    const client = rdpInput('full address:s:rdsh01.contoso.com\nenablecredsspsupport:i:0\n');
    const found = crossCheck(XRF_RULES, { rdpFiles: [client], exports: [facts(item('UserAuthentication', 1, FILTER))] });
    assert.deepEqual(found.map((f) => `${f.ruleId} ${f.severity}`), ['XRF001 warning']);
    assert.match(found[0]!.message, /the server may require it \("UserAuthentication" is 1 in Registry\.xml by a Group Policy Preferences item with item-level targeting, which applies only where its filters match\)/);
    assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [client], exports: [facts(item('UserAuthentication', 1))] }).map((f) => `${f.ruleId} ${f.severity}`), ['XRF001 error']);
  });
});
