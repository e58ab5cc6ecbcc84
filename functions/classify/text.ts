/**
 * Text normalisation shared by the lexicons and the pages they are matched against: case and
 * accent folding, tokenising, and light suffix-stripping stemmers for English, Spanish, French,
 * Italian, German and Portuguese. The stemmers need not be linguistically right, only applied
 * identically to both sides. They are hand-written rather than Snowball's because the JavaScript
 * Snowball ports cost 8–13 µs a word against 0.1–0.3 µs here (docs/benchmarks.md), and a page
 * whose words are not memoised yet would spend milliseconds stemming.
 */
import { BoundedCache } from '../../shared/bounded-cache';

/** Languages with a lexicon of their own. */
export const LEXICON_LANGUAGES = ['en', 'es', 'fr', 'it', 'de', 'pt'] as const;

/** A language with a lexicon of its own. */
export type LexiconLanguage = (typeof LEXICON_LANGUAGES)[number];

/** Whether `code` (an ISO 639-1 code) has a lexicon. */
export function isLexiconLanguage(code: string): code is LexiconLanguage {
  return (LEXICON_LANGUAGES as readonly string[]).includes(code);
}

/**
 * Code units that separate words: whitespace, ASCII punctuation, Latin-1 punctuation and signs,
 * × and ÷, general punctuation and symbols, CJK punctuation, surrogates (emoji), variation
 * selectors, small and fullwidth punctuation, specials. Everything else is a word character:
 * the same tokens as [\p{L}\p{N}]+ for Latin text, near enough for other scripts, which no
 * lexicon reads. A table lookup per code unit is several times faster than any regex.
 */
export const SEPARATOR_RANGES: readonly (readonly [number, number])[] = [
  [0x09, 0x0d], [0x20, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e], [0xa0, 0xbf], [0xd7, 0xd7], [0xf7, 0xf7],
  [0x1680, 0x1680], [0x2000, 0x2bff], [0x3000, 0x303f], [0xd800, 0xdfff], [0xfe00, 0xfe0f], [0xfe30, 0xfe4f],
  [0xfeff, 0xfeff], [0xff00, 0xff0f], [0xfff0, 0xffff],
];
const SEPARATOR = new Uint8Array(0x10000);
for (const [from, to] of SEPARATOR_RANGES) SEPARATOR.fill(1, from, to + 1);

// Latin diacritics only: other scripts' combining marks are part of their letters.
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;
// Nothing in ASCII, Latin-1 punctuation or general punctuation (typographic quotes, dashes)
// decomposes into a letter and a diacritic, so text with nothing else skips normalisation.
// eslint-disable-next-line no-control-regex -- the range starts at NUL: all of ASCII
export const MAY_DECOMPOSE = /[^\x00-\xbf\u2000-\u206f]/;

/** Lower-cases and strips diacritics (`Ñandú` → `nandu`, `è` → `e`). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return MAY_DECOMPOSE.test(lower) ? lower.normalize('NFD').replace(LATIN_DIACRITICS, '') : lower;
}

/** Folded word tokens: runs of letters and digits; punctuation, symbols and spaces separate. */
export function tokenize(text: string): string[] {
  const folded = fold(text);
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i < folded.length; i += 1) {
    if (SEPARATOR[folded.charCodeAt(i)] === 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push(folded.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) tokens.push(folded.slice(start));
  return tokens;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const UNDOUBLED = new Set(['l', 's', 'z']);

const MIN_STEM = 3;

function undouble(word: string): string {
  const last = word.charAt(word.length - 1);
  const doubled = last === word.charAt(word.length - 2) && !VOWELS.has(last) && !UNDOUBLED.has(last);
  return doubled && word.length > MIN_STEM ? word.slice(0, -1) : word;
}

function endsWithAny(word: string, suffixes: readonly string[]): boolean {
  return suffixes.some((suffix) => word.endsWith(suffix));
}

const SIBILANT_PLURALS = ['sses', 'ches', 'shes', 'xes', 'zes'];
const NOT_PLURAL = ['ss', 'us', 'is'];

/** English: plural, -ing, -ed and final -e (bake, baked, baking → bak). */
export function stemEnglish(token: string): string {
  let word = token;
  if (word.length <= MIN_STEM) return word;
  if (word.endsWith('ies') && word.length > 4) word = `${word.slice(0, -3)}y`;
  else if (endsWithAny(word, SIBILANT_PLURALS)) word = word.slice(0, -2);
  else if (word.endsWith('s') && !endsWithAny(word, NOT_PLURAL)) word = word.slice(0, -1);
  if (word.endsWith('ing') && word.length >= MIN_STEM + 3) word = undouble(word.slice(0, -3));
  else if (word.endsWith('ed') && word.length >= MIN_STEM + 2) word = undouble(word.slice(0, -2));
  if (word.endsWith('e') && word.length > MIN_STEM) word = word.slice(0, -1);
  return word;
}

/** Spanish (already accent-folded): -mente, plural, gerund, and a final a/o/e. */
export function stemSpanish(token: string): string {
  let word = token;
  if (word.length <= MIN_STEM) return word;
  if (word.endsWith('mente') && word.length > 7) word = word.slice(0, -5);
  if (word.endsWith('ces') && word.length > 4) word = `${word.slice(0, -3)}z`;
  else if (word.endsWith('es') && word.length > 4 && !VOWELS.has(word.charAt(word.length - 3))) word = word.slice(0, -2);
  else if (word.endsWith('s') && VOWELS.has(word.charAt(word.length - 2))) word = word.slice(0, -1);
  if (word.length > 6 && word.endsWith('ando')) word = word.slice(0, -4);
  else if (word.length > 6 && word.endsWith('iendo')) word = word.slice(0, -5);
  const last = word.charAt(word.length - 1);
  if (word.length > 4 && (last === 'a' || last === 'o' || last === 'e')) word = word.slice(0, -1);
  return word;
}

function stripVowel(word: string, minLength: number): string {
  const last = word.charAt(word.length - 1);
  return word.length > minLength && VOWELS.has(last) ? word.slice(0, -1) : word;
}

/** French (accent-folded): -ement, plural -aux/-s/-x, feminine and participle -e, infinitive -er/-ez. */
export function stemFrench(token: string): string {
  let word = token;
  if (word.length <= MIN_STEM) return word;
  if (word.endsWith('ement') && word.length > 7) word = word.slice(0, -5);
  if (word.endsWith('eaux') && word.length > 5) word = word.slice(0, -1);
  else if (word.endsWith('aux') && word.length > 4) word = `${word.slice(0, -3)}al`;
  else if ((word.endsWith('s') || word.endsWith('x')) && word.length > 4 && !word.endsWith('ss')) word = word.slice(0, -1);
  if (word.endsWith('e') && word.length > 4) word = word.slice(0, -1);
  if (word.endsWith('e') && word.length > 4) word = word.slice(0, -1);
  if ((word.endsWith('er') || word.endsWith('ez')) && word.length > 5) word = word.slice(0, -2);
  return word;
}

/** Italian (accent-folded): -mente, -zione/-zioni, a final vowel, -ch/-gh of -che/-ghi plurals. */
export function stemItalian(token: string): string {
  let word = token;
  if (word.length <= MIN_STEM) return word;
  if (word.endsWith('mente') && word.length > 7) word = word.slice(0, -5);
  word = stripVowel(word, 4);
  if ((word.endsWith('ch') || word.endsWith('gh')) && word.length > 4) word = word.slice(0, -1);
  if (word.endsWith('i') && word.length > 4) word = word.slice(0, -1);
  return word;
}

const GERMAN_LONG_ENDINGS = ['em', 'er', 'en', 'nd'];
const GERMAN_SHORT_ENDINGS = ['e', 's', 'n'];

/** German (accent-folded, ß as ss): inflectional endings stripped as CISTEM does, repeatedly, but a final -t is kept (`leicht` is not `Leiche`). */
export function stemGerman(token: string): string {
  let word = token.includes('ß') ? token.replaceAll('ß', 'ss') : token;
  for (;;) {
    if (word.length > 5 && endsWithAny(word, GERMAN_LONG_ENDINGS)) word = word.slice(0, -2);
    else if (word.length > 4 && endsWithAny(word, GERMAN_SHORT_ENDINGS)) word = word.slice(0, -1);
    else return word;
  }
}

/** Portuguese (accent-folded): -mente, plurals (-oes, -ais, -ns, -es, -s), gerund, a final vowel. */
export function stemPortuguese(token: string): string {
  let word = token;
  if (word.length <= MIN_STEM) return word;
  if (word.endsWith('mente') && word.length > 7) word = word.slice(0, -5);
  if ((word.endsWith('oes') || word.endsWith('aes') || word.endsWith('aos')) && word.length > 4) word = `${word.slice(0, -3)}ao`;
  else if (word.endsWith('ais') && word.length > 4) word = `${word.slice(0, -2)}l`;
  else if (word.endsWith('ns') && word.length > 4) word = `${word.slice(0, -2)}m`;
  else if (word.endsWith('es') && word.length > 4 && 'rsz'.includes(word.charAt(word.length - 3))) word = word.slice(0, -2);
  else if (word.endsWith('s') && VOWELS.has(word.charAt(word.length - 2))) word = word.slice(0, -1);
  if (word.length > 6 && (word.endsWith('ando') || word.endsWith('endo') || word.endsWith('indo'))) word = word.slice(0, -4);
  if (word.endsWith('ao') && word.length > 4) return word;
  return stripVowel(word, 4);
}

const STEM_MEMO_LIMIT = 100_000;
// V8 keeps a substring of 13 characters or more as a view of its parent, so memoising such a
// token would keep the whole page text alive; they are rare enough to stem every time.
const MEMO_MAX_TOKEN_LENGTH = 12;

/**
 * `stem` behind a bounded memo: a page repeats its words and a site its vocabulary, and a lookup
 * costs a fraction of stemming and allocates nothing.
 */
function memoised(stem: (token: string) => string): (token: string) => string {
  const memo = new BoundedCache<string, string>(STEM_MEMO_LIMIT);
  return (token) => {
    if (token.length > MEMO_MAX_TOKEN_LENGTH) return stem(token);
    let stemmed = memo.get(token);
    if (stemmed === undefined) {
      stemmed = stem(token);
      memo.set(token, stemmed);
    }
    return stemmed;
  };
}

/** The stemmer of a lexicon language (memoised). */
export const STEMMERS: Readonly<Record<LexiconLanguage, (token: string) => string>> = {
  en: memoised(stemEnglish),
  es: memoised(stemSpanish),
  fr: memoised(stemFrench),
  it: memoised(stemItalian),
  de: memoised(stemGerman),
  pt: memoised(stemPortuguese),
};
