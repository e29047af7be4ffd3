/** The remote checks of a live RDP listener (SPEC §2 NET rules), for the CLI and the extension. */
export { checkHost, type CheckHostOptions, type CheckTarget } from './check-host';
export { checkHosts, type BatchOptions } from './batch';
export { analyzeCertificate, type CertificateFacts } from './certificate';
export { readCertificates, TrustStore } from './trust-store';
export { STEP_LABEL, STEP_OF_RULE, STEP_ORDER } from './ladder';
export { gatewayDetail, ntlmDetail, ntlmProblemDetail, standardSecurityDetail } from './step-details';
export type * from './types';
