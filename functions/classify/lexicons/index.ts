/** The lexicons of the languages added after English and Spanish. */
import { GERMAN } from './de';
import { FRENCH } from './fr';
import { ITALIAN } from './it';
import type { LanguageLexicon } from './lexicon';
import { PORTUGUESE } from './pt';

export type { LanguageLexicon, RiskTermStrings } from './lexicon';

export const ADDED_LANGUAGES = ['fr', 'it', 'de', 'pt'] as const;

export const ADDED_LEXICONS: Readonly<Record<(typeof ADDED_LANGUAGES)[number], LanguageLexicon>> = {
  fr: FRENCH,
  it: ITALIAN,
  de: GERMAN,
  pt: PORTUGUESE,
};
