export type { FixCause, FixParam, FixParamKind, FixRunsOn, PowerShellFix, PowerShellSnippet, RenderResult } from './types';
export { POWERSHELL_FIXES, findFix, fixesForRule } from './catalogue/index';
export { normalizeParamValue, psQuote, showValue, validateParam } from './params';
export { exampleParams, headerLines, renderFix, RUNS_ON_LABEL } from './render';
export { fixSnippet, snippetsJson } from './snippets';
export { fixesMarkdown } from './docs';
