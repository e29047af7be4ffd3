import { TpktReader } from './tpkt';

/**
 * What the server sent after a Connection Confirm that selected TLS or CredSSP, before any TLS record.
 * A server that speaks TLS sends nothing until the ClientHello, then TLS records; anything else ends here.
 */
export type AfterConfirm =
  /** The first bytes are a TLS record header: hand them to TLS. */
  | { readonly kind: 'tls' }
  /** An MCS Disconnect Provider Ultimatum or an X.224 Disconnect Request: the server gave up. */
  | { readonly kind: 'disconnect'; readonly pdu: string }
  /** The connection ended (FIN or reset) before any byte. */
  | { readonly kind: 'closed'; readonly how: 'closed' | 'reset' }
  /** A valid TPKT packet, but not one that ends the connection. */
  | { readonly kind: 'rdp-pdu'; readonly pdu: string }
  /** Neither a TLS record nor a valid TPKT packet. */
  | { readonly kind: 'not-tls'; readonly problem: string };

/** X.224 TPDU codes [X.224 §13]: Data and Disconnect Request. */
const X224_DT = 0xf0;
const X224_DR = 0x80;
/** DomainMCSPDU CHOICE index of disconnectProviderUltimatum [T.125 §7 part 4, §11.15]. */
const MCS_DPUM = 8;
/** T.125 Reason values; MS-RDPBCGR 3.1.5.1.1 allows only 1 and 3. */
const REASONS = ['rn-domain-disconnected', 'rn-provider-initiated', 'rn-token-purged', 'rn-user-requested', 'rn-channel-purged'];
/** TLS ContentType change_cipher_spec … heartbeat [RFC 8446 §5.1, RFC 6520]. */
const TLS_TYPES = new Set([0x14, 0x15, 0x16, 0x17, 0x18]);
const TPKT_VERSION = 0x03;
/** An X.224 Data TPDU is 3 bytes; nothing a server sends before TLS needs more than this. */
const PDU_MIN = 7;
const PDU_MAX = 1024;

/** The reason of a PER-encoded Disconnect Provider Ultimatum: 3 bits after the 6-bit CHOICE index. */
export function ultimatumReason(mcs: Uint8Array): number | null {
  if (mcs.length < 2 || mcs[0]! >> 2 !== MCS_DPUM) return null;
  return ((mcs[0]! & 0x03) << 1) | (mcs[1]! >> 7);
}

/** Names one complete TPKT packet a server sent instead of TLS: X.224 TPDU, then the MCS PDU inside a Data TPDU. */
export function describeServerPdu(packet: Buffer): AfterConfirm {
  const li = packet[4];
  if (li === undefined || li + 5 > packet.length) return { kind: 'not-tls', problem: `the X.224 length indicator ${li ?? 'is missing and'} does not fit the TPKT length ${packet.length}` };
  const code = packet[5]! & 0xf0;
  if (code === X224_DR) return { kind: 'disconnect', pdu: 'an X.224 Disconnect Request' };
  if (code !== X224_DT) return { kind: 'rdp-pdu', pdu: `an X.224 TPDU with code 0x${code.toString(16).toUpperCase()}` };
  const mcs = packet.subarray(5 + li);
  const reason = ultimatumReason(mcs);
  if (reason !== null) return { kind: 'disconnect', pdu: `an MCS Disconnect Provider Ultimatum with reason ${REASONS[reason] ?? reason}` };
  return mcs.length > 0
    ? { kind: 'rdp-pdu', pdu: `an MCS PDU of type ${mcs[0]! >> 2} in an X.224 Data TPDU` }
    : { kind: 'rdp-pdu', pdu: 'an empty X.224 Data TPDU' };
}

/**
 * Decides from the first bytes after the Confirm, fed in whatever pieces TCP delivers them, so the verdict
 * never depends on segmentation: a TLS record header decides at once, a TPKT packet once it is complete.
 */
export class AfterConfirmReader {
  private head = Buffer.alloc(0);
  private received = 0;
  private tpkt: TpktReader | undefined;
  private decided: AfterConfirm | undefined;

  get verdict(): AfterConfirm | undefined {
    return this.decided;
  }

  push(chunk: Buffer): AfterConfirm | undefined {
    if (this.decided || chunk.length === 0) return this.decided;
    this.received += chunk.length;
    if (this.tpkt) return this.fromTpkt(this.tpkt.push(chunk));
    this.head = Buffer.concat([this.head, chunk]).subarray(0, 2);
    const first = this.head[0]!;
    if (first === TPKT_VERSION) {
      this.tpkt = new TpktReader(PDU_MIN, PDU_MAX, 'a packet before TLS');
      return this.fromTpkt(this.tpkt.push(chunk));
    }
    if (!TLS_TYPES.has(first)) return this.decide({ kind: 'not-tls', problem: `its first byte ${hex(first)} starts neither a TLS record nor a TPKT packet` });
    if (this.head.length < 2) return undefined;
    if (this.head[1] === 0x03) return this.decide({ kind: 'tls' });
    return this.decide({ kind: 'not-tls', problem: `${hex(first)} ${hex(this.head[1]!)} is not a TLS record header (the version byte must be 0x03)` });
  }

  /** The connection ended: before any byte it is a close; inside a TPKT packet or a record header, a protocol error. */
  end(how: 'closed' | 'reset'): AfterConfirm {
    if (this.decided) return this.decided;
    if (this.received === 0) return this.decide({ kind: 'closed', how });
    const what = this.tpkt ? 'a TPKT packet' : 'a TLS record header';
    return this.decide({ kind: 'not-tls', problem: `the connection was ${how === 'reset' ? 'reset' : 'closed'} after ${this.received} byte${this.received === 1 ? '' : 's'} of ${what}` });
  }

  private fromTpkt(state: ReturnType<TpktReader['push']>): AfterConfirm | undefined {
    if (state.state === 'need-more') return undefined;
    if (state.state === 'invalid') return this.decide({ kind: 'not-tls', problem: state.problem });
    return this.decide(describeServerPdu(state.packet));
  }

  private decide(verdict: AfterConfirm): AfterConfirm {
    this.decided = verdict;
    return verdict;
  }
}

function hex(n: number): string {
  return `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
}
