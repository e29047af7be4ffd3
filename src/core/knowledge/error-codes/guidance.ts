/**
 * Cause texts shared by several entries. Explanations merge causes by exact text,
 * so a cause that belongs to more than one code lives here once.
 */

/**
 * Microsoft's checks for "This computer can't connect to the remote computer", the message
 * usually shown with 0x904. The article cites no error code, so the link to 0x904 is not
 * documented; the checks themselves are Microsoft's.
 */
export const CANT_CONNECT_LISTENER =
  'The RDP-Tcp listener is not in the Listen state (qwinsta) or is disabled: fEnableWinStation must be 1 under HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp.';
export const CANT_CONNECT_DENIED =
  'Remote connections are denied: fDenyTSConnections must be 0 both in HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server and in the policy key.';
export const CANT_CONNECT_SERVICES =
  'TermService or UmRdpService is not running, or the machine is stuck in Sysprep (SystemSetupInProgress or OOBEInProgress under HKLM\\SYSTEM\\Setup is not 0).';
export const CANT_CONNECT_PORT =
  'The listener PortNumber was changed, another process owns TCP 3389, or a firewall, network security group or antivirus blocks the port.';
export const CANT_CONNECT_SELF_SIGNED =
  'The Remote Desktop self-signed certificate cannot be (re)created: delete it from the Remote Desktop certificate store and restart TermService; if it is not re-created, check SelfSignedCertStore = "Remote Desktop", the MachineKeys ACLs and the CertPropSvc, KeyIso, CryptSvc and SessionEnv services.';
export const CANT_CONNECT_NEGOTIATION =
  'Security-protocol negotiation fails on the server: SSLCertificateSHA1Hash points at a missing certificate, fAllowSecProtocolNegotiation is not 1, or MinEncryptionLevel, a custom SSL Cipher Suite Order policy or a damaged SCHANNEL key interferes.';

/**
 * A check from Microsoft's troubleshooting for "This computer can't connect to the remote computer" (and its "internal
 * error" article), labelled where it is given for 0x904 or 0x7: the articles cite no error code (error-codes.md §1).
 */
export function fromCantConnectArticle(check: string): string {
  return `Microsoft's "can't connect" troubleshooting, which names no error code: ${check}`;
}

/**
 * The same checks for 0x904, where the TCP connection was made and then closed: what a listener that answers can get
 * wrong comes first. A port that is closed or blocked outright ends the connection before it is made, which the
 * client reports as a failed or timed-out connection (0x204, 0x108), so that cause comes last and says so.
 */
export const SOCKET_CLOSED_PORT = `${CANT_CONNECT_PORT.slice(0, -1)}; a port that refuses or drops the connection outright usually shows as a failed or timed-out connection (0x204, 0x108) rather than 0x904, unless something between accepts the connection and then closes it.`;

export const SOCKET_CLOSED_CAUSES: readonly string[] = [
  CANT_CONNECT_SELF_SIGNED,
  CANT_CONNECT_NEGOTIATION,
  CANT_CONNECT_LISTENER,
  CANT_CONNECT_DENIED,
  CANT_CONNECT_SERVICES,
  SOCKET_CLOSED_PORT,
].map(fromCantConnectArticle);

/** Rule IDs whose findings tell the "can't connect" causes apart: the listener's answer first, the transport last. */
export const CANT_CONNECT_CHECKS: readonly string[] = [
  'NET013',
  'NET028',
  'NET020',
  'NET022',
  'XRF004',
  'GPO001',
  'GPO012',
  'XRF002',
  'GPO002',
  'GPO004',
  'GPO009',
  'NET004',
  'NET002',
  'NET003',
];

/** The 0x904 checks: "can't connect" plus the NLA mismatch the derived hover text names. */
export const SOCKET_CLOSED_CHECKS: readonly string[] = [...CANT_CONNECT_CHECKS, 'GPO003', 'NET010', 'RDP020', 'XRF001'];

/**
 * From the reference's derived hover text for "server denied the connection" (0x904 / 0x7), which no source ties to the
 * code (error-codes.md §1): labelled as a suggestion.
 */
export const SECURITY_LAYER_OR_NLA =
  'Suggested, not documented for this code: security-layer or NLA settings on the server (SecurityLayer, UserAuthentication) that the client does not meet.';
export const LICENSING_OR_LIMITS = 'Suggested, not documented for this code: licensing or connection limits on the server.';

/** What a server's Set Error Info PDU says about how far the connection got (MS-RDPBCGR 2.2.5.1, 2.2.1.3, 1.3.1.1). */
const ERROR_INFO_SENT_LATE =
  "a server sends its error info in a Set Error Info PDU, and only to a client whose Client Core Data says it handles one (MS-RDPBCGR 2.2.5.1); the client sends that data in its MCS Connect Initial, after the security negotiation and, when TLS or CredSSP is used, after the TLS handshake with the server's certificate (MS-RDPBCGR 1.3.1.1, 2.2.1.3)";

/**
 * Extended 0x7 read as the server's ERRINFO_SERVER_DENIED_CONNECTION: the reading is an inference from the shared
 * numbering (error-codes.md §1, UNVERIFIED), so it is labelled; what would follow from it is the spec's.
 */
export const DENIED_IF_SERVER_ERROR_INFO =
  `Inferred, not documented: the extended code 7 is the server's ERRINFO_SERVER_DENIED_CONNECTION passed through (the numbers are the same; Microsoft does not say the two are one). If so, the listener answered and refused later in the connection: ${ERROR_INFO_SENT_LATE}. Look in the server's Remote Desktop event logs for why. If not, the checks from Microsoft's "can't connect" troubleshooting below may apply.`;

/**
 * The causes of extended 0x7, most telling first: the reading as the server's error info, what fits it, then
 * Microsoft's "can't connect" checks for a connection refused before the server sent its error info.
 */
export const DENIED_CAUSES: readonly string[] = [
  DENIED_IF_SERVER_ERROR_INFO,
  LICENSING_OR_LIMITS,
  ...[CANT_CONNECT_SELF_SIGNED, CANT_CONNECT_NEGOTIATION].map(fromCantConnectArticle),
  SECURITY_LAYER_OR_NLA,
  fromCantConnectArticle(CANT_CONNECT_LISTENER),
];

/** ERRINFO_SERVER_DENIED_CONNECTION as the server's own Set Error Info PDU (`explain errinfo 0x7`, FreeRDP's 0x00010007). */
export const DENIED_AFTER_NEGOTIATION =
  `Microsoft names no cause. The listener answered and the refusal came later in the connection: ${ERROR_INFO_SENT_LATE}. Look in the server's Remote Desktop event logs for why.`;

/** Rule IDs for a server that answers but refuses: certificate, TLS, security layer, NLA. */
export const SERVER_DENIED_CHECKS: readonly string[] = [
  'NET013',
  'NET028',
  'NET020',
  'NET022',
  'XRF004',
  'GPO001',
  'GPO002',
  'GPO003',
  'GPO004',
  'GPO009',
  'NET010',
  'RDP020',
  'XRF001',
];

/** Cf. the policy the spec names beside ERRINFO_SERVER_FRESH_CREDENTIALS_REQUIRED. */
export const FRESH_CREDENTIALS_POLICY =
  'The policy "Always prompt for password upon connection" (fPromptForPassword) is on, so saved credentials are refused.';

/** The two policies the reference lists beside the licensing codes. */
export const LICENSING_POLICIES =
  'Licensing configuration: the LicensingMode (2 = Per Device, 4 = Per User, 6 = AAD Per User) and LicenseServers policies.';
