import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeCertificate } from '../../../src/core/net/certificate';
import { certificateMatchesName } from '../../../src/core/net/name-match';
import { verifyChain } from '../../../src/core/net/trust';
import { TrustStore } from '../../../src/core/net/trust-store';
import { readX509Fields } from '../../../src/core/net/x509-fields';

/**
 * Chains made with openssl at test time. For each case our trust verdict must agree with
 * `openssl verify -CAfile ROOTS [-untrusted CHAIN] LEAF` (no purpose: EKU is NET024's business).
 */
let dir = '';
const openssl = (args: readonly string[]): string => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

type Alg = 'ec' | 'rsa';
const CA_EXT = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign'];
const LEAF_EXT = ['basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature,keyEncipherment', 'extendedKeyUsage=serverAuth', 'subjectAltName=DNS:rdsh01.contoso.test'];

function key(name: string, alg: Alg): void {
  openssl(alg === 'ec'
    ? ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`]
    : ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', `${name}.key`]);
}

/** A self-signed certificate with its own key (made unless `keyOf` names an existing one). */
function selfSigned(name: string, subject: string, ext: readonly string[], opts: { alg?: Alg; keyOf?: string; config?: string } = {}): void {
  const keyName = opts.keyOf ?? name;
  if (!opts.keyOf) key(name, opts.alg ?? 'ec');
  writeFileSync(join(dir, `${name}.ext`), `[req]\ndistinguished_name=dn\n${opts.config ?? ''}\n[dn]\n[v3]\n${ext.join('\n')}\n`);
  openssl(['req', '-x509', '-new', '-utf8', '-key', `${keyName}.key`, '-subj', subject, '-days', '365', '-config', `${name}.ext`, '-extensions', 'v3', '-out', `${name}.pem`]);
}

/** A certificate for `name`'s key (made unless `keyOf` names one), signed by `issuer`. */
function issue(name: string, subject: string, issuer: string, ext: readonly string[], opts: { alg?: Alg; keyOf?: string; days?: number; config?: string } = {}): void {
  const keyName = opts.keyOf ?? name;
  if (!opts.keyOf) key(name, opts.alg ?? 'ec');
  writeFileSync(join(dir, `${name}.cnf`), `[req]\ndistinguished_name=dn\n${opts.config ?? ''}\n[dn]\n`);
  openssl(['req', '-new', '-utf8', '-key', `${keyName}.key`, '-subj', subject, '-config', `${name}.cnf`, '-out', `${name}.csr`]);
  writeFileSync(join(dir, `${name}.ext`), ext.join('\n') + '\n');
  const serial = `0x${Math.floor(Math.random() * 2 ** 48).toString(16)}`;
  openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-set_serial', serial,
    '-days', String(opts.days ?? 365), '-extfile', `${name}.ext`, '-out', `${name}.pem`]);
}

const der = (name: string): Buffer => new X509Certificate(readFileSync(join(dir, `${name}.pem`))).raw;
const pem = (names: readonly string[]): string => names.map((n) => readFileSync(join(dir, `${n}.pem`), 'utf8')).join('');

interface Case {
  readonly name: string;
  readonly leaf: string;
  /** What the server sends after the leaf, in order. */
  readonly sent: readonly string[];
  readonly roots: readonly string[];
  /** What this case is about; the verdict itself comes from openssl. */
  readonly expected: boolean;
  readonly reason?: RegExp;
}

function opensslVerdict(c: Case): boolean {
  const rootsFile = join(dir, `${c.name}-roots.pem`);
  writeFileSync(rootsFile, pem(c.roots));
  const args = ['verify', '-CAfile', rootsFile];
  if (c.sent.length) {
    const untrusted = join(dir, `${c.name}-untrusted.pem`);
    writeFileSync(untrusted, pem(c.sent));
    args.push('-untrusted', untrusted);
  }
  args.push(join(dir, `${c.leaf}.pem`));
  return spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' }).status === 0;
}

describe('chain validation agrees with openssl verify (RFC 5280 §6)', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdpdoctor-chains-'));
    selfSigned('root', '/CN=Matrix Root', CA_EXT);
    issue('int', '/CN=Matrix Issuing CA', 'root', CA_EXT);
    issue('leaf', '/CN=rdsh01.contoso.test', 'int', LEAF_EXT);
    // RSA throughout.
    selfSigned('rsa-root', '/CN=Matrix RSA Root', CA_EXT, { alg: 'rsa' });
    issue('rsa-int', '/CN=Matrix RSA Issuing CA', 'rsa-root', CA_EXT, { alg: 'rsa' });
    issue('rsa-leaf', '/CN=rdsh01.contoso.test', 'rsa-int', LEAF_EXT, { alg: 'rsa' });
    // An intermediate that is not a CA, and one without keyCertSign.
    issue('not-ca', '/CN=Matrix Not A CA', 'root', ['basicConstraints=CA:FALSE', 'keyUsage=critical,keyCertSign,digitalSignature']);
    issue('leaf-of-not-ca', '/CN=rdsh01.contoso.test', 'not-ca', LEAF_EXT);
    issue('no-certsign', '/CN=Matrix No CertSign CA', 'root', ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,digitalSignature']);
    issue('leaf-of-no-certsign', '/CN=rdsh01.contoso.test', 'no-certsign', LEAF_EXT);
    // pathLenConstraint 0 with another CA below it: exceeded; pathlen 1: fine.
    issue('len0', '/CN=Matrix PathLen 0 CA', 'root', ['basicConstraints=critical,CA:TRUE,pathlen:0', 'keyUsage=critical,keyCertSign']);
    issue('under-len0', '/CN=Matrix Under PathLen 0', 'len0', CA_EXT);
    issue('leaf-under-len0', '/CN=rdsh01.contoso.test', 'under-len0', LEAF_EXT);
    issue('len1', '/CN=Matrix PathLen 1 CA', 'root', ['basicConstraints=critical,CA:TRUE,pathlen:1', 'keyUsage=critical,keyCertSign']);
    issue('under-len1', '/CN=Matrix Under PathLen 1', 'len1', CA_EXT);
    issue('leaf-under-len1', '/CN=rdsh01.contoso.test', 'under-len1', LEAF_EXT);
    // An expired intermediate (notAfter a day before notBefore's day).
    issue('expired-int', '/CN=Matrix Expired CA', 'root', CA_EXT, { days: -1 });
    issue('leaf-of-expired', '/CN=rdsh01.contoso.test', 'expired-int', LEAF_EXT);
    // Cross-signing: a new root, and the same name and key signed by the old root.
    selfSigned('new-root', '/CN=Matrix New Root', CA_EXT);
    issue('new-root-x', '/CN=Matrix New Root', 'root', CA_EXT, { keyOf: 'new-root' });
    issue('new-int', '/CN=Matrix New Issuing CA', 'new-root', CA_EXT);
    issue('new-leaf', '/CN=rdsh01.contoso.test', 'new-int', LEAF_EXT);
    // A CA cross-certified by two roots (one key, one name; a bridge CA), and a leaf it issued.
    selfSigned('bridge-root', '/CN=Matrix Bridge Root', CA_EXT);
    issue('cross-by-root', '/CN=Matrix Cross CA', 'root', CA_EXT);
    issue('cross-by-bridge', '/CN=Matrix Cross CA', 'bridge-root', CA_EXT, { keyOf: 'cross-by-root' });
    issue('leaf-of-cross', '/CN=rdsh01.contoso.test', 'cross-by-root', LEAF_EXT);
    // Eleven CAs in a line under the root, and leaves under the 9th and the 11th.
    for (let i = 1; i <= 11; i++) issue(`line-${i}`, `/CN=Matrix Line CA ${i}`, i === 1 ? 'root' : `line-${i - 1}`, CA_EXT);
    issue('leaf-of-line-9', '/CN=rdsh01.contoso.test', 'line-9', LEAF_EXT);
    issue('leaf-of-line-11', '/CN=rdsh01.contoso.test', 'line-11', LEAF_EXT);
    // A wrong signature: an impostor CA with the real intermediate's name but its own key.
    selfSigned('impostor', '/CN=Matrix Issuing CA', CA_EXT);
    issue('forged-leaf', '/CN=rdsh01.contoso.test', 'impostor', LEAF_EXT);
    // Self-signed leaves, the RDP default kind (no keyCertSign) and one with it.
    selfSigned('self-plain', '/CN=rdsh01.contoso.test', ['basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature,keyEncipherment', 'extendedKeyUsage=serverAuth']);
    selfSigned('self-certsign', '/CN=rdsh01.contoso.test', ['keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign', 'extendedKeyUsage=serverAuth'], { alg: 'rsa' });
    // Names in UTF8String, BMPString (string_mask pkix prefers BMP to UTF-8) and TeletexString (the default mask).
    issue('utf8', '/CN=münchen-rdp.example/O=Stadtwerke München', 'int', LEAF_EXT);
    issue('bmp', '/CN=zürich-rdp.example', 'int', LEAF_EXT, { config: 'string_mask=pkix' });
    issue('t61', '/CN=gärtnerei-rdp.example', 'int', LEAF_EXT, { config: 'string_mask=default' });
    // A critical extension nobody knows, on the leaf and on an intermediate (RFC 5280 §4.2: reject).
    const unknownCritical = '1.3.6.1.4.1.99999.1=critical,ASN1:NULL';
    issue('leaf-unknown-critical', '/CN=rdsh01.contoso.test', 'int', [...LEAF_EXT, unknownCritical]);
    issue('int-unknown-critical', '/CN=Matrix Odd CA', 'root', [...CA_EXT, unknownCritical]);
    issue('leaf-of-unknown-critical', '/CN=rdsh01.contoso.test', 'int-unknown-critical', LEAF_EXT);
    // The same extension not critical, and critical policy extensions, which clients process: fine.
    issue('leaf-unknown-plain', '/CN=rdsh01.contoso.test', 'int', [...LEAF_EXT, '1.3.6.1.4.1.99999.1=ASN1:NULL']);
    issue('int-policies', '/CN=Matrix Policy CA', 'root', [...CA_EXT, 'certificatePolicies=critical,2.23.140.1.2.1', 'policyConstraints=critical,inhibitPolicyMapping:0', 'inhibitAnyPolicy=critical,0']);
    issue('leaf-of-policies', '/CN=rdsh01.contoso.test', 'int-policies', [...LEAF_EXT, 'certificatePolicies=2.23.140.1.2.1']);
    // Name constraints (RFC 5280 §4.2.1.10) on an intermediate, and on the root.
    issue('nc-int', '/CN=Matrix Constrained CA', 'root', [...CA_EXT, 'nameConstraints=critical,permitted;DNS:example.com,permitted;IP:10.0.0.0/255.0.0.0,excluded;DNS:bad.example.com']);
    const leafFor = (san: string): string[] => [...LEAF_EXT.slice(0, 3), `subjectAltName=${san}`];
    issue('nc-localhost', '/CN=localhost', 'nc-int', leafFor('DNS:localhost'));
    issue('nc-inside', '/CN=rdp.example.com', 'nc-int', leafFor('DNS:rdp.example.com,DNS:example.com,IP:10.1.2.3'));
    issue('nc-lookalike', '/CN=badexample.com', 'nc-int', leafFor('DNS:badexample.com'));
    issue('nc-excluded', '/CN=host.bad.example.com', 'nc-int', leafFor('DNS:host.bad.example.com'));
    issue('nc-ip-outside', '/CN=rdp.example.com', 'nc-int', leafFor('DNS:rdp.example.com,IP:192.168.0.1'));
    issue('nc-cn-outside', '/CN=rdsh01.contoso.test', 'nc-int', LEAF_EXT.slice(0, 3));
    issue('nc-cn-inside', '/CN=rdp.example.com', 'nc-int', LEAF_EXT.slice(0, 3));
    issue('nc-email', '/CN=Matrix Mail-Constrained CA', 'root', [...CA_EXT, 'nameConstraints=critical,permitted;email:example.com']);
    issue('nc-email-none', '/CN=rdsh01.contoso.test', 'nc-email', LEAF_EXT);
    issue('nc-email-some', '/CN=rdsh01.contoso.test', 'nc-email', leafFor('DNS:rdsh01.contoso.test,email:admin@contoso.test'));
    issue('nc-dir', '/CN=Matrix Directory-Constrained CA', 'root', [...CA_EXT, 'nameConstraints=critical,permitted;dirName:nc_dir,permitted;IP:2001:db8::/ffff:ffff::', '[nc_dir]', 'O=Contoso']);
    issue('nc-dir-inside', '/O=Contoso/CN=rdsh01.contoso.test', 'nc-dir', leafFor('DNS:rdsh01.contoso.test,IP:2001:db8::5'));
    issue('nc-dir-outside', '/O=Fabrikam/CN=rdsh01.contoso.test', 'nc-dir', LEAF_EXT);
    issue('nc-ipv6-outside', '/O=Contoso/CN=rdsh01.contoso.test', 'nc-dir', leafFor('DNS:rdsh01.contoso.test,IP:2001:db9::5'));
    selfSigned('nc-root', '/CN=Matrix Constrained Root', [...CA_EXT, 'nameConstraints=critical,permitted;DNS:example.com']);
    issue('nc-root-int', '/CN=Matrix Under Constrained Root', 'nc-root', CA_EXT);
    issue('nc-root-leaf', '/CN=localhost', 'nc-root-int', leafFor('DNS:localhost'));
    // An Active Directory root: DNS and directory-name constraints, leaves named by DC= components and a host CN.
    const plainLeaf = (san?: string): string[] => ['basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=serverAuth', ...(san ? [`subjectAltName=${san}`] : [])];
    selfSigned('nc-ad-root', '/CN=Matrix AD Root', [...CA_EXT, 'nameConstraints=critical,permitted;DNS:corp.example.com,permitted;dirName:nc_ad', '[nc_ad]', '1.DC=com', '2.DC=example', '3.DC=corp']);
    const ad = (cn: string): string => `/DC=com/DC=example/DC=corp/CN=${cn}`;
    issue('ad-one-label-ip', ad('rdp01'), 'nc-ad-root', plainLeaf('IP:10.0.0.5'));
    issue('ad-one-label', ad('rdp01'), 'nc-ad-root', plainLeaf());
    issue('ad-cn-inside', ad('rdp01.corp.example.com'), 'nc-ad-root', plainLeaf());
    issue('ad-cn-outside', ad('rdp01.other.example'), 'nc-ad-root', plainLeaf());
    issue('ad-cn-underscore', ad('rdp_01.other.example'), 'nc-ad-root', plainLeaf());
    issue('ad-cn-wildcard', ad('*.other.example'), 'nc-ad-root', plainLeaf());
    issue('ad-cn-trailing-dot', ad('rdp01.other.example.'), 'nc-ad-root', plainLeaf());
    issue('ad-cn-leading-hyphen', ad('-rdp01.other.example'), 'nc-ad-root', plainLeaf());
    issue('ad-cn-hyphen-by-dot', ad('rdp01-.other.example'), 'nc-ad-root', plainLeaf());
    issue('ad-cn-space', ad('rdp 01.other.example'), 'nc-ad-root', plainLeaf());
    issue('ad-cn-non-ascii', ad('rdpü.other.example'), 'nc-ad-root', plainLeaf());
    issue('ad-cn-beside-dns', ad('rdp01.other.example'), 'nc-ad-root', plainLeaf('DNS:rdp01.corp.example.com'));
    // otherName constraints hold only otherNames of their own type: a UPN constraint, a domain controller's GUID.
    selfSigned('nc-upn-root', '/CN=Matrix UPN Root', [...CA_EXT, 'nameConstraints=critical,permitted;DNS:corp.example.com,permitted;otherName:1.3.6.1.4.1.311.20.2.3;UTF8:@corp.example.com']);
    const withOther = (other: string): string[] => plainLeaf('@alt').concat('[alt]', 'DNS.1=rdp01.corp.example.com', `otherName.1=${other}`);
    issue('guid-leaf', '/CN=rdp01.corp.example.com', 'nc-upn-root', withOther('1.3.6.1.4.1.311.25.1;FORMAT:HEX,OCT:00112233445566778899AABBCCDDEEFF'));
    issue('upn-leaf', '/CN=rdp01.corp.example.com', 'nc-upn-root', withOther('1.3.6.1.4.1.311.20.2.3;UTF8:admin@corp.example.com'));
    // rfc822Name constraints: a host, over the subject's emailAddress, email alternative names and SmtpUTF8Mailbox names.
    selfSigned('nc-mail-root', '/CN=Matrix Mail Root', [...CA_EXT, 'nameConstraints=critical,permitted;DNS:corp.example.com,permitted;email:corp.example.com']);
    const mailLeaf = (name: string, subject: string, san = 'DNS:rdp01.corp.example.com'): void => issue(name, `/CN=rdp01.corp.example.com${subject}`, 'nc-mail-root', plainLeaf(san));
    mailLeaf('mail-subject', '/emailAddress=admin@corp.example.com');
    mailLeaf('mail-subject-outside', '/emailAddress=admin@other.example');
    mailLeaf('mail-subject-subhost', '/emailAddress=admin@mail.corp.example.com');
    mailLeaf('mail-san-case', '', 'DNS:rdp01.corp.example.com,email:Admin@CORP.Example.com');
    issue('mail-eai-inside', '/CN=rdp01.corp.example.com', 'nc-mail-root', withOther('1.3.6.1.5.5.7.8.9;UTF8:admin@Corp.example.com'));
    issue('mail-eai-outside', '/CN=rdp01.corp.example.com', 'nc-mail-root', withOther('1.3.6.1.5.5.7.8.9;UTF8:admin@other.example'));
    // A mailbox and a domain with a leading dot, and an excluded mailbox.
    issue('nc-mail-forms', '/CN=Matrix Mail Forms CA', 'root', [...CA_EXT, 'nameConstraints=critical,permitted;email:admin@corp.example.com,permitted;email:.corp.example.com,excluded;email:root@mail.corp.example.com']);
    const formsLeaf = (name: string, email: string): void => issue(name, '/CN=rdp01.corp.example.com', 'nc-mail-forms', plainLeaf(`DNS:rdp01.corp.example.com,email:${email}`));
    formsLeaf('forms-mailbox', 'admin@corp.example.com');
    formsLeaf('forms-mailbox-case', 'Admin@corp.example.com');
    formsLeaf('forms-host-only', 'user@corp.example.com');
    formsLeaf('forms-domain', 'user@MAIL.corp.example.com');
    formsLeaf('forms-excluded', 'root@mail.corp.example.com');
    // Microsoft's Application Policies marked critical (Windows processes it, OpenSSL does not), and a template extension.
    const appPolicies = '1.3.6.1.4.1.311.21.10=critical,DER:300C300A06082B06010505070301';
    issue('leaf-app-policies', '/CN=rdsh01.contoso.test', 'int', [...LEAF_EXT, appPolicies]);
    issue('int-app-policies', '/CN=Matrix Policy-Critical CA', 'root', [...CA_EXT, appPolicies]);
    issue('leaf-of-app-policies', '/CN=rdsh01.contoso.test', 'int-app-policies', LEAF_EXT);
    issue('leaf-template-critical', '/CN=rdsh01.contoso.test', 'int', [...LEAF_EXT, '1.3.6.1.4.1.311.21.7=critical,DER:300F060A2B060104018237150801020164']);
    // An intermediate whose extended key usage allows only Client Authentication.
    issue('client-int', '/CN=Matrix Client CA', 'root', [...CA_EXT, 'extendedKeyUsage=clientAuth']);
    issue('leaf-of-client-int', '/CN=rdsh01.contoso.test', 'client-int', LEAF_EXT);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Case[] = [
    { name: 'leaf and intermediate sent', leaf: 'leaf', sent: ['int'], roots: ['root'], expected: true },
    { name: 'RSA chain', leaf: 'rsa-leaf', sent: ['rsa-int'], roots: ['rsa-root'], expected: true },
    { name: 'the server also sends the trusted root', leaf: 'leaf', sent: ['int', 'root'], roots: ['root'], expected: true },
    { name: 'the server sends an untrusted root', leaf: 'leaf', sent: ['int', 'root'], roots: ['rsa-root'], expected: false, reason: /CN=Matrix Root is not among the trusted roots/ },
    { name: 'missing intermediate', leaf: 'leaf', sent: [], roots: ['root'], expected: false, reason: /its issuer CN=Matrix Issuing CA is not among the trusted roots/ },
    { name: 'intermediate is not a CA', leaf: 'leaf-of-not-ca', sent: ['not-ca'], roots: ['root'], expected: false, reason: /is not a CA/ },
    { name: 'intermediate without keyCertSign', leaf: 'leaf-of-no-certsign', sent: ['no-certsign'], roots: ['root'], expected: false, reason: /keyCertSign/ },
    { name: 'pathLenConstraint exceeded', leaf: 'leaf-under-len0', sent: ['under-len0', 'len0'], roots: ['root'], expected: false, reason: /allows 0 intermediate CAs below it/ },
    { name: 'pathLenConstraint respected', leaf: 'leaf-under-len1', sent: ['under-len1', 'len1'], roots: ['root'], expected: true },
    { name: 'expired intermediate', leaf: 'leaf-of-expired', sent: ['expired-int'], roots: ['root'], expected: false, reason: /Matrix Expired CA expired on/ },
    { name: 'cross-signed: to the old root', leaf: 'new-leaf', sent: ['new-int', 'new-root-x'], roots: ['root'], expected: true },
    { name: 'cross-signed: to the new root', leaf: 'new-leaf', sent: ['new-int', 'new-root-x'], roots: ['new-root'], expected: true },
    { name: 'cross-signed: neither root trusted', leaf: 'new-leaf', sent: ['new-int', 'new-root-x'], roots: ['rsa-root'], expected: false },
    { name: 'cross-certified CA, the copy from the trusted root sent first', leaf: 'leaf-of-cross', sent: ['cross-by-root', 'cross-by-bridge'], roots: ['root'], expected: true },
    { name: 'the intermediate sent after ten other certificates', leaf: 'leaf', sent: ['rsa-root', 'rsa-int', 'self-plain', 'self-certsign', 'not-ca', 'no-certsign', 'len0', 'len1', 'expired-int', 'impostor', 'int'], roots: ['root'], expected: true },
    { name: 'nine CAs between the leaf and the root', leaf: 'leaf-of-line-9', sent: Array.from({ length: 9 }, (_, i) => `line-${9 - i}`), roots: ['root'], expected: true },
    { name: 'wrong signature', leaf: 'forged-leaf', sent: ['int'], roots: ['root'], expected: false, reason: /does not verify with the key of CN=Matrix Issuing CA/ },
    { name: 'self-signed leaf without keyCertSign, untrusted', leaf: 'self-plain', sent: [], roots: ['root'], expected: false },
    { name: 'self-signed leaf without keyCertSign, configured as a CA', leaf: 'self-plain', sent: [], roots: ['self-plain'], expected: true },
    { name: 'self-signed leaf with keyCertSign, untrusted', leaf: 'self-certsign', sent: [], roots: ['root'], expected: false },
    { name: 'self-signed leaf with keyCertSign, configured as a CA', leaf: 'self-certsign', sent: [], roots: ['self-certsign'], expected: true },
    { name: 'UTF8String subject', leaf: 'utf8', sent: ['int'], roots: ['root'], expected: true },
    { name: 'BMPString subject', leaf: 'bmp', sent: ['int'], roots: ['root'], expected: true },
    { name: 'unknown critical extension on the leaf', leaf: 'leaf-unknown-critical', sent: ['int'], roots: ['root'], expected: false, reason: /^it marks the extension 1\.3\.6\.1\.4\.1\.99999\.1 critical, which this check does not recognize/ },
    { name: 'unknown critical extension on the intermediate', leaf: 'leaf-of-unknown-critical', sent: ['int-unknown-critical'], roots: ['root'], expected: false, reason: /the CA CN=Matrix Odd CA marks the extension 1\.3\.6\.1\.4\.1\.99999\.1 critical/ },
    { name: 'unknown extension, not critical', leaf: 'leaf-unknown-plain', sent: ['int'], roots: ['root'], expected: true },
    { name: 'critical certificate-policy extensions on the intermediate', leaf: 'leaf-of-policies', sent: ['int-policies'], roots: ['root'], expected: true },
    { name: 'name constraints: a DNS name outside the permitted subtree', leaf: 'nc-localhost', sent: ['nc-int'], roots: ['root'], expected: false, reason: /CN=Matrix Constrained CA permits only names within DNS example\.com \(name constraints\), and the certificate names DNS localhost/ },
    { name: 'name constraints: DNS names and an IP address inside', leaf: 'nc-inside', sent: ['nc-int'], roots: ['root'], expected: true },
    { name: 'name constraints: a name that only ends in the same letters', leaf: 'nc-lookalike', sent: ['nc-int'], roots: ['root'], expected: false, reason: /names DNS badexample\.com/ },
    { name: 'name constraints: an excluded DNS name', leaf: 'nc-excluded', sent: ['nc-int'], roots: ['root'], expected: false, reason: /excludes DNS bad\.example\.com by its name constraints, and the certificate names DNS host\.bad\.example\.com/ },
    { name: 'name constraints: an IP address outside the permitted subtree', leaf: 'nc-ip-outside', sent: ['nc-int'], roots: ['root'], expected: false, reason: /permits only names within IP address 10\.0\.0\.0\/8 \(name constraints\), and the certificate names IP address 192\.168\.0\.1/ },
    { name: 'name constraints: the common name of a leaf without DNS names, outside', leaf: 'nc-cn-outside', sent: ['nc-int'], roots: ['root'], expected: false, reason: /and the certificate has the common name rdsh01\.contoso\.test, read as a DNS name since it has no DNS alternative name$/ },
    { name: 'name constraints: the common name of a leaf without DNS names, inside', leaf: 'nc-cn-inside', sent: ['nc-int'], roots: ['root'], expected: true },
    { name: 'name constraints: a subject within the permitted directory name, an IPv6 address inside', leaf: 'nc-dir-inside', sent: ['nc-dir'], roots: ['root'], expected: true },
    { name: 'name constraints: a subject outside the permitted directory name', leaf: 'nc-dir-outside', sent: ['nc-dir'], roots: ['root'], expected: false, reason: /permits only names within directory name O=Contoso \(name constraints\), and the certificate has the subject CN=rdsh01\.contoso\.test, O=Fabrikam/ },
    { name: 'name constraints: an IPv6 address outside', leaf: 'nc-ipv6-outside', sent: ['nc-dir'], roots: ['root'], expected: false, reason: /IP address 2001:db8::\/32 \(name constraints\), and the certificate names IP address 2001:db9::5/ },
    { name: 'name constraints on email addresses, a leaf with none', leaf: 'nc-email-none', sent: ['nc-email'], roots: ['root'], expected: true },
    { name: 'name constraints on email addresses, a leaf with one outside', leaf: 'nc-email-some', sent: ['nc-email'], roots: ['root'], expected: false, reason: /CN=Matrix Mail-Constrained CA permits only names within email addresses at example\.com \(name constraints\), and the certificate names the email address admin@contoso\.test$/ },
    { name: "name constraints of the trust anchor", leaf: 'nc-root-leaf', sent: ['nc-root-int'], roots: ['nc-root'], expected: false, reason: /CN=Matrix Constrained Root permits only names within DNS example\.com/ },
    // OpenSSL's cn2dnsid: only a common name shaped as a host name of two or more labels is held to DNS name constraints.
    { name: 'Active Directory leaf: a one-label common name and an IP address, under DNS and directory-name constraints', leaf: 'ad-one-label-ip', sent: [], roots: ['nc-ad-root'], expected: true },
    { name: 'Active Directory leaf: a one-label common name, no alternative name', leaf: 'ad-one-label', sent: [], roots: ['nc-ad-root'], expected: true },
    { name: 'Active Directory leaf: a host common name inside', leaf: 'ad-cn-inside', sent: [], roots: ['nc-ad-root'], expected: true },
    { name: 'Active Directory leaf: a host common name outside', leaf: 'ad-cn-outside', sent: [], roots: ['nc-ad-root'], expected: false, reason: /^CN=Matrix AD Root permits only names within DNS corp\.example\.com \(name constraints\), and the certificate has the common name rdp01\.other\.example, read as a DNS name since it has no DNS alternative name$/ },
    { name: 'a common name with an underscore is a host name to OpenSSL', leaf: 'ad-cn-underscore', sent: [], roots: ['nc-ad-root'], expected: false, reason: /common name rdp_01\.other\.example, read as a DNS name/ },
    { name: 'a wildcard common name is not a host name', leaf: 'ad-cn-wildcard', sent: [], roots: ['nc-ad-root'], expected: true },
    { name: 'a common name with a trailing dot is not a host name', leaf: 'ad-cn-trailing-dot', sent: [], roots: ['nc-ad-root'], expected: true },
    { name: 'a common name with a leading hyphen is not a host name', leaf: 'ad-cn-leading-hyphen', sent: [], roots: ['nc-ad-root'], expected: true },
    { name: 'a common name with a hyphen before a dot is not a host name', leaf: 'ad-cn-hyphen-by-dot', sent: [], roots: ['nc-ad-root'], expected: true },
    { name: 'a common name with a space is not a host name', leaf: 'ad-cn-space', sent: [], roots: ['nc-ad-root'], expected: true },
    { name: 'a common name with a letter outside ASCII is not a host name', leaf: 'ad-cn-non-ascii', sent: [], roots: ['nc-ad-root'], expected: true },
    { name: 'a common name beside a DNS alternative name is not checked', leaf: 'ad-cn-beside-dns', sent: [], roots: ['nc-ad-root'], expected: true },
    { name: 'a UPN constraint and a leaf with a GUID otherName only', leaf: 'guid-leaf', sent: [], roots: ['nc-upn-root'], expected: true },
    { name: 'a UPN constraint and a leaf with a UPN', leaf: 'upn-leaf', sent: [], roots: ['nc-upn-root'], expected: false, reason: /has critical name constraints on otherName names of type 1\.3\.6\.1\.4\.1\.311\.20\.2\.3, which this check does not evaluate, and the certificate has such names/ },
    { name: "email constraints: the subject's emailAddress at the host", leaf: 'mail-subject', sent: [], roots: ['nc-mail-root'], expected: true },
    { name: "email constraints: the subject's emailAddress elsewhere", leaf: 'mail-subject-outside', sent: [], roots: ['nc-mail-root'], expected: false, reason: /^CN=Matrix Mail Root permits only names within email addresses at corp\.example\.com \(name constraints\), and the certificate has the email address admin@other\.example in its subject$/ },
    { name: 'email constraints: a host takes no host below it', leaf: 'mail-subject-subhost', sent: [], roots: ['nc-mail-root'], expected: false, reason: /email address admin@mail\.corp\.example\.com in its subject/ },
    { name: 'email constraints: the host compares without case', leaf: 'mail-san-case', sent: [], roots: ['nc-mail-root'], expected: true },
    { name: 'email constraints: an SmtpUTF8Mailbox at the host', leaf: 'mail-eai-inside', sent: [], roots: ['nc-mail-root'], expected: true },
    { name: 'email constraints: an SmtpUTF8Mailbox elsewhere', leaf: 'mail-eai-outside', sent: [], roots: ['nc-mail-root'], expected: false, reason: /names the mailbox admin@other\.example \(SmtpUTF8Mailbox\)$/ },
    { name: 'email constraints: the permitted mailbox', leaf: 'forms-mailbox', sent: ['nc-mail-forms'], roots: ['root'], expected: true },
    { name: 'email constraints: the local part compares with case', leaf: 'forms-mailbox-case', sent: ['nc-mail-forms'], roots: ['root'], expected: false, reason: /permits only names within email address admin@corp\.example\.com, email addresses at hosts in corp\.example\.com \(name constraints\), and the certificate names the email address Admin@corp\.example\.com$/ },
    { name: 'email constraints: a mailbox and a domain permit no other mailbox at the host', leaf: 'forms-host-only', sent: ['nc-mail-forms'], roots: ['root'], expected: false },
    { name: 'email constraints: a domain with a leading dot takes its hosts', leaf: 'forms-domain', sent: ['nc-mail-forms'], roots: ['root'], expected: true },
    { name: 'email constraints: an excluded mailbox', leaf: 'forms-excluded', sent: ['nc-mail-forms'], roots: ['root'], expected: false, reason: /excludes email address root@mail\.corp\.example\.com by its name constraints, and the certificate names the email address root@mail\.corp\.example\.com$/ },
    { name: 'a critical certificate template information extension is not recognized', leaf: 'leaf-template-critical', sent: ['int'], roots: ['root'], expected: false, reason: /^it marks the extension 1\.3\.6\.1\.4\.1\.311\.21\.7 critical/ },
    { name: "an intermediate's extended key usage is not trust", leaf: 'leaf-of-client-int', sent: ['client-int'], roots: ['root'], expected: true },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.expected ? 'trusted' : 'not trusted'}, as openssl says`, () => {
      const theirs = opensslVerdict(c);
      const store = new TrustStore(c.roots.map((r) => new X509Certificate(der(r))), false);
      const ours = verifyChain([der(c.leaf), ...c.sent.map(der)], store);
      assert.equal(ours.trusted, theirs, `openssl says ${theirs}, we say ${ours.trusted} (${ours.reason ?? ''})`);
      assert.equal(theirs, c.expected, 'the case is built as intended');
      if (c.reason) assert.match(ours.reason ?? '', c.reason);
    });
  }

  it('cross-certified CA, the copy from an untrusted root sent first: trusted, as Windows picks among every candidate (openssl takes the first)', () => {
    // "CAPI2 tries to select the best quality chain leading up to a certificate that the user trusts" (Microsoft PKI blog,
    // "Certificate Path Validation in Bridge CA and Cross-Certification Environments"); OpenSSL follows the first issuer that matches.
    for (const [root, first] of [['root', 'cross-by-bridge'], ['bridge-root', 'cross-by-root']] as const) {
      const sent = [first, first === 'cross-by-root' ? 'cross-by-bridge' : 'cross-by-root'];
      assert.equal(opensslVerdict({ name: `cross to ${root}`, leaf: 'leaf-of-cross', sent, roots: [root], expected: false }), false);
      assert.deepEqual(verifyChain([der('leaf-of-cross'), ...sent.map(der)], new TrustStore([new X509Certificate(der(root))], false)), { trusted: true });
    }
  });

  it('eleven CAs between the leaf and the root: longer than the 10 certificates the search follows, said so (openssl goes to 100)', () => {
    const line = Array.from({ length: 11 }, (_, i) => `line-${11 - i}`);
    assert.equal(opensslVerdict({ name: 'line of eleven', leaf: 'leaf-of-line-11', sent: line, roots: ['root'], expected: true }), true);
    const verdict = verifyChain([der('leaf-of-line-11'), ...line.map(der)], new TrustStore([new X509Certificate(der('root'))], false));
    assert.deepEqual(verdict, {
      trusted: false,
      reason: 'the chain is longer than 10 certificates, and RDP Doctor follows it no further than CN=Matrix Line CA 3 (the server did send its issuer CN=Matrix Line CA 2)',
    });
  });

  it('two CAs that certify each other, both sent: a circle that reaches no root, not an issuer the server left out', () => {
    // A certifies B, B certifies A (same name and key as the self-signed A0), and A issues the leaf.
    selfSigned('loop-a0', '/CN=Matrix Loop A', CA_EXT);
    issue('loop-b', '/CN=Matrix Loop B', 'loop-a0', CA_EXT);
    issue('loop-a', '/CN=Matrix Loop A', 'loop-b', CA_EXT, { keyOf: 'loop-a0' });
    writeFileSync(join(dir, 'loop-a.key'), readFileSync(join(dir, 'loop-a0.key')));
    issue('leaf-of-loop', '/CN=rdsh01.contoso.test', 'loop-a', LEAF_EXT);
    assert.equal(opensslVerdict({ name: 'loop', leaf: 'leaf-of-loop', sent: ['loop-a', 'loop-b'], roots: ['root'], expected: false }), false);
    const verdict = verifyChain([der('leaf-of-loop'), der('loop-a'), der('loop-b')], new TrustStore([new X509Certificate(der('root'))], false));
    assert.equal(verdict.trusted, false);
    assert.match(verdict.reason ?? '', /^the certificates the server sent go round in a circle \(CN=Matrix Loop B is issued by CN=Matrix Loop A, which comes before it in the chain\) and reach no trusted root/);
    assert.doesNotMatch(verdict.reason ?? '', /sent no certificate/);
  });

  it('reads the critical extensions and the name constraints as openssl wrote them', () => {
    assert.deepEqual(readX509Fields(der('leaf-unknown-critical')).criticalExtensions, ['2.5.29.15', '1.3.6.1.4.1.99999.1']);
    assert.deepEqual(readX509Fields(der('leaf-unknown-plain')).criticalExtensions, ['2.5.29.15']);
    const nc = readX509Fields(der('nc-int')).nameConstraints;
    assert.deepEqual(nc, {
      critical: true,
      permitted: [{ form: 'dns', name: 'example.com' }, { form: 'ip', address: Buffer.from([10, 0, 0, 0]), mask: Buffer.from([255, 0, 0, 0]) }],
      excluded: [{ form: 'dns', name: 'bad.example.com' }],
    });
    assert.deepEqual(readX509Fields(der('nc-dir')).nameConstraints?.permitted[0], { form: 'directory', name: [{ oid: '2.5.4.10', value: 'Contoso' }] });
    assert.deepEqual(readX509Fields(der('nc-email')).nameConstraints?.permitted, [{ form: 'email', name: 'example.com' }]);
    assert.deepEqual(readX509Fields(der('nc-email-some')).altNameTags, [2, 1]);
    assert.deepEqual(readX509Fields(der('nc-email-some')).emailAddresses, ['admin@contoso.test']);
    assert.deepEqual(readX509Fields(der('nc-upn-root')).nameConstraints?.permitted[1], { form: 'other', tag: 0, type: '1.3.6.1.4.1.311.20.2.3' });
    assert.deepEqual(readX509Fields(der('guid-leaf')).otherNames, [{ type: '1.3.6.1.4.1.311.25.1' }]);
    assert.deepEqual(readX509Fields(der('mail-eai-inside')).otherNames, [{ type: '1.3.6.1.5.5.7.8.9', mailbox: 'admin@Corp.example.com' }]);
    assert.deepEqual(readX509Fields(der('leaf')).otherNames, []);
    assert.equal(readX509Fields(der('leaf')).nameConstraints, null);
  });

  it("an intermediate that allows only Client Authentication: trusted, its usage named (openssl's server purpose refuses it)", () => {
    const store = new TrustStore([new X509Certificate(der('root'))], false);
    const verdict = verifyChain([der('leaf-of-client-int'), der('client-int')], store);
    assert.deepEqual(verdict, { trusted: true, caUsage: { ca: 'CN=Matrix Client CA', extendedKeyUsage: ['1.3.6.1.5.5.7.3.2'] } });
    const purpose = (leaf: string, int: string): number | null => {
      writeFileSync(join(dir, 'purpose-roots.pem'), pem(['root']));
      writeFileSync(join(dir, 'purpose-untrusted.pem'), pem([int]));
      return spawnSync('openssl', ['verify', '-purpose', 'sslserver', '-CAfile', 'purpose-roots.pem', '-untrusted', 'purpose-untrusted.pem', `${leaf}.pem`], { cwd: dir }).status;
    };
    assert.notEqual(purpose('leaf-of-client-int', 'client-int'), 0);
    assert.equal(purpose('leaf', 'int'), 0);
    // A CA without the extension, or one that allows the usage, restricts nothing.
    assert.deepEqual(verifyChain([der('leaf'), der('int')], store), { trusted: true });
  });

  it("Microsoft's Application Policies marked critical: trusted for Windows clients, and noted as what OpenSSL (FreeRDP) rejects", () => {
    const store = new TrustStore([new X509Certificate(der('root'))], false);
    const theirs = (leaf: string, int: string): string => {
      writeFileSync(join(dir, 'ms-roots.pem'), pem(['root']));
      writeFileSync(join(dir, 'ms-untrusted.pem'), pem([int]));
      const run = spawnSync('openssl', ['verify', '-CAfile', 'ms-roots.pem', '-untrusted', 'ms-untrusted.pem', `${leaf}.pem`], { cwd: dir, encoding: 'utf8' });
      assert.notEqual(run.status, 0, `openssl rejects ${leaf}`);
      return run.stdout + run.stderr;
    };
    assert.match(theirs('leaf-app-policies', 'int'), /error 34 at 0 depth lookup: unhandled critical extension/);
    assert.deepEqual(verifyChain([der('leaf-app-policies'), der('int')], store), {
      trusted: true,
      freeRdpRejects: "it marks Microsoft's Application Policies extension (1.3.6.1.4.1.311.21.10) critical",
    });
    assert.match(theirs('leaf-of-app-policies', 'int-app-policies'), /error 34 at 1 depth lookup: unhandled critical extension/);
    assert.deepEqual(verifyChain([der('leaf-of-app-policies'), der('int-app-policies')], store), {
      trusted: true,
      freeRdpRejects: "the CA CN=Matrix Policy-Critical CA marks Microsoft's Application Policies extension (1.3.6.1.4.1.311.21.10) critical",
    });
    // Untrusted for another reason, the leaf's extension is still named.
    const other = new TrustStore([new X509Certificate(der('rsa-root'))], false);
    assert.equal(verifyChain([der('leaf-app-policies'), der('int')], other).freeRdpRejects, "it marks Microsoft's Application Policies extension (1.3.6.1.4.1.311.21.10) critical");
    assert.deepEqual(readX509Fields(der('leaf-app-policies')).criticalExtensions, ['2.5.29.15', '1.3.6.1.4.1.311.21.10']);
    assert.deepEqual(verifyChain([der('leaf'), der('int')], store), { trusted: true });
  });

  it('self-signed is issuer = subject and a signature that verifies, whatever the Key Usage', () => {
    for (const name of ['self-plain', 'self-certsign']) {
      const a = analyzeCertificate(der(name));
      assert.ok(a.ok && a.facts.selfSigned, name);
    }
    // What the old check tripped on: OpenSSL's checkIssued wants keyCertSign on the issuer.
    const plain = new X509Certificate(der('self-plain'));
    assert.equal(plain.checkIssued(plain), false);
    for (const name of ['leaf', 'root', 'impostor', 'new-root-x']) {
      const a = analyzeCertificate(der(name));
      assert.ok(a.ok);
      assert.equal(a.facts.selfSigned, name === 'root' || name === 'impostor', name);
    }
  });

  it('decodes UTF8String, BMPString and TeletexString names as openssl does, and matches on them', () => {
    for (const [name, cn] of [['utf8', 'münchen-rdp.example'], ['bmp', 'zürich-rdp.example'], ['t61', 'gärtnerei-rdp.example']] as const) {
      const theirs = openssl(['x509', '-in', `${name}.pem`, '-noout', '-subject', '-nameopt', 'utf8,sep_comma_plus,sname,-esc_msb']).trim();
      assert.match(theirs, new RegExp(`CN=${cn}`), `openssl reads ${theirs}`);
      const a = analyzeCertificate(der(name));
      assert.ok(a.ok);
      assert.ok(a.facts.subject.endsWith(`CN=${cn}`), a.facts.subject);
      assert.deepEqual(a.facts.commonNames, [cn]);
      assert.ok(certificateMatchesName({ ...a.facts, dnsNames: [] }, cn));
    }
    const utf8 = analyzeCertificate(der('utf8'));
    assert.ok(utf8.ok);
    // Most specific first, as Windows prints a name: the subject was written /CN=…/O=….
    assert.equal(utf8.facts.subject, 'O=Stadtwerke München, CN=münchen-rdp.example');
    // The string types really are the ones the case is about.
    const types = (name: string): string => openssl(['asn1parse', '-in', `${name}.pem`]);
    assert.match(types('utf8'), /UTF8STRING\s+:münchen/);
    assert.match(types('bmp'), /BMPSTRING/);
    assert.match(types('t61'), /T61STRING/);
  });
});
