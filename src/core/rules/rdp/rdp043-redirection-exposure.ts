import { effectiveEntriesOf } from '../../rdp/entry-index';
import { effectiveEntry, plainDecimalValue, type RdpDocument, type RdpEntry } from '../../rdp/parse';
import { signerSelfSigned, signerThumbprints, signerValidity } from '../../rdp/signer';
import type { RdpRule } from '../types';
import { intValue, textValue } from '../../rdp/values';
import { isSigned, signatureProblems } from './signing';
import { isMstscTemplateInPlace } from './mstsc-template';
import { targets } from '../../rdp/target';
import type { Span } from '../../text/line-index';

/** `intValue(e) === 1`, read in place for a plain number (no slice of the value per redirection line: issue 16). */
const on = (e: RdpEntry): boolean => {
  if (e.type !== 'i') return false;
  const n = plainDecimalValue(e);
  return n >= 0 ? n === 1 : intValue(e) === 1;
};
const listed = (e: RdpEntry): boolean => e.type === 's' && textValue(e) !== undefined;

/**
 * The redirections the April 2026 security dialog lists, named as Microsoft's "Understanding security warnings
 * when opening RDP files" names them, and the lines that request each.
 */
const REDIRECTIONS: ReadonlyMap<string, { readonly kind: string; readonly requests: (e: RdpEntry) => boolean }> = new Map(
  Object.entries({
    redirectclipboard: { kind: 'the clipboard', requests: on },
    redirectprinters: { kind: 'printers', requests: on },
    audiocapturemode: { kind: 'microphones', requests: on },
    redirectsmartcards: { kind: 'smart cards and Windows Hello for Business', requests: on },
    redirectwebauthn: { kind: 'WebAuthn (Windows Hello or security keys)', requests: on },
    redirectcomports: { kind: 'ports (COM and LPT)', requests: on },
    redirectlocation: { kind: 'location', requests: on },
    redirectposdevices: { kind: 'point-of-service devices', requests: on },
    drivestoredirect: { kind: 'drives', requests: listed },
    redirectdrives: { kind: 'drives', requests: on },
    camerastoredirect: { kind: 'cameras', requests: listed },
    devicestoredirect: { kind: 'Plug and Play devices', requests: listed },
    usbdevicestoredirect: { kind: 'RemoteFX USB devices', requests: listed },
  }),
);

const REDIRECTION_KEYS: readonly string[] = [...REDIRECTIONS.keys()];

/** Property names only Azure Virtual Desktop and Windows 365 feeds write (see connection-avd.ts). */
const SERVICE_KEYS = ['resourceprovider', 'wvd endpoint pool', 'armpath', 'hubdiscoverygeourl', 'remotedesktopname'];

/**
 * Whether the file looks like one an Azure Virtual Desktop or Windows 365 feed issued: one of those properties with
 * a value, or a service host. Empty ones do not count: Microsoft's macOS client writes every one of them empty in
 * the files it exports for an ordinary host.
 */
export function isServiceFile(doc: RdpDocument): boolean {
  for (let k = 0; k < SERVICE_KEYS.length; k++) if (textValue(effectiveEntry(doc, SERVICE_KEYS[k]!)) !== undefined) return true;
  const all = targets(doc);
  for (let t = 0; t < all.length; t++) if (SERVICE_HOST.test(all[t]!.address.host)) return true;
  return SERVICE_HOST.test(textValue(effectiveEntry(doc, 'gatewayhostname')) ?? '');
}

/** A host of the Azure Virtual Desktop service. */
const SERVICE_HOST = /(^|\.)wvd\.microsoft\.com(:\d+)?$/i;

/** The kinds, in the order REDIRECTIONS lists them (two properties share "drives"): a kind's number is its place here. */
const KINDS: readonly string[] = [...new Set([...REDIRECTIONS.values()].map((r) => r.kind))];

/**
 * What the rule needs of each redirection key, in one lookup per line (issue 16): whether a line requests it, its
 * kind's number, and its related note, written once per property rather than once per file.
 */
const BY_KEY: ReadonlyMap<string, { readonly requests: (e: RdpEntry) => boolean; readonly kind: number; readonly also: string }> = new Map(
  [...REDIRECTIONS].map(([key, { kind, requests }]) => [key, { requests, kind: KINDS.indexOf(kind), also: `"${key}" also requests ${kind}.` }]),
);

/**
 * Messages made before, by the kinds a file requests (in the order its lines name them) and the verdict: files of a
 * run mostly request the same redirections, and the message is made once rather than once a file (issue 16).
 */
const messages = new Map<string, Map<number, string>>();
const MAX_MESSAGES = 256;

/**
 * "The file requests N redirections (…): verdict", for the kinds `kinds` names: a base-16 digit (kind number + 1) per
 * kind, in first-named order (at most 12 kinds, 48 bits: no string made per file when the message is known).
 */
function requestMessage(kinds: number, verdict: string): string {
  let byVerdict = messages.get(verdict);
  if (byVerdict === undefined) {
    if (messages.size >= MAX_MESSAGES) messages.clear();
    messages.set(verdict, (byVerdict = new Map()));
  }
  let message = byVerdict.get(kinds);
  if (message === undefined) {
    const named: string[] = [];
    for (let rest = kinds; rest > 0; rest = Math.floor(rest / 16)) named.unshift(KINDS[(rest % 16) - 1]!);
    const count = named.length === 1 ? 'one redirection' : `${named.length} redirections`;
    message = `The file requests ${count} (${list(named)}): ${verdict}`;
    if (byVerdict.size >= MAX_MESSAGES) byVerdict.clear();
    byVerdict.set(kinds, message);
  }
  return message;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const UNSIGNED_SERVICE =
  'it looks like an Azure Virtual Desktop or Windows 365 file, which Microsoft signs, yet it is unsigned: clients updated since April 2026 warn "Caution: Unknown remote connection" and Microsoft advises not to connect but to investigate where it came from.';
const UNSIGNED = 'it is unsigned, so clients updated since April 2026 show "Caution: Unknown remote connection" with each of them off until the user ticks it.';

const UNVERIFIABLE_SERVICE =
  'it looks like an Azure Virtual Desktop or Windows 365 file, which Microsoft signs, yet its signature cannot verify: clients updated since April 2026 warn "Caution: Unknown remote connection" and Microsoft advises not to connect but to investigate where it came from.';
const UNVERIFIABLE =
  'its signature cannot verify, so clients updated since April 2026 treat it as from an unknown publisher: they show "Caution: Unknown remote connection" with each of them off until the user ticks it.';

/**
 * The verdict on a file the client's policy refuses to open: reported as a warning, not the dialog's info, since no
 * connection starts from it where the policy applies (whether it applies to the computer that opens the file, no
 * export says; hence not an error).
 */
export interface BlockedVerdict {
  readonly blocked: string;
}

/**
 * An unsigned file, or one whose signature cannot verify, where an export disables "Allow .rdp files from unknown
 * publishers": TerminalServer.adml says users "cannot run unsigned .rdp files and .rdp files from unknown publishers"
 * and get "a message that the publisher has been blocked", so no dialog offers the redirections.
 */
function blocked(file: string, blockedBy: string): BlockedVerdict {
  return { blocked: `${file}, and "Allow .rdp files from unknown publishers" is disabled ("AllowUnsignedFiles" is 0 in ${blockedBy}): where that policy applies, Remote Desktop Connection does not open the file at all but says the publisher has been blocked, so no dialog offers them. Sign the file with a certificate the clients trust, or connect from a computer the policy does not cover.` };
}

/**
 * A file whose signature verifies, signed by a publisher no export trusts, where an export disables "Allow .rdp files
 * from valid publishers and user's default .rdp settings": users "cannot run .rdp files that are signed with a valid
 * certificate" and get "a message that the publisher has been blocked" (TerminalServer.adml); only "an RDP file signed
 * by a trusted publisher" still opens ("RDP file security settings in Group Policy"). A signer the client cannot verify
 * makes the file an unknown publisher's, which the other policy governs.
 */
function signedBlocked(blockedBy: string, unknownBlockedBy: string | undefined): BlockedVerdict {
  const unverified =
    unknownBlockedBy !== undefined
      ? `Where the client cannot verify the publisher, the file is blocked all the same ("AllowUnsignedFiles" is 0 in ${unknownBlockedBy}).`
      : 'Only where the client cannot verify the publisher (no trusted chain for its signer) does it show "Caution: Unknown remote connection" instead.';
  return { blocked: `it is signed, and "Allow .rdp files from valid publishers and user's default .rdp settings" is disabled ("AllowSignedFiles" is 0 in ${blockedBy}): where that policy applies, Remote Desktop Connection does not open a file from a valid publisher but says the publisher has been blocked, so no dialog offers them. ${unverified} List the signer's thumbprint in "Specify thumbprints of certificates representing trusted .rdp publishers", the only publishers the policy lets through, or connect from a computer the policy does not cover.` };
}


/**
 * A signer certificate outside its validity: Microsoft does not say what the dialog shows for it. rdpsign's signature
 * has no timestamp, and elsewhere in Windows only a timestamp "extends the validity of a certificate" past its end
 * (Microsoft's SignedCode.Timestamp page, Authenticode), so the file most likely gets the unknown publisher's dialog.
 */
function outsideValidity(when: 'expired' | 'not yet valid', date: Date): string {
  const day = date.toISOString().slice(0, 10);
  const state = when === 'expired' ? `expired on ${day}` : `is not valid until ${day}`;
  return `it is signed, but its signer certificate ${state}: Microsoft does not document what the April 2026 security dialog shows then, and a signature without a timestamp (rdpsign adds none) is not accepted outside its certificate's validity elsewhere in Windows, so expect "Caution: Unknown remote connection" with each of them off until the user ticks it. Sign the file again with a valid certificate.`;
}

/**
 * A signature RDP Doctor could not verify (RDP041's `unverified`): no verdict on its publisher. The dialog's flavour
 * depends "on whether the publisher of the RDP file can be verified" (Understanding security warnings).
 */
function notVerified(why: string): string {
  return `RDP Doctor could not verify its signature (${why}); unless Remote Desktop Connection can, clients updated since April 2026 show "Caution: Unknown remote connection" with each of them off until the user ticks it.`;
}

/**
 * A verified, valid signature on a file that looks like an Azure Virtual Desktop or Windows 365 one: Microsoft says
 * those "are typically signed by Microsoft" and should not show the dialog, but the properties that make a file look
 * like one are outside rdpsign's signscope (anyone can add them), and RDP Doctor does not check who the signer is.
 */
const SIGNED_SERVICE =
  'it is signed and looks like an Azure Virtual Desktop or Windows 365 file: Microsoft signs those and says they should not show the April 2026 security dialog, but RDP Doctor does not check that Microsoft signed this one, and anyone can add the lines that make a file look like one. If the dialog appears, do not connect.';

/**
 * What the security dialog does with this file's redirections, by how the file is signed. The signer is judged before
 * the file's look: a file made to look like Azure Virtual Desktop's gets the service's verdict only when unsigned or
 * once its signature verified and its signer passed the checks below.
 */
export function dialogVerdict(
  doc: RdpDocument,
  trusted: ReadonlyMap<string, string> | undefined,
  now: Date = new Date(),
  blockedBy?: string,
  signedBlockedBy?: string,
): string | BlockedVerdict {
  const service = isServiceFile(doc);
  if (!isSigned(doc)) return blockedBy !== undefined ? blocked('it is unsigned', blockedBy) : service ? UNSIGNED_SERVICE : UNSIGNED;
  const problems = signatureProblems(doc);
  // A signature RDP Doctor could not check (RDP041's warning) is never called signed, trusted or Microsoft's.
  const unverified = problems.find((p) => p.unverified !== undefined)?.unverified;
  if (unverified !== undefined) return notVerified(unverified);
  // A signature that cannot verify (RDP041) names no publisher: the dialog is the one for an unknown publisher.
  if (problems.length > 0) return blockedBy !== undefined ? blocked('its signature cannot verify, so it is from an unknown publisher', blockedBy) : service ? UNVERIFIABLE_SERVICE : UNVERIFIABLE;
  const signer = signerThumbprints(effectiveEntry(doc, 'signature')?.value ?? '');
  const validity = signer && signerValidity(signer);
  if (validity && validity.notAfter < now) return outsideValidity('expired', validity.notAfter);
  if (validity && validity.notBefore > now) return outsideValidity('not yet valid', validity.notBefore);
  // The policy lists a certificate by its SHA-1 thumbprint or, since July 2026, a SHA-2 one: any of them trusts it.
  const thumbprint = signer && [signer.sha1, signer.sha256, signer.sha384, signer.sha512].find((t) => trusted?.has(t));
  const trustedBy = thumbprint ? trusted?.get(thumbprint) : undefined;
  if (thumbprint && trustedBy) {
    return `its signer ${thumbprint} is trusted by policy ("TrustedCertThumbprints" in ${trustedBy}), the case where Microsoft says the experience may differ: for a trusted publisher Remote Desktop Connection shows no security warning and turns the requested redirections on.`;
  }
  if (signer && signerSelfSigned(signer)) {
    return 'it is signed, but with a self-signed certificate: clients updated since April 2026 can verify the publisher only where that certificate is in their trusted root store, and elsewhere show "Caution: Unknown remote connection" as for an unsigned file; either way each of them is off until the user ticks it. Sign it with a certificate from a CA the clients trust.';
  }
  if (signedBlockedBy !== undefined) return signedBlocked(signedBlockedBy, blockedBy);
  if (service) return SIGNED_SERVICE;
  return 'it is signed, so clients updated since April 2026 name the publisher in the security dialog when they trust the chain of its signer\'s certificate (else they cannot verify the publisher and warn "Caution: Unknown remote connection"), but each of them is still off until the user ticks it; only a publisher trusted by policy may be treated differently.';
}

export const rdp043: RdpRule = {
  id: 'RDP043',
  name: 'redirection-exposure',
  description: 'The file requests redirections that the April 2026 security dialog turns off until the user allows each one.',
  defaultSeverity: 'info',
  fixable: false,
  tags: ['security', 'signing'],
  check({ doc, report, trustedPublishers, unknownPublishersBlockedBy, validPublishersBlockedBy, now, fileName, folderName }) {
    // mstsc's template in its place, not a file that is opened: the dialog is for opened files (a session 16 review).
    if (isMstscTemplateInPlace(fileName, folderName)) return;
    // The line a client reads of each name, as every other rule reads it: a later "redirectclipboard:i:0" undoes
    // an earlier ":1" (FreeRDP's file.c keeps one field per name, overwritten by each line).
    const lines = effectiveEntriesOf(doc.byKey, REDIRECTION_KEYS);
    // One pass over the lines, in line order: the first line that requests a redirection, a related note for each
    // later one, and the kinds requested (requestMessage).
    let first: RdpEntry | undefined;
    let related: { message: string; span: Span }[] | undefined;
    let kinds = 0;
    let seen = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const redirection = BY_KEY.get(line.key)!;
      if (!redirection.requests(line)) continue;
      if ((seen & (1 << redirection.kind)) === 0) {
        seen |= 1 << redirection.kind;
        kinds = kinds * 16 + redirection.kind + 1;
      }
      if (first === undefined) first = line;
      else (related ??= []).push({ message: redirection.also, span: line.span });
    }
    if (first === undefined) return;
    const verdict = dialogVerdict(doc, trustedPublishers, now, unknownPublishersBlockedBy, validPublishersBlockedBy);
    const blockedFile = typeof verdict !== 'string';
    const message = requestMessage(kinds, blockedFile ? verdict.blocked : verdict);
    report({ message, span: first.span, subject: first.key, ...(related && { related }), ...(blockedFile && { severity: 'warning' as const }) });
  },
};
