import type { RuleMeta } from '../types';

export const NET029: RuleMeta = {
  id: 'NET029',
  name: 'tls-legacy-protocol',
  description: 'The server accepts TLS 1.0 or 1.1 (an error when it accepts nothing newer).',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['net', 'tls'],
};

/** OpenSSL's version names (`TLSv1.2`) as messages write them (`TLS 1.2`). */
export const TLS_VERSION_LABEL: Readonly<Record<string, string>> = { TLSv1: 'TLS 1.0', 'TLSv1.1': 'TLS 1.1', 'TLSv1.2': 'TLS 1.2', 'TLSv1.3': 'TLS 1.3' };
const names = (versions: readonly string[]): string => versions.map((v) => TLS_VERSION_LABEL[v] ?? v).join(' and ');

export const NET029_MESSAGES = {
  /** The server also accepts a current version (warning). */
  alsoModern: (legacy: readonly string[], modern: readonly string[]) =>
    `The server accepts the legacy ${names(legacy)} besides ${names(modern)}: a downgrade or an old client can still use ${legacy.length === 1 ? 'it' : 'them'}.`,
  /** Nothing newer is accepted (error). */
  only: (legacy: readonly string[]) => `The server accepts only the legacy ${names(legacy)}: current clients refuse to connect.`,
} as const;
