import type { HostCheckResult } from '../net/types';
import { STEP_LABEL, STEP_ORDER } from '../net/ladder';
import { fixesForRule } from '../fixes/index';
import { ruleById } from '../rules/registry';
import { causeVerdicts, type Verdict } from './cause-verdicts';
import { mainCodeTitle, type Explanation } from '../knowledge/error-codes/index';

/** What the explainer page shows: the explanation, the host chooser and the verdicts of the latest check of the chosen host. */
export interface ExplainerPage {
  readonly explanation: Explanation;
  /** Keys (`host:port`) of the workspace's hosts, for the chooser. */
  readonly hosts: readonly string[];
  /** The chosen host: a key of `hosts` selects it, anything else fills the text field. */
  readonly host?: string;
  /** The latest check of the chosen host. */
  readonly result?: HostCheckResult;
  /** Allows the page's one style and one script block (Content Security Policy). */
  readonly nonce: string;
  /** The webview's `cspSource`. */
  readonly cspSource: string;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  found: 'Found',
  'ruled-out': 'Ruled out',
  'not-determined': 'Not determined',
};

/** A `command:` link the webview allows (its `enableCommandUris` list). */
function commandHref(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** The title of the page and of its tab. */
export function explainerTitle(e: Explanation): string {
  return `${mainCodeTitle(e, e.code)}${e.extended ? ` / ${e.extended.code}` : ''}`;
}

function codeLine(label: string, code: string, decimal: number, name: string, meaning: string): string {
  return `<dt>${label}<code>${escapeHtml(code)}</code> (${decimal}) <code>${escapeHtml(name)}</code></dt>\n<dd>${escapeHtml(meaning)}</dd>`;
}

function meaningSection(e: Explanation): string {
  const codes = [codeLine('', e.code, e.decimal, e.name, e.meaning)];
  if (e.extended) codes.push(codeLine('Extended ', e.extended.code, e.extended.decimal, e.extended.name, e.extended.meaning));
  const sources = e.sources.map((s) => `<li>${s.url ? `<a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a>` : escapeHtml(s.title)}</li>`);
  return [
    '<section aria-labelledby="meaning-heading">',
    '<h2 id="meaning-heading">Meaning</h2>',
    `<dl>\n${codes.join('\n')}\n</dl>`,
    e.unverified ? '<p class="note">Parts of this come from secondary sources that no primary source confirms.</p>' : '',
    sources.length ? `<h3>Sources</h3>\n<ul class="sources">\n${sources.join('\n')}\n</ul>` : '',
    '</section>',
  ].filter(Boolean).join('\n');
}

function causesSection(e: Explanation): string {
  const body = e.likelyCauses.length
    ? `<ol>\n${e.likelyCauses.map((c) => `<li>${escapeHtml(c)}</li>`).join('\n')}\n</ol>`
    : '<p>No source names a likely cause for this code.</p>';
  return `<section aria-labelledby="causes-heading">\n<h2 id="causes-heading">Likely causes</h2>\n${body}\n</section>`;
}

function ruleCell(id: string): string {
  const rule = ruleById(id);
  const link = `<a href="${escapeHtml(commandHref('rdpDoctor.showRuleDocs', [id]))}" title="Show the documentation of ${escapeHtml(id)}">${escapeHtml(id)}</a>`;
  if (!rule) return link;
  return `${link} <span class="rule-name">${escapeHtml(rule.name)}</span><div class="description">${escapeHtml(rule.description)}</div>`;
}

/** Links that insert the PowerShell fixes of a rule the check found, filled with the checked host. */
function fixLinks(ruleId: string, result: HostCheckResult): string {
  const target = { target: result.target, host: result.host, port: result.port, name: result.name };
  const links = fixesForRule(ruleId).map(
    (fix) => `<li><a href="${escapeHtml(commandHref('rdpDoctor.insertPowerShellFix', [{ fixId: fix.id, target }]))}">PowerShell fix: ${escapeHtml(fix.title)}</a></li>`,
  );
  return links.length ? `\n<ul class="fixes">${links.join('')}</ul>` : '';
}

function ladder(result: HostCheckResult): string {
  const steps = STEP_ORDER.map((s) => `${STEP_LABEL[s]} ${result.steps[s].status}`).join(' · ');
  const address = `${result.host}:${result.port}`;
  const what = result.target === result.host || result.target === address ? '' : ` (${escapeHtml(address)})`;
  return `<p class="summary">Checked <strong>${escapeHtml(result.target)}</strong>${what}: ${escapeHtml(steps)}.${result.cancelled ? ' The check was cancelled.' : ''}</p>`;
}

/** The verdicts block: one row per cause check, with what the latest check of the host says about it. */
export function verdictsHtml(e: Explanation, result: HostCheckResult | undefined): string {
  if (e.checks.length === 0) return '';
  const verdicts = result ? causeVerdicts(e, result) : undefined;
  const rows = e.checks.map((id, i) => {
    const v = verdicts?.[i];
    const verdict = v ? `<span class="verdict ${v.verdict}">${VERDICT_LABELS[v.verdict]}</span>` : '<span class="verdict not-checked">Not checked</span>';
    const fixes = v?.verdict === 'found' && result ? fixLinks(id, result) : '';
    return `<tr>\n<th scope="row">${ruleCell(id)}</th>\n<td>${verdict}</td>\n<td>${v ? escapeHtml(v.detail) : ''}${fixes}</td>\n</tr>`;
  });
  return [
    result ? ladder(result) : '<p class="summary">Choose a host and run the checks to see which of these it shows.</p>',
    '<table>',
    '<thead><tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Details</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function hostChooser(hosts: readonly string[], host: string | undefined): string {
  const known = host !== undefined && hosts.includes(host);
  const select = hosts.length
    ? [
        '<div class="field">',
        '<label for="known-host">Host of the workspace</label>',
        '<select id="known-host">',
        ...hosts.map((h) => `<option value="${escapeHtml(h)}"${h === host ? ' selected' : ''}>${escapeHtml(h)}</option>`),
        '</select>',
        '</div>',
      ]
    : [];
  return [
    '<form id="check-form">',
    ...select,
    '<div class="field">',
    `<label for="host">${hosts.length ? 'Or another host' : 'Host'} (host or host:port)</label>`,
    `<input id="host" type="text" spellcheck="false" placeholder="rdsh01.contoso.com:3389" value="${known ? '' : escapeHtml(host ?? '')}">`,
    '</div>',
    '<button id="run" type="submit">Run checks</button>',
    '</form>',
    '<p id="status" role="status" aria-live="polite"></p>',
  ].join('\n');
}

function checksSection(page: ExplainerPage): string {
  const e = page.explanation;
  const body = e.checks.length
    ? `${hostChooser(page.hosts, page.host)}\n<div id="verdicts">\n${verdictsHtml(e, page.result)}\n</div>`
    : '<p>No check of RDP Doctor tells these causes apart.</p>';
  return `<section aria-labelledby="checks-heading">\n<h2 id="checks-heading">Checks that tell the causes apart</h2>\n${body}\n</section>`;
}

const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); line-height: 1.5; padding: 0 1.5em 2em; max-width: 72em; }
h1 { font-size: 1.6em; font-weight: 600; }
h2 { font-size: 1.25em; font-weight: 600; margin-top: 1.6em; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
h3 { font-size: 1em; font-weight: 600; }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 0.25em; border-radius: 3px; }
dt { margin-top: 0.5em; } dd { margin-left: 1.5em; }
a { color: var(--vscode-textLink-foreground); } a:hover { color: var(--vscode-textLink-activeForeground); }
a:focus-visible, button:focus-visible, input:focus, select:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.note, .description, .summary { color: var(--vscode-descriptionForeground); }
.rule-name { font-weight: 600; }
form { display: flex; flex-wrap: wrap; gap: 0.75em; align-items: flex-end; margin: 0.75em 0; }
.field { display: flex; flex-direction: column; gap: 0.25em; }
input, select { color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); padding: 0.25em 0.4em; font: inherit; min-width: 16em; }
select { color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border-color: var(--vscode-dropdown-border, transparent); }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 0.3em 1em; font: inherit; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); } button:disabled { opacity: 0.6; cursor: default; }
#status.error { color: var(--vscode-errorForeground); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.4em 0.6em; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
thead th { color: var(--vscode-descriptionForeground); font-weight: 600; }
tbody th { font-weight: normal; }
.verdict { font-weight: 600; white-space: nowrap; }
.verdict.found { color: var(--vscode-errorForeground); }
.verdict.ruled-out { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.verdict.not-determined, .verdict.not-checked { color: var(--vscode-descriptionForeground); }
`;

// Posts the chosen host to the extension, and shows what it posts back. Every string it receives is already escaped HTML or plain text.
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const form = document.getElementById('check-form');
  if (!form) return;
  const select = document.getElementById('known-host');
  const input = document.getElementById('host');
  const button = document.getElementById('run');
  const status = document.getElementById('status');
  const verdicts = document.getElementById('verdicts');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'check', host: input.value.trim() || (select ? select.value : '') });
  });
  if (select) select.addEventListener('change', () => {
    input.value = '';
    vscode.postMessage({ type: 'select', host: select.value });
  });
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'status') {
      status.textContent = message.text;
      status.classList.toggle('error', Boolean(message.error));
      button.disabled = Boolean(message.busy);
    } else if (message.type === 'verdicts') {
      verdicts.innerHTML = message.html;
    }
  });
})();
`;

/** The whole explainer page, with a strict Content Security Policy: no remote content, one nonce'd style and script. */
export function explainerHtml(page: ExplainerPage): string {
  const e = page.explanation;
  const nonce = escapeHtml(page.nonce);
  const csp = `default-src 'none'; style-src ${page.cspSource} 'nonce-${page.nonce}'; script-src 'nonce-${page.nonce}';`;
  const heading = `${mainCodeTitle(e, `<code>${escapeHtml(e.code)}</code>`)}${e.extended ? ` / extended <code>${escapeHtml(e.extended.code)}</code>` : ''}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<title>${escapeHtml(explainerTitle(e))}</title>`,
    `<style nonce="${nonce}">${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${heading}</h1>`,
    meaningSection(e),
    causesSection(e),
    checksSection(page),
    '</main>',
    `<script nonce="${nonce}">${SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
