import { explain, explainAsLabelled, explainInFamily, FAMILY_LABELS, type Explanation } from '../knowledge/error-codes/index';
import { findErrorCodes, type FoundErrorCode } from '../knowledge/find-error-codes';
import { escapeMarkdown } from '../text/markdown';

/** What a hover on a code in free text explains. */
export interface HoverExplanation {
  readonly explanation: Explanation;
  /** How the hovered code is labelled ("Error code", "Extended error code" …). */
  readonly label: string;
  /** The span of the hovered code. */
  readonly start: number;
  readonly end: number;
  /** The argument of `rdpDoctor.explainErrorCode` that opens the same explanation. */
  readonly explainerArgument: string;
}

/** The hover shows a few causes; the explainer has them all. */
const HOVER_CAUSES = 3;

/** The explainer's argument for an explanation: the code and the extended code when there is one, or the family and the code. */
export function explainerArgument(e: Explanation): string {
  if (e.extended) return `${e.code} ${e.extended.code}`;
  return e.family ? `${e.family} ${e.code}` : e.code;
}

/** How far apart the two codes may be: mstsc's dialog shows "Error code: 0x904" and "Extended error code: 0x3" on lines of their own. */
const PAIR_LINES = 3;

/** The "Error code" of a pair: a disconnect code, or a number the text labels "Error code" that is none (0x107). */
const isDisconnect = (f: FoundErrorCode): boolean => f.family === 'disconnect' || f.label === 'disconnect';
const isExtended = (f: FoundErrorCode): boolean => !isDisconnect(f) && (f.family === 'extended' || f.family === 'errinfo');
/** Labelled "Error code" (or "Reason=") but no OnDisconnected code: explained as `explain CODE` explains it, which says so. */
const isOtherFamilyErrorCode = (f: FoundErrorCode): boolean => f.label === 'disconnect' && f.entry.family !== 'disconnect' && f.entry.family !== 'client';

/**
 * The other code of the pair when a line has only a disconnect code (or only an extended code): the first extended (or
 * disconnect) code up to PAIR_LINES lines below, then above (above, then below, for an extended code), not past a blank
 * line or another code of the same kind. `lineAt(delta)` is the line `delta` lines away, undefined past the document.
 */
function pairedNearby(found: readonly FoundErrorCode[], lineAt: (delta: number) => string | undefined): FoundErrorCode | undefined {
  const hasDisconnect = found.some(isDisconnect);
  if (hasDisconnect === found.some(isExtended)) return undefined;
  const [wanted, same] = hasDisconnect ? [isExtended, isDisconnect] : [isDisconnect, isExtended];
  const [first, second] = hasDisconnect ? [1, -1] : [-1, 1];
  for (const direction of [first, second]) {
    for (let distance = 1; distance <= PAIR_LINES; distance++) {
      const line = lineAt(direction * distance);
      if (line === undefined || line.trim() === '') break;
      const codes = findErrorCodes(line);
      if (codes.some(same)) break;
      const partner = codes.find(wanted);
      // Found on the side the dialog does not put it (an extended code above its "Error code"): not when it has a code of
      // this kind beyond it, as the dialog lays them out, whose pair it is (a review: a log of two dialogs paired one
      // dialog's 0x3 with the other's extended 0x7).
      if (partner) return direction === second && pairedBeyond(lineAt, direction, distance, same) ? undefined : partner;
    }
  }
  return undefined;
}

/** Whether a code of the kind `same` sits up to PAIR_LINES lines past `distance` in `direction`, before a blank line. */
function pairedBeyond(lineAt: (delta: number) => string | undefined, direction: number, distance: number, same: (f: FoundErrorCode) => boolean): boolean {
  for (let further = distance + 1; further <= distance + PAIR_LINES; further++) {
    const line = lineAt(direction * further);
    if (line === undefined || line.trim() === '') return false;
    if (findErrorCodes(line).some(same)) return true;
  }
  return false;
}

/**
 * The explanation for the code at `column`: the pair when the line (or, with `lineAt`, a line near it) has a disconnect
 * code and an extended (or server error info) code, otherwise the hovered code in the family its context names.
 */
export function explainAt(found: readonly FoundErrorCode[], column: number, lineAt?: (delta: number) => string | undefined): HoverExplanation | undefined {
  const hovered = found.find((f) => column >= f.start && column < f.end);
  if (!hovered) return undefined;
  const span = { start: hovered.start, end: hovered.end, label: FAMILY_LABELS[hovered.family] };
  const nearby = lineAt && pairedNearby(found, lineAt);
  const codes = nearby ? [...found, nearby] : found;
  const main = codes.find(isDisconnect);
  const extended = codes.find(isExtended);
  if (main && extended && (hovered === main || hovered === extended)) {
    const pair = explain(main.text, extended.text);
    if (!('error' in pair)) return { ...span, explanation: pair, explainerArgument: explainerArgument(pair) };
  }
  // In hex: the text's own digits, in the base its context gives, are not to be read again in the other.
  const code = `0x${(hovered.entry.code >>> 0).toString(16)}`;
  if (isOtherFamilyErrorCode(hovered)) {
    const asTyped = explain(code);
    if ('error' in asTyped) return undefined;
    return { ...span, explanation: asTyped, explainerArgument: asTyped.code };
  }
  // A number labelled an extended code that only the ERRINFO table has says how it was read, as `explain` does.
  const alone = hovered.label && hovered.label !== hovered.entry.family ? explainAsLabelled(hovered.label, hovered.entry.family, code) : explainInFamily(hovered.entry.family, code);
  if ('error' in alone) return undefined;
  return { ...span, explanation: alone, explainerArgument: explainerArgument(alone) };
}

/** The one Markdown escaping (`text/markdown.ts`), for the tables' texts here and the hosts view's server texts. */
export { escapeMarkdown };

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
    parts.push(['Likely causes:', '', ...causes, ...(more > 0 ? [`- …and ${more} more in the explainer.`] : [])].join('\n'));
  }
  const args = encodeURIComponent(JSON.stringify([hover.explainerArgument]));
  parts.push(`[Open the explainer](command:rdpDoctor.explainErrorCode?${args} "Explain ${hover.explainerArgument} with the checks that tell the causes apart")`);
  return parts.join('\n\n');
}
