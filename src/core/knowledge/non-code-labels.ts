import type { TextSpan } from './text-numbers';

/**
 * Labels that name the number after them as something other than a code, in what admins paste from logs and dialogs:
 * "Session 2 has been disconnected, reason code 12" (LocalSessionManager event 40), "Windows Server 2022", "build 22631",
 * and the fields of an event as Event Viewer's "Copy Details as Text" writes it, its header lines ("Event ID:      1026",
 * "Level:", "User:", "Computer:") and its Event Xml (`<EventID>1026</EventID>`, `<Execution ProcessID="11136" ThreadID=
 * "3624" />`; the layout in DigitalRuby/IPBan issue #240, event 1026's XML in Psmths/windows-forensic-artifacts
 * network/evtx-1024-rdp-activex.md). Case-insensitive, spaces between words optional ("EventID", "Event ID").
 * `number`: the label names one number, or several joined by "/" ("Windows 10/11"); `name`: it names the word after it,
 * whatever it holds (a host name that reads as hex, DC01; a user's SID).
 */
const LABELS: readonly { readonly words: string; readonly value: 'number' | 'name' }[] = [
  { value: 'number', words: String.raw`event\s*record\s*id|record\s*id|event\s*id|event|id|qualifiers` },
  { value: 'number', words: String.raw`session\s*id|session|logon\s*id` },
  { value: 'number', words: String.raw`windows\s+server|windows|(?:os\s+)?build|version` },
  { value: 'number', words: String.raw`pid|tid|process\s*id|process|thread\s*id|thread|port|line` },
  // Event Viewer writes a task it has no name for as its number in brackets: "Task Category: (3)" (FreeRDP issue #11159).
  { value: 'number', words: String.raw`level|task\s*category|task|opcode|keywords` },
  { value: 'name', words: String.raw`computer|user\s*id|user` },
];

/** A number as `numbersIn` finds one (text-numbers.ts), and what a "name" label names: up to a space, quote or tag. */
const VALUES = { number: String.raw`(?:0x|\d|[a-f])[0-9a-z_]*(?:/(?:0x|\d)[0-9a-z_]*)*`, name: String.raw`[^\s"'<>:=#][^\s"'<>]*` };

/**
 * The label, then `:`, `=` or `#` and a quote or bracket (`Event ID: 1026`, `pid=4`, `ProcessID="11136"`, `Task
 * Category: (101)`), or the label as an XML element's name and the number its content (`<Level>4</Level>`,
 * `<EventID Qualifiers="0">7036</EventID>`), looked behind so that an attribute inside the element is read too.
 * Spaces stay on the label's line: "Keywords:" with nothing after it names nothing on the next line.
 */
function labelledRegExp(value: 'number' | 'name'): RegExp {
  const words = LABELS.filter((l) => l.value === value).map((l) => l.words).join('|');
  return new RegExp(
    String.raw`(?<=(?<![0-9a-z_])(?:<(?:${words})(?:\s[^<>]*)?>[ \t]*|(?:${words})(?![0-9a-z_])[ \t]*(?:[:=#][ \t]*)?["'([]?))${VALUES[value]}`,
    'gi',
  );
}
const LABELLED_RES = { number: labelledRegExp('number'), name: labelledRegExp('name') };

/** The numbers (and named words) of a text that a label names as no code, left to right, none overlapping. */
export function namedByNonCodeLabels(text: string, kinds: readonly ('number' | 'name')[] = ['number', 'name']): TextSpan[] {
  const spans = kinds
    .flatMap((kind) => [...text.matchAll(LABELLED_RES[kind])].map((m) => ({ start: m.index, end: m.index + m[0].length })))
    .sort((a, b) => a.start - b.start);
  return spans.filter((s, i) => i === 0 || s.start >= spans[i - 1]!.end);
}

/** Whether a text names no number as "Windows", "port", "Event ID"…: a word the property test must not use as a separator. */
export function isNonCodeLabel(word: string): boolean {
  return Object.values(LABELLED_RES).some((re) => new RegExp(re.source, re.flags).test(`${word} 1`));
}

/** An XML element whose whole content is a number: `<Data Name="Value">263</Data>`. */
const XML_CONTENT_RE = /(?<=>[ \t]*)(?:0x[0-9a-f]+|-?\d+)(?=[ \t]*<\/)/gi;

/**
 * The numbers that are an XML element's whole content. Event Viewer's details give an event's fields twice, in its
 * description and in its Event Xml: event 1026's "(Reason= 263)" is `<Data Name="Value">263</Data>` there.
 */
export function xmlContents(text: string): TextSpan[] {
  return [...text.matchAll(XML_CONTENT_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
