/**
 * Text normalisation shared by the lexicons and the pages they are matched against: case and
 * accent folding, tokenising, and light suffix-stripping stemmers for English and Spanish.
 * The stemmers need not be linguistically right, only applied identically to both sides.
 */

/** Languages with a lexicon of their own. */
export type LexiconLanguage = 'en' | 'es';

// Everything but ASCII punctuation, Latin-1 and general punctuation, symbols, CJK punctuation and
// surrogates (emoji) is a word character: five times faster than [\p{L}\p{N}] with the same
// tokens for Latin text, and near enough for other scripts, which no lexicon reads.
const TOKEN = /[^\s!-/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u2bff\u3000-\u303f\ud800-\udfff\ufe00-\ufe0f\ufe30-\ufe4f\uff00-\uff0f\ufff0-\uffff]+/g;
// Latin diacritics only: other scripts' combining marks are part of their letters.
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-cases and strips diacritics (`Ñandú` → `nandu`, `è` → `e`). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(LATIN_DIACRITICS, '') : lower;
}

/** Folded word tokens: runs of letters and digits; punctuation, symbols and spaces separate. */
export function tokenize(text: string): string[] {
  return fold(text).match(TOKEN) ?? [];
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

/** The stemmer of a lexicon language. */
export const STEMMERS: Readonly<Record<LexiconLanguage, (token: string) => string>> = {
  en: stemEnglish,
  es: stemSpanish,
};
