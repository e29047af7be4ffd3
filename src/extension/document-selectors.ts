import type * as vscode from 'vscode';

/**
 * The schemes of documents RDP Doctor's editor features serve: files (local, remote, virtual) and new files. A view of
 * a file in another scheme (a Git diff, an output) is not one, and a selector without a scheme makes VS Code warn.
 */
export const DOCUMENT_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];

/** A document selector for these languages in those schemes. */
export function documentsOf(...languages: readonly string[]): vscode.DocumentFilter[] {
  return languages.flatMap((language) => DOCUMENT_SCHEMES.map((scheme) => ({ language, scheme })));
}

/** The `.rdp` documents. */
export const RDP_DOCUMENTS: readonly vscode.DocumentFilter[] = documentsOf('rdp');
