/**
 * Tier 1 and tier 2 of the IAB Tech Lab Content Taxonomy 3.1 (CC BY 3.0), as written to
 * `taxonomy.json` by `scripts/build-taxonomy.ts`.
 */
import taxonomyJson from './taxonomy.json';

/** One taxonomy category. */
export interface TaxonomyCategory {
  readonly id: string;
  readonly parent: string | null;
  readonly name: string;
  readonly tier: 1 | 2;
}

function toCategory(row: { id: string; parent: string | null; name: string; tier: number }): TaxonomyCategory {
  if (row.tier !== 1 && row.tier !== 2) throw new Error(`taxonomy.json: category ${row.id} has tier ${row.tier}`);
  return { id: row.id, parent: row.parent, name: row.name, tier: row.tier };
}

/** Every tier 1 and tier 2 category by id. */
export const TAXONOMY: ReadonlyMap<string, TaxonomyCategory> = new Map(
  taxonomyJson.categories.map((row) => [row.id, toCategory(row)]),
);
