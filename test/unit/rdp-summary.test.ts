// The lint worker sends back a summary of its parse (src/core/rdp/summary.ts), copied between threads: what the
// editor reads of a large document's target from it must be what it reads from the whole parse, and the lint it sends
// must be the extension host's lint, copied.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintParsedRdp, lintRdpDetached } from '../../src/core/lint/lint-file';
import { fileCheckFacts } from '../../src/core/rdp/check-facts';
import { uncheckableReason } from '../../src/core/rdp/hyperv-console';
import { parseRdp, type RdpDocument } from '../../src/core/rdp/parse';
import { summarizeRdp, summaryDocument } from '../../src/core/rdp/summary';
import { rdpGateway, rdpTarget } from '../../src/core/rdp/target';
import { rdpFacts } from '../../src/core/rules/xrf/facts';

const ROOT = join(__dirname, '../../..');

/** Files of every shape the target reads: both addresses, repeated names, gateways, strict authentication, a VM console. */
const TEXTS: Record<string, string> = {
  ...Object.fromEntries(
    ['examples', 'test/fixtures/rdp'].flatMap((dir) =>
      readdirSync(join(ROOT, dir))
        .filter((n) => n.endsWith('.rdp'))
        .map((n) => [`${dir}/${n}`, readFileSync(join(ROOT, dir, n), 'latin1')]),
    ),
  ),
  repeated: 'full address:s:a.contoso.localhost\r\nserver port:i:3390\r\nfull address:s:b.contoso.localhost:3391\r\nusername:s:CONTOSO\\ann\r\nunknownname:s:x\r\nusername:s:bob\r\n',
  alternate: 'full address:s:10.0.0.5\r\nalternate full address:s:rdsh.contoso.localhost\r\nauthentication level:i:1\r\nenablecredsspsupport:i:0\r\nenablerdsaadauth:i:1\r\n',
  gateway: 'full address:s:rdsh.contoso.localhost\r\ngatewayusagemethod:i:1\r\ngatewayhostname:s:gw.contoso.localhost\r\nnegotiate security layer:i:0\r\n',
  console: 'full address:s:hv01.contoso.localhost:2179\r\npcb:s:0F8E6A2B-1C3D-4E5F-8A9B-0C1D2E3F4A5B\r\n',
  'odd names': '  Full Address :s:a.contoso.localhost\n\nnot a property\nserver port:i:3392\r\ndomain:s:CONTOSO\r',
  none: 'redirectclipboard:i:1\r\n',
};

/** Everything the editor reads of a document's target, its check facts and its cross-check facts. */
function targetView(doc: RdpDocument): unknown {
  return { target: rdpTarget(doc), gateway: rdpGateway(doc), check: fileCheckFacts([doc]), facts: rdpFacts(doc, (span) => span), uncheckable: uncheckableReason(doc) };
}

describe('the summary of a parse', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`reads ${name}'s target, check facts and cross-check facts as the parse does, copied to another thread`, () => {
      const summary = structuredClone(summarizeRdp(parseRdp(text)));
      assert.deepEqual(targetView(summaryDocument(text, summary)), targetView(parseRdp(text)));
    });
  }

  it('holds one entry a known property, however many lines repeat it or name unknown properties', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 'redirectclipboard:i:1' : i % 3 === 1 ? `full address:s:h${i}.invalid` : `unknownprop${i}:s:x`));
    const summary = summarizeRdp(parseRdp(lines.join('\r\n')));
    assert.deepEqual(
      summary.entries.map((e) => [e.line, e.key]),
      [
        [2997, 'redirectclipboard'],
        [2998, 'full address'],
      ],
    );
  });
});

describe('the lint worker\'s lint', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`of ${name} is the extension host's, copied to another thread`, () => {
      const options = { severities: { RDP012: 'error' as const }, fileName: 'Default.rdp', folderName: 'Documents' };
      const detached = structuredClone(lintRdpDetached(text, options));
      const { findings, problems, omitted } = lintParsedRdp(parseRdp(text), options);
      assert.deepEqual({ findings: detached.findings, problems: detached.problems, omitted: detached.omitted }, { findings, problems, omitted });
      assert.equal(detached.signed, /^[ \t]*signature[ \t]*:/im.test(text));
    });
  }
});
