import type { X509Certificate } from 'node:crypto';
import { core } from './core';
import * as vscode from 'vscode';
import { DEFAULT_CONFIG, type RdpDoctorConfig } from '../core/config/types';
import type { SeverityOverrides } from '../core/findings/severity';
import { appendAll } from '../core/text/collections';
import { leadsInside } from '../shared/inside-folder';
import type { Logger } from './logger';
import { settings } from './settings';
import type { WorkspaceConfigStore } from './workspace-config';
import { readWorkspaceFile } from './workspace-files';

/**
 * What a check of hosts named in one place reads: the `.rdpdoctor.yaml` that applies there (checks, trust, rules),
 * and the settings of its workspace folder. In a multi-root workspace each folder has its own.
 */
export interface CheckScope {
  /** Targets with the same key share a scope (and one run of the checks). */
  readonly key: string;
  readonly config: RdpDoctorConfig;
  /** The config file, when there is one: its CA paths are relative to its folder. */
  readonly configUri: vscode.Uri | undefined;
  readonly folder: vscode.WorkspaceFolder | undefined;
  /** The scope settings are read with: the folder, or any resource (null) without one. */
  readonly settingsScope: vscode.Uri | null;
  /** The document that decided the scope (the target's source, else the active editor's): read again from it, the same place. */
  readonly source: vscode.Uri | undefined;
}

/**
 * The scope of a target written down at `source` (an `.rdp` file, an inventory's config file). Without one (a host
 * typed ad hoc, an untitled file), the active editor's folder, else the first folder.
 */
export async function checkScope(configs: WorkspaceConfigStore, source: vscode.Uri | undefined): Promise<CheckScope> {
  const { inFolder, folder } = placeOf(source);
  const entry = inFolder ? await configs.entryFor(inFolder) : folder ? await configs.entryAt(folder.uri) : undefined;
  return {
    key: `${folder?.uri.toString() ?? ''}|${entry?.uri.toString() ?? ''}`,
    config: entry?.config ?? DEFAULT_CONFIG,
    configUri: entry?.uri,
    folder,
    settingsScope: folder?.uri ?? null,
    source: inFolder,
  };
}

/** The rule settings a check in `scope` applies: its config's `rules`, the folder's `rdpDoctor.rules` on top. */
export function checkSeverities(scope: CheckScope): SeverityOverrides {
  return { ...scope.config.rules, ...settings.rules(scope.settingsScope) };
}

/** The folder whose settings apply to a target written down at `source` (see `checkScope`), or null for any resource. */
export function checkScopeUri(source: vscode.Uri | undefined): vscode.Uri | null {
  return placeOf(source).folder?.uri ?? null;
}

/** The document in a workspace folder that decides (`source`, else the active editor's), and that folder (else the first). */
function placeOf(source: vscode.Uri | undefined): { inFolder: vscode.Uri | undefined; folder: vscode.WorkspaceFolder | undefined } {
  const active = vscode.window.activeTextEditor?.document.uri;
  const inFolder = [source, active].find((uri): uri is vscode.Uri => uri !== undefined && vscode.workspace.getWorkspaceFolder(uri) !== undefined);
  return { inFolder, folder: inFolder ? vscode.workspace.getWorkspaceFolder(inFolder) : vscode.workspace.workspaceFolders?.[0] };
}

/** The largest CA file read: a system bundle of every public root is about 200 KB. */
const MAX_CA_FILE_BYTES = 16 * 1024 * 1024;

/** The extra trust anchors of a scope's config (`trust.ca`), relative to the config's folder as the CLI reads them. */
export async function trustAnchors(scope: CheckScope, log: Logger): Promise<X509Certificate[]> {
  const base = scope.configUri ? vscode.Uri.joinPath(scope.configUri, '..') : scope.folder?.uri;
  const anchors: X509Certificate[] = [];
  for (const path of scope.config.trust.ca) {
    const uri = base && !/^(?:\/|[a-z]:[\\/])/i.test(path) ? vscode.Uri.joinPath(base, path) : vscode.Uri.file(path);
    // A config read in Restricted Mode names no CA (`untrustedConfig`); should one reach here, an untrusted workspace's
    // config may still not send RDP Doctor to read files elsewhere (a UNC path is an SMB connection).
    if (!vscode.workspace.isTrusted && !(scope.folder && (await isInside(scope.folder.uri, uri)))) {
      log.warn(`Restricted Mode: the CA file ${path} is outside the workspace folder; ignored.`);
      continue;
    }
    try {
      // A CA file is a regular file of certificates, not a device or a huge file (`/dev/zero` would never end).
      const file = await readWorkspaceFile(uri, MAX_CA_FILE_BYTES);
      if ('refused' in file) {
        log.warn(`${path} is not a CA certificate file: it is ${file.refused}; ignored.`);
        continue;
      }
      const read = core().readCertificates(Buffer.from(file.bytes));
      if ('problem' in read) log.warn(`${path} is not a CA certificate file: ${read.problem}.`);
      else appendAll(anchors, read.certificates);
    } catch (error) {
      log.warn(`Cannot read the CA file ${path}: ${String(error)}`);
    }
  }
  return anchors;
}

/** Whether `uri` is `folder` or below it, `..` resolved and links followed (`leadsInside`); only local files are compared. */
async function isInside(folder: vscode.Uri, uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme !== 'file' || folder.scheme !== 'file' || uri.authority !== folder.authority) return false;
  return leadsInside(folder.fsPath, uri.fsPath);
}
