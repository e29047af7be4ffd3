import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { SOURCES } from '../../src/core/knowledge/sources';
import type { PropertyInfo } from '../../src/core/rdp/property-types';
import { PROPERTIES, PROPERTY_NAMES, findProperty } from '../../src/core/rdp/properties/index';

const DECIMAL = /^(0|[1-9][0-9]*)$/;

function isValidDefault(property: PropertyInfo, value: string): boolean {
  if (property.type === 'i') {
    if (!DECIMAL.test(value)) return false;
    const listed = property.values?.some((doc) => doc.value === value) ?? false;
    if (property.range) {
      const n = Number(value);
      return listed || (n >= property.range.min && n <= property.range.max);
    }
    return property.values ? listed : true;
  }
  if (property.type === 's' && property.closedSet) {
    return property.values?.some((doc) => doc.value.toLowerCase() === value.toLowerCase()) ?? false;
  }
  return property.type === 's';
}

describe('property knowledge base', () => {
  it('has unique lower-case names and aliases', () => {
    const seen = new Set<string>();
    for (const property of PROPERTIES) {
      for (const name of [property.name, ...(property.aliases ?? [])]) {
        assert.equal(name, name.trim().toLowerCase(), `${name} is not trimmed lower case`);
        assert.ok(!seen.has(name), `${name} is defined twice`);
        seen.add(name);
      }
    }
    assert.deepEqual(PROPERTY_NAMES, PROPERTIES.map((property) => property.name));
  });

  it('gives every property a description and known sources', () => {
    for (const property of PROPERTIES) {
      assert.ok(property.description.trim().length > 0, `${property.name} has no description`);
      assert.ok(property.sources.length > 0, `${property.name} has no source`);
      for (const source of property.sources) {
        assert.ok(source in SOURCES, `${property.name} cites unknown source ${source}`);
      }
    }
  });

  it('uses decimal, unique values for integer properties', () => {
    for (const property of PROPERTIES.filter((p) => p.type === 'i')) {
      const values = property.values?.map((doc) => doc.value) ?? [];
      for (const value of values) {
        assert.match(value, DECIMAL, `${property.name} has non-decimal value ${value}`);
      }
      assert.equal(new Set(values).size, values.length, `${property.name} repeats a value`);
      assert.equal(property.format, undefined, `${property.name} is an integer with a string format`);
      assert.equal(property.closedSet, undefined, `${property.name} is an integer with closedSet`);
    }
  });

  it('keeps ranges on integers and closed sets on strings with values', () => {
    for (const property of PROPERTIES) {
      if (property.range) {
        assert.equal(property.type, 'i', `${property.name} has a range but is not an integer`);
        assert.ok(property.range.min <= property.range.max, `${property.name} has an empty range`);
      }
      if (property.closedSet) {
        assert.equal(property.type, 's', `${property.name} has closedSet but is not a string`);
        assert.ok(property.values && property.values.length > 0, `${property.name} has an empty closed set`);
      }
      for (const doc of property.values ?? []) {
        assert.ok(doc.meaning.trim().length > 0, `${property.name}=${doc.value} has no meaning`);
      }
    }
  });

  it('documents defaults that are valid for their own property', () => {
    for (const property of PROPERTIES) {
      if (property.default === undefined) continue;
      assert.ok(isValidDefault(property, property.default), `${property.name} default ${property.default} is invalid`);
    }
  });

  it('gives each signed setting a unique signscope name', () => {
    const signNames = PROPERTIES.flatMap((property) => (property.signName ? [property.signName] : []));
    assert.equal(new Set(signNames.map((name) => name.toLowerCase())).size, signNames.length);
    // The 45 of the 2015 reverse-engineered list, and the two a current rdpsign.exe adds (kimmknight/raweb's tests).
    assert.equal(signNames.length, 47);
    assert.equal(findProperty('full address')?.signName, 'Full Address');
    assert.equal(findProperty('redirectwebauthn')?.signName, 'RedirectWebAuthn');
    // Every display name is its property's name in other letter case: an unknown one is read the same way (signing.ts).
    for (const property of PROPERTIES) if (property.signName) assert.equal(property.signName.toLowerCase(), property.name, property.name);
  });

  it('marks the documented legacy properties as deprecated', () => {
    for (const name of ['targetisaadjoined', 'auto connect', 'redirectdrives']) {
      assert.ok(findProperty(name)?.deprecated, `${name} should be deprecated`);
    }
    assert.match(findProperty('targetisaadjoined')?.deprecated ?? '', /enablerdsaadauth/);
  });

  it('finds properties case-insensitively and ignores surrounding spaces', () => {
    assert.equal(findProperty('Full Address')?.name, 'full address');
    assert.equal(findProperty('  SCREEN MODE ID ')?.name, 'screen mode id');
    assert.equal(findProperty('WinRTEncryptedPassword')?.name, 'winrtencryptedpassword');
    assert.equal(findProperty('Workspace Id')?.type, 's');
    assert.equal(findProperty('password 51')?.type, 'b');
    assert.equal(findProperty('no such property'), undefined);
  });
});
