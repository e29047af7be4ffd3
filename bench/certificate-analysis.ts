// Client CPU per certificate analysis: `node out/bench/certificate-analysis.js LEAF.pem [COUNT]`.
// The last line is JSON ({ firstMs, microsEach }) for bench/check-bench.mjs, which also builds this file against
// the code from before issue 11 to measure both side by side. analyzeCertificate is measured without the
// check's per-process memory of certificates already seen (analyzeSeenCertificate), which would hide the work.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { analyzeCertificate } from '../src/core/net/certificate';

const der = new X509Certificate(readFileSync(process.argv[2]!)).raw;
const count = Number(process.argv[3] ?? 2000);
// The first analysis loads node-forge; it is measured apart.
let before = process.cpuUsage();
if (!analyzeCertificate(der).ok) throw new Error('the certificate cannot be analysed');
const first = process.cpuUsage(before);
before = process.cpuUsage();
for (let i = 0; i < count; i++) analyzeCertificate(der);
const used = process.cpuUsage(before);
const micros = (u: NodeJS.CpuUsage): number => u.user + u.system;
process.stdout.write(`first analysis ${(micros(first) / 1000).toFixed(1)} ms CPU; ${count} analyses ${(micros(used) / 1000).toFixed(0)} ms CPU, ${(micros(used) / count).toFixed(0)} µs each\n`);
process.stdout.write(`${JSON.stringify({ firstMs: micros(first) / 1000, microsEach: micros(used) / count })}\n`);
