import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The built CLI, as the integration bundles (out/test/integration) see it. */
export const CLI = resolve(__dirname, '../../../dist/cli.js');

/** Runs `rdp-doctor ARGS` and parses its standard output as JSON; rejects with both streams when it is not JSON. */
export function cliJson<T>(args: readonly string[], cwd?: string): Promise<T> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { ...(cwd !== undefined && { cwd }), env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', () => {
      try {
        done(JSON.parse(stdout) as T);
      } catch {
        fail(new Error(`not JSON: ${stdout.slice(0, 2000)} ${stderr.slice(0, 2000)}`));
      }
    });
  });
}

/** Runs `rdp-doctor ARGS` and gives its exit code and standard output. */
export function runCli(args: readonly string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('exit', (code) => done({ code, stdout }));
  });
}
