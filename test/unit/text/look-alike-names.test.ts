// Host names made to pass for others (a review of the non-ASCII names): labels that mix scripts (UTS #39 §5.2) and names the
// IDNA mapping turns into other names before they are looked up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { domainToASCII, domainToUnicode } from 'node:url';
import { foldingChanges, idnaReading, lowered } from '../../../src/core/text/idna-reading';
import { mixedScripts, scriptName } from '../../../src/core/text/unicode-scripts';

describe('mixedScripts (UTS #39 §5.2 Highly Restrictive)', () => {
  it('finds the label that mixes scripts, the scripts and the characters outside its main one', () => {
    assert.deepEqual(mixedScripts('rdsh01.corp.exаmple'), { label: 'exаmple', scripts: ['Latin', 'Cyrillic'], odd: ['а'] });
    assert.deepEqual(mixedScripts('RDSHΑ'), { label: 'RDSHΑ', scripts: ['Latin', 'Greek'], odd: ['Α'] });
    assert.deepEqual(mixedScripts('microѕoft.invalid'), { label: 'microѕoft', scripts: ['Latin', 'Cyrillic'], odd: ['ѕ'] });
    assert.deepEqual(mixedScripts('рaypal.invalid'), { label: 'рaypal', scripts: ['Cyrillic', 'Latin'], odd: ['р'] });
    assert.deepEqual(mixedScripts('ひらがな한국.invalid')?.scripts, ['Hiragana', 'Hangul']);
    assert.deepEqual(mixedScripts('bücher-٣.invalid')?.scripts, ['Latin', 'Arabic']);
  });

  it('passes one script per label, and Latin with Han and Japanese, Bopomofo or Hangul; digits, "-" and marks count for none', () => {
    for (const host of ['bücher.example', 'bu\u0308cher.example', 'русский.рф', 'ελληνικά.gr', 'ب-١٢.example', '日本語.jp', 'ひらがなカタカナ漢字abc.jp', '中文ㄅㄆabc.tw', '한국어漢字abc.kr', 'ᏣᎳᎩ.example', 'rdsh01.contoso.com', 'exаmple.contoso.com'.replace('а', 'a')]) {
      assert.equal(mixedScripts(host), undefined, host);
    }
    // Each label on its own: a Cyrillic label beside a Latin one is no mix.
    assert.equal(mixedScripts('почта.example.com'), undefined);
  });

  it('knows a script for every character that has one (the table covers the engine\'s Unicode)', () => {
    const noScript = /[\p{scx=Zyyy}\p{scx=Zinh}\p{sc=Unknown}]/u;
    const missing: string[] = [];
    for (let cp = 0x41; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!noScript.test(c) && scriptName(c) === undefined) missing.push(cp.toString(16));
    }
    assert.deepEqual(missing.slice(0, 10), []);
    assert.equal(scriptName('а'), 'Cyrillic');
    assert.equal(scriptName('ᐁ'), 'Canadian Aboriginal');
    assert.equal(scriptName('-'), undefined);
  });
});

describe('idnaReading', () => {
  it('names the name a compatibility character, a full-width letter or ẞ turns the name into, and what each becomes', () => {
    assert.deepEqual(idnaReading('paypaⅼ.invalid'), { name: 'paypal.invalid', changed: [{ char: 'ⅼ', becomes: 'l' }] });
    assert.deepEqual(idnaReading('ＲＤＳＨ01.invalid')?.name, 'rdsh01.invalid');
    assert.deepEqual(idnaReading('STRAẞE.invalid'), { name: 'strasse.invalid', changed: [{ char: 'ẞ', becomes: 'ss' }] });
    assert.deepEqual(idnaReading('pаypaⅼ.invalid'), { name: 'pаypal.invalid', changed: [{ char: 'ⅼ', becomes: 'l' }] });
  });

  it('says nothing of a name that maps to itself, case and composition aside', () => {
    for (const host of ['BÜRO-PC', 'bücher.example', 'bu\u0308cher.example', 'straße.invalid', 'ΟΔΟΣ.invalid', 'οδος.invalid', 'İstanbul.invalid', 'ꭰꭱ.invalid', 'ᏣᎳᎩ.invalid', 'rdsh01.contoso.com']) {
      assert.equal(idnaReading(host), undefined, host);
    }
  });

  it('decodes only what folding changes: every character the mapping turns into another shows a change there (all of Unicode)', () => {
    const letter = /^[\p{L}\p{N}\p{M}]$/u;
    const missed: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!letter.test(c) || /\p{Default_Ignorable_Code_Point}/u.test(c)) continue;
      for (const text of [`a${c}`, c]) {
        const read = domainToUnicode(domainToASCII(text));
        if (read === '') continue;
        if (lowered(read) !== lowered(text) && !foldingChanges(text)) missed.push(cp.toString(16));
        break;
      }
    }
    assert.deepEqual(missed, []);
  });
});
