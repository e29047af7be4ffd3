import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { explain, type Explanation } from '../../../src/core/knowledge/error-codes/index';
import { escapeHtml, explainerHtml, explainerTitle, verdictsHtml, type ExplainerPage } from '../../../src/core/explain/explanation-html';
import { EXPIRED, REFUSED } from './host-results';

function explained(code: string, extended?: string): Explanation {
  const e = explain(code, extended);
  assert.ok(!('error' in e), 'error' in e ? e.error : '');
  return e;
}

const PAIR = explained('0x904', '0x7');
const NONCE = 'bm9uY2Ux';
const CSP_SOURCE = 'https://webview.example';
const page = (extra: Partial<ExplainerPage> = {}): string =>
  explainerHtml({ explanation: PAIR, hosts: [], nonce: NONCE, cspSource: CSP_SOURCE, ...extra });

const HOSTILE = `<img src=x onerror="alert('x')">&amp;`;

describe('escapeHtml', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['plain text.', 'plain text.'],
    ['<script>', '&lt;script&gt;'],
    ['a & b', 'a &amp; b'],
    ['"quoted" \'single\'', '&quot;quoted&quot; &#39;single&#39;'],
    ['&amp;', '&amp;amp;'],
    ['HKLM\\SYSTEM', 'HKLM\\SYSTEM'],
  ];
  for (const [text, html] of cases) it(`escapes ${JSON.stringify(text)}`, () => assert.equal(escapeHtml(text), html));

  it('leaves no markup characters, and decodes back to the input', () => {
    const decode = (html: string): string =>
      html.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
    fc.assert(
      fc.property(fc.string(), (text) => {
        const html = escapeHtml(text);
        assert.doesNotMatch(html, /[<>"']/);
        assert.equal(decode(html), text);
      }),
    );
  });
});

describe('explainerHtml', () => {
  it('has a strict Content Security Policy: nothing remote, one nonce for the style and the script', () => {
    const html = page();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.equal(csp, `default-src 'none'; style-src ${CSP_SOURCE} 'nonce-${NONCE}'; script-src 'nonce-${NONCE}';`);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    const tags = html.match(/<(script|style)\b[^>]*>/g) ?? [];
    assert.deepEqual(tags, [`<style nonce="${NONCE}">`, `<script nonce="${NONCE}">`]);
    assert.doesNotMatch(html, /\s(src|srcset)=/, 'the page loads nothing');
    assert.doesNotMatch(html, /\sstyle="|\son[a-z]+=/, 'no inline style or event attributes');
  });

  it('shows the codes, the meanings, the causes and the sources with their links', () => {
    const html = page();
    assert.match(html, /<title>Error code 0x904 \/ 0x7<\/title>/);
    assert.match(html, /<h1>Error code <code>0x904<\/code> \/ extended <code>0x7<\/code><\/h1>/);
    assert.ok(html.includes(`<code>disconnectReasonAtClientWinsockFDCLOSE</code></dt>\n<dd>${escapeHtml(PAIR.meaning)}</dd>`));
    assert.match(PAIR.meaning, /^Socket closed/);
    assert.match(html, /<dd>The server denied the connection\.<\/dd>/);
    assert.match(html, /<h2 id="causes-heading">Likely causes<\/h2>/);
    for (const cause of PAIR.likelyCauses) assert.ok(html.includes(`<li>${escapeHtml(cause)}</li>`), cause);
    for (const source of PAIR.sources.filter((s) => s.url)) assert.ok(html.includes(`<a href="${escapeHtml(source.url!)}">`), source.title);
    assert.match(html, /<h2 id="checks-heading">Checks that tell the causes apart<\/h2>/);
  });

  it('offers the known hosts, a labelled field and a button, and marks the chosen host', () => {
    const html = page({ hosts: ['rdsh01.contoso.com:3389', 'rdsh02.contoso.com:3389'], host: 'rdsh02.contoso.com:3389' });
    assert.match(html, /<label for="known-host">Host of the workspace<\/label>/);
    assert.match(html, /<option value="rdsh01.contoso.com:3389">rdsh01.contoso.com:3389<\/option>/);
    assert.match(html, /<option value="rdsh02.contoso.com:3389" selected>/);
    assert.match(html, /<label for="host">Or another host \(host or host:port\)<\/label>/);
    assert.match(html, /<input id="host" [^>]*value="">/);
    assert.match(html, /<button id="run" type="submit">Run checks<\/button>/);
    assert.match(html, /<p id="status" role="status" aria-live="polite"><\/p>/);
  });

  it('without known hosts there is only the field; a typed host fills it', () => {
    const html = page({ host: 'rdsh09:3390' });
    assert.doesNotMatch(html, /<select/);
    assert.match(html, /<label for="host">Host \(host or host:port\)<\/label>/);
    assert.match(html, /value="rdsh09:3390"/);
  });

  it('escapes every dynamic string', () => {
    const hostile: Explanation = {
      ...PAIR,
      code: HOSTILE,
      name: HOSTILE,
      meaning: HOSTILE,
      extended: { code: HOSTILE, decimal: 7, name: HOSTILE, meaning: HOSTILE },
      likelyCauses: [HOSTILE],
      checks: ['NET002', HOSTILE],
      sources: [{ title: HOSTILE, url: `https://example.com/"><script>x</script>` }],
    };
    const html = explainerHtml({ explanation: hostile, hosts: [HOSTILE], host: HOSTILE, result: { ...REFUSED, target: HOSTILE }, nonce: NONCE, cspSource: CSP_SOURCE });
    assert.ok(!html.includes('<img'), 'an element from the data');
    assert.equal(html.match(/<script\b/g)?.length, 1);
    assert.ok(html.includes(escapeHtml(HOSTILE)));
  });

  it('an explanation without checks says so and offers no host chooser', () => {
    const html = page({ explanation: explained('0x1') });
    assert.match(html, /No check of RDP Doctor tells these causes apart\./);
    assert.doesNotMatch(html, /<form/);
  });

  it('the title names both codes', () => {
    assert.equal(explainerTitle(PAIR), 'Error code 0x904 / 0x7');
    assert.equal(explainerTitle(explained('2308')), 'Error code 0x904');
  });

  it('a number that is no OnDisconnected code is titled with the family it is read in, not "Error code"', () => {
    assert.equal(explainerTitle(explained('0x4')), 'Extended error code 0x4');
    assert.equal(explainerTitle(explained('0x11')), 'Server error info 0x11');
    assert.match(page({ explanation: explained('0x4') }), /<h1>Extended error code <code>0x4<\/code><\/h1>/);
  });

  it('a pair whose first code is read in another family is titled with the "Error code" it was given as', () => {
    const pair = explained('0x4', '0x0');
    assert.equal(explainerTitle(pair), 'Error code 0x4 (read as an extended error code) / 0x0');
    assert.match(page({ explanation: pair }), /<h1>Error code <code>0x4<\/code> \(read as an extended error code\) \/ extended <code>0x0<\/code><\/h1>/);
  });
});

describe('verdictsHtml', () => {
  it('before a check: every row "Not checked", with a link to the rule docs', () => {
    const html = verdictsHtml(PAIR, undefined);
    assert.match(html, /Choose a host and run the checks/);
    assert.equal(html.match(/Not checked/g)?.length, PAIR.checks.length);
    assert.match(html, /<a href="command:rdpDoctor\.showRuleDocs\?%5B%22NET002%22%5D" title="Show the documentation of NET002">NET002<\/a> <span class="rule-name">tcp-refused<\/span>/);
    assert.match(html, /<th scope="col">Check<\/th><th scope="col">Result<\/th><th scope="col">Details<\/th>/);
  });

  it('after a check: found, ruled out and not determined, with the details', () => {
    const html = verdictsHtml(PAIR, REFUSED);
    assert.match(html, /Checked <strong>rdsh01\.contoso\.com<\/strong>: DNS ok · TCP error · Negotiation skipped · TLS skipped · Certificate skipped\./);
    const row = (id: string): string => html.split('<tr>').find((r) => r.includes(`%22${id}%22`)) ?? '';
    assert.match(row('NET002'), /<span class="verdict found">Found<\/span><\/td>\n<td>The connection to 10\.0\.0\.5:3389 was refused\.\n<ul class="fixes">/);
    assert.match(row('NET003'), /<span class="verdict ruled-out">Ruled out<\/span><\/td>\n<td>TCP: No connection to port 3389\.<\/td>/);
    assert.match(row('NET020'), /<span class="verdict not-determined">Not determined<\/span><\/td>\n<td>Certificate: Not reached\.<\/td>/);
    assert.match(row('GPO001'), /Not determined<\/span><\/td>\n<td>Read from the server&#39;s policy export/);
  });

  it('a full check marks the certificate findings', () => {
    const html = verdictsHtml(PAIR, EXPIRED);
    assert.match(html, /%22NET020%22[\s\S]*?<span class="verdict found">Found<\/span>/);
  });

  it('a found cause links to its PowerShell fixes for the checked host; a ruled-out one does not', () => {
    const html = verdictsHtml(PAIR, REFUSED);
    const row = (id: string): string => html.split('<tr>').find((r) => r.includes(`%22${id}%22`)) ?? '';
    const expected = encodeURIComponent(JSON.stringify([{ fixId: 'open-firewall', target: { target: REFUSED.target, host: REFUSED.host, port: REFUSED.port, name: REFUSED.name } }]));
    assert.ok(row('NET002').includes(`href="command:rdpDoctor.insertPowerShellFix?${escapeHtml(expected)}"`), row('NET002'));
    assert.match(row('NET002'), /PowerShell fix: Enable the Remote Desktop firewall rules/);
    assert.doesNotMatch(row('NET003'), /insertPowerShellFix/);
  });

  it('names the address when the target was written otherwise (a .rdp file, a name with another port)', () => {
    const html = verdictsHtml(PAIR, { ...REFUSED, target: 'lab/lab-server.rdp' });
    assert.match(html, /Checked <strong>lab\/lab-server\.rdp<\/strong> \(rdsh01\.contoso\.com:3389\): DNS ok/);
  });

  it('is empty for an explanation without checks', () => assert.equal(verdictsHtml(explained('0x1'), REFUSED), ''));
});
