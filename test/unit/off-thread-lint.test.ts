// The lint worker's client (src/extension/off-thread-lint.ts) with real worker threads: the built dist/lint-worker.js,
// and workers that answer wrongly, crash or never answer.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { lintParsedRdp } from '../../src/core/lint/lint-file';
import { parseRdp } from '../../src/core/rdp/parse';
import { OffThreadLinter, type OffThreadResult } from '../../src/extension/off-thread-lint';

const WORKER = join(__dirname, '../../../dist/lint-worker.js');
const TEXT = 'full address:s:10.0.0.5\r\nredirectclipboard:i:1\r\nunknownprop:s:x\r\nredirectclipboard:i:0\r\n';

/** A worker thread running `body` (a function of `parentPort`). */
function inline(body: string): () => Worker {
  return () => new Worker(`const { parentPort } = require('node:worker_threads'); (${body})(parentPort);`, { eval: true });
}

const findings = (result: OffThreadResult): unknown => ('lint' in result ? result.lint.findings : result);

describe('the lint worker', { skip: !existsSync(WORKER) && 'dist/lint-worker.js is not built' }, () => {
  it('lints as the extension host does, one worker for every job', async () => {
    let started = 0;
    const linter = new OffThreadLinter(() => {
      started++;
      return new Worker(WORKER);
    });
    try {
      const options = { fileName: 'a.rdp' };
      const [a, b] = await Promise.all([linter.lint('a.rdp', TEXT, options, () => true), linter.lint('b.rdp', TEXT.repeat(2), options, () => true)]);
      assert.deepEqual(findings(a), lintParsedRdp(parseRdp(TEXT), options).findings);
      assert.deepEqual(findings(b), lintParsedRdp(parseRdp(TEXT.repeat(2)), options).findings);
      assert.equal(started, 1);
    } finally {
      linter.dispose();
    }
  });

  it('starts no job whose version is gone by its turn', async () => {
    const sent: string[] = [];
    const linter = new OffThreadLinter(inline(`(port) => port.on('message', (job) => port.postMessage({ id: job.id, lint: { findings: [job.text] } }))`));
    try {
      const first = linter.lint('a.rdp', 'version 1', {}, () => true);
      let current = false;
      const second = linter.lint('a.rdp', 'version 2', {}, () => current);
      const third = linter.lint('a.rdp', 'version 3', {}, () => true);
      current = false;
      for (const r of await Promise.all([first, second, third])) sent.push(JSON.stringify(findings(r)));
      assert.deepEqual(sent, ['["version 1"]', '{"stale":true}', '["version 3"]']);
    } finally {
      linter.dispose();
    }
  });

  it('drops a waiting job whose version is gone when the next comes, while the running job still runs', async () => {
    // The worker never answers: the first job runs until the linter is disposed.
    const linter = new OffThreadLinter(inline(`(port) => port.on('message', () => {})`));
    try {
      void linter.lint('a.rdp', 'version 1', {}, () => true);
      let current = true;
      const second = linter.lint('a.rdp', 'version 2', {}, () => current);
      current = false;
      void linter.lint('a.rdp', 'version 3', {}, () => true);
      // A promise settled before the race is its answer; one still pending loses to the settled marker.
      assert.deepEqual(await Promise.race([second, Promise.resolve('still queued')]), { stale: true });
    } finally {
      linter.dispose();
    }
  });

  it('says which file the worker failed on when it crashes, and starts a new worker for the next job', async () => {
    let started = 0;
    const crashing = inline(`(port) => port.on('message', (job) => { if (job.text === 'crash') throw new Error('out of luck'); port.postMessage({ id: job.id, lint: { findings: [] } }); })`);
    const linter = new OffThreadLinter(() => {
      started++;
      return crashing();
    });
    try {
      const crashed = await linter.lint('file:///big.rdp', 'crash', {}, () => true);
      assert.ok('failed' in crashed && /^The lint worker crashed on file:\/\/\/big\.rdp: Error: out of luck/.test(crashed.failed), JSON.stringify(crashed));
      assert.deepEqual(findings(await linter.lint('file:///big.rdp', 'fine', {}, () => true)), []);
      assert.equal(started, 2);
    } finally {
      linter.dispose();
    }
  });

  it('stops a worker that does not answer in time, and says so', async () => {
    const linter = new OffThreadLinter(inline(`(port) => port.on('message', () => { for (;;); })`), 200);
    try {
      const result = await linter.lint('file:///slow.rdp', 'x', {}, () => true);
      assert.deepEqual(result, { failed: 'The lint of file:///slow.rdp took more than 0.2 s in the lint worker and was stopped: no problems are shown for this version.' });
    } finally {
      linter.dispose();
    }
  });

  it('drops what is under way when disposed, and lints nothing after', async () => {
    const linter = new OffThreadLinter(inline(`(port) => port.on('message', () => {})`));
    const running = linter.lint('a.rdp', 'x', {}, () => true);
    const queued = linter.lint('b.rdp', 'y', {}, () => true);
    linter.dispose();
    assert.deepEqual(await Promise.all([running, queued, linter.lint('c.rdp', 'z', {}, () => true)]), [{ stale: true }, { stale: true }, { stale: true }]);
  });
});
