/**
 * `npm run eval`: classifies the labelled evaluation set and prints top-1/top-3 tier 1 accuracy
 * and unsafe precision/recall for the holdout split and for everything, overall and per language,
 * then a per-language table (safe pages, misleading pages, unsafe pages) in Markdown.
 * Exits 1 when the holdout misses a goal.
 *
 * `--tune` prints the tune split only, with every miss, and never touches holdout figures: it is
 * the mode to use while adjusting lexicons and thresholds.
 */
import { EVAL_LANGUAGES, loadEvalSet, measure, missedGoals, runEval, type EvalResult, type Metrics } from './evaluation';

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`.padStart(6);
}

function row(scope: string, language: string, metrics: Metrics): string {
  const { unsafe } = metrics;
  return [
    scope.padEnd(8),
    language.padEnd(4),
    `n=${String(metrics.count).padStart(3)}`,
    `top-1 ${percent(metrics.top1)}`,
    `top-3 ${percent(metrics.top3)}`,
    `unsafe precision ${percent(unsafe.precision)} recall ${percent(unsafe.recall)}`,
    `(${unsafe.truePositives}/${unsafe.flagged} flagged, ${unsafe.actual} unsafe)`,
  ].join('  ');
}

function printScope(scope: string, results: readonly EvalResult[]): void {
  process.stdout.write(`${row(scope, 'all', measure(results))}\n`);
  for (const language of EVAL_LANGUAGES) {
    process.stdout.write(`${row(scope, language, measure(results.filter((result) => result.item.lang === language)))}\n`);
  }
}

function cell(value: number, count: number): string {
  return count === 0 ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** Per language: top-1/top-3 on safe pages (misleading ones apart), then unsafe precision/recall. */
function languageTable(results: readonly EvalResult[]): string {
  const lines = [
    '| language | safe pages | top-1 | top-3 | misleading pages | top-1 | top-3 | unsafe pages | precision | recall |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const language of EVAL_LANGUAGES) {
    const own = results.filter((result) => result.item.lang === language);
    const safe = measure(own.filter((result) => !result.item.unsafe && result.item.misleading !== true));
    const misleading = measure(own.filter((result) => result.item.misleading === true));
    const { unsafe } = measure(own);
    lines.push(
      `| ${language} | ${safe.count} | ${cell(safe.top1, safe.count)} | ${cell(safe.top3, safe.count)} | ${misleading.count} | ${cell(misleading.top1, misleading.count)} | ${cell(misleading.top3, misleading.count)} | ${unsafe.actual} | ${cell(unsafe.precision, unsafe.flagged)} | ${cell(unsafe.recall, unsafe.actual)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function describeMiss(result: EvalResult): string | undefined {
  const { item, classification, tier1, flaggedUnsafe } = result;
  const problems: string[] = [];
  if (tier1[0] !== item.tier1) problems.push(`tier1 ${item.tier1} got [${tier1.join(', ')}]${tier1.includes(item.tier1) ? '' : ' (not in top 3)'}`);
  if (item.unsafe !== flaggedUnsafe) {
    const flags = classification.brandSafety.flags.map((flag) => `${flag.category}:${flag.risk}`).join(', ');
    problems.push(`${item.unsafe ? 'missed unsafe' : 'false unsafe'} [${flags}]`);
  }
  return problems.length > 0 ? `  ${item.id}  ${problems.join('; ')}` : undefined;
}

function main(argv: readonly string[]): number {
  const results = runEval(loadEvalSet());
  if (argv.includes('--tune')) {
    const tune = results.filter((result) => result.item.split === 'tune');
    printScope('tune', tune);
    for (const line of tune.map(describeMiss)) if (line !== undefined) process.stdout.write(`${line}\n`);
    return 0;
  }
  const holdout = results.filter((result) => result.item.split === 'holdout');
  printScope('holdout', holdout);
  printScope('all', results);
  process.stdout.write(`\nEvery page, per language:\n\n${languageTable(results)}\nHoldout pages, per language:\n\n${languageTable(holdout)}\n`);
  const missed = missedGoals(measure(holdout));
  process.stdout.write(missed.length === 0 ? 'holdout meets every goal\n' : `holdout misses: ${missed.join('; ')}\n`);
  return missed.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
