import type { ErrorCodeFamily, ErrorCodeInfo } from './error-code-types';
import { explain, lookupErrorCode, type Explanation } from './error-codes/index';
import type { FoundErrorCode } from './find-error-codes';
import { SOURCES } from './sources';

/** What a hover on a code in free text explains. */
export interface HoverExplanation {
  readonly explanation: Explanation;
  /** How the hovered code is labelled ("Error code", "Extended error code" …). */
  readonly label: string;
  /** The span of the hovered code. */
  readonly start: number;
  readonly end: number;
  /** The argument of `rdpDoctor.explainErrorCode` that opens the same explanation; absent when the explainer reads the number as another family's. */
  readonly explainerArgument?: string;
}

const FAMILY_LABELS: Readonly<Record<ErrorCodeFamily, string>> = {
  disconnect: 'Error code',
  extended: 'Extended error code',
  errinfo: 'Server error info',
  'neg-failure': 'Negotiation failure code',
  logon: 'Logon error',
};

/** The hover shows a few causes; the explainer has them all. */
const HOVER_CAUSES = 3;

/** The explainer's argument for an explanation: the code, and the extended code when there is one. */
export function explainerArgument(e: Explanation): string {
  return e.extended ? `${e.code} ${e.extended.code}` : e.code;
}

/** An entry the explainer would not pick for its number (ERRINFO 0x104 is not disconnect 0x104), as an explanation of its own. */
function entryExplanation(entry: ErrorCodeInfo): Explanation {
  return {
    code: `0x${(entry.code >>> 0).toString(16).toUpperCase()}`,
    decimal: entry.code,
    name: entry.name,
    meaning: entry.meaning,
    extended: null,
    likelyCauses: [...entry.likelyCauses],
    checks: [...entry.checks],
    sources: entry.sources.map((id) => {
      const { title, url } = SOURCES[id];
      return url === undefined ? { title } : { title, url };
    }),
    unverified: Boolean(entry.unverified),
  };
}

/**
 * The explanation for the code at `column`: the pair when the line has a disconnect code and an
 * extended (or server error info) code, otherwise the hovered code in the family its context names.
 */
export function explainAt(found: readonly FoundErrorCode[], column: number): HoverExplanation | undefined {
  const hovered = found.find((f) => column >= f.start && column < f.end);
  if (!hovered) return undefined;
  const span = { start: hovered.start, end: hovered.end, label: FAMILY_LABELS[hovered.family] };
  const main = found.find((f) => f.family === 'disconnect');
  const extended = found.find((f) => f.family === 'extended' || f.family === 'errinfo');
  if (main && extended && (hovered === main || hovered === extended)) {
    const pair = explain(main.text, extended.text);
    if (!('error' in pair)) return { ...span, explanation: pair, explainerArgument: explainerArgument(pair) };
  }
  if (lookupErrorCode(hovered.value)[0] === hovered.entry) {
    const single = explain(hovered.text);
    if (!('error' in single)) return { ...span, explanation: single, explainerArgument: explainerArgument(single) };
  }
  return { ...span, explanation: entryExplanation(hovered.entry) };
}

/** Backslash-escapes what Markdown would read as markup in a text from the tables. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~&]/g, '\\$&');
}

function codeLine(label: string, code: string, decimal: number, name: string, meaning: string): string {
  return `**${label} ${code}** (${decimal}) \`${name.replace(/`/g, '')}\`: ${escapeMarkdown(meaning)}`;
}

/** A short hover: the code(s), the meaning, the first likely causes and a link to the explainer. */
export function hoverMarkdown(hover: HoverExplanation): string {
  const e = hover.explanation;
  const mainLabel = e.extended ? FAMILY_LABELS.disconnect : hover.label;
  const parts = [codeLine(mainLabel, e.code, e.decimal, e.name, e.meaning)];
  if (e.extended) parts.push(codeLine(FAMILY_LABELS.extended, e.extended.code, e.extended.decimal, e.extended.name, e.extended.meaning));
  if (e.likelyCauses.length) {
    const more = e.likelyCauses.length - HOVER_CAUSES;
    const causes = e.likelyCauses.slice(0, HOVER_CAUSES).map((c) => `- ${escapeMarkdown(c)}`);
    parts.push(['Likely causes:', '', ...causes, ...(more > 0 ? [`- …and ${more} more${hover.explainerArgument ? ' in the explainer' : ''}.`] : [])].join('\n'));
  }
  if (hover.explainerArgument) {
    const args = encodeURIComponent(JSON.stringify([hover.explainerArgument]));
    parts.push(`[Open the explainer](command:rdpDoctor.explainErrorCode?${args} "Explain ${hover.explainerArgument} with the checks that tell the causes apart")`);
  }
  return parts.join('\n\n');
}
