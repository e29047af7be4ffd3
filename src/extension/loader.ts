// dist/extension.js, what VS Code loads: it loads the extension's code (dist/extension-code.js, src/extension/main.ts)
// through a V8 code cache kept in the extension's global storage (code-cache.ts), then activates it (issue 16).
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { loadCost, mark } from './activation-cost';
import { requireWithCodeCache } from '../shared/code-cache';
import type * as Main from './main';

/** The content hash of dist/extension-code.js, written in by esbuild.mjs ('' in a watch build: no cache). */
declare const RDP_DOCTOR_CODE_HASH: string;

let code: typeof Main | undefined;

export function activate(context: vscode.ExtensionContext): Main.RdpDoctorApi {
  const start = mark();
  const storage = context.globalStorageUri?.fsPath;
  const cacheDir = typeof storage === 'string' ? join(storage, 'code-cache') : undefined;
  const loaded = requireWithCodeCache<typeof Main>(join(__dirname, 'extension-code.js'), RDP_DOCTOR_CODE_HASH, cacheDir);
  code = loaded.exports;
  return code.activate(context, loadCost(start, mark(), loaded.codeCache));
}

export function deactivate(): void {
  code?.deactivate();
}
