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
 */
import { STEMMERS, tokenize, type LexiconLanguage } from './text';

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

type Table = Map<string, Slot>;

/** Term lists by language; `any` lists (names, loanwords) are compiled into every language. */
export interface TermLists {
  readonly en?: string;
  readonly es?: string;
  readonly any?: string;
}

const LANGUAGES: readonly LexiconLanguage[] = ['en', 'es'];

function slotOf(table: Table, stem: string): Slot {
  let slot = table.get(stem);
  if (slot === undefined) {
    slot = { words: [], phrases: [] };
    table.set(stem, slot);
  }
  return slot;
}

/** A lexicon compiled for matching; build it once at module load. */
export class Lexicon {
  private readonly tables: Record<LexiconLanguage, Table> = { en: new Map(), es: new Map() };
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
    for (const language of LANGUAGES) {
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

  /**
   * Matches a field's `stems` against `language`'s terms, adding to `scores` each entry's
   * weight × `multiplier` divided by how often that entry has matched so far (`counts`), so
   * repetition has diminishing returns across all of a page's fields.
   */
  scan(language: LexiconLanguage, stems: readonly string[], multiplier: number, counts: Uint16Array, scores: Float64Array): void {
    const table = this.tables[language];
    for (let i = 0; i < stems.length; i += 1) {
      const slot = table.get(stems[i]!);
      if (slot === undefined) continue;
      let consumed = -1;
      for (const phrase of slot.phrases) {
        if (!phraseAt(phrase.rest, stems, i + 1)) continue;
        addEntries(phrase.entries, multiplier, counts, scores);
        consumed = Math.max(consumed, phrase.rest.length);
      }
      if (consumed >= 0) i += consumed;
      else addEntries(slot.words, multiplier, counts, scores);
    }
  }
}

function phraseAt(rest: readonly string[], stems: readonly string[], start: number): boolean {
  if (start + rest.length > stems.length) return false;
  for (let k = 0; k < rest.length; k += 1) if (stems[start + k] !== rest[k]) return false;
  return true;
}

function addEntries(entries: readonly Entry[], multiplier: number, counts: Uint16Array, scores: Float64Array): void {
  for (const entry of entries) {
    const seen = (counts[entry.id] = Math.min(counts[entry.id]! + 1, 65535));
    scores[entry.slot] = scores[entry.slot]! + (entry.weight * multiplier) / seen;
  }
}
