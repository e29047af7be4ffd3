// A self-signed listener certificate, the usual RDP case, never pays getPeerX509Certificate(): on Node 20 that call
// leaks every issuer it copies out of OpenSSL's peer chain (a review of the cross-signed chain change).
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import { sentChain } from '../../../src/core/net/tls';
import { makeCert, type Fixture } from './cert-fixtures';

/** A socket's two views of one sent chain: Node's linked one (a self-issued end links to itself) and OpenSSL's list. */
function peerOf(linked: readonly Fixture[], sent: readonly Fixture[]) {
  let calls = 0;
  const nodes = linked.map((f) => ({ raw: f.der }) as DetailedPeerCertificate);
  nodes.forEach((n, i) => (n.issuerCertificate = nodes[i + 1] ?? (new X509Certificate(n.raw).checkIssued(new X509Certificate(n.raw)) ? n : (undefined as never))));
  const x509 = sent.map((f) => new X509Certificate(f.der));
  const socket: Pick<TLSSocket, 'getPeerCertificate' | 'getPeerX509Certificate'> = {
    getPeerCertificate: (() => nodes[0]!) as TLSSocket['getPeerCertificate'],
    getPeerX509Certificate: () => {
      calls++;
      return x509.reduceRight<X509Certificate | undefined>((issuer, c) => Object.defineProperty(c, 'issuerCertificate', { value: issuer }), undefined);
    },
  };
  return { socket, calls: () => calls };
}

describe('sentChain', () => {
  const root = makeCert({ cn: 'Root', ca: true, serial: '01' });
  const cross = makeCert({ cn: 'Cross CA', ca: true, issuer: root, serial: '02' });
  const leaf = makeCert({ cn: 'localhost', issuer: cross, serial: '03' });

  it('a self-signed leaf: the linked chain, without asking OpenSSL for its list', () => {
    const self = makeCert({ cn: 'localhost' });
    const peer = peerOf([self], [self]);
    assert.deepEqual(sentChain(peer.socket), [self.der]);
    assert.equal(peer.calls(), 0);
  });

  it('a chain sent up to its self-signed root: the linked chain, without asking', () => {
    const peer = peerOf([leaf, cross, root], [leaf, cross, root]);
    assert.deepEqual(sentChain(peer.socket), [leaf.der, cross.der, root.der]);
    assert.equal(peer.calls(), 0);
  });

  it('a chain that stops below a root: every certificate sent, in the order sent', () => {
    const twin = makeCert({ cn: 'Cross CA', ca: true, issuer: makeCert({ cn: 'Root B', ca: true, serial: '04' }), serial: '05' });
    const peer = peerOf([leaf, cross], [leaf, twin, cross]);
    assert.deepEqual(sentChain(peer.socket), [leaf.der, twin.der, cross.der]);
    assert.equal(peer.calls(), 1);
  });
});
