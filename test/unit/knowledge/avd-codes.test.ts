import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatExplanationText } from '../../../src/cli/explain-text';
import { explainInput } from '../../../src/core/explain/explain-input';
import { AVD_CONNECTION_CODES } from '../../../src/core/knowledge/error-codes/avd';
import { explain, lookupErrorCode, lookupErrorName, type Explanation } from '../../../src/core/knowledge/error-codes/index';

function explained(result: Explanation | { error: string }, text = ''): Explanation {
  assert.ok(!('error' in result), `${text}: ${'error' in result ? result.error : ''}`);
  return result;
}

function refused(result: Explanation | { error: string }, text = ''): string {
  assert.ok('error' in result, `${text} was explained as ${'error' in result ? '' : result.name}`);
  return result.error;
}

describe("Azure Virtual Desktop's connection errors (Microsoft Learn, Identify and diagnose Azure Virtual Desktop issues)", () => {
  it('lists the ten errors of the page, with the numeric code the page gives each', () => {
    assert.deepEqual(
      AVD_CONNECTION_CODES.map((e) => [e.name, e.code]),
      [
        ['ConnectionFailedAdTrustedRelationshipFailure', -2147467259],
        ['ConnectionFailedUserHasValidSessionButRdshIsUnhealthy', -2146233088],
        ['ConnectionFailedClientDisconnect', -2146233088],
        ['ConnectionFailedNoHealthyRdshAvailable', -2146233088],
        ['ConnectionFailedUserNotAuthorized', -2146233088],
        ['FileNotFound', 2],
        ['InvalidCredentials', 3],
        ['ConnectionBroken', 8],
        ['UnexpectedNetworkDisconnect', 14],
        ['ReverseConnectFailed', 24],
      ],
    );
    for (const e of AVD_CONNECTION_CODES) {
      assert.equal(e.family, 'avd');
      assert.deepEqual(e.sources, ['AVD-DIAGNOSE'], e.name);
      assert.equal(e.unverified, undefined, `${e.name}: the page is Microsoft's`);
      assert.deepEqual(e.checks, [], `${e.name}: no rule of RDP Doctor reads its causes`);
      assert.match(e.meaning, /\.$/, e.name);
    }
  });

  it('explains each by its name, in any case, as the page says it', () => {
    const e = explained(explain('ConnectionFailedNoHealthyRdshAvailable'));
    assert.equal(e.family, 'avd');
    assert.equal(e.code, '0x80131500');
    assert.equal(e.decimal, -2146233088);
    assert.match(e.meaning, /isn't healthy/);
    assert.deepEqual(e.likelyCauses, ["Microsoft's suggested solution: debug the virtual machine."]);
    assert.equal(e.sources[0]?.url, 'https://learn.microsoft.com/azure/virtual-desktop/troubleshoot-set-up-overview');
    assert.equal(explained(explain('connectionfailedusernotauthorized')).name, 'ConnectionFailedUserNotAuthorized');
    assert.equal(explained(explainInput('ReverseConnectFailed')).name, 'ReverseConnectFailed');
  });

  it('is found by name only: a number typed is read in the other families, as before', () => {
    for (const e of AVD_CONNECTION_CODES) {
      assert.ok(lookupErrorCode(e.code).every((found) => found.family !== 'avd'), e.name);
      assert.equal(lookupErrorName(e.name)[0]?.family, 'avd', e.name);
    }
    assert.equal(explained(explain('3')).name, 'disconnectReasonByServer');
    assert.equal(explained(explain('0x80004005')).name, 'E_FAIL');
  });

  it('answers a number only the page has with the names that carry it', () => {
    for (const text of ['-2146233088', '0x80131500', '2148734208']) {
      const error = refused(explain(text), text);
      assert.match(error, /^No known error code 0x80131500/);
      assert.match(error, /WVDErrors/);
      for (const name of ['ConnectionFailedUserHasValidSessionButRdshIsUnhealthy', 'ConnectionFailedClientDisconnect', 'ConnectionFailedNoHealthyRdshAvailable', 'ConnectionFailedUserNotAuthorized']) {
        assert.ok(error.includes(name), `${text}: ${name}`);
      }
    }
  });

  it('gives no command to run next: its session hosts take no direct connection for check to probe', () => {
    const text = formatExplanationText(explained(explain('ConnectionBroken')));
    assert.doesNotMatch(text, /Next|rdp-doctor check/);
    assert.match(formatExplanationText(explained(explain('0x904'))), /\nNext\n/);
  });
});

describe('the Windows App and mobile clients\' 0x30000xx codes', () => {
  it('says what family an unknown one is of, and that Microsoft publishes no table of them', () => {
    for (const text of ['0x3000046', '0x3000047', '0x30000ff']) {
      const error = refused(explain(text), text);
      assert.match(error, /^No known error code 0x30000[0-9A-F]{2} \(decimal \d+\)\. Codes of the form 0x30000xx are shown by the Windows App/);
      assert.match(error, /Microsoft publishes no table/);
    }
    for (const text of ['0x3000100', '0x2000046']) assert.doesNotMatch(refused(explain(text), text), /0x30000xx/);
  });
});
