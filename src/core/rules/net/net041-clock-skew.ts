import type { RuleMeta } from '../types';

export const NET041: RuleMeta = {
  id: 'NET041',
  name: 'clock-skew',
  description: "The server's clock (NTLM challenge timestamp) differs from this machine's by more than 5 minutes.",
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['net', 'nla', 'kerberos'],
};

/** Kerberos' default maximum tolerance for computer clock synchronization. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

function span(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} hours` : `${Math.round(hours / 24)} days`;
}

export const NET041_MESSAGES = {
  /** `skewMs` is server time minus this machine's time. */
  skew: (serverTime: string, skewMs: number) =>
    `The server's clock reads ${serverTime}, ${span(skewMs)} ${skewMs > 0 ? 'ahead of' : 'behind'} this machine's: Kerberos allows 5 minutes by default.`,
} as const;
