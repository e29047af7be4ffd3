import * as vscode from 'vscode';
import { core } from './core';
import { RDP_DOCUMENTS } from './document-selectors';
import type { CheckTarget } from '../core/net/index';
import type { Fix } from '../core/rules/types';
import { diagnosticRuleId, toRange } from './convert';
import type { LintFeature } from './lint-feature';
import { fileName } from './fix-context';
import type { FixRequest } from './powershell-fixes';
import { POL_SCHEME } from './registry-pol-view';

export const SOURCE_FIX_ALL_RDP = vscode.CodeActionKind.SourceFixAll.append('rdp');
const FIX_ALL_TITLE = 'Fix all auto-fixable problems';

function workspaceEdit(document: vscode.TextDocument, fixes: readonly Fix[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of core().selectFixes(fixes, document.getText()).edits) edit.replace(document.uri, toRange(document, e.span), e.newText);
  return edit;
}

/**
 * For each of our diagnostics: the rule's fix (preferred), fix all of this rule, and its documentation;
 * the PowerShell fixes of the rule (shown in an editor, never run); for the file: `source.fixAll.rdp`. Actions carry edits, not commands, so they preview and undo as one step.
 */
export class CodeActionFeature implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, SOURCE_FIX_ALL_RDP],
  };
  private readonly registration: vscode.Disposable;
  private readonly exportRegistration: vscode.Disposable;

  constructor(
    private readonly lint: LintFeature,
    private readonly targetOf: (document: vscode.TextDocument) => CheckTarget | undefined,
  ) {
    this.registration = vscode.languages.registerCodeActionsProvider(RDP_DOCUMENTS, this, CodeActionFeature.metadata);
    this.exportRegistration = vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: POL_SCHEME }],
      new ExportCodeActions(),
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    );
  }

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const findings = await this.lint.findingsFor(document);
    const actions: vscode.CodeAction[] = [];
    const only = context.only;
    if (only && (only.contains(SOURCE_FIX_ALL_RDP) || SOURCE_FIX_ALL_RDP.contains(only))) {
      // A signed file is left alone: any change breaks its signature (RDP041).
      const fixes = this.lint.isSigned(document) ? [] : core().unattendedFixes(findings);
      if (fixes.length > 0) {
        const action = new vscode.CodeAction('Fix all auto-fixable RDP Doctor problems', SOURCE_FIX_ALL_RDP);
        action.edit = workspaceEdit(document, fixes);
        actions.push(action);
      }
      return actions;
    }
    if (only && !only.contains(vscode.CodeActionKind.QuickFix)) return actions;
    const seenRules = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const ruleId = diagnosticRuleId(diagnostic);
      if (!ruleId) continue;
      const finding = findings.find((f) => f.ruleId === ruleId && toRange(document, f.span).isEqual(diagnostic.range));
      if (finding?.fix) {
        const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEdit(document, [finding.fix]);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      if (seenRules.has(ruleId)) continue;
      seenRules.add(ruleId);
      const sameRule = core().unattendedFixes(findings, ruleId);
      if (sameRule.length > 1) {
        const action = new vscode.CodeAction(`Fix all ${ruleId} problems in this file`, vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEdit(document, sameRule);
        actions.push(action);
      }
      actions.push(...ruleActions(ruleId, diagnostic, this.targetOf(document), fileName(document.uri)));
    }
    // Like ESLint: every light bulb on one of our problems offers the whole file's safe fixes (not in a signed file).
    if (seenRules.size > 0 && !this.lint.isSigned(document)) {
      const all = core().unattendedFixes(findings);
      if (all.length > 0) {
        const action = new vscode.CodeAction(FIX_ALL_TITLE, vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEdit(document, all);
        actions.push(action);
      }
    }
    return actions;
  }

  dispose(): void {
    this.registration.dispose();
    this.exportRegistration.dispose();
  }
}

/** The PowerShell fixes of a rule (inserted, never run) and its documentation. */
function ruleActions(ruleId: string, diagnostic: vscode.Diagnostic, target: CheckTarget | undefined, targetFile?: string): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  for (const fix of core().fixesForRule(ruleId)) {
    const action = new vscode.CodeAction(`Insert PowerShell fix: ${fix.title}`, vscode.CodeActionKind.QuickFix);
    action.command = { title: action.title, command: 'rdpDoctor.insertPowerShellFix', arguments: [{ fixId: fix.id, ...(target && { target, ...(targetFile && { targetFile }) }) } satisfies FixRequest] };
    action.diagnostics = [diagnostic];
    actions.push(action);
  }
  const rule = core().ruleById(ruleId);
  const docs = new vscode.CodeAction(`Show documentation for ${ruleId}${rule ? ` (${rule.name})` : ''}`, vscode.CodeActionKind.QuickFix);
  docs.command = { title: docs.title, command: 'rdpDoctor.showRuleDocs', arguments: [ruleId] };
  actions.push(docs);
  return actions;
}

/**
 * Policy exports (.reg, GPO report XML, LGPO text, GptTmpl.inf, the Registry.pol view) and any other file with our
 * diagnostics (GPO, XRF004): the matching PowerShell fixes and the rule's documentation. No text fixes there.
 */
class ExportCodeActions implements vscode.CodeActionProvider {
  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (document.languageId === 'rdp') return [];
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const ruleId = diagnosticRuleId(diagnostic);
      if (!ruleId || seen.has(ruleId)) continue;
      seen.add(ruleId);
      actions.push(...ruleActions(ruleId, diagnostic, undefined));
    }
    return actions;
  }
}
