import * as vscode from 'vscode';
import { core } from './core';
import type { LintReport } from '../core/lint/output';
import type { ConfigLookup } from '../core/lint/config-resolver';
import type { WorkspaceReportInput } from '../core/report/workspace-report';
import type { SkippedConfig } from '../core/lint/read-file';
import { appendAll } from '../core/text/collections';
import type { SarifRoot } from '../core/report/sarif';
import { hostKey } from './check-runner';
import type { CheckService } from './check-service';
import type { HostRegistry } from './host-registry';
import type { Logger } from './logger';
import { settings } from './settings';
import { jsonText } from '../core/text/json-safe';
import { plainWorkbenchText } from '../core/text/terminal';
import { leadsInside } from '../shared/inside-folder';

type ReportFormat = 'markdown' | 'sarif';

/**
 * Where the report's paths are based: one folder (`root`), or each of several under an ID of its own (its name, made
 * unique), a path then starting with that ID. A file outside them keeps its absolute path.
 */
function reportRoots(folders: readonly vscode.WorkspaceFolder[]): { root?: string; roots?: SarifRoot[]; relative: (uri: vscode.Uri) => string } {
  if (folders.length <= 1) return { ...(folders[0] && { root: folders[0].uri.fsPath }), relative: (uri) => vscode.workspace.asRelativePath(uri, false) };
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const folder of folders) {
    const name = folder.name.replaceAll('/', '_') || 'folder';
    let id = name;
    for (let n = 2; taken.has(id); n++) id = `${name}-${n}`;
    taken.add(id);
    ids.set(folder.uri.toString(), id);
  }
  return {
    roots: folders.map((f) => ({ id: ids.get(f.uri.toString())!, path: f.uri.fsPath })),
    relative: (uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const id = folder && ids.get(folder.uri.toString());
      if (!id) return uri.scheme === 'file' ? uri.fsPath : vscode.workspace.asRelativePath(uri, false);
      return `${id}/${vscode.workspace.asRelativePath(uri, false)}`;
    },
  };
}

/**
 * The report's data: every workspace folder linted as the CLI lints it, plus the latest check of each host. A folder is
 * linted as the CLI run in it would be: a config above it is used only when it is yours or root's (a config passed
 * over is said in the log, as the editor says it).
 */
export async function workspaceReport(checks: CheckService, registry: HostRegistry, version: string, log?: Logger): Promise<WorkspaceReportInput> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  // Each folder with its own rdpDoctor.rules, cross-checked within itself, as its Problems are.
  const lint: { files: LintReport['files'][number][]; errors: LintReport['errors'][number][] } = { files: [], errors: [] };
  for (const folder of folders) {
    const lookup: ConfigLookup = {
      trust: { root: folder.uri.fsPath, uid: process.getuid?.() },
      // Restricted Mode: the folder's configs may raise rules, not turn them off or lower them, as in its Problems.
      ...(!vscode.workspace.isTrusted && { raiseOnly: true }),
      ...(log && { skipped: (config: SkippedConfig) => log.warn(`Report: ${config.path}: ${core().skippedConfigMessage(config.why, 'the workspace folder')}`) }),
    };
    const report = await core().lintReportInSlices([folder.uri.fsPath], settings.rules(folder.uri), undefined, lookup);
    appendAll(lint.files, report.files);
    appendAll(lint.errors, report.errors);
  }
  const { root, roots, relative: relativeUri } = reportRoots(folders);
  const relative = (path: string): string => relativeUri(vscode.Uri.file(path));
  await registry.ready();
  const reportChecks = checks.allResults().map((result) => {
    const files = registry.filesFor(hostKey(result.host, result.port));
    return {
      result,
      files: files.map((f) => relativeUri(f.uri)),
      ...(files[0] && { line: files[0].range.start.line + 1 }),
    };
  });
  return {
    tool: 'rdp-doctor',
    version,
    generatedAt: new Date().toISOString(),
    ...(root !== undefined && { root }),
    ...(roots && { roots }),
    files: lint.files.map((f) => ({
      ...f,
      path: relative(f.path),
      findings: f.findings.map((x) => ({
        ...x,
        subject: x.subject ?? undefined,
        ...(x.related && { related: x.related.map((r) => ({ ...r, path: relative(r.path) })) }),
      })),
    })) as WorkspaceReportInput['files'],
    errors: lint.errors.map((e) => ({ path: relative(e.path), message: e.message })),
    checks: reportChecks,
  };
}

/** "Export Report…": Markdown or SARIF for the workspace, written where the user chooses. */
export async function exportReport(checks: CheckService, registry: HostRegistry, log: Logger, version: string, format?: ReportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const chosen =
    format ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'Markdown', description: 'A readable report: findings per file and the check ladder per host', format: 'markdown' as const },
          { label: 'SARIF', description: 'SARIF 2.1.0 for code-scanning tools and CI', format: 'sarif' as const },
        ],
        { title: 'Export an RDP Doctor report' },
      )
    )?.format;
  if (!chosen) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = chosen === 'markdown' ? 'rdp-doctor-report.md' : 'rdp-doctor-report.sarif';
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: 'Export Report',
      ...(folder && { defaultUri: vscode.Uri.joinPath(folder, name) }),
      filters: chosen === 'markdown' ? { Markdown: ['md'] } : { SARIF: ['sarif', 'json'] },
    }));
  if (!uri) return undefined;
  const input = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'RDP Doctor: building the report' }, () => workspaceReport(checks, registry, version, log));
  const text = chosen === 'markdown' ? core().workspaceReportMarkdown(input) : jsonText(core().workspaceReportSarif(input)) + '\n';
  const home = vscode.workspace.getWorkspaceFolder(uri);
  // A cloned repository can ship `rdp-doctor-report.md` as a link to a file of the user's elsewhere (`../../.bashrc`),
  // and the save dialog offers that name: `workspace.fs.writeFile` writes what a link points to.
  if (home && uri.scheme === 'file' && home.uri.scheme === 'file' && !(await leadsInside(home.uri.fsPath, uri.fsPath))) {
    const name = vscode.workspace.asRelativePath(uri);
    log.warn(`Did not write the report to ${uri.toString()}: a symbolic link there leads out of the workspace folder.`);
    void vscode.window.showErrorMessage(plainWorkbenchText(`RDP Doctor did not write ${name}: it is, or lies behind, a symbolic link that leads out of the workspace folder. Choose another file.`));
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  log.info(`Wrote the ${chosen} report to ${uri.toString()} (${input.files.length} files, ${input.checks.length} checked hosts).`);
  if (!target) {
    void vscode.window.showInformationMessage(plainWorkbenchText(`RDP Doctor wrote ${vscode.workspace.asRelativePath(uri)}.`), 'Open').then((open) => open && vscode.window.showTextDocument(uri));
  }
  return uri;
}
