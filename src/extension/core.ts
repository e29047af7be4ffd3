// The extension's heavy part, loaded on first use (issue 16): the rules, readers, checks, fixes and docs of src/core
// that the features call (core-api.ts) are a bundle of their own, dist/extension-core.js. Activation loads only the
// features' registrations (dist/extension-code.js); the first lint, hover, completion, check or command loads the
// rest, through the V8 code cache as the loader loads the code (code-cache.ts); a watch build (no content hash)
// requires it without a cache.
import { join } from 'node:path';
import { requireWithCodeCache, type CodeCacheUse } from '../shared/code-cache';
import type * as CoreApi from './core-api';

/** The content hash of dist/extension-core.js, written in by esbuild.mjs ('' in a watch build: no cache). */
declare const RDP_DOCTOR_CORE_HASH: string;

export type Core = typeof CoreApi;

let loaded: Core | undefined;
let cacheDir: string | undefined;
let cacheUse: CodeCacheUse | undefined;

/** Where the core's code cache is kept (the extension's global storage), set by activate() before anything loads it. */
export function useCoreCache(dir: string | undefined): void {
  cacheDir = dir;
}

/** Gives the core to a bundle that has it in already (bench/completion.ts runs a feature outside the extension). */
export function useCore(api: Core): void {
  loaded = api;
}

/** The extension's core, loaded the first time it is asked for. */
export function core(): Core {
  return (loaded ??= load());
}

/** Whether the core has been loaded (the activation-cost test checks that activation alone does not load it). */
export function coreLoaded(): boolean {
  return loaded !== undefined;
}

/** What the code cache did when the core was loaded (undefined before): 'off' in a bundle built with a hash means no cache folder was given. */
export function coreCodeCache(): CodeCacheUse | undefined {
  return cacheUse;
}

function load(): Core {
  const hash = typeof RDP_DOCTOR_CORE_HASH === 'string' ? RDP_DOCTOR_CORE_HASH : '';
  const required = requireWithCodeCache<Core>(join(__dirname, 'extension-core.js'), hash, hash ? cacheDir : undefined);
  cacheUse = required.codeCache;
  return required.exports;
}
