/**
 * `npm run eval`: classifies the labelled evaluation set and prints top-1/top-3 tier 1 accuracy
 * and unsafe precision/recall for the holdout split and for everything, overall and per language.
 * Exits 1 when the holdout misses a goal.
 *
 * `--tune` prints the tune split only, with every miss, and never touches holdout figures: it is
 * the mode to use while adjusting lexicons and thresholds.
 */
import { loadEvalSet, measure, missedGoals, runEval, type EvalResult, type Metrics } from './evaluation';

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
  for (const language of ['en', 'es']) {
    process.stdout.write(`${row(scope, language, measure(results.filter((result) => result.item.lang === language)))}\n`);
  }
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
  const missed = missedGoals(measure(holdout));
  process.stdout.write(missed.length === 0 ? 'holdout meets every goal\n' : `holdout misses: ${missed.join('; ')}\n`);
  return missed.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
