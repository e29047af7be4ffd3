import { EntryIndex } from './entry-index';
import { effectiveEntry, type RdpDocument, type RdpEntry } from './parse';
import { KEY_IDS } from './properties/index';
import type { Eol } from '../text/line-index';

/**
 * What a parse of a large `.rdp` text sends back from the editor's lint worker (lint-worker.ts): the entry a client
 * uses for each property the table knows, as plain data (a parsed entry reads its parts from the text when asked, and
 * a worker's message carries own fields only), and the text's line breaks. At most one entry a known property, however
 * many lines the text has.
 */
export interface RdpSummary {
  readonly entries: readonly RdpEntry[];
  readonly eol: Eol;
  readonly mixedEol: boolean;
}

/** The effective entry of every known property of a parsed text, in file order. */
export function summarizeRdp(doc: RdpDocument): RdpSummary {
  const entries: RdpEntry[] = [];
  for (const key of KEY_IDS.keys()) {
    const e = effectiveEntry(doc, key);
    if (e) entries.push({ line: e.line, rawName: e.rawName, key: e.key, type: e.type, value: e.value, span: e.span, nameSpan: e.nameSpan, typeSpan: e.typeSpan, valueSpan: e.valueSpan });
  }
  entries.sort((a, b) => a.line - b.line);
  return { entries, eol: doc.eol, mixedEol: doc.mixedEol };
}

/**
 * A document of `text` that holds only a summary's entries and no lines: what the target, the check facts
 * (`fileCheckFacts`), the cross-check facts (`rdpFacts`) and the Hyper-V console test read, which ask each property's
 * effective entry alone. Not for the rules, the outline or anything that lists lines or entries.
 */
export function summaryDocument(text: string, summary: RdpSummary): RdpDocument {
  return { text, lines: [], entries: summary.entries, byKey: new EntryIndex(summary.entries), eol: summary.eol, mixedEol: summary.mixedEol };
}
