import { REFS } from '../gpo/refs';
import type { CrossRule } from './types';

/** A thumbprint as Windows shows it: uppercase hex, no separators. */
export function thumbprint(data: unknown): string | undefined {
  const hex = typeof data === 'string' ? data.replace(/[^0-9a-f]/gi, '').toUpperCase() : undefined;
  return hex && hex.length === 40 ? hex : undefined;
}

export const xrf004: CrossRule = {
  id: 'XRF004',
  name: 'thumbprint-mismatch',
  description: "SSLCertificateSHA1Hash in an export differs from the certificate the listener presents.",
  defaultSeverity: 'error',
  fixable: false,
  tags: ['cross-check', 'certificate'],
  check({ servers, probes, report }) {
    const presented = probes.filter((p) => p.certificate?.sha1);
    if (presented.length === 0) return;
    for (const server of servers) {
      const fact = server.value(REFS.certificateHash);
      const configured = thumbprint(fact?.data);
      if (!fact || !configured) continue;
      // A gpresult reports one computer: a check of another host says nothing of its listener.
      const actual = presented.filter((p) => server.describes(p.host)).map((p) => ({ p, sha1: thumbprint(p.certificate!.sha1) }));
      if (actual.length === 0 || actual.some((a) => a.sha1 === configured)) continue;
      const first = actual[0]!;
      report({
        path: server.path,
        message: `"SSLCertificateSHA1Hash" is ${configured}, but ${first.p.host}:${first.p.port} presents the certificate ${first.sha1 ?? first.p.certificate!.sha1}: the listener does not use the bound certificate (it is missing, or NETWORK SERVICE cannot read its private key) and falls back to another one.`,
        subject: fact.subject,
        at: fact.at,
        related: [],
      });
    }
  },
};
