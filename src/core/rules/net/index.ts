import type { RuleMeta } from '../types';

/** The NET rules of SPEC §2. */
export const NET_RULES: readonly RuleMeta[] = [];
