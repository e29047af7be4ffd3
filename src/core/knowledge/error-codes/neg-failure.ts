import type { ErrorCodeInfo } from '../error-code-types';
import { CANT_CONNECT_NEGOTIATION, CANT_CONNECT_SELF_SIGNED } from './guidance';
import { rowsOf } from './row';

const row = rowsOf('neg-failure', ['NEG-FAILURE']);

/**
 * `failureCode` of the X.224 RDP_NEG_FAILURE a server sends before TLS; a probe sees it,
 * the Windows client does not show it.
 */
export const NEG_FAILURE_CODES: readonly ErrorCodeInfo[] = [
  row(
    0x1,
    'SSL_REQUIRED_BY_SERVER',
    'The server requires Enhanced RDP Security with TLS 1.0, 1.1 or 1.2 or CredSSP. If only CredSSP was requested then the server only supports TLS.',
    {
      likelyCauses: [
        'The server SecurityLayer is 2 (SSL) while the client offered only Standard RDP Security (PROTOCOL_RDP).',
        'The client offered only CredSSP (PROTOCOL_HYBRID) and the server does not support it: it "only supports TLS", as MS-RDPBCGR puts it. NLA being off is not this: a server that does not require NLA still accepts CredSSP when it is offered.',
      ],
      checks: ['NET013', 'GPO002', 'GPO003', 'NET011'],
    },
  ),
  row(
    0x2,
    'SSL_NOT_ALLOWED_BY_SERVER',
    'The server is configured to only use Standard RDP Security and does not support any External Security Protocols.',
    {
      likelyCauses: ['The server SecurityLayer is 0 (RDP).'],
      checks: ['NET012', 'GPO002', 'XRF003'],
    },
  ),
  row(
    0x3,
    'SSL_CERT_NOT_ON_SERVER',
    'The server does not possess a valid authentication certificate and cannot initialize the External Security Protocol Provider.',
    {
      likelyCauses: [
        'The listener has no usable certificate.',
        CANT_CONNECT_SELF_SIGNED,
        CANT_CONNECT_NEGOTIATION,
        'On xrdp: its certificate or key file is unreadable.',
      ],
      checks: ['NET013', 'XRF004'],
      sources: ['NEG-FAILURE', 'CANT-CONNECT', 'INTERNAL-ERROR', 'XRDP'],
    },
  ),
  row(
    0x4,
    'INCONSISTENT_FLAGS',
    'The requested protocol list is inconsistent with the security protocol in effect; only possible with the Direct Approach when an External Security Protocol is already in use.',
    { checks: ['NET013'] },
  ),
  row(0x5, 'HYBRID_REQUIRED_BY_SERVER', 'The server requires Enhanced RDP Security with CredSSP.', {
    likelyCauses: [
      'The server requires NLA (UserAuthentication = 1) but the client did not offer PROTOCOL_HYBRID, e.g. enablecredsspsupport:i:0 in the .rdp file.',
    ],
    checks: ['NET010', 'GPO003', 'RDP020', 'XRF001'],
  }),
  row(
    0x6,
    'SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER',
    'The server requires TLS and certificate-based client authentication.',
    { checks: ['NET013'] },
  ),
];
