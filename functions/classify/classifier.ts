/**
 * Contextual page classification: IAB Content Taxonomy 3.1 categories, brand-safety flags and the
 * page's language, from the text a page shows, in process and without I/O.
 *
 * Method: weighted lexicons in English, Spanish, French, Italian, German and Portuguese
 * (accent-folded, lightly stemmed, with phrases) are compiled once at module load; a page's
 * fields are matched against the lexicon of its detected language, weighted by field (the title
 * counts three times the body, the lead paragraph and headings twice) with diminishing returns
 * for repeated terms. Tier 1 evidence is its own plus its children's; scores are shares of all
 * topic evidence. Brand safety uses the same pass, where a negation cancels the risk terms just
 * after it and a court report's crime counts as reporting. A page in another language gets no
 * categories (the request's own stand) and `confidence: 'low'`; its brand safety is read with
 * every lexicon.
 */
import {
  BRAND_SAFETY_CATEGORIES,
  INNOCENT_PHRASES,
  NEGATABLE_CATEGORIES,
  NEGATION_WORDS,
  NEGATION_WINDOW,
  REPORTING_TERMS,
  RISK_TERMS,
  assessBrandSafety,
  type BrandSafety,
} from './brand-safety';
import { detectLanguage, normaliseLanguageTag } from './language';
import { Lexicon, type Negation } from './matcher';
import { TAXONOMY, type TaxonomyCategory } from './taxonomy';
import { LEXICON_LANGUAGES, STEMMERS, isLexiconLanguage, tokenize, type LexiconLanguage } from './text';
import { TOPIC_TERMS } from './topics';

export type { BrandSafety, BrandSafetyCategory, BrandSafetyFlag, Risk } from './brand-safety';
export { BRAND_SAFETY_CATEGORIES } from './brand-safety';

/** The `page.observed` event data: what the widget read from the page. */
export interface PageInput {
  url: string;
  title?: string;
  description?: string;
  keywords?: string[];
  /** The page's declared language (`<html lang>`), e.g. `es-ES`; a hint, not trusted blindly. */
  lang?: string;
  /** The first ~4 KB of the article text. */
  text?: string;
  imageAlts?: string[];
}

/** One category of the page, with its share of the page's topic evidence (0–1). */
export interface CategoryScore {
  id: string;
  name: string;
  tier: 1 | 2;
  score: number;
}

/** What the classifier says about a page. */
export interface Classification {
  /** Up to three tier 1 categories and the best tier 2 one under each, highest score first. */
  categories: CategoryScore[];
  brandSafety: BrandSafety;
  /** ISO 639-1 code of the detected language, or `und`. */
  language: string;
  /** `low` for a language without a lexicon, an unreliably detected one, or thin evidence. */
  confidence: 'high' | 'low';
}

interface Compiled {
  readonly lexicon: Lexicon;
  readonly topics: readonly TaxonomyCategory[];
  /** The slot of reporting (court) evidence; risk slots follow it. */
  readonly reportingSlot: number;
  readonly riskOffset: number;
  readonly slotCount: number;
  readonly negations: Readonly<Record<LexiconLanguage, Negation>>;
}

const RISK_COUNT = BRAND_SAFETY_CATEGORIES.length;

function compile(): Compiled {
  const lexicon = new Lexicon();
  lexicon.add(INNOCENT_PHRASES, null);
  const topics = Object.entries(TOPIC_TERMS).map(([id, lists], slot) => {
    const category = TAXONOMY.get(id);
    if (category === undefined) throw new Error(`topic lexicon names unknown taxonomy id ${id}`);
    lexicon.add(lists, slot);
    return category;
  });
  const reportingSlot = topics.length;
  lexicon.add(REPORTING_TERMS, reportingSlot);
  const riskOffset = reportingSlot + 1;
  BRAND_SAFETY_CATEGORIES.forEach((category, i) => {
    lexicon.add(RISK_TERMS[category].strong, riskOffset + i);
    lexicon.add(RISK_TERMS[category].weak, riskOffset + RISK_COUNT + i);
  });
  const slotCount = riskOffset + 2 * RISK_COUNT;
  const negatable = new Uint8Array(slotCount);
  BRAND_SAFETY_CATEGORIES.forEach((category, i) => {
    if (!NEGATABLE_CATEGORIES.has(category)) return;
    negatable[riskOffset + i] = 1;
    negatable[riskOffset + RISK_COUNT + i] = 1;
  });
  const negations = {} as Record<LexiconLanguage, Negation>;
  for (const language of LEXICON_LANGUAGES) {
    const words = new Set(tokenize(NEGATION_WORDS[language]).map(STEMMERS[language]));
    negations[language] = { words, fromSlot: reportingSlot, negatable, window: NEGATION_WINDOW };
  }
  return { lexicon, topics, reportingSlot, riskOffset, slotCount, negations };
}

const COMPILED = compile();

const MAX_TEXT_CHARS = 16_384;
const MAX_SHORT_CHARS = 1_000;
const MAX_LIST_ITEMS = 50;
const MAX_TIER1 = 3;
const MIN_TIER1_EVIDENCE = 1.5;
const MIN_TIER1_SHARE = 0.08;
const MIN_TIER2_EVIDENCE = 1;
const MIN_TIER2_SHARE_OF_PARENT = 0.2;
const CONFIDENT_EVIDENCE = 6;
const CONFIDENT_SHARE = 0.25;
const URL_NOISE = new Set(['www', 'http', 'https', 'html', 'htm', 'php', 'aspx', 'amp', 'index']);

const FIELD_WEIGHTS = { title: 3, description: 2, keywords: 2, url: 1.5, imageAlts: 1, lead: 1.5, headings: 1.5, text: 1 } as const;
// The lead and headings say what a page is about, not how risky it is: risk terms there count once.
const RISK_WEIGHTS: Partial<Record<keyof typeof FIELD_WEIGHTS, number>> = { lead: 1, headings: 1 };
// The lead of a page sent as one paragraph: its first sentences, up to this many characters.
const LEAD_MIN_CHARS = 150;
const LEAD_MAX_CHARS = 400;
const MAX_HEADING_CHARS = 90;
const SENTENCE_END = /[.!?…:;"”»)]$/;

function field(input: unknown, key: keyof PageInput): unknown {
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

function texts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_LIST_ITEMS).flatMap((item: unknown) => (typeof item === 'string' ? [item.slice(0, MAX_SHORT_CHARS)] : []));
}

function urlWords(value: string): string {
  let words = value;
  try {
    const url = new URL(value);
    words = `${url.hostname.split('.').slice(0, -1).join(' ')} ${decodeURIComponent(url.pathname)}`;
  } catch {
    // Not an absolute URL (or a malformed escape): its raw words are still worth reading.
  }
  return words;
}

interface Body {
  lead: string;
  headings: string;
  rest: string;
}

/**
 * The body's lead (its first paragraph, or first sentences when it is one paragraph), its
 * headings (short lines that end without punctuation) and the rest: what a page is mainly about
 * is said in its lead and headings more than in a passing mention.
 */
export function splitBody(body: string): Body {
  const lines = body.split('\n');
  if (lines.length > 1) {
    const headings: string[] = [];
    const paragraphs: string[] = [];
    for (const raw of lines) {
      const line = raw.trim();
      if (line === '') continue;
      if (line.length <= MAX_HEADING_CHARS && !SENTENCE_END.test(line) && line.includes(' ')) headings.push(line);
      else paragraphs.push(line);
    }
    if (paragraphs.length > 0) return { lead: paragraphs[0] ?? '', headings: headings.join('\n'), rest: paragraphs.slice(1).join('\n') };
  }
  let end = body.length <= LEAD_MAX_CHARS ? body.length : -1;
  if (end < 0) {
    const sentence = /[.!?]\s/g;
    sentence.lastIndex = LEAD_MIN_CHARS;
    const found = sentence.exec(body);
    end = found !== null && found.index < LEAD_MAX_CHARS ? found.index + 1 : body.lastIndexOf(' ', LEAD_MAX_CHARS);
    if (end <= 0) end = LEAD_MAX_CHARS;
  }
  return { lead: body.slice(0, end), headings: '', rest: body.slice(end) };
}

interface PageFields {
  /** Every field's tokens with its weight. */
  fields: { tokens: string[]; weight: number; riskWeight: number }[];
  /** The words a reader reads (not the URL's), for language detection. */
  prose: string[];
  raw: string;
}

function readPage(input: unknown): PageFields {
  const title = text(field(input, 'title'), MAX_SHORT_CHARS);
  const description = text(field(input, 'description'), MAX_SHORT_CHARS);
  const body = text(field(input, 'text'), MAX_TEXT_CHARS);
  const url = tokenize(urlWords(text(field(input, 'url'), MAX_SHORT_CHARS))).filter((token) => !URL_NOISE.has(token) && !/^\d+$/.test(token));
  const { lead, headings, rest } = splitBody(body);
  const prose = [tokenize(title), tokenize(description), tokenize(lead), tokenize(headings), tokenize(rest)];
  const weighted = (tokens: string[], kind: keyof typeof FIELD_WEIGHTS) => ({ tokens, weight: FIELD_WEIGHTS[kind], riskWeight: RISK_WEIGHTS[kind] ?? FIELD_WEIGHTS[kind] });
  const fields = [
    weighted(prose[0] ?? [], 'title'),
    weighted(prose[1] ?? [], 'description'),
    ...texts(field(input, 'keywords')).map((keyword) => weighted(tokenize(keyword), 'keywords')),
    weighted(url, 'url'),
    ...texts(field(input, 'imageAlts')).map((alt) => weighted(tokenize(alt), 'imageAlts')),
    weighted(prose[2] ?? [], 'lead'),
    weighted(prose[3] ?? [], 'headings'),
    weighted(prose[4] ?? [], 'text'),
  ].filter((page) => page.tokens.length > 0);
  return { fields, prose: prose.flat(), raw: `${title}\n${description}\n${body}` };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function rankCategories(scores: Float64Array): { categories: CategoryScore[]; topEvidence: number; topShare: number } {
  const tier1 = new Map<string, number>();
  const tier2 = new Map<string, number>();
  COMPILED.topics.forEach((category, slot) => {
    const evidence = scores[slot] ?? 0;
    if (evidence <= 0) return;
    if (category.parent === null) tier1.set(category.id, (tier1.get(category.id) ?? 0) + evidence);
    else {
      tier2.set(category.id, evidence);
      tier1.set(category.parent, (tier1.get(category.parent) ?? 0) + evidence);
    }
  });
  const total = [...tier1.values()].reduce((sum, evidence) => sum + evidence, 0);
  const ranked = [...tier1]
    .filter(([, evidence]) => evidence >= MIN_TIER1_EVIDENCE && evidence / total >= MIN_TIER1_SHARE)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_TIER1);

  const categories: CategoryScore[] = [];
  const describe = (id: string, evidence: number): CategoryScore | undefined => {
    const category = TAXONOMY.get(id);
    return category && { id, name: category.name, tier: category.tier, score: round(evidence / total) };
  };
  for (const [id, evidence] of ranked) {
    const parent = describe(id, evidence);
    if (parent !== undefined) categories.push(parent);
    const [child] = [...tier2]
      .filter(([childId, childEvidence]) => TAXONOMY.get(childId)?.parent === id && childEvidence >= MIN_TIER2_EVIDENCE && childEvidence >= evidence * MIN_TIER2_SHARE_OF_PARENT)
      .sort((a, b) => b[1] - a[1]);
    const described = child && describe(child[0], child[1]);
    if (described !== undefined) categories.push(described);
  }
  categories.sort((a, b) => b.score - a.score);
  const top = ranked[0]?.[1] ?? 0;
  return { categories, topEvidence: top, topShare: total > 0 ? top / total : 0 };
}

/**
 * Classifies a page. Pure and total: any input, including malformed event data, yields a
 * classification (an empty page has no categories, risk `none`, language `und`).
 */
export function classifyPage(input: PageInput): Classification {
  const { fields, prose, raw } = readPage(input);
  const detected = detectLanguage(prose, raw, normaliseLanguageTag(field(input, 'lang')));
  const supported = isLexiconLanguage(detected.code);
  const languages: readonly LexiconLanguage[] = isLexiconLanguage(detected.code) ? [detected.code] : LEXICON_LANGUAGES;

  // One language's evidence, or for a page in none of them: topics, the most any one lexicon
  // found; risks, the most that two lexicons agree on (a cognate such as "cocaína"/"cocaina"), so
  // a short word that is a risk in one language ("cu") and harmless in the page's is not a flag.
  const scores = new Float64Array(COMPILED.slotCount);
  const scratch = languages.length > 1 ? new Float64Array(COMPILED.slotCount) : scores;
  const second = new Float64Array(languages.length > 1 ? COMPILED.slotCount : 0);
  for (const language of languages) {
    const stem = STEMMERS[language];
    const counts = new Uint16Array(COMPILED.lexicon.size);
    scratch.fill(0);
    for (const page of fields) COMPILED.lexicon.scan(language, page.tokens.map(stem), page.weight, counts, scratch, COMPILED.negations[language], page.riskWeight);
    if (scratch === scores) continue;
    for (let slot = 0; slot < scores.length; slot += 1) {
      const value = scratch[slot]!;
      if (value > scores[slot]!) [second[slot], scores[slot]] = [scores[slot]!, value];
      else if (value > second[slot]!) second[slot] = value;
    }
  }
  if (languages.length > 1) scores.set(second.subarray(COMPILED.reportingSlot), COMPILED.reportingSlot);

  // A language the lexicons do not know gets no categories rather than a guessed one, but the
  // undetermined language of a very short text still gets what its words say, at low confidence.
  const { categories, topEvidence, topShare } = supported || detected.code === 'und' ? rankCategories(scores) : { categories: [], topEvidence: 0, topShare: 0 };
  const strong = scores.subarray(COMPILED.riskOffset, COMPILED.riskOffset + RISK_COUNT);
  const weak = scores.subarray(COMPILED.riskOffset + RISK_COUNT, COMPILED.riskOffset + 2 * RISK_COUNT);
  const confident = supported && detected.reliable && topEvidence >= CONFIDENT_EVIDENCE && topShare >= CONFIDENT_SHARE;
  return {
    categories,
    brandSafety: assessBrandSafety(strong, weak, categories.find((category) => category.tier === 1)?.id, scores[COMPILED.reportingSlot] ?? 0),
    language: detected.code,
    confidence: confident ? 'high' : 'low',
  };
}
