import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatHostText } from '../../src/cli/check-text';
import { BY_IP, RDP_ONLY } from './report/host-fixtures';

describe('check text ladder', () => {
  it('shows the Standard RDP Security encryption under Negotiation, after its findings', () => {
    const text = formatHostText({ ...RDP_ONLY, standardSecurity: { encryptionMethod: '40-bit RC4', encryptionLevel: 'low' } });
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('Standard RDP Security: 40-bit RC4, encryption level low'));
    assert.ok(at > lines.findIndex((l) => l.includes('NET012')), text);
    assert.ok(at < lines.findIndex((l) => / TLS {2,}/.test(l)), text);
  });

  it('says nothing of it when the server does not use Standard RDP Security', () => {
    assert.doesNotMatch(formatHostText(BY_IP), /Standard RDP Security:/);
  });

  it('a target that would start a line with `::` is shown with its first colon escaped (GitHub Actions workflow commands)', () => {
    const first = formatHostText({ ...BY_IP, target: '::error title=x::fake' }).split('\n')[0]!;
    assert.ok(first.startsWith('\\x3a:error title=x::fake'), first);
    assert.ok(formatHostText({ ...BY_IP, target: '[::1]:3389' }).startsWith('[::1]:3389'));
  });
});
