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
  /** A certificate Windows accepts for the listener by Remote Desktop Authentication alone, without Server Authentication. */
  NET024FreeRdpServerPurpose: (ekus: readonly string[]) =>
    `Windows accepts the certificate's extended key usage (${list(ekus)}) for the listener, but FreeRDP-based clients from FreeRDP 3.29 on (xfreerdp, Remmina) verify a server certificate for OpenSSL's TLS server purpose alone, which needs Server Authentication: OpenSSL refuses it (error 26, unsuitable certificate purpose), so they ask the user as for an untrusted certificate (FreeRDP 2 and 3 before 3.29 accept it). Add Server Authentication (1.3.6.1.5.5.7.3.1) to the certificate if such clients connect.`,
} as const;
