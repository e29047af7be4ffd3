/**
 * Whether a file is Remote Desktop Connection's per-user `Default.rdp`: the template it starts from when run without a
 * file or when a computer name is typed (mstsc command reference; KB885187), not a connection file that is opened.
 * RDP010 (no address) and RDP043 (the dialog for opened files) leave it alone.
 */
export function isMstscTemplate(fileName: string | undefined): boolean {
  return fileName?.length === 11 && fileName.toLowerCase() === 'default.rdp';
}

/**
 * Whether a `Default.rdp` sits where Remote Desktop Connection keeps its template, the user's Documents folder (mstsc
 * command reference: "%UserProfile%\Documents"; "My Documents" before Vista). A `Default.rdp` elsewhere, committed to
 * a repository for users to open, is a connection file like any other (a session 17 review found one with four
 * redirections and no RDP043). `folderName` is the name of the file's folder, when known.
 */
export function isMstscTemplateInPlace(fileName: string | undefined, folderName: string | undefined): boolean {
  return isMstscTemplate(fileName) && folderName !== undefined && /^(my )?documents$/i.test(folderName);
}
