import { open } from 'node:fs/promises';
import * as vscode from 'vscode';

/** Folders no workspace scan enters, whatever the settings say. */
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/.vscode-test/**'];
/** How many files a scan reads at once: a few, so a big workspace never floods the disk or the extension host. */
export const SCAN_CONCURRENCY = 4;
/** How much of a file is read to decide whether it is worth reading whole. */
export const SNIFF_BYTES = 4096;
/** A scan that takes longer than this shows a progress item in the status bar. */
const PROGRESS_AFTER_MS = 1500;

/** One level of `{a,b}` expanded (repeatedly), so patterns with nested braces can sit inside the one exclude group. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) {
      const inner = pattern.slice(open + 1, i);
      const parts: string[] = [];
      let level = 0;
      let start = 0;
      for (let j = 0; j < inner.length; j++) {
        if (inner[j] === '{') level++;
        else if (inner[j] === '}') level--;
        else if (inner[j] === ',' && level === 0) {
          parts.push(inner.slice(start, j));
          start = j + 1;
        }
      }
      parts.push(inner.slice(start));
      return parts.flatMap((p) => expandBraces(pattern.slice(0, open) + p + pattern.slice(i + 1)));
    }
  }
  return [pattern]; // unbalanced: left as written
}

/**
 * The exclude glob of a workspace scan: `files.exclude` and `search.exclude` (their unconditional entries), plus
 * node_modules and .git. `findFiles` applies `files.exclude` only when given no exclude at all, so both are merged here.
 */
export function scanExcludeGlob(): string {
  const patterns = new Set(ALWAYS_EXCLUDED);
  for (const section of ['files', 'search']) {
    const entries = vscode.workspace.getConfiguration(section).get<Record<string, unknown>>('exclude') ?? {};
    for (const [glob, on] of Object.entries(entries)) if (on === true) for (const p of expandBraces(glob)) patterns.add(p);
  }
  return `{${[...patterns].join(',')}}`;
}

/** The first bytes of a file: read with node's fs for local files (the rest is never read), else read whole and cut. */
export async function readHead(uri: vscode.Uri, bytes = SNIFF_BYTES): Promise<Uint8Array> {
  if (uri.scheme === 'file') {
    const handle = await open(uri.fsPath, 'r');
    try {
      const buffer = new Uint8Array(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
  return (await vscode.workspace.fs.readFile(uri)).subarray(0, bytes);
}

/** Runs `work` over `items`, `limit` at a time. */
export async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Shows a status-bar progress item for `task` once it has run for a while (a quick scan shows nothing). */
export async function withLateProgress<T>(title: string, task: (report: (message: string) => void) => Promise<T>): Promise<T> {
  let report: (message: string) => void = () => {};
  let last = '';
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const timer = setTimeout(() => {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, (progress) => {
      report = (message) => progress.report({ message });
      if (last) report(last);
      return finished;
    });
  }, PROGRESS_AFTER_MS);
  try {
    return await task((message) => {
      last = message;
      report(message);
    });
  } finally {
    clearTimeout(timer);
    finish();
  }
}
