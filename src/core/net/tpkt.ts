/** What a TPKT reader has after the bytes so far. */
export type TpktState =
  | { readonly state: 'need-more'; readonly have: number; readonly want: number | null }
  /** `rest` is non-empty when bytes followed the packet; the reader keeps at most `restLimit` of them. */
  | { readonly state: 'packet'; readonly packet: Buffer; readonly rest: Buffer }
  | { readonly state: 'invalid'; readonly problem: string };

/**
 * Buffers one TPKT packet [T.123 §8] from a stream split anywhere. The header is judged as soon as
 * its bytes arrive, and the announced length must lie within [minLength, maxLength]: a length field
 * never makes the reader wait for, or keep, more than `maxLength` bytes.
 */
export class TpktReader {
  private chunks: Buffer[] = [];
  private have = 0;
  private verdict: TpktState | undefined;

  /**
   * `what` names the packet in problems; `restLimit` is how many bytes after the packet are kept (the
   * first of them tells whether any followed; a caller that reads on needs them all).
   */
  constructor(
    private readonly minLength: number,
    private readonly maxLength: number,
    private readonly what = 'a Connection Confirm',
    private readonly restLimit = 1,
  ) {}

  push(chunk: Buffer): TpktState {
    if (this.verdict && this.verdict.state !== 'need-more') return this.verdict;
    this.chunks.push(chunk);
    this.have += chunk.length;
    // Only the first maxLength + restLimit bytes matter; keep no more.
    if (this.have > this.maxLength + this.restLimit) {
      const all = Buffer.concat(this.chunks).subarray(0, this.maxLength + this.restLimit);
      this.chunks = [all];
    }
    const head = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks = [head];
    return (this.verdict = this.judge(head));
  }

  private judge(buf: Buffer): TpktState {
    if (buf.length >= 1 && buf[0] !== 0x03) return { state: 'invalid', problem: `the reply starts with ${printable(buf, this.have)} (0x${hex(buf[0]!)}), not a TPKT header (0x03)` };
    if (buf.length >= 2 && buf[1] !== 0x00) return { state: 'invalid', problem: `the TPKT reserved byte is 0x${hex(buf[1]!)}, not 0x00` };
    if (buf.length < 4) return { state: 'need-more', have: this.have, want: null };
    const length = buf.readUInt16BE(2);
    if (length < this.minLength || length > this.maxLength) {
      return { state: 'invalid', problem: `the TPKT header announces ${length} bytes, outside the ${this.minLength}–${this.maxLength} ${this.what} may have` };
    }
    if (buf.length < length) return { state: 'need-more', have: this.have, want: length };
    return { state: 'packet', packet: buf.subarray(0, length), rest: buf.subarray(length) };
  }
}

/** The first bytes of a reply as a quoted string, printable ASCII as is, the rest escaped ("HTTP/1.1 400…" says who answered). */
const SHOWN_BYTES = 32;
function printable(buf: Buffer, received: number): string {
  let out = '';
  for (const b of buf.subarray(0, SHOWN_BYTES)) {
    if (b === 0x22 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b >= 0x20 && b <= 0x7e) out += String.fromCharCode(b);
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x0a) out += '\\n';
    else out += `\\x${hex(b).toLowerCase()}`;
  }
  return `"${out}${received > Math.min(buf.length, SHOWN_BYTES) ? '…' : ''}"`;
}

function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
