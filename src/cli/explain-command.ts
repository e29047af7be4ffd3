import type { ErrorCodeFamily } from '../core/knowledge/error-code-types';
import { explainInput } from '../core/explain/explain-input';
import { explain, explainInFamily } from '../core/knowledge/error-codes/index';
import { formatExplanationText } from './explain-text';
import type { Paint } from './output';
import { toJsonOutput } from './version';

/**
 * Runs `explain`: exit 0 with the explanation, or 2 for an unknown or malformed code. Without `extended`, `code` is read
 * as the explainer reads what is typed: a pair, a family and a code, or a line pasted from the dialog.
 */
export function runExplain(
  code: string,
  extended: string | undefined,
  format: 'text' | 'json',
  family?: ErrorCodeFamily,
  paint?: Paint,
): { output: string; error?: string; exitCode: number } {
  const result = family ? explainInFamily(family, code) : extended === undefined ? explainInput(code) : explain(code, extended);
  if ('error' in result) return { output: '', error: result.error, exitCode: 2 };
  return { output: format === 'json' ? toJsonOutput(result) : formatExplanationText(result, paint), exitCode: 0 };
}
