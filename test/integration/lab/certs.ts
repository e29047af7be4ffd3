import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One certificate case of test-lab.md: files for the server and what the probe must find. */
export interface CertCase {
  readonly name: string;
  readonly cert: string;
  readonly key: string;
  /** `openssl x509 -fingerprint` output, uppercase hex without colons. */
  readonly sha1: string;
  readonly sha256: string;
  /** The server needs OpenSSL security level 0 to use it (1024-bit key, SHA-1 signature). */
  readonly legacy: boolean;
}

function openssl(args: readonly string[], cwd: string): string {
  return execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function opensslFingerprint(certPath: string, algorithm: 'sha1' | 'sha256'): string {
  const out = openssl(['x509', '-in', certPath, '-noout', '-fingerprint', `-${algorithm}`], '.');
  return out.trim().split('=')[1]!.replace(/:/g, '').toUpperCase();
}

/**
 * The serial number as the certificate's DER holds it, which is how the check and Windows show it:
 * `openssl x509 -serial` prints the integer's value, dropping the zero byte DER puts before a value
 * whose top bit is set (X.690 §8.3.2: the shortest two's-complement form, so a positive value needs it).
 */
export function opensslDerSerial(certPath: string): string {
  let hex = openssl(['x509', '-in', certPath, '-noout', '-serial'], '.').trim().split('=')[1]!.toUpperCase();
  if (hex.length % 2) hex = `0${hex}`;
  return parseInt(hex.slice(0, 2), 16) >= 0x80 ? `00${hex}` : hex;
}

const LOCAL_SAN = 'subjectAltName=DNS:localhost,IP:127.0.0.1';

/** Generates the test CA and the certificate cases (all, or those named) into `dir` with openssl (nothing is checked in). */
export function generateCertificates(dir: string, only?: readonly string[]): { caPem: string; caPath: string; cases: Record<string, CertCase> } {
  const want = (name: string): boolean => !only || only.includes(name);
  mkdirSync(join(dir, 'newcerts'), { recursive: true });
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    `[ca]\ndefault_ca=testca\n[testca]\ndir=${dir}\ndatabase=${dir}/index.txt\nnew_certs_dir=${dir}/newcerts\nserial=${dir}/serial\n` +
      `default_md=sha256\npolicy=any\nunique_subject=no\ncopy_extensions=none\n[any]\ncommonName=supplied\n` +
      `[leaf]\n${LOCAL_SAN}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`,
  );
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', '/CN=RDP Doctor Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);

  const cases: Record<string, CertCase> = {};
  const done = (name: string, legacy = false): void => {
    const cert = join(dir, `${name}.pem`);
    cases[name] = { name, cert, key: join(dir, `${name}.key`), sha1: opensslFingerprint(cert, 'sha1'), sha256: opensslFingerprint(cert, 'sha256'), legacy };
  };
  const key = (name: string, algorithm: 'rsa1024' | 'rsa2048' | 'ec'): void => {
    const args = algorithm === 'ec'
      ? ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`]
      : ['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${algorithm === 'rsa1024' ? 1024 : 2048}`, '-out', `${name}.key`];
    openssl(args, dir);
  };
  /** A leaf signed by the test CA with the given extensions. */
  const signed = (name: string, opts: { cn?: string; ext: string[]; key?: 'rsa1024' | 'rsa2048' | 'ec'; md?: string; days?: number }): void => {
    key(name, opts.key ?? 'rsa2048');
    openssl(['req', '-new', '-key', `${name}.key`, '-subj', `/CN=${opts.cn ?? 'localhost'}`, '-out', `${name}.csr`], dir);
    writeFileSync(join(dir, `${name}.ext`), opts.ext.join('\n') + '\n');
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', String(opts.days ?? 365),
      `-${opts.md ?? 'sha256'}`, '-extfile', `${name}.ext`, '-out', `${name}.pem`], dir);
  };
  /** A leaf with explicit dates: only `openssl ca` can backdate. */
  const dated = (name: string, start: string, end: string): void => {
    key(name, 'rsa2048');
    openssl(['req', '-new', '-key', `${name}.key`, '-subj', '/CN=localhost', '-out', `${name}.csr`], dir);
    openssl(['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${name}.csr`, '-out', `${name}.pem`,
      '-startdate', start, '-enddate', end, '-extensions', 'leaf', '-notext'], dir);
  };
  const selfSigned = (name: string, cn: string, san: string): void => {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '365', '-subj', `/CN=${cn}`,
      '-addext', `subjectAltName=${san}`, '-addext', 'extendedKeyUsage=serverAuth'], dir);
  };

  const serverAuth = [LOCAL_SAN, 'extendedKeyUsage=serverAuth', 'basicConstraints=CA:FALSE'];
  if (want('valid')) {
    signed('valid', { ext: serverAuth });
    done('valid');
  }
  if (want('expired')) {
    dated('expired', '20200101000000Z', '20210101000000Z');
    done('expired');
  }
  if (want('not-yet-valid')) {
    dated('not-yet-valid', '20990101000000Z', '20991231000000Z');
    done('not-yet-valid');
  }
  if (want('expiring-soon')) {
    signed('expiring-soon', { ext: serverAuth, days: 10 });
    done('expiring-soon');
  }
  if (want('self-signed')) {
    selfSigned('self-signed', 'localhost', 'DNS:localhost,IP:127.0.0.1');
    done('self-signed');
  }
  if (want('wrong-name')) {
    selfSigned('wrong-name', 'wrong.example.test', 'DNS:wrong.example.test');
    done('wrong-name');
  }
  if (want('client-auth')) {
    signed('client-auth', { ext: [LOCAL_SAN, 'extendedKeyUsage=clientAuth'] });
    done('client-auth');
  }
  if (want('rdp-auth')) {
    signed('rdp-auth', { ext: [LOCAL_SAN, 'extendedKeyUsage=1.3.6.1.4.1.311.54.1.2'] });
    done('rdp-auth');
  }
  if (want('no-eku')) {
    signed('no-eku', { ext: [LOCAL_SAN] });
    done('no-eku');
  }
  if (want('rsa1024')) {
    signed('rsa1024', { ext: serverAuth, key: 'rsa1024' });
    done('rsa1024', true);
  }
  if (want('sha1')) {
    signed('sha1', { ext: serverAuth, md: 'sha1' });
    done('sha1', true);
  }
  if (want('ec')) {
    signed('ec', { ext: serverAuth, key: 'ec' });
    done('ec');
  }
  if (want('idn')) {
    // bücher.localhost, as certificates carry an internationalized name: its A-label (RFC 5280 §7.2).
    signed('idn', { cn: 'xn--bcher-kva.localhost', ext: ['subjectAltName=DNS:xn--bcher-kva.localhost', 'extendedKeyUsage=serverAuth', 'basicConstraints=CA:FALSE'] });
    done('idn');
  }
  return { caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'), caPath: join(dir, 'ca.pem'), cases };
}
