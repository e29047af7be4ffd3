import type { RdpRule } from '../types';
import { perEntry } from './per-entry';
import { isSecretProperty } from '../../rdp/properties/index';
import { setElsewhere } from './fixes';
import { freerdpHasTargetBesides, isBlank } from './freerdp-target';

/** The blanks around a property name, as a human reads them. */
function describeIndent(indent: string): string {
  const tabs = [...indent].filter((c) => c === '\t').length;
  const spaces = indent.length - tabs;
  const parts = [
    ...(spaces > 0 ? [`${spaces} space${spaces === 1 ? '' : 's'}`] : []),
    ...(tabs > 0 ? [`${tabs} tab${tabs === 1 ? '' : 's'}`] : []),
  ];
  return parts.join(' and ');
}

export const rdp008: RdpRule = {
  id: 'RDP008',
  name: 'indented-property',
  description: 'A property line starts with spaces or tabs, or has them before its colon, so FreeRDP does not recognise its name.',
  defaultSeverity: 'warning',
  fixable: true,
  tags: ['syntax', 'freerdp'],
  ...perEntry((entry, info, { doc, report }) => {
    // The name as written starts or ends with a blank (spans made only for such lines). FreeRDP's parse_line cuts
    // the name at the first colon and compares it, blanks included, with its keys (client/common/file.c).
    const raw = entry.rawName;
    const leading = isBlank(raw.charCodeAt(0));
    const trailing = raw.length > 0 && isBlank(raw.charCodeAt(raw.length - 1));
    if (!leading && !trailing) return;
    const start = entry.span.start;
    const nameSpan = entry.nameSpan;
    // A name of blanks only is no name: RDP001's.
    if (nameSpan.start >= nameSpan.end) return;
    // No fix on a saved password's line: FreeRDP ignores it as it stands, and fixing it would turn the password on
    // (RDP040 offers to remove the line).
    const secret = info ? info.secret === true : isSecretProperty(entry.key);
    // Readable again, the line may take over from another line of the same name: the user decides.
    const review = setElsewhere(doc, entry) ? { reviewFirst: true as const } : undefined;
    // The only computer in the file, as FreeRDP reads it: without it FreeRDP cannot connect (as RDP010, an error).
    const noTarget = entry.key === 'full address' && !freerdpHasTargetBesides(doc, entry);
    const outcome = noTarget
      ? 'does not recognise it, and no other "full address" or "alternate full address" line gives it a computer, so FreeRDP has nothing to connect to (xfreerdp stops with "server hostname was not specified") unless one is given on its command line.'
      : 'does not recognise it and ignores the setting.';
    const severity = noTarget ? { severity: 'error' as const } : undefined;
    if (nameSpan.start > start) {
      report({
        message: `"${entry.key}" is indented by ${describeIndent(doc.text.slice(start, nameSpan.start))}: FreeRDP compares the name with the blanks included, ${outcome}`,
        ...severity,
        span: { start, end: nameSpan.end },
        subject: entry.key,
        ...(!secret && { fix: { title: 'Remove the indentation', edits: [{ span: { start, end: nameSpan.start }, newText: '' }], ...review } }),
      });
    }
    const colon = start + raw.length;
    if (colon > nameSpan.end) {
      report({
        message: `"${entry.key}" has ${describeIndent(doc.text.slice(nameSpan.end, colon))} before its colon: FreeRDP compares the name with the blanks included, ${outcome}`,
        ...severity,
        span: { start: nameSpan.start, end: colon },
        subject: entry.key,
        ...(!secret && { fix: { title: 'Remove the blanks before the colon', edits: [{ span: { start: nameSpan.end, end: colon }, newText: '' }], ...review } }),
      });
    }
  }, { lineLocal: true }),
};
