// What dist/forge.js holds: node-forge's ASN.1 reader and the utilities it needs (util, oids), all that
// src/core/net/forge-asn1.ts (the X.509 readers) and tsrequest.ts use, not the whole library. Loading the whole of it cost a check
// ~24 ms CPU; this part ~5 ms (issue 11).
module.exports = require('node-forge/lib/forge');
require('node-forge/lib/asn1');
require('node-forge/lib/util');
require('node-forge/lib/oids');
