import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkSetting, CONCURRENCY_RANGE, settingInteger, TIMEOUT_MS_RANGE } from '../../src/core/config/ranges';

describe('editor number settings', () => {
  it('an out-of-range value takes the nearest bound (a session 19 review: a timeout of 1e12 made every host time out)', () => {
    assert.equal(settingInteger(1e12, TIMEOUT_MS_RANGE, 5000), 600_000);
    assert.equal(settingInteger(0, TIMEOUT_MS_RANGE, 5000), 100);
    assert.equal(settingInteger(-1, TIMEOUT_MS_RANGE, 5000), 100);
    assert.equal(settingInteger(1000, CONCURRENCY_RANGE, 16), 256);
    assert.equal(settingInteger(2.6, CONCURRENCY_RANGE, 16), 3);
  });

  it('a value that is no finite number takes the default (a concurrency of "abc" threw)', () => {
    for (const value of ['abc', '5000', null, undefined, NaN, Infinity, -Infinity, true, {}, []]) {
      assert.equal(settingInteger(value, CONCURRENCY_RANGE, 16), 16, String(value));
    }
  });

  it("package.json's schema states the same ranges as the CLI and .rdpdoctor.yaml", () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const props = (pkg.contributes.configuration as { properties: object }[]).flatMap((c) => Object.entries(c.properties));
    const schema = Object.fromEntries(props) as Record<string, { minimum: number; maximum: number }>;
    assert.deepEqual([schema['rdpDoctor.checks.timeoutMs']!.minimum, schema['rdpDoctor.checks.timeoutMs']!.maximum], [TIMEOUT_MS_RANGE.min, TIMEOUT_MS_RANGE.max]);
    assert.deepEqual([schema['rdpDoctor.checks.concurrency']!.minimum, schema['rdpDoctor.checks.concurrency']!.maximum], [CONCURRENCY_RANGE.min, CONCURRENCY_RANGE.max]);
  });

  it("Restricted Mode keeps the user's own value of the settings that guard checks (a workspace cannot drop the \"Check all hosts?\" question)", () => {
    const restricted = JSON.parse(readFileSync('package.json', 'utf8')).capabilities.untrustedWorkspaces.restrictedConfigurations as string[];
    for (const key of ['rdpDoctor.checks.onOpen', 'rdpDoctor.checks.confirmCheckAll', 'rdpDoctor.checks.ntlmInfo']) assert.ok(restricted.includes(key), key);
  });

  it("Restricted Mode keeps the user's own check timeout and concurrency: a workspace's 100 ms made a healthy host look timed out (session 27)", () => {
    const restricted = JSON.parse(readFileSync('package.json', 'utf8')).capabilities.untrustedWorkspaces.restrictedConfigurations as string[];
    for (const key of ['rdpDoctor.checks.timeoutMs', 'rdpDoctor.checks.concurrency']) assert.ok(restricted.includes(key), key);
  });

  it('a config of an untrusted workspace may give a check more time and fewer hosts at once than the user setting, not less time or more hosts', () => {
    // Trusted: the config's value wins either way, as the SPEC says; no config value: the setting.
    assert.equal(checkSetting('timeoutMs', 10_000, 6000, true), 6000);
    assert.equal(checkSetting('concurrency', 4, 64, true), 64);
    assert.equal(checkSetting('timeoutMs', 10_000, undefined, false), 10_000);
    // Untrusted: a config's 6 s under the user's 10 s is not applied; 20 s is. Concurrency the other way round.
    assert.equal(checkSetting('timeoutMs', 10_000, 6000, false), 10_000);
    assert.equal(checkSetting('timeoutMs', 10_000, 20_000, false), 20_000);
    assert.equal(checkSetting('concurrency', 4, 64, false), 4);
    assert.equal(checkSetting('concurrency', 16, 2, false), 2);
  });
});
