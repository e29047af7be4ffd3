import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { connectionsAlongside, endpointAnswered, endpointLease, endpointLoad, UNANSWERED_PER_ENDPOINT } from '../../../src/core/net/endpoint-slots';
import { Budget } from '../../../src/core/net/run-step';
import { connectTcp } from '../../../src/core/net/tcp';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('endpointLease: a few unanswered connections per address and port', () => {
  it('gives three places at once, queues the rest first come first served, and hands each freed place over', async () => {
    const port = 40001;
    const leases = await Promise.all(Array.from({ length: UNANSWERED_PER_ENDPOINT }, () => endpointLease('192.0.2.1', port, {})));
    assert.equal(UNANSWERED_PER_ENDPOINT, 3);
    assert.deepEqual(endpointLoad('192.0.2.1', port), { open: 3, unanswered: 3, waiting: 0 });
    const order: number[] = [];
    const later = [4, 5].map((n) => endpointLease('192.0.2.1', port, {}).then((lease) => (order.push(n), lease)));
    await tick();
    assert.deepEqual(endpointLoad('192.0.2.1', port), { open: 3, unanswered: 3, waiting: 2 });
    // Another endpoint is not held up, nor is another port of the same address.
    const elsewhere = [await endpointLease('192.0.2.2', port, {}), await endpointLease('192.0.2.1', port + 100, {})];
    assert.ok(elsewhere.every((lease) => lease !== null));
    for (const lease of elsewhere) lease!.release();
    leases[0]!.release();
    // A newcomer asking in the same turn does not take the place handed over.
    const newcomer = endpointLease('192.0.2.1', port, {}).then((lease) => (order.push(6), lease));
    await tick();
    assert.deepEqual(order, [4]);
    leases[1]!.release();
    leases[2]!.release();
    await tick();
    assert.deepEqual(order, [4, 5, 6]);
    for (const lease of [...(await Promise.all(later)), await newcomer]) lease!.release();
    assert.deepEqual(endpointLoad('192.0.2.1', port), { open: 0, unanswered: 0, waiting: 0 });
  });

  it('ends a wait on abort with null, and tells the caller when its wait starts and ends', async () => {
    const port = 40002;
    const held = await Promise.all(Array.from({ length: UNANSWERED_PER_ENDPOINT }, () => endpointLease('192.0.2.1', port, {})));
    const controller = new AbortController();
    const events: string[] = [];
    const waiting = endpointLease('192.0.2.1', port, { signal: controller.signal, onWait: () => (events.push('wait'), () => events.push('resume')) });
    await tick();
    controller.abort();
    assert.equal(await waiting, null);
    assert.deepEqual(events, ['wait', 'resume']);
    assert.equal(endpointLoad('192.0.2.1', port).waiting, 0);
    // A free place is taken without a wait.
    held[0]!.release();
    const free = await endpointLease('192.0.2.1', port, { onWait: () => (events.push('wait again'), () => undefined) });
    assert.deepEqual(events, ['wait', 'resume']);
    for (const lease of [free, held[1], held[2]]) lease!.release();
  });
  it('tells a lease how many other connections were open to its endpoint while it waited, including ones opened later', async () => {
    const port = 40003;
    const first = (await endpointLease('192.0.2.1', port, {}))!;
    assert.equal(first.alongside(), 0);
    const second = (await endpointLease('192.0.2.1', port, {}))!;
    assert.deepEqual([first.alongside(), second.alongside()], [1, 1]);
    second.release();
    // The most at once, not the number now.
    assert.equal(first.alongside(), 1);
    first.release();
    const alone = (await endpointLease('192.0.2.1', port, {}))!;
    assert.equal(alone.alongside(), 0);
    alone.release();
  });
});

describe('connectTcp holds a place until the server answers or the socket closes', () => {
  let server: Server;
  let port = 0;
  const accepted: Socket[] = [];
  before(async () => {
    server = createServer((s) => accepted.push(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  after(async () => {
    for (const s of accepted) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a fourth connection waits for an answer to one of the first three, and knows the company each had', async () => {
    const first = await Promise.all([1, 2, 3].map(() => connectTcp('127.0.0.1', port, { timeoutMs: 2000 })));
    const sockets = first.map((r) => (r.ok ? r.socket : assert.fail('connect failed')));
    let fourthDone = false;
    const fourth = connectTcp('127.0.0.1', port, { timeoutMs: 2000 }).then((r) => ((fourthDone = true), r));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(fourthDone, false, 'three unanswered connections: the fourth waits');
    endpointAnswered(sockets[0]!);
    const next = await fourth;
    assert.ok(next.ok);
    // The answered first one had two others beside it; the rest also the fourth (the answered one, still open, counts).
    assert.deepEqual(sockets.map(connectionsAlongside), [2, 3, 3]);
    assert.equal(connectionsAlongside(next.socket), 3);
    assert.deepEqual(endpointLoad('127.0.0.1', port), { open: 4, unanswered: 3, waiting: 0 });
    for (const s of [...sockets, next.socket]) s.destroy();
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(endpointLoad('127.0.0.1', port), { open: 0, unanswered: 0, waiting: 0 });
  });

  it('a refused connection gives its place back', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const results = await Promise.all(Array.from({ length: 8 }, () => connectTcp('127.0.0.1', deadPort, { timeoutMs: 2000 })));
    assert.ok(results.every((r) => !r.ok && r.error.kind === 'refused'));
    assert.deepEqual(endpointLoad('127.0.0.1', deadPort), { open: 0, unanswered: 0, waiting: 0 });
  });
});

describe("Budget.pause: the check's own queue is not the server's time", () => {
  it('stops the clock while any pause is open, and only then', async () => {
    const budget = new Budget(80);
    const a = budget.pause();
    const b = budget.pause();
    await new Promise((r) => setTimeout(r, 120));
    a();
    a(); // twice is once
    assert.equal(budget.signal.aborted, false, 'paused: the budget has not run out');
    assert.ok(budget.stepMs(1000) > 70, `time left ${budget.stepMs(1000)}`);
    b();
    assert.ok(budget.pausedMs >= 115, `paused ${budget.pausedMs} ms`);
    await new Promise((r) => setTimeout(r, 120));
    assert.equal(budget.signal.aborted, true, 'running again: the budget runs out');
    budget.dispose();
  });
});
