import { version as PACKAGE_VERSION } from '../../../package.json';
import { REPOSITORY_URL } from '../knowledge/docs-links';
import { ALL_RULES } from '../rules/registry';
import type { RuleMeta, Severity } from '../rules/types';
import { FINGERPRINT_NAME, fingerprints } from './sarif-fingerprint';
import { LEVEL, sarifRule } from './sarif-rule';
import { columnKind, sarifRegion, type PlaceInput, type SarifRegion } from './sarif-region';

/**
 * A message as SARIF plain text (§3.11.3). SARIF reads `[text](target)` in plain text as an embedded link (§3.11.6),
 * so a value quoted from a file, such as `[here](https://…)`, would show as a link in a viewer that renders them.
 * Every `](` gets a backslash before its parenthesis: no longer a link in SARIF's syntax, in GitHub Markdown or to
 * the usual pattern, and the text still reads as it was. RDP Doctor's own messages hold no embedded links.
 */
export function sarifText(message: string): string {
  return message.includes('](') ? message.replaceAll('](', ']\\(') : message;
}

export interface SarifResultInput {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** The file, relative to the root (or to the working folder) when possible. */
  readonly path?: string;
  /** The property or setting the finding is about: part of its fingerprint. */
  readonly subject?: string;
  readonly region?: SarifRegion;
  /** Where a finding that is not in a file belongs, e.g. `host:port` for a remote check. */
  readonly logicalLocation?: string;
  /** Other places that explain the finding, e.g. the policy export an `.rdp` file is cross-checked against. */
  readonly related?: readonly SarifRelatedInput[];
}

export interface SarifRelatedInput {
  readonly path: string;
  readonly region?: SarifRegion;
  readonly message: string;
}

export interface SarifOptions {
  readonly name?: string;
  /** The tool version; this package's version when absent. */
  readonly version?: string;
  /** The rules listed in the driver; every known rule when absent. */
  readonly rules?: readonly RuleMeta[];
  /** The folder relative paths are resolved against (a path or a file URI); stated as `ROOT`. */
  readonly root?: string;
  /**
   * Several folders (a multi-root workspace), each stated as a base of its own (SARIF §3.14.14): a relative path whose
   * first part is a folder's `id` is resolved against that folder; other relative paths against `root`, if any.
   */
  readonly roots?: readonly SarifRoot[];
  /** The path standard input is reported by (`<stdin>`): no file, so no URI, but an artifact described as standard input. */
  readonly standardInput?: string;
  /** The run itself: when it ended and the inputs it could not read. */
  readonly invocation?: {
    readonly endTimeUtc?: string;
    readonly errors: readonly { readonly path: string; readonly message: string }[];
    /** What readers could not read inside exports they did read: notifications with their place, not failures of the run. */
    readonly problems?: readonly ({ readonly path: string; readonly message: string; readonly severity: 'error' | 'warning' | 'info'; readonly line: number; readonly column: number } & PlaceInput)[];
    /** The files that are binary (Registry.pol): a problem there without a byte offset gets no text region. */
    readonly binaryPaths?: ReadonlySet<string>;
  };
}

export interface SarifRoot {
  /** The `uriBaseId`, and the first part of the paths under it. */
  readonly id: string;
  /** The folder (a path or a file URI). */
  readonly path: string;
}

const ROOT_ID = 'ROOT';

/** How paths are stated: relative to `ROOT` (its folder URI), to the folder their first part names, or standard input. */
interface Bases {
  readonly root?: string;
  readonly folders: ReadonlySet<string>;
  readonly standardInput?: string;
}

/** Standard input, the one artifact the run lists (SARIF §3.24): a location names it by this index, having no URI. */
const STANDARD_INPUT_INDEX = 0;
const STANDARD_INPUT_ARTIFACT = { description: { text: 'Standard input.' }, roles: ['analysisTarget'] };

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}

/**
 * A path with `/` between its parts. A backslash separates parts of a Windows path (this process on Windows, or a
 * path with a drive letter or a UNC start, as the editor reports them); elsewhere it is a character of the name,
 * and `back\\slash.rdp` is one file, encoded as `back%5Cslash.rdp`, not `back/slash.rdp`.
 */
function toSlashed(path: string): string {
  const windows = process.platform === 'win32' || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
  return windows ? path.split('\\').join('/') : path;
}

/** A file path as a SARIF URI: forward slashes, each segment percent-encoded, `file://` when absolute. */
export function pathToSarifUri(path: string): string {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(path)) return path;
  const slashed = toSlashed(path);
  // A drive only before a slash: `C:foo.rdp` is a POSIX file's name, and left as it is it would read as a URI of scheme `c:`.
  const drive = /^[A-Za-z]:(?=\/)/.exec(slashed)?.[0] ?? '';
  const encoded = drive + slashed.slice(drive.length).split('/').map(encodeURIComponent).join('/');
  if (!isAbsolute(slashed)) return encoded;
  return drive ? `file:///${encoded}` : `file://${encoded}`;
}

function folderUri(root: string): string {
  const uri = pathToSarifUri(root);
  return uri.endsWith('/') ? uri : `${uri}/`;
}

interface ArtifactLocation {
  readonly uri?: string;
  readonly uriBaseId?: string;
  readonly index?: number;
}

/**
 * A path relative to the root: a `uri` under `ROOT`, or, when it leads out of the root (`../lint/bad.rdp`), the
 * absolute `file://` URI, which needs no base (§3.4.4) and which code scanning can tell is outside the repository.
 */
function underRoot(path: string, root: string): ArtifactLocation {
  const uri = pathToSarifUri(path);
  if (uri !== '..' && !uri.startsWith('../')) return { uri, uriBaseId: ROOT_ID };
  const absolute = new URL(uri, root).href;
  return absolute.startsWith(root) ? { uri: absolute.slice(root.length), uriBaseId: ROOT_ID } : { uri: absolute };
}

/** Each path's location, worked out once per run: a result needs it twice (its fingerprint, its location). */
const LOCATIONS = new WeakMap<Bases, Map<string, ArtifactLocation>>();

function artifactLocation(path: string, bases: Bases): ArtifactLocation {
  let known = LOCATIONS.get(bases);
  if (!known) LOCATIONS.set(bases, (known = new Map()));
  let location = known.get(path);
  if (!location) known.set(path, (location = locate(path, bases)));
  return location;
}

function locate(path: string, bases: Bases): ArtifactLocation {
  if (path === bases.standardInput) return { index: STANDARD_INPUT_INDEX };
  const slashed = toSlashed(path);
  if (isAbsolute(slashed) || /^[a-z][a-z0-9+.-]+:\/\//i.test(path)) return { uri: pathToSarifUri(path) };
  const slash = slashed.indexOf('/');
  const folder = slash > 0 ? slashed.slice(0, slash) : undefined;
  if (folder !== undefined && bases.folders.has(folder)) return { uri: pathToSarifUri(slashed.slice(slash + 1)), uriBaseId: folder };
  return bases.root !== undefined ? underRoot(path, bases.root) : { uri: pathToSarifUri(path) };
}

/** Where a result is, for its fingerprint: the artifact as the log states it, or its logical location. */
function fingerprintPlace(r: SarifResultInput, bases: Bases): string {
  if (r.path === undefined) return `logical:${r.logicalLocation ?? ''}`;
  const at = artifactLocation(r.path, bases);
  return at.index !== undefined ? 'stdin' : `${at.uriBaseId ?? ''}:${at.uri ?? ''}`;
}

function physicalLocation(path: string, bases: Bases, region?: SarifRegion): object {
  return { artifactLocation: artifactLocation(path, bases), ...(region && { region }) };
}

function locations(r: SarifResultInput, root: Bases): object | undefined {
  if (r.path === undefined && r.logicalLocation === undefined) return undefined;
  const location = {
    ...(r.path !== undefined && { physicalLocation: physicalLocation(r.path, root, r.region) }),
    ...(r.logicalLocation !== undefined && { logicalLocations: [{ name: r.logicalLocation, fullyQualifiedName: r.logicalLocation, kind: 'resource' }] }),
  };
  return { locations: [location] };
}

function relatedLocations(r: SarifResultInput, root: Bases): object | undefined {
  if (!r.related?.length) return undefined;
  return {
    relatedLocations: r.related.map((rel, id) => ({ id, physicalLocation: physicalLocation(rel.path, root, rel.region), message: { text: sarifText(rel.message) } })),
  };
}

function invocation(run: NonNullable<SarifOptions['invocation']>, root: Bases): object {
  return {
    // An input read only in part (a reader problem of error severity) is a run that did not do all it was asked.
    executionSuccessful: run.errors.length === 0 && !(run.problems ?? []).some((p) => p.severity === 'error'),
    ...(run.endTimeUtc !== undefined && { endTimeUtc: run.endTimeUtc }),
    toolExecutionNotifications: [
      ...run.errors.map((e) => ({
        level: 'error',
        message: { text: sarifText(e.message) },
        locations: [{ physicalLocation: physicalLocation(e.path, root) }],
      })),
      ...(run.problems ?? []).map((p) => ({
        level: p.severity === 'info' ? 'note' : p.severity,
        message: { text: sarifText(p.message) },
        locations: [{ physicalLocation: physicalLocation(p.path, root, sarifRegion(p, run.binaryPaths?.has(p.path))) }],
      })),
    ],
  };
}

/** A SARIF 2.1.0 log with one rule per listed rule ID and one result per finding, in the order given. */
export function toSarif(results: readonly SarifResultInput[], options: SarifOptions = {}): object {
  const rules = options.rules ?? ALL_RULES;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const root: Bases = {
    ...(options.root !== undefined && { root: folderUri(options.root) }),
    folders: new Set((options.roots ?? []).map((r) => r.id)),
    ...(options.standardInput !== undefined && { standardInput: options.standardInput }),
  };
  const prints = fingerprints(results.map((r) => ({ ruleId: r.ruleId, where: fingerprintPlace(r, root), subject: r.subject, message: r.message })));
  const baseIds = {
    ...(options.root !== undefined && { [ROOT_ID]: { uri: folderUri(options.root) } }),
    ...Object.fromEntries((options.roots ?? []).map((r) => [r.id, { uri: folderUri(r.path) }])),
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: options.name ?? 'rdp-doctor', version: options.version ?? PACKAGE_VERSION, informationUri: REPOSITORY_URL, rules: rules.map(sarifRule) },
        },
        ...(Object.keys(baseIds).length > 0 && { originalUriBaseIds: baseIds }),
        ...(options.standardInput !== undefined && { artifacts: [STANDARD_INPUT_ARTIFACT] }),
        ...(options.invocation && { invocations: [invocation(options.invocation, root)] }),
        results: results.map((r, i) => ({
          ruleId: r.ruleId,
          ...(index.has(r.ruleId) && { ruleIndex: index.get(r.ruleId) }),
          level: LEVEL[r.severity],
          message: { text: sarifText(r.message) },
          ...locations(r, root),
          ...relatedLocations(r, root),
          partialFingerprints: { [FINGERPRINT_NAME]: prints[i] },
        })),
        // Text regions anywhere in the run count, the notifications' problems too (SARIF §3.14.27).
        ...columnKind([
          ...results.flatMap((r) => [r.region, ...(r.related ?? []).map((rel) => rel.region)]),
          ...(options.invocation?.problems ?? []).map((p) => sarifRegion(p, options.invocation?.binaryPaths?.has(p.path))),
        ]),
      },
    ],
  };
}
