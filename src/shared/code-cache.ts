import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What the V8 code cache did for this load. */
export type CodeCacheUse = 'used' | 'rejected' | 'missing' | 'off';

/**
 * When a missing or rejected cache is written: `soon`, on the next turn of the event loop (the extension: after
 * activation); `exit`, when the process ends (the CLI: the cache then holds what the command compiled too).
 */
export type CacheWrite = 'soon' | 'exit';

/**
 * Requires a CommonJS bundle through V8's code cache, as Node 22's module.enableCompileCache would (Node 20 has
 * none): the compiled code is kept in `cacheDir` and the next load skips most of the compilation (about half of
 * the extension's load and of the CLI's command bundles, issues 16 and 11). The file is named by the bundle's name,
 * its content hash (computed by esbuild.mjs) and this V8's version, so it never answers for other code; V8 checks the
 * rest (flags, source length) and rejects a cache that does not fit, which is then rewritten. Without a hash or a
 * folder the bundle is simply required; on any error reading the cache it is compiled as `require` would. Writing
 * the cache is best-effort, once (`write`).
 */
export function requireWithCodeCache<T>(file: string, hash: string, cacheDir: string | undefined, write: CacheWrite = 'soon'): { exports: T; codeCache: CodeCacheUse } {
  const cacheFile = hash && cacheDir ? join(cacheDir, `${basename(file, '.js')}-${hash}-${process.arch}-v8-${process.versions.v8}.bin`) : undefined;
  if (!cacheFile) return { exports: createRequire(file)(file) as T, codeCache: 'off' };
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet (or unreadable): compile
  }
  const source = readFileSync(file, 'utf8');
  // Node's own CommonJS wrapper, so the bundle runs as if required; on a line of its own, which lineOffset takes
  // back, so stack traces (and source maps) see the bundle's own lines and columns.
  const wrapper = `(function (exports, require, module, __filename, __dirname) {\n${source}\n})`;
  const script = new Script(wrapper, { filename: file, lineOffset: -1, ...(cachedData && { cachedData }) });
  const codeCache: CodeCacheUse = !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  if (codeCache !== 'used') {
    // After activation returns, or at exit: the cache then holds the functions activation or the command compiled too.
    if (write === 'exit') process.once('exit', () => writeCodeCache(cacheFile, basename(file, '.js'), script));
    else setTimeout(() => writeCodeCache(cacheFile, basename(file, '.js'), script), 0);
  }
  return { exports: module.exports, codeCache };
}

/**
 * Writes the cache through a temporary file and a rename (two windows may write at once) and drops the same
 * bundle's older ones (other builds, other V8s), and those named as before the bundle's name was part of it. The
 * CLI's two command bundles share the folder: each keeps its own.
 */
function writeCodeCache(cacheFile: string, bundle: string, script: Script): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    const dir = dirname(cacheFile);
    // Only its owner can read or write the folder it creates.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (path === cacheFile) continue;
      if (isOlderCache(name, bundle) || isStaleTemporary(path, name, now)) rmSync(path, { force: true });
    }
  } catch {
    // Read-only or full storage: the next activation compiles again, as without a cache. A part written to a full
    // disk is not left behind.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing more to do
    }
  }
}

/** A write that never finished (its process was killed or lost power) is dropped after this long; a younger one may still be under way. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** A temporary cache file (`….bin.<pid>.tmp`) whose writer has left it for an hour: the folder would otherwise keep it for ever. */
function isStaleTemporary(path: string, name: string, now: number): boolean {
  if (!/\.bin\.\d+\.tmp$/.test(name)) return false;
  try {
    return now - statSync(path).mtimeMs > STALE_TEMPORARY_MS;
  } catch {
    return false;
  }
}

/** Whether a file of the cache folder is a cache of `bundle` (`<bundle>-<hash>-<arch>-v8-…`) or of the older form (`<hash>-<arch>-v8-…`). */
function isOlderCache(name: string, bundle: string): boolean {
  if (!name.endsWith('.bin')) return false;
  if (/^[0-9a-f]{16}-[^-]+-v8-/.test(name)) return true;
  return name.startsWith(`${bundle}-`) && /^[^-]+-[^-]+-v8-/.test(name.slice(bundle.length + 1));
}
