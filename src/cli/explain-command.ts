import type { ErrorCodeFamily } from '../core/knowledge/error-code-types';
import { explain, explainInFamily } from '../core/knowledge/error-codes/index';
import { formatExplanationText } from './explain-text';
import type { Paint } from './output';
import { toJsonOutput } from './version';

/** Runs `explain`: exit 0 with the explanation, or 2 for an unknown or malformed code. */
export function runExplain(
  code: string,
  extended: string | undefined,
  format: 'text' | 'json',
  family?: ErrorCodeFamily,
  paint?: Paint,
): { output: string; error?: string; exitCode: number } {
  const result = family ? explainInFamily(family, code) : explain(code, extended);
  if ('error' in result) return { output: '', error: result.error, exitCode: 2 };
  return { output: format === 'json' ? toJsonOutput(result) : formatExplanationText(result, paint), exitCode: 0 };
}
