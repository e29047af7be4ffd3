// Generates the GPO benchmark inputs into bench/data (gitignored): a 20 MB `Get-GPOReport -All -ReportType Xml`
// file (UTF-16LE with BOM, CRLF, as PowerShell writes it) and a Registry.pol with 100,000 records.
// `node out/bench/gpo-make-data.js [dir]`
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeRegistryPol, type PolRecordInput } from '../test/support/registry-pol-writer';

const TARGET_BYTES = 20 * 1024 * 1024;
const TS = 'SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same file. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'policy setting computer user configure enabled disabled allow prevent default remote desktop session server client network security connection windows group administrative template specifies whether devices when this not configured'.split(' ');

function explain(rnd: () => number): string {
  const length = 300 + Math.floor(rnd() * 1500); // ADML explain texts run from a few lines to several paragraphs
  let out = 'This policy setting ';
  while (out.length < length) out += `${WORDS[Math.floor(rnd() * WORDS.length)]}${rnd() < 0.08 ? '.\n\n' : ' '}`;
  return out.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** Policies of other areas (most of a domain's GPOs), and the RDP ones the rules read. */
const OTHER = ['Turn off Autoplay', 'Prevent installation of devices not described by other policy settings', 'Configure Automatic Updates', 'Turn off Microsoft consumer experiences', 'Allow Telemetry', 'Do not display the lock screen', 'Require a password when a computer wakes (plugged in)', 'Turn off the display (plugged in)'];
const RDP: [string, string, string | undefined, string | undefined][] = [
  ['Require use of specific security layer for remote (RDP) connections', 'Enabled', 'Security Layer', 'SSL'],
  ['Require user authentication for remote connections by using Network Level Authentication', 'Enabled', undefined, undefined],
  ['Set client connection encryption level', 'Enabled', 'Encryption Level', 'High Level'],
  ['Set time limit for disconnected sessions', 'Enabled', 'End a disconnected session', '1 minute'],
  ['Require use of specific security layer for remote (RDP) connections', 'Enabled', 'Security Layer', 'RDP'],
];

function policy(p: string, rnd: () => number, name: string, state: string, label?: string, item?: string): string {
  const dropDown = label ? `\n      <${p}:DropDownList>\n        <${p}:Name>${label}</${p}:Name>\n        <${p}:State>Enabled</${p}:State>\n        <${p}:Value>\n          <${p}:Name>${item}</${p}:Name>\n        </${p}:Value>\n      </${p}:DropDownList>` : '';
  return `    <${p}:Policy>
      <${p}:Name>${name}</${p}:Name>
      <${p}:State>${state}</${p}:State>
      <${p}:Explain>${explain(rnd)}</${p}:Explain>
      <${p}:Supported>At least Windows Server 2016, Windows 10</${p}:Supported>
      <${p}:Category>Windows Components/Example Category/Subcategory</${p}:Category>${dropDown}
    </${p}:Policy>`;
}

function gpo(n: number, rnd: () => number): string {
  const p = `q${1 + (n % 4)}`; // prefixes vary per report, as GPMC assigns them
  const policies: string[] = [];
  const count = 4 + Math.floor(rnd() * 10);
  for (let i = 0; i < count; i++) policies.push(policy(p, rnd, OTHER[Math.floor(rnd() * OTHER.length)]!, rnd() < 0.7 ? 'Enabled' : 'Disabled'));
  if (n % 10 === 0) for (const [name, state, label, item] of RDP.slice(0, 2 + (n % 4))) policies.push(policy(p, rnd, name, state, label, item));
  return `  <GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings">
    <Identifier>
      <Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">{${String(n).padStart(8, '0')}-1111-4A4A-9B9B-0123456789AB}</Identifier>
      <Domain xmlns="http://www.microsoft.com/GroupPolicy/Types">contoso.local</Domain>
    </Identifier>
    <Name>GPO ${n}</Name>
    <IncludeComments>true</IncludeComments>
    <CreatedTime>2024-03-01T09:00:00</CreatedTime>
    <ModifiedTime>2024-03-01T10:00:00</ModifiedTime>
    <ReadTime>2024-03-01T10:05:00.1234567Z</ReadTime>
    <SecurityDescriptor>
      <SDDL xmlns="http://www.microsoft.com/GroupPolicy/Types/Security">O:DAG:DAD:PAI(OA;CI;CR;edacfd8f-ffb3-11d1-b41d-00a0c968f939;;AU)(A;;CCDCLCSWRPWPDTLOSDRCWDWO;;;DA)</SDDL>
      <PermissionsPresent xmlns="http://www.microsoft.com/GroupPolicy/Types/Security">true</PermissionsPresent>
    </SecurityDescriptor>
    <FilterDataAvailable>true</FilterDataAvailable>
    <Computer>
      <VersionDirectory>7</VersionDirectory>
      <VersionSysvol>7</VersionSysvol>
      <Enabled>true</Enabled>
      <ExtensionData>
        <Extension xmlns:${p}="http://www.microsoft.com/GroupPolicy/Settings/Registry" xsi:type="${p}:RegistrySettings">
${policies.join('\n')}
          <${p}:Blocked>false</${p}:Blocked>
        </Extension>
        <Name>Registry</Name>
      </ExtensionData>
    </Computer>
    <User>
      <VersionDirectory>0</VersionDirectory>
      <VersionSysvol>0</VersionSysvol>
      <Enabled>false</Enabled>
    </User>
  </GPO>`;
}

/** The `-All` report: GPOs until the file reaches 20 MB. */
export function makeReport(): Buffer {
  const rnd = random(5);
  const parts = ['<?xml version="1.0" encoding="utf-16"?>\n<report xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'];
  let chars = parts[0]!.length;
  for (let n = 0; chars * 2 < TARGET_BYTES - 64; n++) {
    const g = gpo(n, rnd);
    parts.push(g);
    chars += g.length + 1;
  }
  parts.push('</report>\n');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(parts.join('\n').replace(/\n/g, '\r\n'), 'utf16le')]);
}

/** 100,000 records across a few hundred keys, with deletions and strings as real files mix them. */
export function makePol(count = 100_000): Buffer {
  const records: PolRecordInput[] = [];
  for (let i = 0; i < count; i++) {
    const key = i % 7 === 0 ? TS : `SOFTWARE\\Policies\\Vendor\\Product${i % 300}\\Settings`;
    if (i % 11 === 0) records.push({ key, valueName: `**del.Value${i}`, type: 'REG_SZ', data: ' ' });
    else if (i % 5 === 0) records.push({ key, valueName: `Text${i}`, type: 'REG_SZ', data: `value ${i}` });
    else records.push({ key, valueName: i % 7 === 0 ? 'SecurityLayer' : `Value${i}`, type: 'REG_DWORD', data: i % 3 });
  }
  return writeRegistryPol(records);
}

if (require.main === module) {
  const dir = process.argv[2] ?? join('bench', 'data');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'gpo-report-20mb.xml'), makeReport());
  writeFileSync(join(dir, 'registry-100k.pol'), makePol());
}
