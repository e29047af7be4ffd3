// The extension's start-up outside the editor: CPU time of `require('dist/extension.js')` and of `activate()`,
// with `vscode` answered by a catch-all stub (bench/vscode-stub.ts, built to out/bench/vscode-stub.js).
// Prints {"requireMs","activateMs"} (activateMs null when the stub was not enough for activate()).
const Module = require('node:module');
const { join } = require('node:path');
const stub = require(join(__dirname, '..', 'out', 'bench', 'vscode-stub.js'));
const { readFileSync } = require('node:fs');
const catchAll = stub.catchAllModule();
// The bundle copies the module's own names once (esbuild.mjs, vscode-once): each name the API's typings export
// (namespaces, classes, enums, functions; nested ones too, harmlessly) is the catch-all.
const typings = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
const vscodeModule = Object.create(catchAll);
for (const [, name] of typings.matchAll(/^\s*export (?:namespace|class|enum|function|const|let|var) (\w+)/gm)) vscodeModule[name] = catchAll;
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscodeModule : load.call(this, request, ...rest);
};
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t0 = cpu();
const extension = require(join(__dirname, '..', 'dist', 'extension.js'));
const t1 = cpu();
let activateMs = null;
try {
  extension.activate(catchAll);
  activateMs = cpu() - t1;
} catch (error) {
  process.stderr.write(`activate() did not run with the stub: ${error instanceof Error ? error.message : error}\n`);
}
process.stdout.write(JSON.stringify({ requireMs: t1 - t0, activateMs }) + '\n');
process.exit(0);
