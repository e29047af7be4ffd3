import { execFile } from 'node:child_process';

export interface NmapRdpEncryption {
  /** "Low", "Client Compatible", "High", "FIPS Compliant" … or null when nmap read no level. */
  readonly level: string | null;
  /** The methods the server accepted when offered alone: "40-bit RC4", "56-bit RC4", "128-bit RC4", "FIPS 140-1". */
  readonly methods: readonly string[];
  readonly output: string;
}

/**
 * nmap's rdp-enum-encryption against 127.0.0.1 (the `+` forces the script on a port other than 3389,
 * test-lab.md). It offers each method alone on its own connection and reports the level it reads.
 */
export function nmapRdpEncryption(port: number): Promise<NmapRdpEncryption> {
  const args = ['-Pn', '-n', '-p', String(port), '--script', '+rdp-enum-encryption', '127.0.0.1'];
  return new Promise((resolve) => {
    execFile('nmap', args, { timeout: 60_000 }, (_error, stdout) => {
      resolve({
        level: /RDP Encryption level: (.+)$/m.exec(stdout)?.[1]?.trim() ?? null,
        methods: [...stdout.matchAll(/^\|\s+(40-bit RC4|56-bit RC4|128-bit RC4|FIPS 140-1): SUCCESS$/gm)].map((m) => m[1]!),
        output: stdout,
      });
    });
  });
}
