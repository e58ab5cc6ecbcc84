/**
 * Contextual classification of one 4 KB page, in process: warms up, then times each call and
 * prints one JSON line with the median and 99th percentile in microseconds against the 2 ms goal.
 *
 *   node dist/bench/classify.js [runs]        (default 10,000 timed runs)
 *
 * The page is what the widget sends: a title, a description, keywords, image alts and the first
 * 4 KB of article text (English articles from the evaluation set).
 */
import { classifyPage, type PageInput } from '../functions/classify/classifier';
import { loadEvalSet } from '../functions/classify/evaluation';
import { percentile, round } from './lib';

const PAGE_BYTES = 4096;
const WARM_UP_RUNS = 1_000;
const GOAL_P99_US = 2_000;

function benchPage(): PageInput {
  const articles = loadEvalSet().filter((item) => item.lang === 'en');
  const text = articles.map((item) => item.text).join('\n\n');
  const first = articles[0];
  return {
    url: first?.url ?? 'https://news.example/article',
    title: first?.title ?? '',
    description: 'The day in sport, business, politics and culture.',
    keywords: ['news', 'sport', 'business'],
    imageAlts: ['Players celebrate a goal', 'A chart of quarterly profits'],
    lang: 'en',
    text: Buffer.from(text).subarray(0, PAGE_BYTES).toString('utf8'),
  };
}

function main(argv: readonly string[]): void {
  const runs = Number(argv[0] ?? 10_000);
  if (!Number.isInteger(runs) || runs < 100) throw new Error(`runs must be an integer >= 100, got ${argv[0]}`);
  const page = benchPage();
  for (let i = 0; i < WARM_UP_RUNS; i += 1) classifyPage(page);
  const micros: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    classifyPage(page);
    micros.push(Number(process.hrtime.bigint() - start) / 1_000);
  }
  micros.sort((a, b) => a - b);
  const p99 = percentile(micros, 99);
  process.stdout.write(
    `${JSON.stringify({ name: 'classify 4KB page', p50_us: round(percentile(micros, 50), 1), p99_us: round(p99, 1), goal: `p99 <= ${GOAL_P99_US} us`, pass: p99 <= GOAL_P99_US })}\n`,
  );
}

main(process.argv.slice(2));
