import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A listener certificate case: the file xrdp serves (leaf, then any intermediates) and its key. */
export interface ListenerCase {
  readonly cert: string;
  readonly key: string;
}

const LOCAL_SAN = 'subjectAltName=DNS:localhost,IP:127.0.0.1';
/** What Windows puts in its default listener certificate: no keyCertSign, Server Authentication. */
const LEAF_EXT = ['basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature,keyEncipherment', 'extendedKeyUsage=serverAuth', LOCAL_SAN];
const CA_EXT = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign'];

/** openssl in `dir`, with the helpers every case below is made with. */
function opensslIn(dir: string) {
  const openssl = (args: readonly string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const config = (name: string, ext: readonly string[]): string => {
    writeFileSync(join(dir, `${name}.cnf`), `[req]\ndistinguished_name=dn\n[dn]\n[v3]\n${ext.join('\n')}\n`);
    return `${name}.cnf`;
  };
  const selfSigned = (name: string, subject: string, ext: readonly string[]): void => {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-utf8', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '365',
      '-subj', subject, '-config', config(name, ext), '-extensions', 'v3']);
  };
  /**
   * A certificate signed by `issuer`, for a new key (RSA, or P-256 with `key` 'ec': quicker to make), or for the key of
   * the certificate `key` names (a cross-signed CA).
   */
  const issue = (name: string, subject: string, issuer: string, ext: readonly string[], key = 'rsa'): void => {
    const newKey = key === 'rsa' ? ['rsa:2048'] : key === 'ec' ? ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : undefined;
    const keyArgs = newKey ? ['-newkey', ...newKey, '-nodes', '-keyout', `${name}.key`] : ['-key', `${key}.key`];
    openssl(['req', '-new', ...keyArgs, '-utf8', '-subj', subject, '-config', config(`${name}-req`, []), '-out', `${name}.csr`]);
    writeFileSync(join(dir, `${name}.ext`), ext.join('\n') + '\n');
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-set_serial', `0x${Date.now().toString(16)}${name.length}`,
      '-days', '365', '-extfile', `${name}.ext`, '-out', `${name}.pem`]);
  };
  /** The file a server sends, the named certificates in order (xrdp: SSL_CTX_use_certificate_chain_file; Node: `cert`). */
  const bundle = (file: string, names: readonly string[]): string => {
    const path = join(dir, file);
    writeFileSync(path, names.map((n) => readFileSync(join(dir, `${n}.pem`), 'utf8')).join(''));
    return path;
  };
  return { selfSigned, issue, bundle };
}

/**
 * A root and an intermediate CA, and the certificate cases of the trust checks (made with openssl
 * into `dir`; nothing is checked in): a self-signed leaf without keyCertSign, a leaf with a UTF-8
 * subject, a leaf served with its intermediate, and leaves that clients refuse although every link
 * verifies: an unknown critical extension, a name outside the intermediate's name constraints, an
 * intermediate restricted to Client Authentication; and a leaf with an empty subject.
 */
export function generateChainCases(
  dir: string,
): { rootPath: string; cases: Record<'selfSignedNoCertSign' | 'utf8Subject' | 'viaIntermediate' | 'unknownCritical' | 'nameConstrained' | 'clientAuthCa' | 'emptySubject', ListenerCase> } {
  const { selfSigned, issue, bundle } = opensslIn(dir);
  selfSigned('chain-root', '/CN=RDP Doctor Chain Root', CA_EXT);
  issue('chain-int', '/CN=RDP Doctor Issuing CA', 'chain-root', CA_EXT);
  selfSigned('self-no-certsign', '/CN=localhost', LEAF_EXT);
  issue('utf8-subject', '/CN=münchen-rdp.example/O=Stadtwerke München', 'chain-int', LEAF_EXT);
  issue('via-int', '/CN=localhost', 'chain-int', LEAF_EXT);
  issue('unknown-critical', '/CN=localhost', 'chain-int', [...LEAF_EXT, '1.3.6.1.4.1.99999.1=critical,ASN1:NULL']);
  issue('nc-int', '/CN=RDP Doctor Constrained CA', 'chain-root', [...CA_EXT, 'nameConstraints=critical,permitted;DNS:example.com']);
  issue('name-constrained', '/CN=localhost', 'nc-int', LEAF_EXT);
  issue('client-int', '/CN=RDP Doctor Client CA', 'chain-root', [...CA_EXT, 'extendedKeyUsage=clientAuth']);
  issue('client-ca-leaf', '/CN=localhost', 'client-int', LEAF_EXT);
  issue('empty-subject', '/', 'chain-int', LEAF_EXT);
  const withChain = (leaf: string, int = 'chain-int'): string => bundle(`${leaf}-chain.pem`, [leaf, int]);
  const at = (name: string, cert = join(dir, `${name}.pem`)): ListenerCase => ({ cert, key: join(dir, `${name}.key`) });
  return {
    rootPath: join(dir, 'chain-root.pem'),
    cases: {
      selfSignedNoCertSign: at('self-no-certsign'),
      utf8Subject: at('utf8-subject', withChain('utf8-subject')),
      viaIntermediate: at('via-int', withChain('via-int')),
      unknownCritical: at('unknown-critical', withChain('unknown-critical')),
      nameConstrained: at('name-constrained', withChain('name-constrained', 'nc-int')),
      clientAuthCa: at('client-ca-leaf', withChain('client-ca-leaf', 'client-int')),
      emptySubject: at('empty-subject', withChain('empty-subject')),
    },
  };
}

/**
 * A CA cross-certified by two roots (one key and subject, "CN=RDP Doctor Cross CA", certified by Root A and by Root B,
 * as in a bridge CA or a PKI migration) and a leaf it issued, served with both CA certificates in either order; and a
 * chain of `length` CAs under one root, each issued by the one before, served whole after its leaf.
 */
export function generateCrossAndLongChains(dir: string, length: number): {
  roots: { a: string; b: string };
  crossUntrustedFirst: ListenerCase;
  crossTrustedFirst: ListenerCase;
  longRoot: string;
  long: ListenerCase;
} {
  const { selfSigned, issue, bundle } = opensslIn(dir);
  selfSigned('root-a', '/CN=RDP Doctor Root A', CA_EXT);
  selfSigned('root-b', '/CN=RDP Doctor Root B', CA_EXT);
  issue('cross-by-a', '/CN=RDP Doctor Cross CA', 'root-a', CA_EXT);
  issue('cross-by-b', '/CN=RDP Doctor Cross CA', 'root-b', CA_EXT, 'cross-by-a');
  issue('cross-leaf', '/CN=localhost', 'cross-by-a', LEAF_EXT);
  selfSigned('long-root', '/CN=RDP Doctor Long Root', CA_EXT);
  const cas = Array.from({ length }, (_, i) => `long-ca-${i + 1}`);
  cas.forEach((name, i) => issue(name, `/CN=RDP Doctor CA ${i + 1}`, i === 0 ? 'long-root' : cas[i - 1]!, CA_EXT, 'ec'));
  issue('long-leaf', '/CN=localhost', cas[length - 1]!, LEAF_EXT);
  const key = (name: string): string => join(dir, `${name}.key`);
  return {
    roots: { a: join(dir, 'root-a.pem'), b: join(dir, 'root-b.pem') },
    crossUntrustedFirst: { cert: bundle('cross-b-first.pem', ['cross-leaf', 'cross-by-b', 'cross-by-a']), key: key('cross-leaf') },
    crossTrustedFirst: { cert: bundle('cross-a-first.pem', ['cross-leaf', 'cross-by-a', 'cross-by-b']), key: key('cross-leaf') },
    longRoot: join(dir, 'long-root.pem'),
    long: { cert: bundle('long-chain.pem', ['long-leaf', ...[...cas].reverse()]), key: key('long-leaf') },
  };
}
