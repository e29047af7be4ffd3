import { entryIntegerReading } from '../../rdp/freerdp-integer';
import { findProperty, PROPERTY_NAMES } from '../../rdp/properties/index';
import { closest } from '../../text/distance';
import { quote } from '../messages';
import type { RdpRule, RdpRuleContext } from '../types';
import { perEntry } from './per-entry';

/**
 * Names of a file looked up for a "did you mean": past this many, unknown names are reported without one, so a
 * hostile file of 100,000 near-miss names costs no more than this many searches (the CLI lists 1,000 findings a file).
 */
export const MAX_SUGGESTIONS_PER_FILE = 1000;
/** Searches so far, per lint of a file (the engine makes one context per lint). */
const searches = new WeakMap<RdpRuleContext, number>();

/** Whether a name says "enable" (1), "disable" (-1) or neither (0). */
function polarity(name: string): number {
  return name.includes('disable') ? -1 : name.includes('enable') ? 1 : 0;
}

/**
 * Whether two names switch in opposite directions ("enableprinterredirection" and "disableprinterredirection"): three
 * edits apart, so the nearest known name, but writing one's value under the other would invert the setting.
 */
function oppositeSwitches(name: string, known: string): boolean {
  const a = polarity(name);
  const b = polarity(known);
  return a !== 0 && b !== 0 && a !== b;
}

/**
 * Names that no Microsoft client or FreeRDP reads but another client writes or reads, and what it does with them: a
 * file that client wrote carries them beside the standard names (Remmina's plugins/rdp/rdp_file.c, its export and
 * import of .rdp files; Windows App for macOS's bookmark export).
 */
const OTHER_CLIENTS: ReadonlyMap<string, string> = new Map([
  [
    'redirectsmartcard',
    'Remmina reads it as its smart-card switch (plugins/rdp/rdp_file.c) and writes it beside "redirectsmartcards", the name Remote Desktop Connection and FreeRDP read; they ignore this one',
  ],
  [
    // Older Remmina (rdp_file.c at 11518a3) exported "microphone:i:0|1" and imported it as its microphone switch;
    // current Remmina (at 3069d4a) writes "audiocapturemode" instead and no longer reads "microphone".
    'microphone',
    'older Remmina versions wrote it in every .rdp file they exported and read it back as their microphone switch (plugins/rdp/rdp_file.c); Remote Desktop Connection and FreeRDP ignore it and read "audiocapturemode", which current Remmina writes instead: to redirect the microphone in those clients, set "audiocapturemode:i:1"',
  ],
  [
    'precommand',
    'Remmina writes it, empty, in every .rdp file it exports (plugins/rdp/rdp_file.c); it is the name of a Remmina profile\'s "Before connecting" command, but Remmina\'s .rdp import does not read it back, so the line sets nothing',
  ],
  [
    // Windows App for macOS writes both spellings in every bookmark it exports (its `--script bookmark export`, as a
    // public Alfred workflow records it: text index id 62445296427); Microsoft lists only the singular.
    'disable cursor settings',
    'Windows App for macOS writes it in every bookmark it exports, beside "disable cursor setting", the name Remote Desktop Connection and FreeRDP read; they ignore this one',
  ],
  [
    'client hostname',
    'Remmina reads it when it imports a .rdp file, as the client name it sends to the server (its "clientname" setting; plugins/rdp/rdp_file.c keeps it from tsclient\'s files), and does not write it; Remote Desktop Connection and FreeRDP ignore it',
  ],
]);

export const rdp002: RdpRule = {
  id: 'RDP002',
  name: 'unknown-property',
  description: 'The name is not a known property.',
  defaultSeverity: 'warning',
  fixable: true,
  tags: ['syntax'],
  ...perEntry((entry, info, context) => {
    const { report } = context;
    if (info) return;
    const elsewhere = OTHER_CLIENTS.get(entry.key);
    if (elsewhere !== undefined) {
      report({ message: `${quote(entry.rawName.trim())} is not a Remote Desktop Connection or FreeRDP property: ${elsewhere}.`, span: entry.nameSpan, subject: entry.key, severity: 'info' });
      return;
    }
    const searched = searches.get(context) ?? 0;
    // A known name with underscores for its spaces (RemoteApp Tool's RDPFileLib.vb writes "redirected_video_capture_encoding_quality"):
    // one kind of change, but as many edits as spaces, past what the distance search allows.
    const spaced = entry.key.includes('_') ? entry.key.replaceAll('_', ' ') : undefined;
    const nearest = spaced !== undefined && findProperty(spaced) ? spaced : searched < MAX_SUGGESTIONS_PER_FILE ? closest(entry.key, PROPERTY_NAMES) : undefined;
    // A name the file already sets is no misspelling of this one: renaming would only make a duplicate (RDP005).
    const suggestion = nearest !== undefined && !oppositeSwitches(entry.key, nearest) && !context.doc.byKey.has(nearest) ? nearest : undefined;
    searches.set(context, searched + 1);
    const known = suggestion && findProperty(suggestion);
    report({
      message: suggestion
        ? `Unknown property ${quote(entry.rawName.trim())}; did you mean ${quote(suggestion)}?`
        : `Unknown property ${quote(entry.rawName.trim())}: it is in no Microsoft property list, no client source and no service-issued file RDP Doctor knows, so ${
            // FreeRDP reads an integer value whatever the name, and refuses or drops one it does not take (RDP004 says which): not undocumented.
            entry.type === 'i' && entryIntegerReading(entry) !== 'number' ? 'no client is known to use the setting, though FreeRDP reads its value' : 'what clients do with it is undocumented'
          }.`,
      span: entry.nameSpan,
      subject: entry.key,
      ...(suggestion && {
        fix: {
          title: `Change to "${suggestion}"`,
          reviewFirst: true,
          edits: [
            { span: entry.nameSpan, newText: suggestion },
            // The known name's own type letter, so the fix does not trade one finding for another.
            ...(known && known.type !== entry.type ? [{ span: entry.typeSpan, newText: known.type }] : []),
          ],
        },
      }),
    });
  }, { lineLocal: true }),
};
