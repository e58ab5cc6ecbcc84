/**
 * The labelled evaluation set (`eval/*.json`) and the figures the classifier is held to:
 * top-1 and top-3 tier 1 accuracy, and precision and recall of "unsafe" (risk medium or high).
 */
import fs from 'node:fs';
import path from 'node:path';
import { classifyPage, type Classification } from './classifier';

/** Where the evaluation set lives in the source tree, seen from the compiled `dist/` file. */
export const EVAL_DIR = path.resolve(__dirname, '../../../functions/classify/eval');

/** One labelled page. */
export interface EvalItem {
  id: string;
  lang: string;
  url: string;
  title: string;
  text: string;
  /** The IAB tier 1 id a reader would file the page under. */
  tier1: string;
  /** Whether a brand-safety reviewer would keep ads off it (GARM medium or high risk). */
  unsafe: boolean;
  /** `holdout` items are never looked at while tuning. */
  split: 'tune' | 'holdout';
  /** A page whose vocabulary misleads: another topic's words, the label still what it is mainly about. */
  misleading?: boolean;
}

/** The goals the holdout split must meet. */
export const GOALS = { top1: 0.85, top3: 0.95, unsafeRecall: 0.95, unsafePrecision: 0.9 } as const;

/** The languages of the evaluation set, one file each. */
export const EVAL_LANGUAGES = ['en', 'es', 'fr', 'it', 'de', 'pt'] as const;

/** An item with what the classifier made of it. */
export interface EvalResult {
  item: EvalItem;
  classification: Classification;
  tier1: string[];
  flaggedUnsafe: boolean;
}

/** Accuracy and brand-safety figures over a set of results. */
export interface Metrics {
  count: number;
  top1: number;
  top3: number;
  unsafe: { actual: number; flagged: number; truePositives: number; precision: number; recall: number };
}

function isEvalItem(value: unknown): value is EvalItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    ['id', 'lang', 'url', 'title', 'text', 'tier1'].every((key) => typeof item[key] === 'string') &&
    typeof item['unsafe'] === 'boolean' &&
    (item['misleading'] === undefined || typeof item['misleading'] === 'boolean') &&
    (item['split'] === 'tune' || item['split'] === 'holdout')
  );
}

/** Reads every `*.json` file of `dir` (each an array of items); throws on a malformed item. */
export function loadEvalSet(dir: string = EVAL_DIR): EvalItem[] {
  const items: EvalItem[] = [];
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (!Array.isArray(parsed)) throw new Error(`${file}: expected an array of items`);
    parsed.forEach((value: unknown, i) => {
      if (!isEvalItem(value)) throw new Error(`${file}[${i}]: not a valid evaluation item`);
      items.push(value);
    });
  }
  return items;
}

/** Classifies every item. */
export function runEval(items: readonly EvalItem[]): EvalResult[] {
  return items.map((item) => {
    const classification = classifyPage({ url: item.url, title: item.title, text: item.text, lang: item.lang });
    return {
      item,
      classification,
      tier1: classification.categories.filter((category) => category.tier === 1).map((category) => category.id),
      flaggedUnsafe: classification.brandSafety.risk === 'medium' || classification.brandSafety.risk === 'high',
    };
  });
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/** The figures over `results`. */
export function measure(results: readonly EvalResult[]): Metrics {
  const top1 = results.filter((result) => result.tier1[0] === result.item.tier1).length;
  const top3 = results.filter((result) => result.tier1.slice(0, 3).includes(result.item.tier1)).length;
  const actual = results.filter((result) => result.item.unsafe).length;
  const flagged = results.filter((result) => result.flaggedUnsafe).length;
  const truePositives = results.filter((result) => result.item.unsafe && result.flaggedUnsafe).length;
  return {
    count: results.length,
    top1: ratio(top1, results.length),
    top3: ratio(top3, results.length),
    unsafe: { actual, flagged, truePositives, precision: ratio(truePositives, flagged), recall: ratio(truePositives, actual) },
  };
}

/** The goals `metrics` misses, as readable lines; empty when it meets them all. */
export function missedGoals(metrics: Metrics): string[] {
  const missed: string[] = [];
  if (metrics.top1 < GOALS.top1) missed.push(`top-1 ${metrics.top1.toFixed(3)} < ${GOALS.top1}`);
  if (metrics.top3 < GOALS.top3) missed.push(`top-3 ${metrics.top3.toFixed(3)} < ${GOALS.top3}`);
  if (metrics.unsafe.recall < GOALS.unsafeRecall) missed.push(`unsafe recall ${metrics.unsafe.recall.toFixed(3)} < ${GOALS.unsafeRecall}`);
  if (metrics.unsafe.precision < GOALS.unsafePrecision) {
    missed.push(`unsafe precision ${metrics.unsafe.precision.toFixed(3)} < ${GOALS.unsafePrecision}`);
  }
  return missed;
}
