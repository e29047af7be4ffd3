import { effectiveEntry, type RdpDocument } from './parse';
import { rdpTarget } from './target';
import { textValue } from './values';

/** The port Hyper-V's Virtual Machine Connection listens on (FreeRDP `client/common/cmdline.c`, `parse_vmconnect_options`). */
export const VMCONNECT_PORT = 2179;

/**
 * Whether a `.rdp` file opens a Hyper-V VM console: a `pcb` (the VM's ID, with `;EnhancedMode=0` or `1`) sent to port
 * 2179. Microsoft's page for the Remote Desktop client writes exactly that, with `negotiate security layer:i:0`
 * (https://learn.microsoft.com/azure/databox-online/azure-stack-edge-gpu-connect-virtual-machine-console), and FreeRDP's
 * `/vmconnect` turns negotiation off for it ("Hyper-V console (use port 2179, disable negotiation)",
 * `client/common/cmdline.h`; `/nego` beside `/vmconnect` is refused).
 */
export function isHyperVConsole(doc: RdpDocument): boolean {
  if (textValue(effectiveEntry(doc, 'pcb')) === undefined) return false;
  const target = rdpTarget(doc);
  return target.ok && target.port === VMCONNECT_PORT;
}

/**
 * Why `check` cannot probe a `.rdp` file's connection (words that follow the file's name), when it cannot: a Hyper-V
 * VM console's host reads the VM's preconnection PDU first, and the server disconnects a client whose PDU size is out
 * of range ([MS-RDPEPS], processing the preconnection PDU:
 * https://learn.microsoft.com/openspecs/windows_protocols/ms-rdpeps/90df2a5b-ced3-451f-bec7-2f83693246e2). The
 * check sends an X.224 Connection Request instead, so the reset that follows would be blamed on a host that is fine.
 */
export function uncheckableReason(doc: RdpDocument): string | undefined {
  if (!isHyperVConsole(doc)) return undefined;
  return `opens a Hyper-V VM console (a "pcb" sent to port ${VMCONNECT_PORT}): its host expects the VM's preconnection PDU before anything else, which check does not send, so it cannot probe this connection. To check a listener of the VM's own, name its address`;
}
