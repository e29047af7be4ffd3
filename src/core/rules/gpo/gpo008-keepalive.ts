import { named, where } from './lookup';
import { valueRule } from './value-rule';

/** Many NAT devices and load balancers drop idle TCP flows after 4 minutes (the Azure Load Balancer default). */
export const KEEPALIVE_LIMIT_MINUTES = 4;

export const gpo008 = valueRule({
  id: 'GPO008',
  name: 'keepalive',
  description: 'Keep-alive is disabled, or its interval is above 4 minutes.',
  defaultSeverity: 'info',
  tags: ['gpo', 'connection'],
  checks: [
    {
      refs: 'keepAliveEnable',
      test: (value, s) =>
        value === 0
          ? { message: `${named(s)} ${where(s)}: the server does not probe idle clients, so a dropped client can leave an active orphan session instead of a disconnected one.` }
          : undefined,
    },
    {
      refs: 'keepAliveInterval',
      test: (value, s) =>
        value > KEEPALIVE_LIMIT_MINUTES
          ? { message: `"KeepAliveInterval" is ${value} minutes ${where(s)}: above ${KEEPALIVE_LIMIT_MINUTES} minutes, NAT devices and load balancers may drop idle sessions first.` }
          : undefined,
    },
    // Not TCP's KeepAliveTime (MSS): it applies only to connections whose program turns TCP keep-alive on, with a
    // 2-hour default ("KeepAliveTime", cc782936); nothing documents that Remote Desktop does, and the baselines set
    // it to the 5 minutes MSS-legacy.adml recommends. Flagging that, and not the default, told admins the reverse.
  ],
});
