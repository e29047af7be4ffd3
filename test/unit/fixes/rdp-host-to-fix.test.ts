// A host name read from an `.rdp` file is what *Insert PowerShell Fix* fills in (fix-context.ts): whatever the file's
// `full address` holds (`$(...)`, backticks, `;`, quote look-alikes, line separators, bidi), it reaches a script only
// as a whole single-quoted literal that passed the parameter's check, or the fix is refused with a one-line error.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { POWERSHELL_FIXES, psQuote, renderFix, validateParam } from '../../../src/core/fixes/index';
import { exampleParams } from '../../../src/core/fixes/render';
import { parseRdp } from '../../../src/core/rdp/parse';
import { displayTarget, rdpTarget } from '../../../src/core/rdp/target';
import { contextValues } from '../../../src/extension/fix-context';
import { lexPowerShell } from './ps-lexer';

const PIECES = fc.constantFrom('rdsh01', '.example.invalid', '127.0.0.1', '[::1]', ':3390', '$(calc)', '${env:PATH}', '`', ';', "'", '\u2018', '\u2019', '\u201a', '\u201b', '"', '\u201c', ' ', '\t', '\u2028', '\u0085', '\u202e', '\u200f', '\u0000', '#', '|', '&', '@(x)', '-ComputerName', 'é', '%25eth0', '_');

const HOST_FIXES = POWERSHELL_FIXES.filter((f) => f.params.some((p) => p.kind === 'host' || p.kind === 'computerName'));

describe('a host from an .rdp file in a PowerShell fix (fast-check)', () => {
  it('is refused with a one-line error, or is one single-quoted literal of what passed the check', () => {
    assert.ok(HOST_FIXES.length > 0);
    fc.assert(
      fc.property(fc.array(PIECES, { minLength: 1, maxLength: 6 }), fc.constantFrom(...HOST_FIXES), (pieces, fix) => {
        const doc = parseRdp(`full address:s:${pieces.join('')}\r\n`);
        const target = rdpTarget(doc);
        if (!target.ok) return;
        const known = contextValues({ target: displayTarget(target.host, target.port), host: target.host, port: target.port });
        const params: Record<string, string> = { ...exampleParams(fix, 'required') };
        for (const p of fix.params) if (known[p.key] && (p.kind === 'host' || p.kind === 'computerName')) params[p.key] = known[p.key]!.value;
        const result = renderFix(fix, params);
        if (!result.ok) {
          for (const e of result.errors) assert.doesNotMatch(e, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/, 'the error is one plain line');
          return;
        }
        for (const p of fix.params) {
          const value = params[p.key];
          if (value === undefined || (p.kind !== 'host' && p.kind !== 'computerName')) continue;
          assert.equal(validateParam(p, value), undefined);
          assert.ok(result.script.includes(psQuote(value)));
          assert.ok(lexPowerShell(result.script).some((t) => t.kind === 'single' && t.value === value), 'the host is a whole literal');
        }
      }),
      { numRuns: 400 },
    );
  });
});
