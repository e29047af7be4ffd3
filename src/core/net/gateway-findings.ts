import { NET001, NET002, NET003 } from '../rules/net/index';
import { GATEWAY_NOTES } from '../rules/net/messages';
import type { RdpGateway } from '../rdp/target';
import type { NetFinding } from './types';

/** The findings that say the session host cannot be reached from here: through a gateway, the gateway reaches it instead. */
const REACH: ReadonlySet<string> = new Set([NET001.id, NET002.id, NET003.id]);

/**
 * A direct probe's reachability findings for a target whose `.rdp` file goes through an RD Gateway: they say which
 * path the client takes, and with `gatewayusagemethod` 1 (the client never connects directly) an error becomes a
 * warning, so it fails no pipeline. Everything after TCP (negotiation, TLS, certificate) is between the client and
 * the session host through the gateway's tunnel as well, so it stays as it is. A configured severity still wins.
 */
export function throughGateway(findings: readonly NetFinding[], gateway: RdpGateway): NetFinding[] {
  return findings.map((f) => {
    if (!REACH.has(f.ruleId)) return f;
    if (gateway.usageMethod === 2) return { ...f, message: `${f.message} ${GATEWAY_NOTES.fallback(gateway.host)}` };
    return { ...f, severity: f.severity === 'error' ? 'warning' : f.severity, message: `${f.message} ${GATEWAY_NOTES.always(gateway.host)}` };
  });
}
