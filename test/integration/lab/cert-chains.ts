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
  const openssl = (args: readonly string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const config = (name: string, ext: readonly string[]): string => {
    writeFileSync(join(dir, `${name}.cnf`), `[req]\ndistinguished_name=dn\n[dn]\n[v3]\n${ext.join('\n')}\n`);
    return `${name}.cnf`;
  };
  const selfSigned = (name: string, subject: string, ext: readonly string[]): void => {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-utf8', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '365',
      '-subj', subject, '-config', config(name, ext), '-extensions', 'v3']);
  };
  const issue = (name: string, subject: string, issuer: string, ext: readonly string[]): void => {
    openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-utf8', '-keyout', `${name}.key`, '-subj', subject, '-config', config(`${name}-req`, []), '-out', `${name}.csr`]);
    writeFileSync(join(dir, `${name}.ext`), ext.join('\n') + '\n');
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-set_serial', `0x${Date.now().toString(16)}${name.length}`,
      '-days', '365', '-extfile', `${name}.ext`, '-out', `${name}.pem`]);
  };
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
  // xrdp serves the whole file, leaf first, as the chain (SSL_CTX_use_certificate_chain_file).
  const withChain = (leaf: string, int = 'chain-int'): string => {
    const path = join(dir, `${leaf}-chain.pem`);
    writeFileSync(path, readFileSync(join(dir, `${leaf}.pem`), 'utf8') + readFileSync(join(dir, `${int}.pem`), 'utf8'));
    return path;
  };
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
