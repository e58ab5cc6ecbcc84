/**
 * Language identification from function words of eighteen languages (and, for other scripts, from
 * the script itself), with the page's declared `lang` as a tie-breaker when the text says too little.
 */

/** A detected language: an ISO 639-1 code or `und`; `reliable` when the text itself decided it. */
export interface DetectedLanguage {
  code: string;
  reliable: boolean;
}

// Short, frequent function words, accent-folded. A word shared by several languages counts for
// each of them in inverse proportion, so `de`/`la`/`que` alone decide nothing.
const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  en: 'the and of to in is that for with was on are as it his her they this be at by from have has but not were which will their an or been would who its after about more than said into when what there can you we our',
  es: 'el la los las de del y en que por con para una un es se no su sus al lo como mas pero fue ha son este esta entre tambien sobre desde muy hasta cuando ya sin ser tras hace le les donde porque todo durante despues han nos puede',
  pt: 'o a os as do da dos das de e em no na nos nas um uma que para com por nao mais foi ao pelo pela ja tambem sao seu sua isso ele ela muito quando tem entre depois sobre ate esta esse essa',
  fr: 'le la les des du de et est une un dans pour que qui pas sur avec au aux ce cette il elle sont ont plus par ne nous vous leur mais ou son sa ses tout aussi comme entre apres',
  it: 'il lo la i gli le di del della e che un una per con non sono nel nella alla anche piu ma come questo essere ha dei delle degli allo sul sulla tra dopo molto quando gia',
  ca: 'el la els les de del i a en que per amb un una es no com mes pero va seu seva aquest aquesta hi ha dels als tambe molt perque quan encara sobre fins durant',
  de: 'der die das und ist nicht ein eine zu den mit von auf fur sich im dem des auch es sie wir wird werden bei nach aus oder wie aber nur noch einem einer',
  nl: 'de het een en van in is dat op te met voor niet zijn ook als aan door maar om bij er nog wordt werd hun deze naar',
  // Languages without a lexicon, listed so that their pages are told apart from those that have one.
  ro: 'si in la cu pe din care pentru este sunt nu se mai ca au fost sau dar lui acest aceasta fi va prin dupa despre ale unei unui iar cand',
  pl: 'i w na z do nie sie jest to ze o jak po za od przez sa tak ale czy jego tylko przy dla juz bylo oraz ktory ktore',
  sv: 'och i att det som en pa ar av for med till den har inte om ett de var jag men sig fran vid kan nar efter',
  da: 'og i at det som en pa er af for med til den har ikke om et de var jeg men sig fra ved kan nar efter',
  no: 'og i at det som en pa er av for med til den har ikke om et de var jeg men seg fra ved kan nar etter',
  fi: 'ja on ei se etta oli han mutta kun niin myos joka ovat tai kuin ole olla mita jos nyt vain sen',
  tr: 've bir bu da de icin ile olarak daha cok gibi ama ne kadar sonra olan ya her en o mi mu degil',
  id: 'dan yang di ini itu dengan untuk dari dalam tidak akan pada juga ke adalah karena oleh sudah ada mereka',
  cs: 'a v na je se ze to s z do o k jako ale byl by jsou pro jeho tak jsem po ktery',
  hu: 'a az es hogy nem is egy meg de van volt csak mint ki mar el ha vagy most azt',
};

const WORD_WEIGHTS: ReadonlyMap<string, ReadonlyMap<string, number>> = (() => {
  const languagesByWord = new Map<string, string[]>();
  for (const [code, words] of Object.entries(FUNCTION_WORDS)) {
    for (const word of new Set(words.split(' '))) languagesByWord.set(word, [...(languagesByWord.get(word) ?? []), code]);
  }
  const weights = new Map<string, Map<string, number>>();
  for (const [word, codes] of languagesByWord) weights.set(word, new Map(codes.map((code) => [code, 1 / codes.length])));
  return weights;
})();

// Letters peculiar to a language survive only before folding, so they are counted on raw text.
const MARKER_LETTERS: readonly (readonly [RegExp, string, number])[] = [
  [/ñ/giu, 'es', 0.5],
  [/[¿¡]/gu, 'es', 1],
  [/[ãõ]/giu, 'pt', 0.5],
  [/l·l/giu, 'ca', 1],
  [/[ß]/giu, 'de', 0.5],
];

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const SCRIPTS: readonly (readonly [RegExp, string])[] = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Thai}/gu, 'th'],
];
const LATIN = /\p{Script=Latin}/gu;
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;
const CYRILLIC_LANGUAGES = new Set(['ru', 'uk', 'bg', 'sr', 'mk', 'be', 'kk']);
const MAX_SAMPLED_TOKENS = 400;
const MIN_SCORE = 2;
const MIN_MARGIN = 1.5;

/** `es-ES`, `EN_gb`, ` pt ` → `es`, `en`, `pt`; anything else → undefined. */
export function normaliseLanguageTag(tag: unknown): string | undefined {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function detectScript(sample: string, hint: string | undefined): string | undefined {
  const kana = countMatches(sample, KANA);
  let best: [string, number] = ['ja', kana];
  for (const [pattern, code] of SCRIPTS) {
    const count = countMatches(sample, pattern) + (code === 'zh' ? kana : 0);
    if (count > best[1]) best = [code, count];
  }
  const [code, count] = best;
  if (count === 0 || count <= countMatches(sample, LATIN)) return undefined;
  // Han with any kana is Japanese; Cyrillic is Russian unless the page says which language it is.
  if (code === 'zh' && kana > 0) return 'ja';
  if (code === 'ru' && hint !== undefined && CYRILLIC_LANGUAGES.has(hint)) return hint;
  return code;
}

function ranked(scores: ReadonlyMap<string, number>): [string, number][] {
  return [...scores].sort((a, b) => b[1] - a[1]);
}

function decisive(first: [string, number] | undefined, second: [string, number] | undefined): boolean {
  return first !== undefined && first[1] >= MIN_SCORE && first[1] >= (second?.[1] ?? 0) * MIN_MARGIN;
}

/**
 * Detects the language of folded `tokens` (with `raw` text for script and letter cues), falling
 * back on the declared `hint` when the words are too few or too evenly shared to decide.
 */
export function detectLanguage(tokens: readonly string[], raw: string, hint: string | undefined): DetectedLanguage {
  const sample = raw.slice(0, 2000);
  const script = NON_LATIN_LETTER.test(sample) ? detectScript(sample, hint) : undefined;
  if (script !== undefined) return { code: script, reliable: true };

  const scores = new Map<string, number>();
  const limit = Math.min(tokens.length, MAX_SAMPLED_TOKENS);
  for (let i = 0; i < limit; i += 1) {
    const weights = WORD_WEIGHTS.get(tokens[i] ?? '');
    if (weights === undefined) continue;
    for (const [code, weight] of weights) scores.set(code, (scores.get(code) ?? 0) + weight);
  }
  let [first, second] = ranked(scores);
  if (!decisive(first, second)) {
    for (const [pattern, code, weight] of MARKER_LETTERS) {
      const count = countMatches(sample, pattern);
      if (count > 0) scores.set(code, (scores.get(code) ?? 0) + Math.min(count, 6) * weight);
    }
    [first, second] = ranked(scores);
  }
  if (first !== undefined && decisive(first, second)) return { code: first[0], reliable: true };
  if (hint !== undefined) return { code: hint, reliable: false };
  if (first !== undefined && first[1] > (second?.[1] ?? 0)) return { code: first[0], reliable: false };
  return { code: 'und', reliable: false };
}
