// Entry point the extension host calls with `extensionTestsPath`: runs every `*.test.js` next to this file with Mocha.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';

interface MochaInstance {
  addFile(file: string): void;
  grep(pattern: RegExp): void;
  run(done: (failures: number) => void): unknown;
}
type MochaConstructor = (new (options: Record<string, unknown>) => MochaInstance) & {
  reporters?: { Base?: { consoleLog: (...args: unknown[]) => void } };
};

/** Mocha is not a project dependency: the bootstrap installs it in `.vscode-test/tools` (or RDP_DOCTOR_MOCHA points at it). */
function loadMocha(): MochaConstructor {
  const where = process.env.RDP_DOCTOR_MOCHA ?? path.resolve(__dirname, '../../../../.vscode-test/tools/node_modules/mocha');
  // Mocha 12 is ESM-only; Node 20.19+ loads it with require() and the class is the default export.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(where) as { default?: MochaConstructor; Mocha?: MochaConstructor } & MochaConstructor;
  return loaded.default ?? loaded.Mocha ?? loaded;
}

const LAZY_TEST = 'lazy-activation.test.js';
const ACTIVATION_TEST = 'activation-cost.test.js';
/** Runs alone in workspace-large, the folder of large files bench/large-documents-host.mjs opens (never in the suite: minutes). */
const LARGE_DOCUMENTS_TEST = 'large-documents-cost.test.js';
/** Runs alone in workspace-nested, a folder inside the one that holds its `.rdpdoctor.yaml` (run.mjs). */
const OUTSIDE_CONFIG_TEST = 'outside-config.test.js';
/** Runs alone in the multi-root workspace run.mjs opens (multi-root.code-workspace, folders `a` and `b`). */
const MULTI_ROOT_TEST = 'multi-root.test.js';

/** The open folder, read without loading the extension (the vscode API is there in the extension host). */
function workspaceFolderPath(): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode') as typeof import('vscode');
  return vscode.workspace.workspaceFolders?.[0]?.uri.path;
}

/** The open `.code-workspace` file's name, when a multi-root workspace is open. */
function workspaceFileName(): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode') as typeof import('vscode');
  const file = vscode.workspace.workspaceFile;
  return file?.scheme === 'untitled' ? undefined : file?.path.split('/').pop();
}

export function run(): Promise<void> {
  const Mocha = loadMocha();
  // The workbench forwards console output as one string without printf formatting, so the reporter formats it first.
  const reporterBase = Mocha.reporters?.Base;
  if (reporterBase) reporterBase.consoleLog = (...args: unknown[]) => console.log(format(...args));
  // The lazy-activation test needs a folder of its own (Markdown notes only): run.mjs opens one named workspace-lazy.
  // bench/activation-host.mjs opens workspace-activation (one .rdp file) to run the activation-cost test alone.
  const folder = path.basename(process.env.RDP_DOCTOR_SUITE_FOLDER ?? workspaceFolderPath() ?? '');
  const only =
    workspaceFileName() === 'multi-root.code-workspace'
      ? MULTI_ROOT_TEST
      : folder === 'workspace-lazy'
        ? LAZY_TEST
        : folder === 'workspace-nested'
          ? OUTSIDE_CONFIG_TEST
          : folder === 'workspace-activation'
            ? ACTIVATION_TEST
            : folder === 'workspace-large'
              ? LARGE_DOCUMENTS_TEST
              : undefined;
  // The large documents' measurement takes minutes before a fix (it is a bench, not a test of speed).
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: only === LARGE_DOCUMENTS_TEST ? 0 : 45_000, slow: 2_000 });
  if (process.env.RDP_DOCTOR_GREP) mocha.grep(new RegExp(process.env.RDP_DOCTOR_GREP));
  for (const name of readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) {
    if (only ? name === only : ![LAZY_TEST, MULTI_ROOT_TEST, OUTSIDE_CONFIG_TEST, LARGE_DOCUMENTS_TEST].includes(name)) mocha.addFile(path.join(__dirname, name));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} VS Code test(s) failed.`)) : resolve()));
  });
}
