import type { RdpRule } from '../types';
import { perEntry } from './per-entry';

/** The blanks before a property name, as a human reads them. */
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
  description: 'A property line starts with spaces or tabs, so FreeRDP does not recognise its name.',
  defaultSeverity: 'warning',
  fixable: true,
  tags: ['syntax', 'freerdp'],
  ...perEntry((entry, _info, { doc, report }) => {
    // Indented when the name as written starts with a blank (spans made only for such lines).
    const firstChar = entry.rawName.charCodeAt(0);
    if (firstChar > 32 && firstChar !== 0xa0 && firstChar !== 0xfeff && firstChar < 0x1680) return;
    const start = entry.span.start;
    const nameSpan = entry.nameSpan;
    if (nameSpan.start === start) return;
    const indent = doc.text.slice(start, nameSpan.start);
    report({
      message: `"${entry.key}" is indented by ${describeIndent(indent)}: FreeRDP compares the name with the blanks included, does not recognise it and ignores the setting.`,
      span: { start, end: entry.nameSpan.end },
      subject: entry.key,
      fix: { title: 'Remove the indentation', edits: [{ span: { start, end: entry.nameSpan.start }, newText: '' }] },
    });
  }),
};
