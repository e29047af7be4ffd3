import type { ErrorCodeFamily, ErrorCodeInfo } from '../error-code-types';
import type { SourceId } from '../sources';

/** What a table row may add to code, name and meaning. */
export type RowExtra = Partial<Omit<ErrorCodeInfo, 'family' | 'code' | 'name' | 'meaning'>>;

/** A row builder for one family's table, so each row reads like its line in the source. */
export function rowsOf(family: ErrorCodeFamily, sources: readonly SourceId[]) {
  return (code: number, name: string, meaning: string, extra: RowExtra = {}): ErrorCodeInfo => ({
    family,
    code,
    name,
    meaning,
    likelyCauses: [],
    checks: [],
    sources,
    ...extra,
  });
}
