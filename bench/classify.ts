/**
 * Contextual classification benchmarks (one JSON line per figure, gathered by `bench/run.ts`):
 * - classifying one 4 KB page in process, in each lexicon language and in one without a lexicon
 *   (Dutch, read with every lexicon for brand safety): warmed up, then every call timed; p99
 *   against the 2 ms goal, p50 and the mean in the note;
 * - the classify function's `page.observed` events per second over HTTP (each event classified,
 *   stored in SQLite and answered with `page.classified`), against a bare functions-framework
 *   function (`bench/fixtures/hello`) taking the same events; server and wrk on different cores,
 *   baseline and subject alternating.
 *
 *   node dist/bench/classify.js [runs] [in-process]   (default 20,000 timed runs in process; `in-process`: skip HTTP)
 *
 * The page is what the tag sends: title, description, keywords, image alts and the first 4 KB of
 * article text (the evaluation set's articles in that language, one after another).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { classifyPage, type PageInput } from '../functions/classify/classifier';
import { EVAL_LANGUAGES, loadEvalSet } from '../functions/classify/evaluation';
import { EVENT_TYPES, newEvent, toBinary } from '../shared/emitter';
import type { PageObservedData } from '../shared/events';
import { normalisePageUrl, pageHash, pageKey } from '../shared/page';
import { openStore } from '../shared/store';
import { startFunction, type FunctionProcess } from '../test/kit/function-process';
import { binaryEventScript, compare, comparisonNote, errorCount, HELLO_SOURCE, hasWrk, LOAD_CPU, medianRps, percentile, report, round, SERVER_CPU, wrk } from './lib';

const PAGE_BYTES = 4096;
const WARM_UP_RUNS = 2_000;
const GOAL_P99_US = 2_000;
const ROUNDS = 3;
const SECONDS = 4;
const CONNECTIONS = 8;

// A language without a lexicon: every lexicon is read for brand safety, the slowest path.
const DUTCH =
  'De gemeenteraad heeft dinsdagavond ingestemd met het plan om het centrum autoluw te maken. Bewoners en ondernemers ' +
  'reageerden verdeeld: winkeliers vrezen minder klanten, terwijl omwonenden blij zijn met schonere lucht en meer ruimte voor ' +
  'fietsers en voetgangers. De wethouder benadrukte dat de maatregelen stap voor stap worden ingevoerd en na een jaar worden ' +
  'geëvalueerd. Volgens de oppositie is het plan te duur en onvoldoende besproken met de wijkraden.';

/** A 4 KB page as the tag reads it, in `language` (`nl`: one without a lexicon). */
function benchPage(language = 'en'): PageInput & { url: string } {
  const articles = loadEvalSet().filter((item) => item.lang === language);
  const text = language === 'nl' ? Array.from({ length: 12 }, () => DUTCH).join('\n\n') : articles.map((item) => item.text).join('\n\n');
  const first = articles[0];
  return {
    url: first?.url ?? 'https://nieuws.example/gemeenteraad-autoluw-centrum',
    title: first?.title ?? 'Gemeenteraad stemt in met autoluw centrum',
    description: 'The day in sport, business, politics and culture.',
    keywords: ['news', 'sport', 'business'],
    imageAlts: ['Players celebrate a goal', 'A chart of quarterly profits'],
    lang: language,
    // Cut on a character, not inside one: the tag sends text, not bytes.
    text: new TextDecoder().decode(Buffer.from(text).subarray(0, PAGE_BYTES)).replace(/\uFFFD$/, ''),
  };
}

function inProcess(runs: number, language: string): void {
  const page = benchPage(language);
  for (let i = 0; i < WARM_UP_RUNS; i += 1) classifyPage(page);
  const micros = new Float64Array(runs);
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    classifyPage(page);
    micros[i] = Number(process.hrtime.bigint() - start) / 1_000;
  }
  const sorted = [...micros].sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  const mean = sorted.reduce((sum, us) => sum + us, 0) / sorted.length;
  report({
    name: `classify a 4 KB page in process (${language}), p99`,
    value: round(p99, 0),
    unit: 'us',
    goal: `<= ${GOAL_P99_US} us`,
    pass: p99 <= GOAL_P99_US,
    note: `p50 ${round(percentile(sorted, 50), 0)} us, mean ${round(mean, 0)} us, p99.9 ${round(percentile(sorted, 99.9), 0)} us over ${runs} calls; ${Buffer.byteLength(page.text ?? '')} bytes of text`,
  });
}

async function eventsPerSecond(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tagline-bench-classify-'));
  const storeUrl = `sqlite:${path.join(dir, 'classify.db')}`;
  const page = benchPage();
  const url = normalisePageUrl(page.url)!;
  const data: PageObservedData = { ...page, url, pageHash: pageHash(url) };
  const event = toBinary(newEvent(EVENT_TYPES.pageObserved, '/ad-decision', data, data.pageHash));
  const script = binaryEventScript(event);
  const base = await startFunction('hello', {}, { source: HELLO_SOURCE, readyPath: '/', cpus: SERVER_CPU });
  const fn = await startFunction('classify', { STORE_URL: storeUrl }, { cpus: SERVER_CPU });
  try {
    const load = (target: FunctionProcess) => () => wrk(`${target.url}/`, { seconds: SECONDS, connections: CONNECTIONS, cpus: LOAD_CPU, script });
    const comparison = await compare({ fn, load: load(fn) }, { fn: base, load: load(base) }, ROUNDS, SECONDS);
    const { subject, baseline, ratio } = comparison;
    const store = await openStore(storeUrl);
    const stored = await store.get(pageKey(data.pageHash));
    await store.close();
    report({
      name: 'classify events per second (page.observed → classified, stored in SQLite, page.classified reply) vs hello',
      value: medianRps(subject),
      unit: 'events/s',
      baseline: medianRps(baseline),
      ratio: round(ratio),
      // Every run answered events and stored the page; no throughput goal of its own.
      pass: errorCount(subject) === 0 && stored !== undefined && subject.every((r) => r.rps > 0),
      note: `${comparisonNote(comparison)}; ${CONNECTIONS} connections, ${Buffer.byteLength(event.body)}-byte events`,
    });
  } finally {
    await Promise.all([fn.stop(), base.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const runs = Number(argv[0] ?? 20_000);
  if (!Number.isInteger(runs) || runs < 100) throw new Error(`runs must be an integer >= 100, got ${argv[0]}`);
  for (const language of [...EVAL_LANGUAGES, 'nl']) inProcess(runs, language);
  if (argv[1] === 'in-process') return;
  if (hasWrk()) await eventsPerSecond();
  else report({ name: 'classify events per second vs hello', value: 0, unit: 'events/s', skipped: 'wrk not installed' });
}

void main(process.argv.slice(2));
