import { EVENT_TYPES, consumeEvent, newEvent, replyWith, type PageClassifiedData, type PageObservedData } from '../../shared/events';
import type { Request, Response, Route } from '../../shared/http';
import { counter, histogram } from '../../shared/metrics';
import { pageKey } from '../../shared/page';
import type { Store } from '../../shared/store';
import { classifyPage } from './classifier';
import { isLexiconLanguage } from './text';

/** Bumped whenever the classifier's method changes, so a reclassified page is a new fact. */
export const CLASSIFIER_VERSION = 2;

/** How long a page's classification is kept before the page is observed (and classified) again. */
export const CLASSIFICATION_TTL_SECONDS = 7 * 86_400;

const pages = counter('tagline_pages_classified_total', 'Pages classified, by brand-safety risk, confidence and language (a lexicon language or other)', ['risk', 'confidence', 'language']);
const seconds = histogram('tagline_classification_duration_seconds', 'Time to classify one page in process', [], [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.05]);

/** The metric label of a detected language: one with a lexicon, or `other` (a bounded set). */
export function languageLabel(code: string): string {
  return isLexiconLanguage(code) ? code : 'other';
}

export interface ClassifyDeps {
  store: Store;
  now?: () => number;
}

export function classifyRoutes(deps: ClassifyDeps): Route[] {
  return [{ method: 'POST', path: '/', accepts: ['application/json', 'application/cloudevents+json'], handler: (req) => handlePageObserved(deps, req) }];
}

/**
 * `page.observed` → classification stored under the page hash (with a TTL) → `page.classified`
 * as the reply, which the Broker routes on. Storing is an overwrite, so a redelivered event is
 * harmless; a store failure is a 503 and the Broker retries.
 */
export async function handlePageObserved(deps: ClassifyDeps, req: Request): Promise<Response> {
  return consumeEvent(req, [EVENT_TYPES.pageObserved], (event) => classifyAndReply(deps, event.data));
}

async function classifyAndReply(deps: ClassifyDeps, page: PageObservedData): Promise<Response> {
  const started = process.hrtime.bigint();
  const result = classifyPage(page);
  seconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
  const data: PageClassifiedData = {
    pageHash: page.pageHash,
    url: page.url,
    categories: result.categories.map((c) => ({ id: c.id, name: c.name, tier: c.tier, score: Math.round(c.score * 1000) / 1000 })),
    brandSafety: { risk: result.brandSafety.risk, flags: result.brandSafety.flags.map((f) => ({ category: f.category, risk: f.risk })) },
    language: result.language,
    confidence: result.confidence,
    version: CLASSIFIER_VERSION,
    classifiedAt: new Date(deps.now?.() ?? Date.now()).toISOString(),
  };
  await deps.store.set(pageKey(page.pageHash), data as never, CLASSIFICATION_TTL_SECONDS);
  pages.inc({ risk: data.brandSafety.risk, confidence: data.confidence, language: languageLabel(data.language) });
  return replyWith(newEvent(EVENT_TYPES.pageClassified, '/classify', data, `${page.pageHash}:${CLASSIFIER_VERSION}`, page.pageHash));
}
