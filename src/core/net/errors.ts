import type { NetError, NetErrorKind } from './types';

const KIND_BY_CODE: Readonly<Record<string, NetErrorKind>> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ENETDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  ENODATA: 'dns',
  ESERVFAIL: 'dns',
};

/** The code of a Node error (ECONNREFUSED, ERR_SSL_…), or its message when it has none. */
export function causeOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code !== '') return code;
  return error instanceof Error ? error.message : String(error);
}

/** What a finding quotes of a step's error: its raw cause, or its sentence without the final period. */
export function quotedCause(error: NetError): string {
  return error.cause ?? error.message.replace(/\.$/, '');
}

/** Sorts a socket or TLS error into the kinds the checks report. */
export function classifyError(error: unknown, during: 'connect' | 'read' | 'tls'): NetError {
  const cause = causeOf(error);
  let kind: NetErrorKind = KIND_BY_CODE[cause] ?? 'error';
  if (during === 'tls' && (kind === 'error' || cause.startsWith('ERR_SSL') || cause.startsWith('ERR_TLS'))) kind = 'tls-error';
  const detail = cause === (error as Error)?.message ? cause : `${cause}: ${reasonOf(error)}`;
  return { kind, message: describeKind(kind, detail), cause: detail };
}

/** OpenSSL's short reason ("wrong version number") rather than its multi-line error stack. */
function reasonOf(error: unknown): string {
  const reason = (error as { reason?: unknown })?.reason;
  if (typeof reason === 'string' && reason !== '') return reason;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/^.*:error:[0-9A-F]+:[^:]*:[^:]*:/, '').trim();
}

function describeKind(kind: NetErrorKind, detail: string): string {
  switch (kind) {
    case 'refused': return 'The connection was refused.';
    case 'timeout': return 'The connection timed out.';
    case 'reset': return 'The server reset the connection.';
    case 'unreachable': return `The host is unreachable (${detail}).`;
    case 'dns': return `The name does not resolve (${detail}).`;
    case 'tls-error': return `The TLS handshake failed (${detail}).`;
    default: return `The connection failed (${detail}).`;
  }
}

export function timeoutError(message: string, waitedMs?: number): NetError {
  return { kind: 'timeout', message, ...(waitedMs !== undefined && { waitedMs }) };
}

export function abortedError(): NetError {
  return { kind: 'aborted', message: 'The check was cancelled.' };
}
