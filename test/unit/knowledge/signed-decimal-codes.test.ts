import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainInput } from '../../../src/core/explain/explain-input';
import { explain, type Explanation } from '../../../src/core/knowledge/error-codes/index';

function explained(result: Explanation | { error: string }, text = ''): Explanation {
  assert.ok(!('error' in result), `${text}: ${'error' in result ? result.error : ''}`);
  return result;
}

describe('a 32-bit code written as a signed decimal in a pasted line', () => {
  it('reads -2146893054 after "error code" as 0x80090302, as the same number typed alone', () => {
    for (const text of ['error code: -2146893054', 'Code: -2146893054', 'An authentication error has occurred (Code: -2146893054)']) {
      assert.equal(explained(explainInput(text), text).name, 'SEC_E_UNSUPPORTED_FUNCTION');
    }
    assert.equal(explained(explain('-2146893054')).name, 'SEC_E_UNSUPPORTED_FUNCTION');
  });

  it('still refuses a small negative number that is no logon code', () => {
    assert.ok('error' in explainInput('exit code -1'));
    assert.equal(explained(explainInput('logon error -2')).name, 'ARBITRATION_CODE_CONTINUE_LOGON');
  });
});
