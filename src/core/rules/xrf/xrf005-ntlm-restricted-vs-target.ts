import { netbiosName } from '../../gpo/export-scope';
import { whereSet as where } from '../../gpo/well-known-keys';
import { isIPv4, isIPv6 } from '../../text/host-name';
import { quote } from '../messages';
import { gpoRefs } from '../gpo/refs';
import { factNumber } from './server-view';
import type { CrossRule } from './types';
import { accountOf, exceptionNames, incomingRefusal, listedServers, localAccountWords } from './xrf005-ntlm-incoming';
import { workCounts } from '../../work-counts';

/** `RestrictSendingNTLMTraffic` = 2: "Deny all" outgoing NTLM. */
const DENY_ALL = 2;
/** `RestrictedRemoteAdministrationType` = 2: "Require Remote Credential Guard", which signs in with Kerberos only. */
const REQUIRE_REMOTE_GUARD = 2;

/**
 * Whether an entry of the NTLM server exception list names the server: compared without case, and "a single
 * asterisk (*) can be used anywhere in the string as a wildcard character" (RESTRICT-NTLM-EXCEPTIONS), matching any
 * run of characters. An entry with more asterisks is read the same way, each one a wildcard; the match takes time
 * linear in both lengths per backtrack, never the blow-up a regular expression of many `.*` has on a hostile entry.
 */
export function exceptionAllows(entry: string, server: string): boolean {
  const p = entry.toLowerCase();
  const s = server.toLowerCase();
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (i < s.length) {
    workCounts.wildcardSteps++;
    if (j < p.length && p[j] === '*') {
      star = j++;
      mark = i;
    } else if (j < p.length && p[j] === s[i]) {
      i++;
      j++;
    } else if (star >= 0) {
      j = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (j < p.length && p[j] === '*') j++;
  return j === p.length;
}

interface ExceptionList<L> {
  readonly path: string;
  readonly at: L;
  readonly names: readonly string[];
  readonly where: string;
}

const isIP = (host: string): boolean => isIPv4(host) || isIPv6(host);

/**
 * Why an entry that does not name `host` as the client writes it may still let NTLM through, in words, or undefined.
 * Microsoft documents the entries as "the fully qualified domain name (FQDN) or NetBIOS server name used by the
 * application", to be listed "in both naming formats" (Policy CSP, LocalPoliciesSecurityOptions), and says neither
 * whether one form covers a connection made with the other nor whether an SPN (`TERMSRV/name`) is matched: no verdict.
 */
export function unsettledEntry(entry: string, host: string): string | undefined {
  const slash = entry.indexOf('/');
  const name = entry.slice(slash + 1);
  const spn = slash > 0 && name !== '';
  if (spn && exceptionAllows(name, host)) return 'is written as a service principal name, and Microsoft does not say whether such an entry is matched';
  const label = host.split('.')[0]!;
  const dotted = (n: string) => n.includes('.');
  // A name (not an IP address) in its other form: the first label alone, or a dotted name whose first label it is.
  const otherForm =
    !isIP(host) &&
    ((!dotted(name) && dotted(host) && (exceptionAllows(name, label) || exceptionAllows(name, netbiosName(host) ?? label))) ||
      (dotted(name) && !dotted(host) && exceptionAllows(name.split('.')[0]!, host)));
  if (!otherForm) return undefined;
  const form = spn ? 'is written as a service principal name and names the server in its other form' : 'names the server in its other form';
  return `${form} (NetBIOS name or FQDN), and Microsoft does not say whether one form covers a connection made with the other (it advises listing both)`;
}

/** Whether the client may send NTLM to `host`: no export denies it, or an exception list names the host. */
function ntlmMayBeSent(client: { denying: readonly unknown[]; exceptions: readonly ExceptionList<unknown>[] }, host: string): boolean {
  return client.denying.length === 0 || client.exceptions.some((e) => e.names.some((n) => exceptionAllows(n, host)));
}

/** An exception list entry that may name the server in a form whose match is not documented (`unsettledEntry`). */
interface Unsettled {
  readonly path: string;
  readonly entry: string;
  readonly why: string;
}

/** The lists' first entry that may name `host` in a form whose match is not documented, or undefined. */
function unsettledListing(exceptions: readonly ExceptionList<unknown>[], host: string): Unsettled | undefined {
  for (const e of exceptions) {
    for (const entry of e.names) {
      const why = unsettledEntry(entry, host);
      if (why !== undefined) return { path: e.path, entry, why };
    }
  }
  return undefined;
}

/** The sentence that says the exception list does not name `host`, or may in an undocumented form; nothing without a list. */
function unlistedWords(exceptions: readonly ExceptionList<unknown>[], host: string, maybe: Unsettled | undefined): string {
  if (maybe) return ` Whether the NTLM server exception list ("ClientAllowedNTLMServers" in ${maybe.path}) lets NTLM through is not known: its entry ${quote(maybe.entry)} ${maybe.why}.`;
  return exceptions.length > 0 ? ` The NTLM server exception list ("ClientAllowedNTLMServers" in ${exceptions[0]!.path}) does not name ${quote(host)}.` : '';
}

/**
 * `enablerdsaadauth:i:1` ("Use a web account to sign in to the remote computer") by IP address: "IP address can't be
 * used" with it, the name "must match the hostname of the remote device in Microsoft Entra ID" (Microsoft Learn, "Sign
 * in to a Windows virtual machine in Azure by using Microsoft Entra ID"), so it spares no NTLM sign-in: the verdict holds.
 */
const ENTRA_BY_IP = ' The file\'s Microsoft Entra ID sign-in ("enablerdsaadauth" is 1) does not help: Microsoft says an IP address cannot be used with it.';

/**
 * By name, the Entra ID sign-in (RDS AAD Auth, MS-RDPBCGR 5.4.5.4) sends no NTLM, and the client uses it "if the remote
 * PC supports it" (Supported RDP properties): NTLM is needed only with a server that does not, which no export shows.
 */
const ENTRA_BY_NAME =
  ' The file signs in with Microsoft Entra ID ("enablerdsaadauth" is 1), which sends no NTLM: Microsoft says the client uses it if the remote PC supports it, so this holds only for a server that does not, and whether this one does is not known here.';

/** A finding the Entra ID sign-in may avoid is at most a warning. */
const entraSeverity = (severity: 'error' | 'warning' | 'info' | undefined): 'warning' | 'info' => (severity === 'info' ? 'info' : 'warning');

/** What a client that must use Remote Credential Guard cannot do, after "X and": it has Kerberos only. */
const GUARD_KERBEROS_ONLY = 'which signs in with Kerberos only and "does not allow NTLM fallback" (Microsoft Learn, "Remote Credential Guard")';

/** The exception lists as related locations. */
function exceptionsRelated<L>(exceptions: readonly ExceptionList<L>[]): { path: string; at: L; message: string }[] {
  return exceptions.map((e) => ({ path: e.path, at: e.at, message: `"ClientAllowedNTLMServers" ${e.where} lists ${listedServers(e.names)}: NTLM may be sent only to these.` }));
}

export const xrf005: CrossRule = {
  id: 'XRF005',
  name: 'ntlm-restricted-vs-target',
  description:
    'A .rdp file targets an IP address, or signs in with a local account of the server (NTLM only) by name, while an export denies NTLM: outgoing on the client (RestrictSendingNTLMTraffic 2, no NTLM server exception names the target; or Remote Credential Guard required, Kerberos only) or incoming on the server (RestrictReceivingNTLMTraffic, or a domain controller\'s RestrictNTLMInDomain), so CredSSP cannot authenticate.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['cross-check', 'nla', 'kerberos'],
  check({ rdpFiles, servers, serversOf, report }) {
    const denying = servers.flatMap((s) => {
      const fact = s.value(gpoRefs().restrictSendingNtlm);
      return factNumber(fact) === DENY_ALL
        ? [{ path: s.path, at: fact!.at, message: `"RestrictSendingNTLMTraffic" is 2 (Deny all) ${where(fact!)}: this computer never sends NTLM to a remote server.` }]
        : [];
    });
    // With TryIPSPN the client asks Kerberos for the IP address too: it works if the server registered it as an SPN.
    const tryIp = servers.flatMap((s) => {
      const fact = s.value(gpoRefs().tryIpSpn);
      return factNumber(fact) === 1 ? [{ path: s.path, at: fact!.at, message: `"TryIPSPN" is 1 ${where(fact!)}: Kerberos is tried for IP addresses.` }] : [];
    });
    // "Add remote server exceptions for NTLM authentication": the servers NTLM may still be sent to while it is denied.
    const exceptions = servers.flatMap((s) => {
      const fact = s.value(gpoRefs().ntlmServerExceptions);
      return fact ? [{ path: s.path, at: fact.at, names: exceptionNames(fact.data), where: where(fact) }] : [];
    });
    // "Restrict delegation of credentials to remote servers" requiring Remote Credential Guard: no NTLM, whatever the lists say.
    const remoteGuard = servers.flatMap((s) => {
      const mode = s.value(gpoRefs().restrictedRemoteAdministrationType);
      const required = factNumber(s.value(gpoRefs().restrictedRemoteAdministration)) === 1 && factNumber(mode) === REQUIRE_REMOTE_GUARD;
      return required ? [{ path: s.path, at: mode!.at, message: `"RestrictedRemoteAdministrationType" is 2 (Require Remote Credential Guard) ${where(mode!)}: Remote Desktop Connection must connect with Remote Credential Guard.` }] : [];
    });
    const clientView = { denying, exceptions };
    const denied = `outgoing NTLM is denied ("RestrictSendingNTLMTraffic" is 2 in ${denying[0]?.path})`;
    const guarded = `Remote Desktop Connection must use Remote Credential Guard ("Restrict delegation of credentials to remote servers" is "Require Remote Credential Guard" in ${remoteGuard[0]?.path}), ${GUARD_KERBEROS_ONLY}`;
    for (const rdp of rdpFiles) {
      // CredSSP off: the client does no NLA and sends no NTLM of its own; the server's logon screen takes the password.
      if (rdp.facts.credssp?.value === 0) continue;
      const account = accountOf(rdp.facts.user);
      // A local account of the server is signed in by NTLM only (localAccountWords): TryIPSPN does not help it.
      const kerberos = tryIp.length > 0 && account.kind !== 'local';
      const entraByIp = rdp.facts.entraAuth ? ENTRA_BY_IP : '';
      for (const target of rdp.facts.ipTargets ?? []) {
        if (ntlmMayBeSent(clientView, target.host) && remoteGuard.length > 0) {
          const words = kerberos
            ? `The ${quote(target.key)} target ${quote(target.host)} is an IP address and ${guarded}: it can connect only if the server has TERMSRV/${target.host} registered as an SPN ("TryIPSPN" is 1 in ${tryIp[0]!.path}); otherwise the connection fails. Connect by the server's name.`
            : account.kind === 'local'
              ? `The ${quote(target.key)} target ${quote(target.host)} is an IP address and ${guarded}: ${localAccountWords(account)}, so the connection fails. Sign in with a domain account and connect by the server's name.`
              : `The ${quote(target.key)} target ${quote(target.host)} is an IP address, which Kerberos cannot serve (it needs a name with a TERMSRV SPN; IP SPNs are tried only with TryIPSPN), and ${guarded}: the connection fails. Connect by the server's name.`;
          report({ path: rdp.path, message: words + entraByIp, subject: target.key, at: target.at, related: [...remoteGuard, ...(kerberos ? tryIp : [])], ...(kerberos && { severity: 'warning' as const }) });
          continue;
        }
        if (ntlmMayBeSent(clientView, target.host)) {
          // The client may send NTLM there: the server may still refuse it (xrf005-ntlm-incoming.ts).
          const opening = `The ${quote(target.key)} target ${quote(target.host)} is an IP address, which Kerberos cannot serve (it needs a name with a TERMSRV SPN; IP SPNs are tried only with TryIPSPN)`;
          const verdict = incomingRefusal({ host: target.host, opening, account, serversOf: serversOf(target.host), all: servers, tryIp });
          if (verdict) report({ path: rdp.path, message: verdict.message + entraByIp, subject: target.key, at: target.at, related: verdict.related, severity: verdict.severity });
          continue;
        }
        const maybe = unsettledListing(exceptions, target.host);
        const unlisted = unlistedWords(exceptions, target.host, maybe);
        const words = kerberos
          ? `The ${quote(target.key)} target ${quote(target.host)} is an IP address and ${denied}: CredSSP can authenticate only if the server has TERMSRV/${target.host} registered as an SPN ("TryIPSPN" is 1 in ${tryIp[0]!.path}); otherwise the connection fails.${unlisted} Connect by the server's name.`
          : account.kind === 'local'
            ? `The ${quote(target.key)} target ${quote(target.host)} is an IP address and ${denied}: ${localAccountWords(account)}, so CredSSP cannot authenticate and the connection fails.${unlisted} Sign in with a domain account and connect by the server's name.`
            : `The ${quote(target.key)} target ${quote(target.host)} is an IP address, which Kerberos cannot serve (it needs a name with a TERMSRV SPN; IP SPNs are tried only with TryIPSPN), and ${denied}: CredSSP cannot authenticate, so the connection fails.${unlisted} Connect by the server's name.`;
        report({
          path: rdp.path,
          message: words + entraByIp,
          subject: target.key,
          at: target.at,
          related: [...denying, ...(kerberos ? tryIp : []), ...exceptionsRelated(exceptions)],
          ...((kerberos || maybe) && { severity: 'warning' as const }),
        });
      }
      // By name Kerberos serves a domain account; a local account of the server still has NTLM only.
      for (const target of rdp.facts.nameTargets ?? []) {
        const local = accountOf(rdp.facts.user, target.host);
        if (local.kind !== 'local') continue;
        const opening = `The ${quote(target.key)} target ${quote(target.host)} is reached by name`;
        const entra = rdp.facts.entraAuth !== undefined;
        if (ntlmMayBeSent(clientView, target.host) && remoteGuard.length > 0) {
          const message = `${opening} and ${guarded}: ${localAccountWords(local)}, so the connection fails. Sign in with a domain account.${entra ? ENTRA_BY_NAME : ''}`;
          report({ path: rdp.path, message, subject: target.key, at: target.at, related: remoteGuard, ...(entra && { severity: 'warning' as const }) });
          continue;
        }
        if (ntlmMayBeSent(clientView, target.host)) {
          const verdict = incomingRefusal({ host: target.host, opening, byName: true, account: local, serversOf: serversOf(target.host), all: servers, tryIp: [] });
          if (verdict) {
            const message = verdict.message + (entra ? ENTRA_BY_NAME : '');
            report({ path: rdp.path, message, subject: target.key, at: target.at, related: verdict.related, severity: entra ? entraSeverity(verdict.severity) : verdict.severity });
          }
          continue;
        }
        const maybe = unsettledListing(exceptions, target.host);
        report({
          path: rdp.path,
          message: `${opening} and ${denied}: ${localAccountWords(local)}, so CredSSP cannot authenticate and the connection fails.${unlistedWords(exceptions, target.host, maybe)} Sign in with a domain account, or add ${quote(target.host)} to "Network security: Restrict NTLM: Add remote server exceptions for NTLM authentication" on the client.${entra ? ENTRA_BY_NAME : ''}`,
          subject: target.key,
          at: target.at,
          related: [...denying, ...exceptionsRelated(exceptions)],
          ...((maybe || entra) && { severity: 'warning' as const }),
        });
      }
    }
  },
};
