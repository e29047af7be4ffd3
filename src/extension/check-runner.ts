import type * as vscode from 'vscode';
import type { CheckTarget, HostCheckResult } from '../core/net/index';

/** A host the workspace knows: from `.rdp` files and the `hosts` inventory of `.rdpdoctor.yaml`. */
export interface KnownHost {
  /** `host:port`, lowercase, IPv6 in brackets: the identity of a host across files and the inventory. */
  readonly key: string;
  readonly target: CheckTarget;
  /** Inventory groups that list it. */
  readonly groups: readonly string[];
  /** `.rdp` files whose `full address` points at it. */
  readonly files: readonly vscode.Uri[];
}

export interface CheckOptions {
  /** The progress notification's title. */
  readonly title?: string;
  /** The file that names the targets (its config and folder settings apply); otherwise where each host is written down. */
  readonly from?: vscode.Uri;
}

/** What features need from the checks: run them (with progress and cancellation) and read the latest results. */
export interface CheckRunner {
  /** Checks these targets with a cancellable progress notification; results flow into the Hosts view and diagnostics. */
  check(targets: readonly CheckTarget[], options?: CheckOptions): Promise<readonly HostCheckResult[]>;
  /** The latest result for a host key (`host:port`), if it was checked in this session. */
  latest(key: string): HostCheckResult | undefined;
  /** Every host of the workspace. */
  knownHosts(): readonly KnownHost[];
  readonly onDidCheck: vscode.Event<readonly HostCheckResult[]>;
}

/** `host:port`, lowercase, IPv6 literals in brackets. */
export function hostKey(host: string, port: number): string {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return `${bare.includes(':') ? `[${bare}]` : bare}:${port}`;
}
