import { entriesOf } from '../../rdp/entry-index';
import { effectiveEntry, type RdpEntry } from '../../rdp/parse';
import { textValue } from '../../rdp/values';
import type { RdpRule } from '../types';
import { deleteLine } from './fixes';

/**
 * Names a saved password is written under: mstsc's `password 51`, FreeRDP's `password`, and the plain-text
 * `ClearTextPassword` and `GatewayPassword` that Devolutions' MsRdpEx and IronRDP read (below).
 */
const PASSWORD_KEYS: readonly string[] = ['password 51', 'password', 'clear password', 'cleartextpassword', 'gatewaypassword'];

/**
 * Plain-text password names other clients read, and whose password it is. Devolutions' MsRdpEx (the mstsc extension
 * Remote Desktop Manager loads) reads both, by names compared without regard to case (its README's option table;
 * dll/RdpSettings.cpp and MsRdpEx_RdpFileEntry_IsMatch in dll/RdpFile.c); IronRDP's client reads them by exact name,
 * `ClearTextPassword`, and `GatewayPassword` or `gatewaypassword` (crates/ironrdp-cfg/src/lib.rs, clear_text_password
 * and gateway_password, over a BTreeMap keyed by the name as written: crates/ironrdp-propertyset). Neither trims the
 * name (MsRdpEx_RdpFile_Load; ironrdp-rdpfile's load), so neither reads a line whose name has blanks around it.
 */
const OTHER_CLIENT_PASSWORDS: ReadonlyMap<string, { readonly whose: string; readonly ironrdp: readonly string[] }> = new Map([
  ['cleartextpassword', { whose: "the password of the remote computer's account", ironrdp: ['ClearTextPassword'] }],
  ['gatewaypassword', { whose: "the RD Gateway's password", ironrdp: ['GatewayPassword', 'gatewaypassword'] }],
]);

/** Who reads a plain-text password line of another client, as it is written (`rawName` trimmed; `indented`). */
function otherReaders(key: string, rawName: string, indented: boolean): string | undefined {
  const known = OTHER_CLIENT_PASSWORDS.get(key);
  if (!known) return undefined;
  if (indented) return `Devolutions' MsRdpEx and IronRDP read it as ${known.whose}, though not on this line while blanks surround its name`;
  if (known.ironrdp.includes(rawName)) return `Devolutions' MsRdpEx and IronRDP read it as ${known.whose}`;
  const spelt = known.ironrdp.map((n) => `"${n}"`).join(' or ');
  return `Devolutions' MsRdpEx reads it as ${known.whose}; IronRDP reads the name only as ${spelt}`;
}

/** Every DPAPI blob starts with version 1 and the provider GUID {DF9D8CD0-1501-11D1-8C7A-00C04FC297EB}. */
const DPAPI_PREFIX = '01000000d08c9ddf0115d1118c7a00c04fc297eb';

export const blobMessage = (kind: 'dpapi' | 'hex' | 'other'): string =>
  kind === 'dpapi'
    ? 'The file holds a saved password protected with DPAPI: only the same Windows user on the same computer can decrypt it, so copies of this file prompt or fail elsewhere, and FreeRDP ignores "b" lines.'
    : kind === 'hex'
      ? 'The file holds a saved password as a hex blob that is not DPAPI-protected data, so it is not a password mstsc saved; FreeRDP ignores "b" lines.'
      : 'The file holds a saved password line whose value is not hex, so it is no DPAPI blob mstsc saved (a template placeholder or a value another tool wrote); FreeRDP ignores "b" lines.';

export const plainTextMessage = (key: string, indented = false, rawName = key): string => {
  if (key === 'password') {
    return indented
      ? 'The file holds a saved password in plain text (FreeRDP reads "password:s:", though not on this line while blanks surround its name): anyone who can read the file can read it.'
      : 'The file holds a saved password in plain text (FreeRDP reads "password:s:"): anyone who can read the file can read it.';
  }
  const readers = otherReaders(key, rawName, indented);
  return `The file holds a saved password in plain text under "${rawName}"${readers ? ` (${readers})` : ''}: anyone who can read the file can read it.`;
};

/**
 * An empty plain-text password line stores no password. FreeRDP still sets an empty password from `password:s:`
 * (client/common/file.c, freerdp_client_rdp_file_set_string; libfreerdp/common/settings_getters.c keeps "" as ""), and
 * asks for credentials only when the user name is empty or no password is set (libfreerdp/core/utils.c,
 * utils_authenticate): with a user name, it signs in with the empty password. What other clients do is not known.
 */
export const emptyMessage = (freerdpReads: boolean, rawName: string, hasUser: boolean): string =>
  freerdpReads
    ? `The "${rawName}" line is empty, so the file stores no password; FreeRDP still sets an empty password from it and, ${
        hasUser ? 'as the file names a user, signs in with it instead of asking' : 'once a user name is given on its command line (/u:), signs in with it instead of asking'
      } (the sign-in fails unless the account has no password). Remove the line to be asked for the password.`
    : `The "${rawName}" line is empty, so the file stores no password; remove the line.`;

/** What a `b` password value holds: mstsc's DPAPI blob, other hex, or something else. */
function blobKind(entry: RdpEntry): 'dpapi' | 'hex' | 'other' {
  const value = entry.value.trim().toLowerCase();
  if (value.startsWith(DPAPI_PREFIX)) return 'dpapi';
  return /^(?:[0-9a-f]{2})+$/.test(value) ? 'hex' : 'other';
}

export const rdp040: RdpRule = {
  id: 'RDP040',
  name: 'stored-password',
  description: 'A saved password: a hex or DPAPI blob (password 51:b:) or plain text (password:s:).',
  defaultSeverity: 'warning',
  fixable: true,
  tags: ['security', 'secrets'],
  check({ doc, report }) {
    const entries = entriesOf(doc.byKey, PASSWORD_KEYS);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const fix = deleteLine(doc, entry, 'Remove the saved password', true);
      if (entry.type === 'b') {
        report({ message: blobMessage(blobKind(entry)), span: entry.nameSpan, subject: entry.key, fix });
      } else if (entry.type === 's') {
        // An indented name is one FreeRDP does not recognise (RDP008): the message does not say it reads this line.
        const indented = entry.rawName.length !== entry.rawName.trim().length;
        const rawName = entry.rawName.trim();
        if (entry.value === '') {
          // FreeRDP's empty password matters only where it reads the line (not indented, RDP008).
          const freerdp = entry.key === 'password' && !indented;
          const hasUser = textValue(effectiveEntry(doc, 'username')) !== undefined;
          // Without a user name FreeRDP asks for the user name and then the password too (utils_authenticate prompts
          // when the user name is empty; client/common/client.c, client_cli_authenticate_raw, always reads a password
          // when it prompts): the line changes nothing unless a user name comes from elsewhere (/u:), so info.
          const severity = freerdp && hasUser ? 'warning' : 'info';
          report({ message: emptyMessage(freerdp, rawName, hasUser), span: entry.nameSpan, subject: entry.key, severity, fix });
        } else {
          report({ message: plainTextMessage(entry.key, indented, rawName), span: entry.nameSpan, subject: entry.key, severity: 'error', fix });
        }
      }
    }
  },
};
