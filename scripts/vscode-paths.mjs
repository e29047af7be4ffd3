// Where the local VS Code test setup lives, and the versions it pins. Shared by the bootstrap, the test harness and `npm start`.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_DIR = join(ROOT, '.vscode-test');

/** code-server 4.99.4 is VS Code 1.99.3, the newest line that runs on Node 20 (see engines.vscode). */
export const CODE_SERVER_VERSION = '4.99.4';
export const CODE_SERVER_PREFIX = join(CACHE_DIR, 'cs');
export const CODE_SERVER_BIN = join(CODE_SERVER_PREFIX, 'node_modules', '.bin', 'code-server');

/** Test tools kept out of the project's dependencies: they are only needed to drive a real VS Code. */
export const TOOLS = { 'playwright-core': '1.65.1', mocha: '12.0.3' };
export const TOOLS_PREFIX = join(CACHE_DIR, 'tools');
export const MOCHA_DIR = join(TOOLS_PREFIX, 'node_modules', 'mocha');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Loads a tool installed by the bootstrap (CommonJS entry). */
export function requireTool(name) {
  return createRequire(join(TOOLS_PREFIX, 'package.json'))(name);
}
