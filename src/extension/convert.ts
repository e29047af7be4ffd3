import * as vscode from 'vscode';
import { core } from './core';
import { keepMostSevere, MAX_SHOWN_PER_FILE, notShownMessage } from '../core/findings/shown-limit';
import type { ReadProblem } from '../core/gpo/model';
import type { Finding, Severity } from '../core/rules/types';
import { showHidden } from '../core/text/invisible';
import type { Span } from '../core/text/line-index';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'RDP Doctor';

export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** The bundled page of a rule, so the link in the Problems panel works offline. */
export function ruleDocsUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, ...core().ruleDocsPath(ruleId).split('/'));
}

// Every message below quotes text from a file, an export or a server: the Problems panel shows it with its bidi,
// zero-width and control characters escaped (`showHidden`), as the CLI's output does.

export function toDiagnostic(document: vscode.TextDocument, finding: Finding, extensionUri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(document, finding.span), showHidden(finding.message), SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: ruleDocsUri(extensionUri, finding.ruleId) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(r.path ? vscode.Uri.file(r.path) : document.uri, toRange(document, r.span)), showHidden(r.message)),
    );
  }
  if (finding.ruleId === 'RDP007') diagnostic.tags = [vscode.DiagnosticTag.Deprecated];
  return diagnostic;
}

/** The rule ID a diagnostic of ours carries. */
export function diagnosticRuleId(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code !== undefined ? String(code) : undefined;
}

/** A problem a policy export's reader reported (no rule: the file itself could not be read or mapped there). */
export function problemDiagnostic(document: vscode.TextDocument, problem: ReadProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(document, problem.span), showHidden(problem.message), SEVERITY[problem.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

/** A cross-check finding (XRF, cross-file GPO013) whose related locations are in other files. */
export function crossDiagnostic(
  finding: { ruleId: string; severity: Severity; message: string; at: vscode.Location; related: readonly { message: string; at: vscode.Location }[] },
  extensionUri: vscode.Uri,
): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(finding.at.range, showHidden(finding.message), SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: ruleDocsUri(extensionUri, finding.ruleId) };
  if (finding.related.length > 0) diagnostic.relatedInformation = finding.related.map((r) => new vscode.DiagnosticRelatedInformation(r.at, showHidden(r.message)));
  return diagnostic;
}

/**
 * A file's diagnostics as VS Code will show them all: at most `MAX_SHOWN_PER_FILE`, the most severe first, the last
 * place taken by a note (at the file's start) of how many are not listed, counting the findings the lint itself only
 * counted (`omitted`: a rule's findings past its cap). Past VS Code's limit its own note counts only what it was given,
 * and this one would be cut; the lint's count was never said (a file of 176,000 duplicate lines listed 1,000 problems).
 */
export function shownDiagnostics(diagnostics: vscode.Diagnostic[], omitted?: { readonly findings: number; readonly errors: number }): vscode.Diagnostic[] {
  if (diagnostics.length <= MAX_SHOWN_PER_FILE && !omitted?.findings) return diagnostics;
  const { kept, left, leftErrors } = keepMostSevere(diagnostics, (d) => d.severity, MAX_SHOWN_PER_FILE - 1);
  const count = left + (omitted?.findings ?? 0);
  const errors = leftErrors + (omitted?.errors ?? 0);
  const note = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), showHidden(notShownMessage(count, errors, kept.length)), vscode.DiagnosticSeverity.Information);
  note.source = DIAGNOSTIC_SOURCE;
  return [note, ...kept];
}

/** What a document's diagnostics say, as one string: equal strings mean VS Code would show the same. */
export function diagnosticsSignature(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(
    diagnostics.map((d) => [
      d.range.start.line,
      d.range.start.character,
      d.range.end.line,
      d.range.end.character,
      d.severity,
      d.message,
      typeof d.code === 'object' ? [d.code.value, d.code.target.toString()] : d.code,
      d.source,
      d.relatedInformation?.map((r) => [r.location.uri.toString(), r.location.range.start.line, r.location.range.start.character, r.message]),
    ]),
  );
}
