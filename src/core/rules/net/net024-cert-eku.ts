import type { RuleMeta } from '../types';
import { quote } from '../../text/quote';

const list = (items: readonly string[]): string => (items.length ? items.join(', ') : 'nothing');

export const NET024: RuleMeta = {
  id: 'NET024',
  name: 'cert-eku',
  description: 'The certificate allows neither Server Authentication nor Remote Desktop Authentication.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['net', 'certificate'],
};

/** The messages of NET024 findings, each a small function of the offending value. */
export const NET024_MESSAGES = {
  NET024: (ekus: readonly string[]) => `The certificate's extended key usage (${list(ekus)}) allows neither Server Authentication nor Remote Desktop Authentication.`,
  NET024AnyPurpose: (ekus: readonly string[]) =>
    `The certificate's extended key usage (${list(ekus)}) names Any Purpose but neither Server Authentication nor Remote Desktop Authentication, which the listener requires.`,
  NET024Issuer: (ca: string, ekus: readonly string[]) =>
    `The issuing CA ${quote(ca)} restricts its extended key usage (${list(ekus)}) to neither Server Authentication nor Remote Desktop Authentication, so the certificate is not valid for them: a client requires the usage of every certificate in the path.`,
} as const;
