import { basename, dirname } from 'node:path';
import { parseConfig } from '../config/parse';
import type { RdpDoctorConfig } from '../config/types';
import { KNOWN_RULE_IDS } from '../rules/registry';
import { decodeBytes } from '../text/decode';
import { type InputError } from './inputs';
import { findConfigFor, readInput } from './read-file';


/** Loads and caches the config that applies to each file. */
export class ConfigResolver {
  private readonly byPath = new Map<string, RdpDoctorConfig | undefined>();
  private readonly lookups = new Map<string, string | null>();
  /** The config path (null: none) by each file's folder as given, so a folder's files resolve it once. */
  private readonly byFolder = new Map<string, string | null>();

  constructor(private readonly explicit: string | undefined, private readonly errors: InputError[]) {}

  private configPathFor(file: string): string | undefined {
    const name = basename(file);
    if (name === '.' || name === '..') return findConfigFor(file, this.lookups);
    const folder = dirname(file);
    let path = this.byFolder.get(folder);
    if (path === undefined) {
      path = findConfigFor(file, this.lookups) ?? null;
      this.byFolder.set(folder, path);
    }
    return path ?? undefined;
  }

  forFile(file: string): RdpDoctorConfig | undefined {
    const path = this.explicit ?? this.configPathFor(file);
    if (!path) return undefined;
    if (!this.byPath.has(path)) {
      const input = readInput(path);
      if ('error' in input) {
        this.errors.push({ path, message: `Cannot read the config: ${input.error}` });
        this.byPath.set(path, undefined);
      } else {
        this.byPath.set(path, parseConfig(decodeBytes(input.bytes).text, KNOWN_RULE_IDS).config);
      }
    }
    return this.byPath.get(path);
  }
}
