/**
 * Compiles term lists into per-language lookup tables once, and scans a page's tokens against
 * them, adding each matched term's weight to its score slot.
 *
 * Term list syntax: comma-separated terms; a term is one or more words, optionally followed by
 * `=weight` (default 1). Words are compared after folding and stemming, so a term matches its
 * inflections (`bomb` matches "bombs"; `vacuna` matches "vacunas").
 * Every phrase that matches at a word counts, and the longest then consumes its words, so the
 * single words inside it do not count again; that is how an innocent phrase ("shot of espresso")
 * stops its words from counting as something else.
 * A one-word term ending in `*` (`fussball*`) matches every word whose stem starts with it, for
 * German compounds (`Fußballtrainer`); it counts only where no whole word or phrase matched.
 */
import { LEXICON_LANGUAGES, STEMMERS, tokenize, type LexiconLanguage } from './text';

/** One term of one list: what it adds to which slot. */
interface Entry {
  readonly id: number;
  readonly slot: number;
  weight: number;
}

interface Phrase {
  /** Stems of the words after the first. */
  readonly rest: readonly string[];
  readonly entries: Entry[];
}

/** What starts at one stem: the entries of the word alone and the phrases it begins. */
interface Slot {
  readonly words: Entry[];
  readonly phrases: Phrase[];
}

interface Table {
  readonly words: Map<string, Slot>;
  /** Prefix terms by prefix, and the prefix lengths in use, longest first. */
  readonly prefixes: Map<string, Entry[]>;
  prefixLengths: number[];
}

/** Term lists by language; `any` lists (names, loanwords) are compiled into every language. */
export type TermLists = { readonly [language in LexiconLanguage | 'any']?: string };

/**
 * How risk slots are read: slots from `fromSlot` on are risk evidence, weighted by the field's
 * risk multiplier; within `window` words after a negation word (`no drugs were found`, `sans
 * blessés`) the `negatable` ones (1 per slot) count for nothing. `words` are stems.
 */
export interface Negation {
  readonly words: ReadonlySet<string>;
  readonly fromSlot: number;
  readonly negatable: Uint8Array;
  readonly window: number;
}

const NO_NEGATION: Negation = { words: new Set(), fromSlot: Infinity, negatable: new Uint8Array(0), window: 0 };

function slotOf(table: Table, stem: string): Slot {
  let slot = table.words.get(stem);
  if (slot === undefined) {
    slot = { words: [], phrases: [] };
    table.words.set(stem, slot);
  }
  return slot;
}

function newTables(): Record<LexiconLanguage, Table> {
  const tables: Partial<Record<LexiconLanguage, Table>> = {};
  for (const language of LEXICON_LANGUAGES) tables[language] = { words: new Map(), prefixes: new Map(), prefixLengths: [] };
  return tables as Record<LexiconLanguage, Table>;
}

/** A lexicon compiled for matching; build it once at module load. */
export class Lexicon {
  private readonly tables = newTables();
  // Inflections stem alike ("dog", "dogs"): one entry per language, slot and pattern, at the
  // larger weight, so listing both forms does not count a word twice.
  private readonly entries = new Map<string, Entry>();
  private entryCount = 0;

  /** Number of entries, the size of the `counts` array that {@link scan} needs. */
  get size(): number {
    return this.entryCount;
  }

  /** Adds every term of `lists` to `slot`; a `null` slot adds phrases that only consume words. */
  add(lists: TermLists, slot: number | null): void {
    for (const language of LEXICON_LANGUAGES) {
      for (const spec of [lists[language], lists.any]) {
        if (spec === undefined) continue;
        for (const term of spec.split(',')) this.addTerm(language, term, slot);
      }
    }
  }

  private addTerm(language: LexiconLanguage, term: string, slot: number | null): void {
    const match = /^\s*(.*?)\s*(?:=\s*([\d.]+))?\s*$/.exec(term);
    const text = match?.[1] ?? '';
    if (text === '') return;
    const weight = Number(match?.[2] ?? '1');
    if (text.endsWith('*')) {
      this.addPrefix(language, text.slice(0, -1), weight, slot, term);
      return;
    }
    const [first, ...rest] = tokenize(text).map(STEMMERS[language]);
    if (first === undefined || !Number.isFinite(weight)) throw new Error(`unusable term "${term}"`);
    const key = `${language} ${slot} ${first} ${rest.join(' ')}`;
    const existing = this.entries.get(key);
    if (existing !== undefined) {
      existing.weight = Math.max(existing.weight, weight);
      return;
    }
    const entries: Entry[] = [];
    if (slot !== null) {
      const entry = { id: this.entryCount++, slot, weight };
      this.entries.set(key, entry);
      entries.push(entry);
    }
    const start = slotOf(this.tables[language], first);
    if (rest.length === 0) start.words.push(...entries);
    else {
      const same = start.phrases.find((phrase) => phrase.rest.join(' ') === rest.join(' '));
      if (same !== undefined) same.entries.push(...entries);
      else start.phrases.push({ rest, entries });
    }
  }

  private addPrefix(language: LexiconLanguage, prefix: string, weight: number, slot: number | null, term: string): void {
    const [folded] = tokenize(prefix);
    if (folded === undefined || folded !== prefix.toLowerCase() || slot === null || !Number.isFinite(weight)) throw new Error(`unusable prefix term "${term}"`);
    const table = this.tables[language];
    const key = `${language} ${slot} ${folded}*`;
    const existing = this.entries.get(key);
    if (existing !== undefined) {
      existing.weight = Math.max(existing.weight, weight);
      return;
    }
    const entry = { id: this.entryCount++, slot, weight };
    this.entries.set(key, entry);
    table.prefixes.set(folded, [...(table.prefixes.get(folded) ?? []), entry]);
    table.prefixLengths = [...new Set([...table.prefixLengths, folded.length])].sort((a, b) => b - a);
  }

  /**
   * Matches a field's `stems` against `language`'s terms, adding to `scores` each entry's
   * weight × `multiplier` divided by how often that entry has matched so far (`counts`), so
   * repetition has diminishing returns across all of a page's fields. Risk slots (from
   * `negation.fromSlot`) take `riskMultiplier` instead, and the negatable ones count for nothing
   * within the window after a negation word.
   */
  scan(language: LexiconLanguage, stems: readonly string[], multiplier: number, counts: Uint16Array, scores: Float64Array, negation: Negation = NO_NEGATION, riskMultiplier = multiplier): void {
    const table = this.tables[language];
    const lengths = table.prefixLengths;
    const weights: Weights = { multiplier, riskMultiplier, fromSlot: negation.fromSlot, negated: undefined };
    let negatedUntil = -1;
    for (let i = 0; i < stems.length; i += 1) {
      const stem = stems[i]!;
      if (negation.words.has(stem)) negatedUntil = i + negation.window;
      weights.negated = i <= negatedUntil ? negation.negatable : undefined;
      const slot = table.words.get(stem);
      if (slot === undefined) {
        if (lengths.length > 0) this.scanPrefixes(table, stem, weights, counts, scores);
        continue;
      }
      let consumed = -1;
      for (const phrase of slot.phrases) {
        if (!phraseAt(phrase.rest, stems, i + 1)) continue;
        addEntries(phrase.entries, weights, counts, scores);
        consumed = Math.max(consumed, phrase.rest.length);
      }
      if (consumed >= 0) i += consumed;
      else addEntries(slot.words, weights, counts, scores);
    }
  }

  private scanPrefixes(table: Table, stem: string, weights: Weights, counts: Uint16Array, scores: Float64Array): void {
    for (const length of table.prefixLengths) {
      if (length > stem.length) continue;
      const entries = table.prefixes.get(length === stem.length ? stem : stem.slice(0, length));
      if (entries === undefined) continue;
      addEntries(entries, weights, counts, scores);
      return;
    }
  }
}

interface Weights {
  readonly multiplier: number;
  readonly riskMultiplier: number;
  readonly fromSlot: number;
  negated: Uint8Array | undefined;
}

function phraseAt(rest: readonly string[], stems: readonly string[], start: number): boolean {
  if (start + rest.length > stems.length) return false;
  for (let k = 0; k < rest.length; k += 1) if (stems[start + k] !== rest[k]) return false;
  return true;
}

function addEntries(entries: readonly Entry[], weights: Weights, counts: Uint16Array, scores: Float64Array): void {
  for (const entry of entries) {
    if (weights.negated !== undefined && weights.negated[entry.slot] === 1) continue;
    const seen = (counts[entry.id] = Math.min(counts[entry.id]! + 1, 65535));
    const multiplier = entry.slot >= weights.fromSlot ? weights.riskMultiplier : weights.multiplier;
    scores[entry.slot] = scores[entry.slot]! + (entry.weight * multiplier) / seen;
  }
}
