import { mainCodeTitle, type Explanation } from '../core/knowledge/error-codes/index';
import { ruleById } from '../core/rules/registry';
import { terminalSafe } from '../core/text/terminal';
import { NO_PAINT, type Paint } from './output';

/** Inline Markdown as a terminal shows it: emphasis and code marks dropped, links as `text <url>`. */
export function plainInline(text: string): string {
  return terminalSafe(
    text
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 <$2>')
      .replace(/\*\*([^*]+)\*\*/g, '$1')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1$2'),
  );
}

/**
 * The commands whose results tell this code's causes apart: `check` for the listener, `lint` for files and exports. None
 * for an Azure Virtual Desktop error: its session hosts take no direct connection (reverse connect), so `check` has
 * nothing to probe, and no rule reads its causes.
 */
function nextSteps(checks: readonly string[], family: Explanation['family']): [string, string][] {
  const steps: [string, string][] = [];
  if (family === 'avd') return steps;
  if (checks.some((id) => id.startsWith('NET'))) {
    steps.push(['rdp-doctor check HOST', 'DNS, port, security negotiation, TLS and certificate of the listener']);
    steps.push(['rdp-doctor check FILE.rdp', 'the same, for the host and port a connection file names']);
  }
  if (checks.some((id) => /^(RDP|XRF)/.test(id))) steps.push(['rdp-doctor lint FILE.rdp', 'the connection file the client used']);
  if (checks.some((id) => /^(GPO|XRF)/.test(id))) steps.push(['rdp-doctor lint EXPORT', 'a Group Policy report, gpresult XML, .reg or Registry.pol export of the server']);
  if (steps.length === 0) steps.push(['rdp-doctor check HOST', 'DNS, port, security negotiation, TLS and certificate of the listener']);
  return steps;
}

/** An explanation for a terminal: headings, bullet lists and links as `text <url>`, ending with the commands to run next. */
export function formatExplanationText(e: Explanation, paint: Paint = NO_PAINT): string {
  const heading = (text: string): string => paint('bold', text);
  const bullet = (text: string): string => `  • ${text}`;
  const title = e.family ? mainCodeTitle(e, e.code) : e.code;
  const out = [heading(`${title}${e.extended ? ` / extended ${e.extended.code}` : ''}`), ''];
  out.push(`${paint('bold', e.code)} (${e.decimal}) ${paint('cyan', e.name)}`, `  ${plainInline(e.meaning)}`);
  if (e.extended) out.push('', `${paint('bold', `Extended ${e.extended.code}`)} (${e.extended.decimal}) ${paint('cyan', e.extended.name)}`, `  ${plainInline(e.extended.meaning)}`);
  if (e.likelyCauses.length) out.push('', heading('Likely causes'), ...e.likelyCauses.map((c) => bullet(plainInline(c))));
  if (e.checks.length) {
    out.push('', heading('Checks that tell the causes apart'));
    for (const id of e.checks) {
      const rule = ruleById(id);
      out.push(bullet(rule ? `${paint('bold', id)} ${rule.name}: ${plainInline(rule.description)}` : id));
    }
  }
  if (e.unverified) out.push('', paint('dim', 'Parts of this come from secondary sources that no primary source confirms.'));
  if (e.sources.length) out.push('', heading('Sources'), ...e.sources.map((s) => bullet(s.url ? `${plainInline(s.title)} <${s.url}>` : plainInline(s.title))));
  const steps = nextSteps(e.checks, e.family);
  const width = Math.max(...steps.map(([command]) => command.length));
  if (steps.length) out.push('', heading('Next'), ...steps.map(([command, what]) => `  ${paint('green', command.padEnd(width))}  ${what}`));
  return out.join('\n') + '\n';
}
