import type * as vscode from 'vscode';
import { core } from './core';
import type { DocumentModel } from './document-model';
import type { Logger } from './logger';
import { readWorkspaceFile } from './workspace-files';

/** Reads open `.rdp` files' bytes for what the editor's text no longer shows, one read a file at a time. */
export class ByteReads {
  /** Byte reads under way, so an open waits for its file's encoding before the one lint. */
  private readonly reading = new Map<string, Promise<void>>();

  constructor(
    private readonly documents: DocumentModel,
    private readonly log: Logger,
  ) {}

  /** Byte-level facts (encoding, BOM, NUL, odd byte count, mixed line endings) that the editor's text no longer shows; RDP006 needs them. */
  read(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const pending = this.reading.get(key);
    if (pending) return pending;
    // The lines of a document with unsaved changes (restored by hot exit, say) need not be the file's.
    const asOnDisk = document.isDirty ? undefined : document.version;
    const read = (async () => {
      try {
        // Read as the workspace's files are (`readWorkspaceFile`): the file on disk may have become a FIFO or a link to a device since it was opened.
        const read = await readWorkspaceFile(document.uri, core().MAX_FILE_BYTES);
        if ('refused' in read) {
          this.log.debug(`Not reading ${key} for its encoding: it is ${read.refused}.`);
          return;
        }
        const decoded = core().decodeBytes(read.bytes);
        // VS Code gave every line one ending when it read the file (microsoft/vscode#127): the disk's are kept here by line
        // number when the document's lines were the file's throughout the read (DocumentModel moves them with later edits).
        const lineEndings = document.version === asOnDisk ? core().lineEndingsOnDisk(decoded.text) : undefined;
        this.documents.setBytes(document.uri, { encoding: decoded.encoding, bom: decoded.bom, nul: decoded.nul, oddByte: decoded.oddByte === true, ...(lineEndings && { lineEndings }) });
      } catch (error) {
        this.log.debug(`Could not read ${key} for its encoding: ${String(error)}`);
      } finally {
        this.reading.delete(key);
      }
    })();
    this.reading.set(key, read);
    return read;
  }
}
