import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';

/** The repository: the nearest folder above this bundle with the package's own package.json (unit and integration bundles sit at different depths). */
function repositoryRoot(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'rdp-doctor') return dir;
  }
  throw new Error(`No rdp-doctor package.json above ${__dirname}.`);
}

export const ROOT = repositoryRoot();
export const CLI = join(ROOT, 'dist/cli.js');

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI; colour variables cleared unless given, so a developer's FORCE_COLOR does not leak in. */
export function runCli(args: readonly string[], cwd: string, options: { env?: Record<string, string>; input?: string | Buffer; timeout?: number } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
    ...(options.input !== undefined ? { input: options.input } : { stdio: ['ignore', 'pipe', 'pipe'] }),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/**
 * The SARIF 2.1.0 schema (rtm.5, the final 2.1.0 schema), from the package that ships it (no network). It is
 * written in JSON Schema draft-04, which ajv 8 does not load by name; it uses no keyword whose meaning changed
 * after draft-04 (no boolean exclusiveMinimum/Maximum, checked here), so ajv reads it once `$schema` and the
 * draft-04 `id` are dropped.
 */
function sarifSchema(): object {
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', { paths: [ROOT] });
  const text = readFileSync(path, 'utf8');
  if (/"exclusiveM(in|ax)imum"/.test(text)) throw new Error('The SARIF schema uses draft-04 exclusive bounds: load it with a draft-04 validator.');
  const { $schema: _draft, id: _id, ...schema } = JSON.parse(text) as Record<string, unknown>;
  return schema;
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** The schema's errors for a SARIF log, or [] when it is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  // strict: false and no unicode flag: the OASIS schema has keywords strict mode rejects and a pattern (the language tag) that is not valid with /u.
  validator ??= new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(sarifSchema());
  return validator(log) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** The problem matcher the extension contributes, as VS Code reads it. */
export function problemMatcherRegExp(): RegExp {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const matcher = manifest.contributes.problemMatchers.find((m: { name: string }) => m.name === 'rdp-doctor');
  return new RegExp(matcher.pattern.regexp);
}
