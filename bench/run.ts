/**
 * `npm run bench`: runs every benchmark script in turn (each prints one JSON line per figure),
 * prints a table, and with `--write` records it in docs/benchmarks.md between its markers.
 * `npm run bench -- <name>` runs only `bench/<name>.ts`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './lib';

const SCRIPTS = ['ad-decision', 'engine', 'openrtb', 'platform', 'event-path', 'classify', 'widget'];
const ROOT = path.resolve(__dirname, '..', '..');
const DOC = path.join(ROOT, 'docs', 'benchmarks.md');

function runScript(name: string): Promise<BenchResult[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, `${name}.js`)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const results: BenchResult[] = [];
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        const result = JSON.parse(line) as BenchResult;
        results.push(result);
        process.stderr.write(`  ${describe(result)}\n`);
      }
    });
    child.on('exit', (code) => {
      if (code !== 0) results.push({ name: `${name}: benchmark failed (exit ${code})`, value: 0, unit: '', pass: false });
      resolve(results);
    });
  });
}

function describe(r: BenchResult): string {
  if (r.skipped !== undefined) return `${r.name}: skipped (${r.skipped})`;
  const vs = r.baseline === undefined ? '' : ` vs ${r.baseline} (${r.ratio}x)`;
  return `${r.name}: ${r.value} ${r.unit}${vs}${r.goal === undefined ? '' : ` goal ${r.goal}: ${r.pass === true ? 'pass' : 'FAIL'}`}`;
}

function table(results: readonly BenchResult[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = results.map((r) => {
    const status = r.skipped !== undefined ? `skipped: ${r.skipped}` : r.pass === undefined ? '' : r.pass ? 'pass' : '**FAIL**';
    return `| ${cell(r.name)} | ${r.skipped !== undefined ? '' : `${r.value} ${r.unit}`} | ${r.baseline ?? ''} | ${r.ratio === undefined ? '' : `${r.ratio}x`} | ${r.goal ?? ''} | ${status} | ${cell(r.note ?? '')} |`;
  });
  return ['| benchmark | value | baseline | ratio | goal | result | note |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const write = args.includes('--write');
  const names = args.filter((a) => !a.startsWith('--'));
  const chosen = names.length > 0 ? names : SCRIPTS;
  const results: BenchResult[] = [];
  for (const name of chosen) {
    if (!existsSync(path.join(__dirname, `${name}.js`))) continue;
    process.stderr.write(`${name}\n`);
    results.push(...(await runScript(name)));
  }
  const stamp = `Measured ${new Date().toISOString().slice(0, 16)}Z on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, with \`npm run bench${names.length > 0 ? ` -- ${names.join(' ')}` : ''}\`.`;
  const out = `${stamp}\n\n${table(results)}\n`;
  process.stdout.write(`\n${out}`);
  if (write) record(names.length > 0 ? names : ['all'], out);
  if (results.some((r) => r.pass === false)) process.exitCode = 1;
}

/** Replace the section of docs/benchmarks.md between `<!-- bench:NAME -->` markers. */
function record(names: readonly string[], out: string): void {
  const key = names.join('+');
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  const section = `${start}\n${out}${end}`;
  writeFileSync(DOC, i >= 0 && j > i ? doc.slice(0, i) + section + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${section}\n`);
}

void main();
