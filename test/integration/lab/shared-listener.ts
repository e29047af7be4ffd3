import assert from 'node:assert/strict';

/** A dropped SYN or handshake ACK is sent again after the initial retransmission timeout, 1 s (RFC 6298 §2.1). */
const RETRANSMISSION_MS = 1000;

export interface HostTimings {
  readonly target: string;
  readonly timings: Readonly<Record<string, number>>;
  readonly findings: readonly { readonly ruleId: string; readonly message: string }[];
}

/** `count` names of one listener on 127.0.0.1: names under .localhost are loopback without a resolver (RFC 6761 §6.3). */
export function localhostNames(count: number, port: number): string[] {
  return Array.from({ length: count }, (_, i) => `n${i + 1}.localhost:${port}`);
}

/**
 * What must hold for every name of one listener checked at once: the findings of a check alone (rule IDs: messages
 * name the target), and no connection or Confirm that took a TCP retransmission, the mark of an overflowed listen queue.
 */
export function assertUnharmed(hosts: readonly HostTimings[], alone: HostTimings): void {
  const rules = (h: HostTimings): string => h.findings.map((f) => f.ruleId).sort().join(',');
  for (const h of hosts) {
    assert.equal(rules(h), rules(alone), `${h.target}: ${h.findings.map((f) => f.message).join(' | ')}`);
    for (const step of ['tcpMs', 'negotiationMs']) assert.ok((h.timings[step] ?? 0) < RETRANSMISSION_MS, `${h.target} ${step} ${h.timings[step]} ms`);
  }
}
