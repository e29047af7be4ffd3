import { effectiveEntry, type RdpDocument, type RdpEntry } from '../../rdp/parse';
import type { Fix, RdpRule } from '../types';
import { deleteLine } from './fixes';
import { intValue } from '../../rdp/values';
import { perEntry } from './per-entry';

/** Fixes for the legacy settings whose replacement is clear; the others change behaviour and are left to the admin. */
const FIXES: Readonly<Record<string, (doc: RdpDocument, entry: RdpEntry) => Fix | undefined>> = {
  'auto connect': (doc, entry) => deleteLine(doc, entry, 'Remove the obsolete "auto connect" line'),
  // Only "targetisaadjoined:i:1" does something: password sign-in to Microsoft Entra-joined hosts from devices that are
  // not joined. Microsoft Entra authentication (enablerdsaadauth:i:1) replaces it but is another sign-in, which the
  // host must support: a fix that switches is reviewed first, and none is offered where the file turns it off.
  targetisaadjoined: (doc, entry) => {
    if (intValue(entry) !== 1) return deleteLine(doc, entry, 'Remove the legacy "targetisaadjoined" line');
    const replacement = effectiveEntry(doc, 'enablerdsaadauth');
    if (replacement === undefined) return { title: 'Replace with enablerdsaadauth:i:1', edits: [{ span: entry.span, newText: 'enablerdsaadauth:i:1' }], reviewFirst: true };
    return intValue(replacement) === 1 ? deleteLine(doc, entry, 'Remove the legacy "targetisaadjoined" line', true) : undefined;
  },
};

export const rdp007: RdpRule = {
  id: 'RDP007',
  name: 'deprecated-property',
  description: 'A legacy or obsolete property.',
  defaultSeverity: 'info',
  fixable: true,
  tags: ['values'],
  ...perEntry((entry, info, { doc, report }) => {
    if (!info?.deprecated) return;
    // The table's text is Markdown (hovers); a diagnostic is plain text: `code` reads as "code".
    let reason = info.deprecated.replace(/`([^`]*)`/g, '"$1"').replace(/\.?\s*$/, '.');
    // "use X:i:1 instead" is advice for a line that turns the feature on: one that turns it off (0) would be told to
    // turn its replacement on (a session 16 review: targetisaadjoined:i:0, connect to console:i:0).
    const switchOn = /;\s*use "([^"]+:i:1)" instead\.$/.exec(reason);
    if (switchOn && intValue(entry) === 0) reason = `${reason.slice(0, switchOn.index)}; it is 0 here, which leaves it off: remove the line rather than write "${switchOn[1]}", which would turn it on.`;
    const fix = FIXES[info.name]?.(doc, entry);
    report({ message: `"${info.name}" is deprecated: ${reason}`, span: entry.nameSpan, subject: info.name, ...(fix && { fix }) });
  }, { lineLocal: true }),
};
