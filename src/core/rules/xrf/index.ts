import type { RuleMeta } from '../types';

/** The XRF rules of SPEC §2. */
export const XRF_RULES: readonly RuleMeta[] = [];
