import { basename, join, resolve } from 'node:path';
import { parseConfig } from '../config/parse';
import type { RdpDoctorConfig } from '../config/types';
import { KNOWN_RULE_IDS } from '../rules/registry';
import { decodeBytes } from '../text/decode';
import { displayPath } from './display-path';
import { type InputError, type InputFile } from './inputs';
import { lintText } from './lint-file';
import { toOutputFindings, type FileReport } from './output';
import { folderOf, nameOf } from './path-parts';
import { findConfigFor, readInput, type SkippedConfig } from './read-file';
import { CONFIG_FILE_NAMES } from '../config/types';
import { processTrust, type ConfigTrust } from './config-trust';
import { untrustedConfig } from './untrusted-config';

const CONFIG_NAMES: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES);

/**
 * How the configs of a run are looked for: whose are used without a look at their owner (`trust`, by default those in
 * the working folder and below it), and who hears of one passed over (`skipped`, once per config).
 */
export interface ConfigLookup {
  readonly trust?: ConfigTrust;
  readonly skipped?: (config: SkippedConfig) => void;
  /** The configs are read as for an untrusted workspace (`untrustedConfig`): the editor's report in Restricted Mode. */
  readonly raiseOnly?: boolean;
}

/** `skipped`, told of each config once however many lookups pass it over. */
export function tellOnce(skipped: (config: SkippedConfig) => void): (config: SkippedConfig) => void {
  const told = new Set<string>();
  return (config) => {
    if (told.has(config.path)) return;
    told.add(config.path);
    skipped(config);
  };
}

/** Loads and caches the config that applies to each file. */
export class ConfigResolver {
  private readonly byPath = new Map<string, RdpDoctorConfig | undefined>();
  private readonly lookups = new Map<string, string | null>();
  /** The config path (null: none) by each file's folder as given, so a folder's files resolve it once. */
  private readonly byFolder = new Map<string, string | null>();
  private readonly trust: ConfigTrust;
  private readonly skipped: ((config: SkippedConfig) => void) | undefined;
  private readonly raiseOnly: boolean;

  constructor(private readonly explicit: string | undefined, private readonly errors: InputError[], lookup: ConfigLookup = {}) {
    this.trust = lookup.trust ?? processTrust();
    this.skipped = lookup.skipped && tellOnce(lookup.skipped);
    this.raiseOnly = lookup.raiseOnly === true;
  }

  private find(file: string): string | undefined {
    return findConfigFor(file, this.lookups, this.trust, this.skipped);
  }

  private configPathFor(file: string): string | undefined {
    const name = nameOf(file);
    if (name === '.' || name === '..') return this.find(file);
    const folder = folderOf(file);
    let path = this.byFolder.get(folder);
    if (path === undefined) {
      path = this.find(file) ?? null;
      this.byFolder.set(folder, path);
    }
    return path ?? undefined;
  }

  /** The config file that applies to a file: `--config`, else the nearest one at or above its folder. */
  pathFor(file: string): string | undefined {
    return this.explicit ?? this.configPathFor(file);
  }

  forFile(file: string): RdpDoctorConfig | undefined {
    const path = this.pathFor(file);
    if (!path) return undefined;
    if (!this.byPath.has(path)) {
      const input = readInput(path);
      if ('error' in input) {
        this.errors.push({ path, message: `Cannot read the config: ${input.error}` });
        this.byPath.set(path, undefined);
      } else {
        const config = parseConfig(decodeBytes(input.bytes).text, KNOWN_RULE_IDS).config;
        this.byPath.set(path, this.raiseOnly ? untrustedConfig(config).config : config);
      }
    }
    return this.byPath.get(path);
  }
}

/**
 * The CFG findings of each config the run's inputs are linted with, when that config is not an input itself (SPEC
 * §4: mistakes in it are "config findings in the CLI"): a misspelt severity or an unknown rule ID was dropped in
 * silence when only the `.rdp` files were named, and the run looked as configured as it was meant to be. Clean
 * configs make no report; one that cannot be read is the chunks' error, as before.
 */
export function configReports(inputs: readonly InputFile[], explicit: string | undefined, lookup: ConfigLookup = {}): FileReport[] {
  const resolver = new ConfigResolver(explicit, [], lookup);
  // Only an input named like a config can be one (a resolve() of every input was ~2% of a 10,000-file lint).
  const inputPaths = new Set(inputs.filter((input) => CONFIG_NAMES.has(nameOf(input.path)) || (explicit !== undefined && nameOf(input.path) === basename(explicit))).map((input) => resolve(input.path)));
  const used = new Set<string>();
  if (explicit !== undefined) used.add(explicit);
  for (const input of inputs) {
    const path = resolver.pathFor(input.kind === 'gpo-backup' ? join(input.path, 'bkupInfo.xml') : input.path);
    if (path !== undefined) used.add(path);
  }
  const reports: FileReport[] = [];
  for (const path of used) {
    if (inputPaths.has(resolve(path))) continue;
    const read = readInput(path);
    if ('error' in read) continue;
    const text = decodeBytes(read.bytes).text;
    const severities = resolver.forFile(path)?.rules;
    const { findings } = lintText('config', text, severities ? { severities } : {});
    if (findings.length > 0) reports.push({ path: displayPath(path), format: 'config', findings: toOutputFindings(text, findings, undefined, displayPath(path)) });
  }
  return reports;
}
