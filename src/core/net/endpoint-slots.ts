import type { Socket } from 'node:net';

/**
 * How many connections this process lets wait at once for one address and port's first answer, shared by every host
 * check (names that resolve to one listener, a batch's targets). A listener takes connections off its listen queue
 * before it answers them, and that queue is short on some servers: xrdp listens with a backlog of 2 (`g_sck_listen`
 * calls `listen(sck, 2)`, neutrinolabs/xrdp common/os_calls.c), and Linux keeps at most backlog + 1 connections waiting
 * to be accepted (include/net/sock.h, `sk_acceptq_is_full`: full when more than the backlog wait). Connections that
 * arrive together beyond that lose their SYN or their handshake's last ACK and are answered seconds late or never,
 * which the check would blame on the server (a review saw 1–4 false NET004 in 30 names of one xrdp).
 * Three: against xrdp, 30 names at once overflowed its queue 102–166 times per run with no limit, 1–2 times with four,
 * never with three; a single check (four connections, at most three of them unanswered at once) never waits.
 */
export const UNANSWERED_PER_ENDPOINT = 3;

/** One connection, from its place among the unanswered ones to the close of its socket. */
interface Connection {
  answered: boolean;
  /** Set once connected; a destroyed socket is no company, even before its 'close' event. */
  socket?: Socket;
  /** The most other connections of this process that were open to the endpoint while this one waited for its answer. */
  company: number;
}

interface Endpoint {
  /** Every connection with a place, answered or not, until its socket closes. */
  readonly open: Set<Connection>;
  unanswered: number;
  /** Places freed and handed to a waiting caller that has not taken them yet. */
  handedOver: number;
  /** Callers waiting for a place, first come first served. */
  readonly waiting: (() => void)[];
}

/** A connection's place among the unanswered ones to its endpoint. */
export interface EndpointLease {
  /** Ties the place to the connected socket: it is given up at the server's answer (`endpointAnswered`) or the close. */
  hold(socket: Socket): void;
  /** Gives the place up: the connection failed, or was never opened. */
  release(): void;
  /** How many other connections of this process were open to the endpoint at once while this one waited (`connectionsAlongside`). */
  alongside(): number;
}

export interface LeaseOptions {
  readonly signal?: AbortSignal;
  /** Told when the wait for a place starts; the function it returns is called when the wait ends. */
  readonly onWait?: () => () => void;
}

const endpoints = new Map<string, Endpoint>();
const held = new WeakMap<Socket, { readonly connection: Connection; readonly answered: () => void }>();

function endpointKey(address: string, port: number): string {
  return `${address.toLowerCase()}\n${port}`;
}

/**
 * A place among the connections waiting for the endpoint's first answer, once one is free (at once when it is). The
 * wait is the check's own queue, not the server's time: `onWait` lets the caller stop its clock meanwhile. Null when
 * the signal aborted the wait.
 */
export async function endpointLease(address: string, port: number, options: LeaseOptions): Promise<EndpointLease | null> {
  const key = endpointKey(address, port);
  let endpoint = endpoints.get(key);
  if (!endpoint) endpoints.set(key, (endpoint = { open: new Set(), unanswered: 0, handedOver: 0, waiting: [] }));
  const e = endpoint;
  if (e.unanswered + e.handedOver >= UNANSWERED_PER_ENDPOINT || e.waiting.length > 0) {
    if (!(await waitForTurn(e, options))) {
      forgetIfIdle(key, e);
      return null;
    }
    e.handedOver--;
  }
  const connection: Connection = { answered: false, company: 0 };
  e.open.add(connection);
  e.unanswered++;
  const others = [...e.open].filter((c) => !c.socket?.destroyed).length - 1;
  for (const c of e.open) if (!c.answered) c.company = Math.max(c.company, others);
  const answered = (): void => {
    if (connection.answered) return;
    connection.answered = true;
    e.unanswered--;
    // The freed place goes to the first caller waiting, kept for it until it takes it.
    const next = e.waiting.shift();
    if (next) {
      e.handedOver++;
      next();
    }
  };
  const closed = (): void => {
    answered();
    if (e.open.delete(connection)) forgetIfIdle(key, e);
  };
  return {
    hold: (socket) => {
      connection.socket = socket;
      held.set(socket, { connection, answered });
      if (socket.closed) closed();
      else socket.once('close', closed);
    },
    release: closed,
    alongside: () => connection.company,
  };
}

function forgetIfIdle(key: string, e: Endpoint): void {
  if (e.open.size === 0 && e.handedOver === 0 && e.waiting.length === 0 && endpoints.get(key) === e) endpoints.delete(key);
}

/** Resolves true when a place is the caller's, false when the signal aborted the wait first. */
function waitForTurn(e: Endpoint, options: LeaseOptions): Promise<boolean> {
  const { signal } = options;
  if (signal?.aborted) return Promise.resolve(false);
  const resume = options.onWait?.();
  return new Promise<boolean>((resolve) => {
    const turn = (): void => {
      signal?.removeEventListener('abort', onAbort);
      resume?.();
      resolve(true);
    };
    const onAbort = (): void => {
      const i = e.waiting.indexOf(turn);
      if (i >= 0) e.waiting.splice(i, 1);
      resume?.();
      resolve(false);
    };
    e.waiting.push(turn);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The server answered on the socket, or the wait for its answer ended: a listener that answers has taken the
 * connection off its listen queue, so the place goes to the next connection.
 */
export function endpointAnswered(socket: Socket): void {
  held.get(socket)?.answered();
}

/**
 * How many other connections of this process were open to the socket's endpoint at once while it waited for its
 * answer: a listener that leaves one of several connections unanswered may be stalled by the check's own load.
 */
export function connectionsAlongside(socket: Socket): number {
  return held.get(socket)?.connection.company ?? 0;
}

/** This process's connections to the endpoint: open, waiting for their answer, and callers waiting for a place (tests). */
export function endpointLoad(address: string, port: number): { open: number; unanswered: number; waiting: number } {
  const e = endpoints.get(endpointKey(address, port));
  return { open: e?.open.size ?? 0, unanswered: e?.unanswered ?? 0, waiting: e?.waiting.length ?? 0 };
}
