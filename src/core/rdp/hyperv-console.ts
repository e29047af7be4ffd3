import { effectiveEntry, type RdpDocument } from './parse';
import { rdpTarget } from './target';
import { textValue } from './values';

/** The port Hyper-V's Virtual Machine Connection listens on (FreeRDP `client/common/cmdline.c`, `parse_vmconnect_options`). */
export const VMCONNECT_PORT = 2179;

/**
 * Whether a `.rdp` file opens a Hyper-V VM console: a `pcb` (the VM's ID, optionally `;EnhancedMode=1`) sent to port
 * 2179. FreeRDP's `/vmconnect` is exactly that, and it turns security-layer negotiation off for it ("Hyper-V console
 * (use port 2179, disable negotiation)", `client/common/cmdline.h`; `/nego` with `/vmconnect` is refused): the host
 * reads the preconnection PDU and then starts TLS, with no X.224 negotiation first.
 */
export function isHyperVConsole(doc: RdpDocument): boolean {
  if (textValue(effectiveEntry(doc, 'pcb')) === undefined) return false;
  const target = rdpTarget(doc);
  return target.ok && target.port === VMCONNECT_PORT;
}
