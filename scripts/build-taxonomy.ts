/**
 * Writes `functions/classify/taxonomy.json` (tier 1 and tier 2 of the IAB Tech Lab Content
 * Taxonomy 3.1) from the taxonomy's published TSV, whose path is the only argument:
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/build-taxonomy.js "Content Taxonomy 3.1.tsv"
 *
 * The TSV has two header rows, then `Unique ID, Parent, Name, Tier 1, Tier 2, Tier 3, Tier 4`.
 */
import fs from 'node:fs';
import path from 'node:path';

const SOURCE = 'IAB Tech Lab Content Taxonomy 3.1, CC BY 3.0 (tier 1 and tier 2)';

interface TaxonomyRow {
  id: string;
  parent: string | null;
  name: string;
  tier: 1 | 2;
}

function parseTaxonomy(tsv: string): TaxonomyRow[] {
  const rows: TaxonomyRow[] = [];
  for (const line of tsv.split(/\r?\n/).slice(2)) {
    const [id = '', parent = '', name = '', tier1 = '', tier2 = '', tier3 = ''] = line.split('\t').map((cell) => cell.trim());
    if (id === '' || name === '' || tier1 === '') continue;
    if (tier3 !== '') continue;
    const tier = tier2 === '' ? 1 : 2;
    rows.push({ id, parent: tier === 1 ? null : parent, name, tier });
  }
  const ids = new Set(rows.map((row) => row.id));
  for (const row of rows) {
    if (row.parent !== null && !ids.has(row.parent)) throw new Error(`category ${row.id} has unknown parent ${row.parent}`);
  }
  return rows;
}

function main(argv: readonly string[]): void {
  const source = argv[2];
  if (source === undefined) throw new Error('usage: node dist/scripts/build-taxonomy.js <Content Taxonomy 3.1.tsv>');
  const categories = parseTaxonomy(fs.readFileSync(source, 'utf8'));
  const target = path.resolve(__dirname, '../../functions/classify/taxonomy.json');
  const lines = categories.map((category) => `  ${JSON.stringify(category)}`);
  const json = `{\n "source": ${JSON.stringify(SOURCE)},\n "categories": [\n${lines.join(',\n')}\n ]\n}\n`;
  fs.writeFileSync(target, json);
  process.stdout.write(`${categories.length} categories written to ${target}\n`);
}

main(process.argv);
