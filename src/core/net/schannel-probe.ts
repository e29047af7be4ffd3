import { NET028, NET028_MESSAGES } from '../rules/net/net028-tls-handshake-failed';
import { CURRENT_SCHANNEL_OFFER, offeredByCurrentWindows, schannelEnablesByDefault } from './schannel-suites';
import type { TlsResult, TlsVersionRange } from './tls';
import { probeTlsRangeTwice } from './tls-versions';
import type { NetFinding, StepOptions } from './types';

/**
 * The versions the Schannel handshake offers: every one Schannel has, so that a refusal is about the suites (which
 * versions a server accepts is NET029's question and the TLS 1.2 probe's).
 */
const SCHANNEL_RANGE: TlsVersionRange = { minVersion: 'TLSv1', maxVersion: 'TLSv1.3' };

/**
 * What a Windows client meets on a listener whose main handshake ended on a suite no Windows release in support enables
 * by default for that version: whether the listener accepts one of the suites current Windows offers (true), refuses
 * all of them (false), or the question got no answer (null).
 */
export interface WindowsSuites {
  /** The suite and version the main handshake ended on (IANA name, as Node's `standardName`). */
  readonly suite: string;
  readonly protocol: string;
  readonly accepted: boolean | null;
}

/** Whether the main handshake's suite calls for the Schannel handshake: only a suite known not to be Schannel's does. */
export function needsSchannelProbe(main: TlsResult | undefined): main is Extract<TlsResult, { ok: true }> {
  return main?.ok === true && schannelEnablesByDefault(main.cipher, main.protocol) === 'no';
}

/**
 * One more handshake, on its own connection with its own X.224 negotiation, that offers only the suites Schannel
 * enables by default on current Windows (schannel-suites.ts): asked only after a main handshake that calls for it
 * (`needsSchannelProbe`). A close or reset is asked once more (`probeTlsRangeTwice`), then counts as a refusal only when the main connection carried traffic past its
 * handshake (see `acceptedVersions`). A suite outside the offer (a runtime that could not limit its TLS 1.3 suites)
 * answers nothing.
 */
export async function probeSchannelSuites(
  address: string,
  port: number,
  host: string,
  requested: number,
  main: Extract<TlsResult, { ok: true }>,
  options: StepOptions,
  survived: Promise<boolean>,
): Promise<WindowsSuites> {
  const { answer } = await probeTlsRangeTwice(address, port, host, requested, SCHANNEL_RANGE, () => options, CURRENT_SCHANNEL_OFFER);
  const facts = { suite: main.cipher, protocol: main.protocol };
  if (answer.kind === 'accepted') return { ...facts, accepted: answer.cipher !== undefined && offeredByCurrentWindows(answer.cipher) ? true : null };
  if (answer.kind === 'refused' || (answer.kind === 'dropped' && (await survived))) return { ...facts, accepted: false };
  return { ...facts, accepted: null };
}

/** NET028 when the listener refused every suite current Windows offers: Windows clients cannot complete the handshake. */
export function schannelSuiteFinding(windows: WindowsSuites | undefined): NetFinding | undefined {
  if (windows?.accepted !== false) return undefined;
  return { ruleId: NET028.id, severity: NET028.defaultSeverity, message: NET028_MESSAGES.NET028NoSchannelSuite(windows.suite, windows.protocol) };
}
