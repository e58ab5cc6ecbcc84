/**
 * The shape of one language's lexicon: topic terms by IAB taxonomy id, brand-safety terms by
 * category, innocent phrases, negation words and court-reporting terms (syntax in `../matcher.ts`).
 */
import type { BrandSafetyCategory } from '../brand-safety';

/** Strong and weak terms of one brand-safety category in one language. */
export interface RiskTermStrings {
  readonly strong: string;
  readonly weak: string;
}

/** Everything the classifier reads in one language. */
export interface LanguageLexicon {
  readonly topics: Readonly<Record<string, string>>;
  readonly risk: Readonly<Record<BrandSafetyCategory, RiskTermStrings>>;
  readonly innocent: string;
  /** Space-separated words. */
  readonly negation: string;
  readonly reporting: string;
}
