// Loaded into every Node process of the Restricted Mode run's code-server (NODE_OPTIONS=--require, run.mjs phase c),
// the extension host among them. It answers one test name, RDP_DOCTOR_DNS_NAME, with 127.0.0.1 and writes a line to
// RDP_DOCTOR_DNS_LOG for every lookup of it, so the test counts DNS lookups as well as connections. Any other name
// goes to Node's own dns.lookup unchanged. Each process that loads the hook says so in the same file, with its role.
'use strict';
const dns = require('node:dns');
const fs = require('node:fs');

const LOG = process.env.RDP_DOCTOR_DNS_LOG;
const NAME = (process.env.RDP_DOCTOR_DNS_NAME || '').toLowerCase();

if (LOG && NAME) {
  const note = (line) => {
    try {
      fs.appendFileSync(LOG, `${process.pid} ${line}\n`);
    } catch {
      // The sandbox is gone: the run is over.
    }
  };
  const role = process.argv.find((a) => a.startsWith('--type=')) || process.argv.slice(1, 3).join(' ');
  note(`loaded ${role}`);
  const ours = (hostname) => typeof hostname === 'string' && hostname.toLowerCase().replace(/\.$/, '') === NAME;
  const answer = (options) => {
    const all = typeof options === 'object' && options !== null && options.all;
    return all ? [{ address: '127.0.0.1', family: 4 }] : ['127.0.0.1', 4];
  };

  const lookup = dns.lookup;
  dns.lookup = function countedLookup(hostname, options, callback) {
    if (!ours(hostname)) return lookup.apply(this, arguments);
    note(`lookup ${hostname}`);
    const done = typeof options === 'function' ? options : callback;
    const result = answer(typeof options === 'function' ? undefined : options);
    process.nextTick(() => (Array.isArray(result[0]) || typeof result[0] === 'object' ? done(null, result) : done(null, result[0], result[1])));
    return {};
  };

  const promiseLookup = dns.promises.lookup;
  dns.promises.lookup = function countedPromiseLookup(hostname, options) {
    if (!ours(hostname)) return promiseLookup.apply(this, arguments);
    note(`lookup ${hostname}`);
    const result = answer(options);
    return Promise.resolve(Array.isArray(result) && typeof result[0] === 'string' ? { address: result[0], family: result[1] } : result);
  };
}
