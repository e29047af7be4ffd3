// Builds the large-document harness (editor-path.ts) with `vscode` stubbed, into out/bench/large.
import { build } from 'esbuild';

await build({
  entryPoints: ['bench/large/editor-path.ts', 'bench/large/write-file.ts'],
  outdir: process.env.OUTDIR ?? 'out/bench/large',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  alias: { vscode: './bench/large/vscode-editor-stub.ts' },
  external: ['tinyglobby', 'yaml', 'saxes'],
  logLevel: 'warning',
});
