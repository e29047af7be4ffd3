/** What a certificate's label is read from: its subject and issuer as formatted, and its alternative names. */
export interface Labelled {
  readonly subject: string;
  readonly issuer: string;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  readonly selfSigned: boolean;
}

export const EMPTY_SUBJECT = '(empty subject)';

/**
 * A certificate as text and messages name it: its subject, or for an empty one (allowed when the alternative names
 * identify the subject, RFC 5280 §4.1.2.6) its first alternative name, or "(empty subject)", never an empty quote.
 */
export function subjectLabel(c: Pick<Labelled, 'subject' | 'dnsNames' | 'ipAddresses'>): string {
  return c.subject || c.dnsNames[0] || c.ipAddresses[0] || EMPTY_SUBJECT;
}

/** Its issuer likewise: a self-signed certificate's empty issuer is its own subject, named as that is. */
export function issuerLabel(c: Labelled): string {
  return c.issuer || (c.selfSigned ? subjectLabel(c) : '(empty issuer)');
}
