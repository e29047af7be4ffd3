import type { ErrorCodeInfo } from '../error-code-types';
import { protocol } from './errinfo-protocol';


/**
 * RDP-specific codes 0x1111–0x1136 (MS-RDPBCGR 2.2.5.1.1): the Security Header, the Info Packet, the Client
 * Monitor Data, virtual channels and the graphics subsystem.
 */
export const ERRINFO_CLIENT_DATA_CODES: readonly ErrorCodeInfo[] = [
  protocol(0x1111, 'ERRINFO_SECURITYDATATOOSHORT2', 'ERRINFO_SECURITY_DATA_TOO_SHORT2', 'There is not enough data to read a Basic Security Header.'),
  protocol(0x1112, 'ERRINFO_SECURITYDATATOOSHORT3', 'ERRINFO_SECURITY_DATA_TOO_SHORT3', 'There is not enough data to read a Non-FIPS Security Header or FIPS Security Header.'),
  protocol(0x1113, 'ERRINFO_SECURITYDATATOOSHORT4', 'ERRINFO_SECURITY_DATA_TOO_SHORT4', 'There is not enough data to read the basicSecurityHeader and length fields of the Security Exchange PDU Data.'),
  protocol(0x1114, 'ERRINFO_SECURITYDATATOOSHORT5', 'ERRINFO_SECURITY_DATA_TOO_SHORT5', 'There is not enough data to read the CodePage, flags, cbDomain, cbUserName, cbPassword, cbAlternateShell, cbWorkingDir, Domain, UserName, Password, AlternateShell, and WorkingDir fields in the Info Packet.'),
  protocol(0x1115, 'ERRINFO_SECURITYDATATOOSHORT6', 'ERRINFO_SECURITY_DATA_TOO_SHORT6', 'There is not enough data to read the CodePage, flags, cbDomain, cbUserName, cbPassword, cbAlternateShell, and cbWorkingDir fields in the Info Packet.'),
  protocol(0x1116, 'ERRINFO_SECURITYDATATOOSHORT7', 'ERRINFO_SECURITY_DATA_TOO_SHORT7', 'There is not enough data to read the clientAddressFamily and cbClientAddress fields in the Extended Info Packet.'),
  protocol(0x1117, 'ERRINFO_SECURITYDATATOOSHORT8', 'ERRINFO_SECURITY_DATA_TOO_SHORT8', 'There is not enough data to read the clientAddress field in the Extended Info Packet.'),
  protocol(0x1118, 'ERRINFO_SECURITYDATATOOSHORT9', 'ERRINFO_SECURITY_DATA_TOO_SHORT9', 'There is not enough data to read the cbClientDir field in the Extended Info Packet.'),
  protocol(0x1119, 'ERRINFO_SECURITYDATATOOSHORT10', 'ERRINFO_SECURITY_DATA_TOO_SHORT10', 'There is not enough data to read the clientDir field in the Extended Info Packet.'),
  protocol(0x111a, 'ERRINFO_SECURITYDATATOOSHORT11', 'ERRINFO_SECURITY_DATA_TOO_SHORT11', 'There is not enough data to read the clientTimeZone field in the Extended Info Packet.'),
  protocol(0x111b, 'ERRINFO_SECURITYDATATOOSHORT12', 'ERRINFO_SECURITY_DATA_TOO_SHORT12', 'There is not enough data to read the clientSessionId field in the Extended Info Packet.'),
  protocol(0x111c, 'ERRINFO_SECURITYDATATOOSHORT13', 'ERRINFO_SECURITY_DATA_TOO_SHORT13', 'There is not enough data to read the performanceFlags field in the Extended Info Packet.'),
  protocol(0x111d, 'ERRINFO_SECURITYDATATOOSHORT14', 'ERRINFO_SECURITY_DATA_TOO_SHORT14', 'There is not enough data to read the cbAutoReconnectLen field in the Extended Info Packet.'),
  protocol(0x111e, 'ERRINFO_SECURITYDATATOOSHORT15', 'ERRINFO_SECURITY_DATA_TOO_SHORT15', 'There is not enough data to read the autoReconnectCookie field in the Extended Info Packet.'),
  protocol(0x111f, 'ERRINFO_SECURITYDATATOOSHORT16', 'ERRINFO_SECURITY_DATA_TOO_SHORT16', 'The cbAutoReconnectLen field in the Extended Info Packet contains a value which is larger than the maximum allowed length of 128 bytes.'),
  protocol(0x1120, 'ERRINFO_SECURITYDATATOOSHORT17', 'ERRINFO_SECURITY_DATA_TOO_SHORT17', 'There is not enough data to read the clientAddressFamily and cbClientAddress fields in the Extended Info Packet.'),
  protocol(0x1121, 'ERRINFO_SECURITYDATATOOSHORT18', 'ERRINFO_SECURITY_DATA_TOO_SHORT18', 'There is not enough data to read the clientAddress field in the Extended Info Packet.'),
  protocol(0x1122, 'ERRINFO_SECURITYDATATOOSHORT19', 'ERRINFO_SECURITY_DATA_TOO_SHORT19', 'There is not enough data to read the cbClientDir field in the Extended Info Packet.'),
  protocol(0x1123, 'ERRINFO_SECURITYDATATOOSHORT20', 'ERRINFO_SECURITY_DATA_TOO_SHORT20', 'There is not enough data to read the clientDir field in the Extended Info Packet.'),
  protocol(0x1124, 'ERRINFO_SECURITYDATATOOSHORT21', 'ERRINFO_SECURITY_DATA_TOO_SHORT21', 'There is not enough data to read the clientTimeZone field in the Extended Info Packet.'),
  protocol(0x1125, 'ERRINFO_SECURITYDATATOOSHORT22', 'ERRINFO_SECURITY_DATA_TOO_SHORT22', 'There is not enough data to read the clientSessionId field in the Extended Info Packet.'),
  protocol(0x1126, 'ERRINFO_SECURITYDATATOOSHORT23', 'ERRINFO_SECURITY_DATA_TOO_SHORT23', 'There is not enough data to read the Client Info PDU Data.'),
  protocol(0x1129, 'ERRINFO_BADMONITORDATA', 'ERRINFO_BAD_MONITOR_DATA', 'The monitorCount field in the Client Monitor Data is invalid.'),
  protocol(
    0x112a,
    'ERRINFO_VCDECOMPRESSEDREASSEMBLEFAILED',
    'ERRINFO_VC_DECOMPRESSED_REASSEMBLE_FAILED',
    'The server-side decompression buffer is invalid, or the size of the decompressed VC data exceeds the chunking size specified in the Virtual Channel Capability Set.',
  ),
  protocol(
    0x112b,
    'ERRINFO_VCDATATOOLONG',
    'ERRINFO_VC_DATA_TOO_LONG',
    'The size of a received Virtual Channel PDU exceeds the chunking size specified in the Virtual Channel Capability Set.',
  ),
  protocol(0x112c, 'ERRINFO_BAD_FRAME_ACK_DATA', undefined, 'There is not enough data to read a TS_FRAME_ACKNOWLEDGE_PDU ([MS-RDPRFX] 2.2.3.1).'),
  protocol(
    0x112d,
    'ERRINFO_GRAPHICSMODENOTSUPPORTED',
    'ERRINFO_GRAPHICS_MODE_NOT_SUPPORTED',
    'The graphics mode requested by the client is not supported by the server.',
  ),
  protocol(0x112e, 'ERRINFO_GRAPHICSSUBSYSTEMRESETFAILED', 'ERRINFO_GRAPHICS_SUBSYSTEM_RESET_FAILED', 'The server-side graphics subsystem failed to reset.'),
  protocol(0x112f, 'ERRINFO_GRAPHICSSUBSYSTEMFAILED', 'ERRINFO_GRAPHICS_SUBSYSTEM_FAILED', 'The server-side graphics subsystem is in an error state and unable to continue graphics encoding.'),
  protocol(
    0x1130,
    'ERRINFO_TIMEZONEKEYNAMELENGTHTOOSHORT',
    'ERRINFO_TIMEZONE_KEY_NAME_LENGTH_TOO_SHORT',
    'There is not enough data to read the cbDynamicDSTTimeZoneKeyName field in the Extended Info Packet.',
  ),
  protocol(
    0x1131,
    'ERRINFO_TIMEZONEKEYNAMELENGTHTOOLONG',
    'ERRINFO_TIMEZONE_KEY_NAME_LENGTH_TOO_LONG',
    'The length reported in the cbDynamicDSTTimeZoneKeyName field of the Extended Info Packet is too long.',
  ),
  protocol(
    0x1132,
    'ERRINFO_DYNAMICDSTDISABLEDFIELDMISSING',
    'ERRINFO_DYNAMIC_DST_DISABLED_FIELD_MISSING',
    'The dynamicDaylightTimeDisabled field is not present in the Extended Info Packet.',
  ),
  protocol(0x1133, 'ERRINFO_VCDECODINGERROR', 'ERRINFO_VC_DECODING_ERROR', 'An error occurred when processing dynamic virtual channel data ([MS-RDPEDYC] 3.3.5).'),
  protocol(
    0x1134,
    'ERRINFO_VIRTUALDESKTOPTOOLARGE',
    undefined,
    'The width or height of the virtual desktop defined by the monitor layout in the Client Monitor Data is larger than the maximum allowed value of 32,766.',
  ),
  protocol(0x1135, 'ERRINFO_MONITORGEOMETRYVALIDATIONFAILED', undefined, 'The monitor geometry defined by the Client Monitor Data is invalid.'),
  protocol(0x1136, 'ERRINFO_INVALIDMONITORCOUNT', undefined, 'The monitorCount field in the Client Monitor Data is too large.'),
];
