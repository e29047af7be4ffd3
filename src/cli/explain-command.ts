import type { ErrorCodeFamily } from '../core/knowledge/error-code-types';
import { explain, explainInFamily } from '../core/knowledge/error-codes/index';
import { explanationMarkdown } from '../core/explain/explanation-markdown';

/** Runs `explain`: exit 0 with the explanation, or 2 for an unknown or malformed code. */
export function runExplain(
  code: string,
  extended: string | undefined,
  format: 'text' | 'json',
  family?: ErrorCodeFamily,
): { output: string; error?: string; exitCode: number } {
  const result = family ? explainInFamily(family, code) : explain(code, extended);
  if ('error' in result) return { output: '', error: result.error, exitCode: 2 };
  return { output: format === 'json' ? JSON.stringify(result, null, 2) + '\n' : explanationMarkdown(result), exitCode: 0 };
}
