// What the benchmarks that run the extension in code-server need before they start: the VS Code test setup, the built
// extension and the extension-host tests (built here). Returns the suite's entry and the sandbox the run works in.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_SERVER_BIN, MOCHA_DIR, ROOT } from '../scripts/vscode-paths.mjs';
import { makeSandbox } from '../scripts/vscode-server.mjs';
import { TEST_USER_SETTINGS } from '../test/vscode/workbench-settings.mjs';

export function prepareVsCodeBench() {
  if (!existsSync(CODE_SERVER_BIN) || !existsSync(MOCHA_DIR)) throw new Error('The VS Code test setup is missing: run node scripts/vscode-bootstrap.mjs');
  if (!existsSync(join(ROOT, 'dist/extension.js'))) throw new Error('dist/extension.js is missing: run npm run build');
  const built = spawnSync(process.execPath, [join(ROOT, 'test/vscode/build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('test/vscode/build.mjs failed');
  const sandbox = makeSandbox(undefined, { settings: TEST_USER_SETTINGS });
  return { suiteEntry: join(ROOT, 'out/test/vscode/suite/index.js'), sandbox, results: join(sandbox.dir, 'results') };
}
