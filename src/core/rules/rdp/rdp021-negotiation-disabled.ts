import { isHyperVConsole } from '../../rdp/hyperv-console';
import { effectiveEntry } from '../../rdp/parse';
import { intValue } from '../../rdp/values';
import { settingRule } from './setting-rule';

/**
 * What clients do without the negotiation, per client (docs/rules/RDP021.md has the sources): Microsoft's control
 * documentation says NLA without negotiating; FreeRDP 3 (`nego_connect`, tags 3.0.0 and master) connects TCP and starts
 * the highest enabled protocol with no X.224 Connection Request; FreeRDP 2.11.7 sets the negotiation final without
 * connecting TCP (only a preconnection PDU connects it), so it fails against every server (a review with xfreerdp
 * 2.11.7: ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED against xrdp and FreeRDP servers of every security setting).
 */
const MESSAGE =
  'Security-layer negotiation is off: the client sends no X.224 negotiation. Microsoft documents that its client then uses NLA (CredSSP) without negotiating, with servers running Windows Vista or later only; FreeRDP 3 starts TLS and CredSSP with no X.224 Connection Request; FreeRDP 2.11.7 does not even open the connection (unless the file sets a pcb) and fails against every server.';

/**
 * With CredSSP off as well there is no NLA to go to: FreeRDP 3 starts the highest protocol still enabled, TLS, with no
 * X.224 Connection Request, which [MS-RDPBCGR] 5.4.2.2 (the Direct Approach) defines for CredSSP alone; Microsoft
 * documents NLA only "if … NLA is enabled on the client".
 */
const WITHOUT_CREDSSP =
  'Security-layer negotiation is off and so is CredSSP ("enablecredsspsupport" is 0): FreeRDP 3 then starts TLS with no X.224 Connection Request, which the protocol defines for no security layer but CredSSP, FreeRDP 2.11.7 does not even open the connection (unless the file sets a pcb), and what Microsoft\'s client does is not documented; servers that require NLA refuse a client without CredSSP in any case.';

export const rdp021 = settingRule({
  id: 'RDP021',
  name: 'negotiation-disabled',
  description: 'negotiate security layer:i:0 skips security negotiation.',
  defaultSeverity: 'warning',
  tags: ['security'],
  key: 'negotiate security layer',
  when: [0],
  fixTo: 1,
  // A Hyper-V VM console (pcb to port 2179) is opened without negotiation: FreeRDP's /vmconnect turns it off and refuses
  // /nego beside it, so the fix to 1 would break the file.
  exempt: isHyperVConsole,
  messageFor: (doc) => (intValue(effectiveEntry(doc, 'enablecredsspsupport')) === 0 ? WITHOUT_CREDSSP : undefined),
  message: MESSAGE,
});
