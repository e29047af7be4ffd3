import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';

export const ROOT = resolve(__dirname, '../../../..');
export const CLI = join(ROOT, 'dist/cli.js');

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the built CLI; colour variables cleared unless given, so a developer's FORCE_COLOR does not leak in. */
export function runCli(args: readonly string[], cwd: string, options: { env?: Record<string, string>; input?: string | Buffer; timeout?: number } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
    ...(options.input !== undefined ? { input: options.input } : { stdio: ['ignore', 'pipe', 'pipe'] }),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

export const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/** The SARIF 2.1.0 schema as OASIS published it, from the package that ships it (no network). */
function sarifSchema(): object {
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', { paths: [ROOT] });
  return JSON.parse(readFileSync(path, 'utf8'));
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** The schema's errors for a SARIF log, or [] when it is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  // strict: false — the OASIS schema uses keywords ajv's strict mode rejects; formats are not checked.
  validator ??= new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(sarifSchema());
  return validator(log) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** The problem matcher the extension contributes, as VS Code reads it. */
export function problemMatcherRegExp(): RegExp {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const matcher = manifest.contributes.problemMatchers.find((m: { name: string }) => m.name === 'rdp-doctor');
  return new RegExp(matcher.pattern.regexp);
}
