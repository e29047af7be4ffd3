import type { RuleMeta } from '../types';

/** The GPO rules of SPEC §2. */
export const GPO_RULES: readonly RuleMeta[] = [];
