import * as vscode from 'vscode';

/** The task type (package.json `taskDefinitions`) and the problem matcher that reads its output. */
export const TASK_TYPE = 'rdp-doctor';
export const PROBLEM_MATCHER = '$rdp-doctor';

interface LintTaskDefinition extends vscode.TaskDefinition {
  readonly type: typeof TASK_TYPE;
  readonly command: 'lint';
  readonly paths?: readonly string[];
}

/**
 * CI in the editor: the `rdp-doctor` task type runs the bundled CLI (`dist/cli.js lint --format compact`) over a
 * workspace folder, and the `$rdp-doctor` problem matcher fills the Problems panel, files not open included.
 * "RDP: Lint Workspace" runs it for the first folder. The extension host's own runtime runs the CLI (Node, or
 * Electron told to behave as Node).
 */
export class LintTaskProvider implements vscode.TaskProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly extensionUri: vscode.Uri) {
    this.registration = vscode.tasks.registerTaskProvider(TASK_TYPE, this);
  }

  provideTasks(): vscode.Task[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => this.task({ type: TASK_TYPE, command: 'lint' }, f));
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as Partial<LintTaskDefinition>;
    if (definition.command !== 'lint') return undefined;
    const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    return folder ? this.task(definition as LintTaskDefinition, folder) : undefined;
  }

  private task(definition: LintTaskDefinition, folder: vscode.WorkspaceFolder): vscode.Task {
    const cli = vscode.Uri.joinPath(this.extensionUri, 'dist', 'cli.js').fsPath;
    const paths = definition.paths?.length ? [...definition.paths] : ['.'];
    const execution = new vscode.ProcessExecution(process.execPath, [cli, 'lint', '--format', 'compact', ...paths], {
      cwd: folder.uri.fsPath,
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    const task = new vscode.Task(definition, folder, `lint ${paths.join(' ')}`, 'rdp-doctor', execution, [PROBLEM_MATCHER]);
    task.group = vscode.TaskGroup.Build;
    // The findings go to the Problems panel; the terminal stays in the background unless the user opens it.
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Never, clear: true };
    task.detail = `rdp-doctor lint --format compact ${paths.join(' ')}`;
    return task;
  }

  /** "RDP: Lint Workspace": the lint task of each workspace folder on disk, then the Problems panel; resolves when they end. */
  async lintWorkspace(): Promise<number | undefined> {
    if (!vscode.workspace.isTrusted) {
      // VS Code runs no task in Restricted Mode: executeTask still returns an execution, whose end never comes, so
      // waiting for it left the command pending for good and the user without a word.
      void vscode.window
        .showInformationMessage('RDP Doctor: Lint Workspace runs the rdp-doctor command line as a task, which VS Code runs only in a trusted workspace. Files you open are linted in Restricted Mode too.', 'Manage Workspace Trust')
        .then((choice) => choice && vscode.commands.executeCommand('workbench.trust.manage'));
      return undefined;
    }
    const tasks = this.provideTasks();
    if (tasks.length === 0) {
      void vscode.window.showInformationMessage('Open a folder on this computer to lint it: the workspace lint runs the rdp-doctor command line over its files.');
      return undefined;
    }
    let worst: number | undefined;
    for (const task of tasks) {
      // Listen before starting: a small folder's lint can end before executeTask's promise settles. A task whose
      // process never starts (no shell, a failed spawn) ends without a process end: the task's own end counts too.
      const ended: { execution: vscode.TaskExecution; exitCode?: number }[] = [];
      let wake: (() => void) | undefined;
      const listeners = [
        vscode.tasks.onDidEndTaskProcess((e) => {
          ended.push({ execution: e.execution, ...(e.exitCode !== undefined && { exitCode: e.exitCode }) });
          wake?.();
        }),
        vscode.tasks.onDidEndTask((e) => {
          ended.push({ execution: e.execution });
          wake?.();
        }),
      ];
      try {
        const execution = await vscode.tasks.executeTask(task);
        let mine: { exitCode?: number } | undefined;
        while (!(mine = ended.find((e) => e.execution === execution))) await new Promise<void>((resolve) => (wake = resolve));
        if (mine.exitCode !== undefined) worst = Math.max(worst ?? 0, mine.exitCode);
      } finally {
        for (const listener of listeners) listener.dispose();
      }
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    return worst;
  }

  dispose(): void {
    this.registration.dispose();
  }
}
