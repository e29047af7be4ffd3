// Name completion per request (issue 16): `provideCompletionItems` of src/extension/completion-feature.ts at the
// start of an empty line, with `vscode` stubbed (bench/vscode-stub.ts). Prints {"medianMs","p95Ms","items"}.
import { CompletionFeature } from '../src/extension/completion-feature';
import { useCore, type Core } from '../src/extension/core';
import { parseRdp } from '../src/core/rdp/parse';
import { findProperty, PROPERTIES } from '../src/core/rdp/properties/index';
import { propertyMarkdown } from '../src/core/rdp/property-docs';
import { Position } from './vscode-stub';

// The extension loads its core from dist/extension-core.js on first use; this bundle has in it what completion calls.
useCore({ findProperty, PROPERTIES, propertyMarkdown } as Partial<Core> as Core);

// An empty file: its parse comes from the document model, as in the editor (parsed once per version).
const empty = { rdp: parseRdp('') };
const feature = new CompletionFeature({ get: () => empty } as never);
const document = { lineAt: () => ({ text: '' }) } as never;
const position = new Position(0, 0) as never;
const iterations = Number(process.argv[2] ?? 2000);
let items = 0;
for (let i = 0; i < 200; i++) items = feature.provideCompletionItems(document, position).length; // warm up
const samples: number[] = [];
for (let i = 0; i < iterations; i++) {
  const start = process.hrtime.bigint();
  feature.provideCompletionItems(document, position);
  samples.push(Number(process.hrtime.bigint() - start) / 1e6);
}
samples.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ medianMs: samples[samples.length >> 1], p95Ms: samples[Math.floor(samples.length * 0.95)], items }) + '\n');
