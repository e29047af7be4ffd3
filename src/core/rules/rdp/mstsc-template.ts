/**
 * Whether a file is Remote Desktop Connection's per-user `Default.rdp`: the template it starts from when run without a
 * file or when a computer name is typed (mstsc command reference; KB885187), not a connection file that is opened.
 * RDP010 (no address) and RDP043 (the dialog for opened files) leave it alone.
 */
export function isMstscTemplate(fileName: string | undefined): boolean {
  return fileName?.length === 11 && fileName.toLowerCase() === 'default.rdp';
}
