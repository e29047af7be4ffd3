/**
 * XRF005's server side: a server that refuses incoming NTLM, reached by IP address (no Kerberos), refuses the client's
 * CredSSP sign-in. Two policies do it:
 * - "Network security: Restrict NTLM: Incoming NTLM traffic" (`RestrictReceivingNTLMTraffic` under Lsa\MSV1_0) on the
 *   server itself: "Deny all domain accounts" refuses domain sign-ins "but the server will allow local account sign
 *   in"; "Deny all accounts" refuses every NTLM sign-in (RESTRICT-NTLM-INCOMING).
 * - "Network security: Restrict NTLM: NTLM authentication in this domain" (`RestrictNTLMInDomain` under
 *   Netlogon\Parameters), which "is applicable to domain controllers only": the domain controller refuses the NTLM
 *   pass-through of domain accounts unless "Add server exceptions in this domain" (`DCAllowedNTLMServers`, NetBIOS
 *   names) lists the server (RESTRICT-NTLM-DOMAIN, RESTRICT-NTLM-DOMAIN-EXCEPTIONS). A local account of a member
 *   server is checked by the server itself, not passed through (MS-APDS 3.1.5: pass-through is for domain accounts).
 * The audit settings (`AuditReceivingNTLMTraffic`, `AuditNTLMInDomain`) only log, and are not read.
 * The 0/1/2 and 0/1/3/5/7 numbering is what the security options write (security templates, the SecurityPolicyDsc
 * module's option table); Microsoft's pages name the choices only.
 */
import type { RegData } from '../../gpo/model';
import { netbiosName } from '../../gpo/export-scope';
import { whereSet as where } from '../../gpo/well-known-keys';
import { quote } from '../messages';
import { gpoRefs } from '../gpo/refs';
import type { RdpFacts, PolicyFact } from './facts';
import { doubtOf, factNumber, type Doubt, type ServerView } from './server-view';

const INCOMING = 'Network security: Restrict NTLM: Incoming NTLM traffic';
const IN_DOMAIN = 'Network security: Restrict NTLM: NTLM authentication in this domain';
/** The choices of the two policies that refuse NTLM, by the number they write. */
const INCOMING_DENY: Readonly<Record<number, string>> = { 1: 'Deny all domain accounts', 2: 'Deny all accounts' };
const DOMAIN_DENY: Readonly<Record<number, string>> = {
  1: 'Deny for domain accounts to domain servers',
  3: 'Deny for domain accounts',
  5: 'Deny for domain servers',
  7: 'Deny all',
};

/** What the file's account is, as far as its name tells. */
type Account = { kind: 'local' | 'upn' | 'named' | 'none'; shown?: string; prefix?: string };

/**
 * `.\user` (or `domain:s:.`) names a local account of the server: "a single period to represent the local computer
 * name … when connecting remotely … via Remote Desktop" (Raymond Chen, The Old New Thing, 2024-03-05). `user@suffix` is
 * a user principal name and `NAME\user` a down-level logon name ("User Name Formats", Microsoft Learn): NAME is a
 * domain, or the server's own computer name for a local account, which a file does not tell. A UPN is taken for a
 * domain account, with words that say only that it is written as one (a Microsoft account has the form too). No user
 * name at all leaves the choice to whoever signs in. `host`, a target that is a name, tells NAME: the server's own
 * computer name is its first label ("Computer Names": the NetBIOS name is that label, cut to 15 characters).
 */
export function accountOf(user: RdpFacts<unknown>['user'], host?: string): Account {
  const name = user?.name;
  const domain = user?.domain;
  if (name === undefined) return domain === '.' ? { kind: 'local' } : { kind: 'none' };
  const slash = name.indexOf('\\');
  const prefix = slash >= 0 ? name.slice(0, slash) : domain;
  const shown = slash < 0 && domain !== undefined ? `${domain}\\${name}` : name;
  if (prefix === '.') return { kind: 'local', shown };
  if (prefix !== undefined && host !== undefined && namesComputer(prefix, host)) return { kind: 'local', shown, prefix };
  if (slash < 0 && name.includes('@')) return { kind: 'upn', shown };
  return prefix !== undefined && prefix !== '' ? { kind: 'named', shown, prefix } : { kind: 'none', shown };
}

/**
 * A local account of the server is signed in by NTLM only: "NTLM authentication is also used for local logon
 * authentication on non-domain controllers", the server looking the account up "in the local account database"
 * (Microsoft Learn, "NTLM overview"); Kerberos needs a KDC of the account's domain, which a local account has none of.
 * So TryIPSPN and an IP SPN, or a DNS name, help a domain account only. In words, as a sentence's subject and verb.
 */
export function localAccountWords(account: Account): string {
  const who = account.shown !== undefined ? `the file's user ${quote(account.shown)}` : `the file's account (domain ".")`;
  const own = account.prefix !== undefined ? ` (${quote(account.prefix)} is the target's first label, the server's own computer name)` : '';
  return `${who} is a local account of the server${own}, which Windows signs in with NTLM only (Kerberos serves domain accounts)`;
}

/** Whether `NAME` of `NAME\\user` is the computer name of the server at `host` (a name): its first label, or that label cut to 15. */
function namesComputer(prefix: string, host: string): boolean {
  const name = prefix.trim().toLowerCase();
  const label = host.split('.')[0]!.toLowerCase();
  return name !== '' && (name === label || name === netbiosName(host));
}

/** Whether a sign-in with this account fails when domain accounts are refused, in words (after a colon). */
function domainAccountWords(account: Account): string {
  switch (account.kind) {
    case 'upn':
      return `the file's user ${quote(account.shown!)} is written as a user principal name, as a domain account is, and a domain account's sign-in fails; only a local account of the server can sign in.`;
    case 'named':
      return `the file's user ${quote(account.shown!)} fails if ${quote(account.prefix!)} is a domain, and signs in if it is the server's own computer name (a local account).`;
    default:
      return `a domain account fails to sign in; only a local account of the server (".\\name") can.`;
  }
}

/** The names of an NTLM exception list, `ClientAllowedNTLMServers` or `DCAllowedNTLMServers` (REG_MULTI_SZ; a REG_SZ read as one name per line). */
export function exceptionNames(data: RegData): string[] {
  const list = Array.isArray(data) ? data : typeof data === 'string' ? data.split(/\r?\n|\0/) : [];
  return list.map((n) => n.trim()).filter((n) => n !== '');
}

/** An exception list's first five names as a related location says them, or "no server". */
export function listedServers(names: readonly string[]): string {
  return names.length === 0 ? 'no server' : names.slice(0, 5).map(quote).join(', ') + (names.length > 5 ? ', …' : '');
}

interface Located<L> {
  readonly path: string;
  readonly at: L;
  readonly message: string;
}

export interface IncomingVerdict<L> {
  readonly message: string;
  readonly related: readonly Located<L>[];
  readonly severity: 'error' | 'warning' | 'info';
}

/** The policy, its choice and its value, all constants of this module (not file data: never cut short by `quote`). */
const setting = (policy: string, choice: string, value: string, n: number, path: string) => `"${policy}" is "${choice}", "${value}" = ${n} in ${path}`;

/**
 * Why a server reached at `host` refuses the CredSSP sign-in of a file with this account, or undefined. `serversOf`
 * gives the exports that may describe the server (a gpresult of another computer is left out); the domain controller's
 * restriction is taken from any export, as any may be a domain controller's policy. `opening` is the sentence's start
 * (the target is an IP address …); `tryIp` the exports that set TryIPSPN, with which Kerberos may still serve it.
 * `byName`: the target is a name, so only a local account (no Kerberos) gets here.
 */
export function incomingRefusal<L>(args: {
  host: string;
  opening: string;
  byName?: boolean;
  account: Account;
  serversOf: readonly ServerView<L>[];
  all: readonly ServerView<L>[];
  tryIp: readonly Located<L>[];
}): IncomingVerdict<L> | undefined {
  const { host, account, tryIp } = args;
  const receiving = args.serversOf.flatMap((s) => {
    const fact = s.value(gpoRefs().restrictReceivingNtlm);
    const n = factNumber(fact);
    return n !== undefined && INCOMING_DENY[n] !== undefined ? [{ view: s, fact: fact!, n, doubt: doubtOf(s, fact!) }] : [];
  });
  // Deny all accounts first, a certain value before one another export may override.
  const rank = (r: { n: number; doubt: Doubt<L> | undefined }) => (r.n === 2 ? 0 : 2) + (r.doubt ? 1 : 0);
  const incoming = [...receiving].sort((a, b) => rank(a) - rank(b))[0];
  const related: Located<L>[] = receiving.map((r) => ({
    path: r.view.path,
    at: r.fact.at,
    message: `"RestrictReceivingNTLMTraffic" is ${r.n} (${INCOMING_DENY[r.n]}) ${where(r.fact)}: this computer refuses NTLM sign-ins of ${r.n === 2 ? 'every account' : 'domain accounts'}.`,
  }));
  const spn = tryIp.length > 0 ? ` With TryIPSPN ("TryIPSPN" is 1 in ${tryIp[0]!.path}) Kerberos works instead if the server has TERMSRV/${host} registered as an SPN.` : '';
  const fix = `Connect by the server's DNS name so that Kerberos is used, or register TERMSRV/${host} as an SPN of the server and set TryIPSPN on the clients, or relax the policy.`;

  if (incoming && (incoming.n === 2 || account.kind !== 'local')) {
    const words = setting(INCOMING, INCOMING_DENY[incoming.n]!, 'RestrictReceivingNTLMTraffic', incoming.n, incoming.view.path);
    const all = incoming.n === 2;
    // A local account has no Kerberos to fall back on: TryIPSPN, an IP SPN or a DNS name change nothing for it.
    const local = all && account.kind === 'local';
    const kerberos = tryIp.length > 0 && !local;
    const refused = all ? `the server refuses every incoming NTLM sign-in (${words})` : `the server refuses incoming NTLM sign-ins of domain accounts (${words})`;
    const outcome = local
      ? `${localAccountWords(account)}, so the connection fails.`
      : all
        ? kerberos
          ? `CredSSP can authenticate only by Kerberos, so the connection fails unless the server has an IP SPN.${spn}`
          : 'CredSSP cannot authenticate, so the connection fails.'
        : `${domainAccountWords(account)}${spn}`;
    const doubt = incoming.doubt ? ` Whether the value applies there is not certain: ${incoming.doubt.words}.` : '';
    const remedy = !local ? fix : args.byName ? 'Sign in with a domain account so that Kerberos is used, or relax the policy.' : `Sign in with a domain account and connect by the server's DNS name so that Kerberos is used, or relax the policy.`;
    return {
      message: `${args.opening}, and ${refused}: ${outcome}${doubt} ${remedy}`,
      related: [...related, ...(incoming.doubt?.related ?? []), ...(local ? [] : tryIp)],
      severity: incoming.doubt ? (incoming.doubt.otherName ? 'info' : 'warning') : all && !kerberos ? 'error' : 'warning',
    };
  }

  if (account.kind === 'local') return undefined;
  const inDomain = args.all.flatMap((s) => {
    const fact = s.value(gpoRefs().restrictNtlmInDomain);
    const n = factNumber(fact);
    return n !== undefined && DOMAIN_DENY[n] !== undefined ? [{ view: s, fact: fact! as PolicyFact<L>, n }] : [];
  });
  if (inDomain.length === 0) return undefined;
  const lists = args.all.flatMap((s) => {
    const fact = s.value(gpoRefs().dcNtlmServerExceptions);
    return fact ? [{ path: s.path, fact, names: exceptionNames(fact.data) }] : [];
  });
  // A lone asterisk names every server; any other entry is a NetBIOS name, which an IP address cannot be matched with.
  if (lists.some((l) => l.names.includes('*'))) return undefined;
  const first = inDomain[0]!;
  const words = setting(IN_DOMAIN, DOMAIN_DENY[first.n]!, 'RestrictNTLMInDomain', first.n, first.view.path);
  const listed = lists.length > 0 ? ` The domain's exception list ("DCAllowedNTLMServers" in ${lists[0]!.path}) may name the server: it holds NetBIOS names, which RDP Doctor cannot match with an IP address.` : '';
  return {
    message: `${args.opening}, and an export restricts NTLM in the domain (${words}). That setting applies to domain controllers only: where it is the policy of a domain controller of the server's domain, the domain controller refuses to pass a domain account's NTLM sign-in through to the server unless "Add server exceptions in this domain" names the server, so ${domainAccountWords(account)}${listed}${spn} ${fix}`,
    related: [
      ...inDomain.map((d) => ({ path: d.view.path, at: d.fact.at, message: `"RestrictNTLMInDomain" is ${d.n} (${DOMAIN_DENY[d.n]}) ${where(d.fact)}: a domain controller with this policy refuses NTLM pass-through of domain sign-ins.` })),
      ...lists.map((l) => ({ path: l.path, at: l.fact.at, message: `"DCAllowedNTLMServers" ${where(l.fact)} lists ${listedServers(l.names)}: NTLM pass-through is allowed to these servers.` })),
      ...tryIp,
    ],
    severity: 'warning',
  };
}
