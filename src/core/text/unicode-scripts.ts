/**
 * Unicode's scripts (UAX #24) by the long names `\p{Script_Extensions=…}` takes, those look-alike names borrow from
 * first (a character in several is named by the first here). Common and Inherited are left out: they count for no
 * script. Names the JavaScript engine does not know yet (Node 20.12 predates Unicode 17) are skipped.
 */
const SCRIPT_NAMES = `Latin Cyrillic Greek Armenian Georgian Cherokee Coptic Han Hiragana Katakana Hangul Bopomofo Arabic Hebrew
  Syriac Thaana Nko Samaritan Mandaic Devanagari Bengali Gurmukhi Gujarati Oriya Tamil Telugu Kannada Malayalam Sinhala
  Thai Lao Tibetan Myanmar Khmer Mongolian Ethiopic Tifinagh Yi Lisu Vai Bamum Canadian_Aboriginal Ogham Runic Adlam Ahom
  Anatolian_Hieroglyphs Avestan Balinese Bassa_Vah Batak Beria_Erfe Bhaiksuki Brahmi Braille Buginese Buhid Carian
  Caucasian_Albanian Chakma Cham Chorasmian Cuneiform Cypriot Cypro_Minoan Deseret Dives_Akuru Dogra Duployan
  Egyptian_Hieroglyphs Elbasan Elymaic Garay Glagolitic Gothic Grantha Gunjala_Gondi Gurung_Khema Hanifi_Rohingya Hanunoo
  Hatran Imperial_Aramaic Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kawi Kayah_Li Kharoshthi
  Khitan_Small_Script Khojki Khudawadi Kirat_Rai Lepcha Limbu Linear_A Linear_B Lycian Lydian Mahajani Makasar Manichaean
  Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mro Multani
  Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa Nushu Nyiakeng_Puachue_Hmong Ol_Chiki Ol_Onal Old_Hungarian
  Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Osage Osmanya
  Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Saurashtra Sharada Shavian Sidetic Siddham
  SignWriting Sogdian Sora_Sompeng Soyombo Sundanese Sunuwar Syloti_Nagri Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Tai_Yo
  Takri Tangsa Tangut Tirhuta Todhri Tolong_Siki Toto Tulu_Tigalari Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi
  Zanabazar_Square`.split(/\s+/);

/** Characters that count for no script (UTS #39 §5.1): Script_Extensions Common or Inherited (digits, `-`, marks). */
const NO_SCRIPT = '\\p{scx=Zyyy}\\p{scx=Zinh}';

/**
 * The sets of scripts UTS #39 §5.2 "Highly Restrictive" lets one label mix beyond a single script: Latin with the
 * scripts written together in Japanese, Chinese (Bopomofo) and Korean. A character counts as covered when one of
 * its scripts is in the set. Latin alone (`bücher`) passes the first.
 */
const ALLOWED_MIXES = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];

interface ScriptTest {
  readonly name: string;
  /** One character of the script. */
  readonly test: RegExp;
  /** A label of the script's characters and of no script's. */
  readonly only: RegExp;
}

/** The patterns, made on first use: a file of ASCII names never builds them. */
let patterns: { readonly mixes: readonly RegExp[]; readonly counted: RegExp; readonly scripts: readonly ScriptTest[] } | undefined;

function compiled(): NonNullable<typeof patterns> {
  patterns ??= {
    mixes: ALLOWED_MIXES.map((mix) => new RegExp(`^[${mix.map((name) => `\\p{scx=${name}}`).join('')}${NO_SCRIPT}]*$`, 'u')),
    counted: new RegExp(`[^${NO_SCRIPT}]`, 'u'),
    scripts: SCRIPT_NAMES.flatMap((name) => {
      try {
        return [{ name, test: new RegExp(`^\\p{scx=${name}}$`, 'u'), only: new RegExp(`^[\\p{scx=${name}}${NO_SCRIPT}]*$`, 'u') }];
      } catch {
        return [];
      }
    }),
  };
  return patterns;
}

/** The scripts of each character met, by index into the compiled scripts: a name's characters repeat. */
const scriptsByChar = new Map<string, readonly number[]>();

function scriptsOf(c: string): readonly number[] {
  let found = scriptsByChar.get(c);
  if (found === undefined) {
    found = compiled().scripts.flatMap((s, i) => (s.test.test(c) ? [i] : []));
    scriptsByChar.set(c, found);
  }
  return found;
}

/** A label whose letters come from scripts that do not go together, the scripts in the order met, and the characters (as written) of all but its main one. */
export interface MixedScripts {
  readonly label: string;
  readonly scripts: readonly string[];
  readonly odd: readonly string[];
}

/**
 * The first label of `host` that is not "Highly Restrictive" (UTS #39 §5.2): its letters neither share one script
 * (Han with Hiragana and Katakana, with Bopomofo or with Hangul counting as one, as §5.1's augmented sets make them)
 * nor stay within Latin and one of those: `exаmple` with a Cyrillic а, `RDSHΑ` with a Greek Alpha. ASCII labels pass
 * untested.
 */
export function mixedScripts(host: string): MixedScripts | undefined {
  const { mixes, counted, scripts } = compiled();
  // Latin with Han and Japanese throughout (`bücher.example`): every label passes, without splitting.
  if (mixes[0]!.test(host)) return undefined;
  for (const label of host.split('.')) {
    if (mixes.some((mix) => mix.test(label))) continue;
    // Single-script when the first counted character has a script every other character shares.
    const first = counted.exec(label)![0];
    if (scriptsOf(first).some((i) => scripts[i]!.only.test(label))) continue;
    const mixed = describe(label);
    if (mixed) return mixed;
  }
  return undefined;
}

/**
 * Names the scripts a mixed label draws on (each character by its first script not yet named) and the characters
 * outside its main one; undefined when fewer than two are in the table (a script newer than it).
 */
function describe(label: string): MixedScripts | undefined {
  const named: number[] = [];
  const count = new Map<number, number>();
  const counted: { c: string; scripts: readonly number[] }[] = [];
  for (const c of label) {
    if (!compiled().counted.test(c)) continue;
    const scripts = scriptsOf(c);
    const known = scripts.find((i) => named.includes(i));
    const script = known ?? scripts[0];
    if (script === undefined) continue;
    if (known === undefined) named.push(script);
    count.set(script, (count.get(script) ?? 0) + 1);
    counted.push({ c, scripts });
  }
  if (named.length < 2) return undefined;
  const main = named.reduce((a, b) => (count.get(b)! > count.get(a)! ? b : a));
  const odd = [...new Set(counted.filter((x) => !x.scripts.includes(main)).map((x) => x.c))];
  return { label, scripts: named.map(nameOf), odd };
}

/** A script as a message names it: `Canadian Aboriginal`. */
function nameOf(index: number): string {
  return compiled().scripts[index]!.name.replace(/_/g, ' ');
}

/** A character's first script, as a message names it (`Cyrillic`), or undefined for Common and Inherited. */
export function scriptName(c: string): string | undefined {
  const first = scriptsOf(c)[0];
  return first === undefined ? undefined : nameOf(first);
}
