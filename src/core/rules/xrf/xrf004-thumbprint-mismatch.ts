import { gpoRefs } from '../gpo/refs';
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
      const fact = server.value(gpoRefs().certificateHash);
      const configured = thumbprint(fact?.data);
      if (!fact || !configured) continue;
      // A gpresult reports one computer: a check of another host says nothing of its listener.
      const described = presented.filter((p) => server.describes(p.host)).map((p) => ({ p, sha1: thumbprint(p.certificate!.sha1), otherName: server.otherNameOf(p.host) }));
      if (described.length === 0 || described.some((a) => a.sha1 === configured)) continue;
      // A gpresult of a computer the checked name does not name may describe another computer: said, as information, when only such checks remain.
      const sure = described.filter((a) => a.otherName === undefined);
      const first = (sure.length > 0 ? sure : described)[0]!;
      const presents = `"SSLCertificateSHA1Hash" is ${configured}, but ${first.p.host}:${first.p.port} presents the certificate ${first.sha1 ?? first.p.certificate!.sha1}`;
      const cause = 'the listener does not use the bound certificate (it is missing, or NETWORK SERVICE cannot read its private key) and falls back to another one.';
      report({
        path: server.path,
        message: sure.length > 0 ? `${presents}: ${cause}` : `${presents} (${first.otherName}): if it is that computer, ${cause}`,
        subject: fact.subject,
        at: fact.at,
        related: [],
        ...(sure.length === 0 && { severity: 'info' as const }),
      });
    }
  },
};
