/**
 * Demo data for a fresh data directory: the publishers and campaigns of `local/seed.json`,
 * loaded through the campaigns API (so they are validated and stored exactly as an admin's
 * would be). What is done is recorded in the data directory; a second start does not re-seed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../shared/logger';
import { CampaignInput, Publisher } from '../shared/model';
import { ROOT } from './command';

export const SEED_FILE = path.join(ROOT, 'local', 'seed.json');
const MARKER = 'seeded.json';
const REQUEST_TIMEOUT_MS = 40_000;

const SeedData = z.strictObject({ publishers: z.array(Publisher), campaigns: z.array(CampaignInput) });
export type SeedData = z.infer<typeof SeedData>;

const Marker = z.object({ done: z.array(z.string()), complete: z.boolean() });

export interface SeedResult {
  /** False when the data directory had been seeded before (nothing was sent). */
  fresh: boolean;
  publishers: number;
  campaigns: number;
  /** What failed (the seed is retried on the next start). */
  errors: string[];
}

/**
 * The seed data with `{{base}}` in creative and landing URLs replaced by the platform's base URL
 * (there is no internet: creatives are served by the platform itself). Throws when it is invalid.
 */
export function readSeed(base: string, file = SEED_FILE): SeedData {
  const text = readFileSync(file, 'utf8').replaceAll('{{base}}', base);
  const result = SeedData.safeParse(JSON.parse(text));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}

/** Seed through the campaigns API at `url` unless `dataDir` records a complete seed. */
export async function seedIfFresh(options: { dataDir: string; url: string; adminKey: string; logger: Logger; file?: string }): Promise<SeedResult> {
  const markerFile = path.join(options.dataDir, MARKER);
  const marker = readMarker(markerFile);
  if (marker.complete) return { fresh: false, publishers: 0, campaigns: 0, errors: [] };
  const data = readSeed(options.url, options.file);
  const done = new Set(marker.done);
  const result: SeedResult = { fresh: true, publishers: 0, campaigns: 0, errors: [] };
  const step = async (key: string, collection: 'publishers' | 'campaigns', body: unknown): Promise<void> => {
    if (done.has(key)) return;
    const error = await post(`${options.url}/campaigns/v1/${collection}`, options.adminKey, body);
    if (error !== undefined) {
      result.errors.push(`${key}: ${error}`);
      return;
    }
    done.add(key);
    result[collection]++;
    writeFileSync(markerFile, JSON.stringify({ done: [...done], complete: false }));
  };
  for (const publisher of data.publishers) await step(`publisher:${publisher.id}`, 'publishers', publisher);
  for (const campaign of data.campaigns) await step(`campaign:${campaign.name}`, 'campaigns', campaign);
  writeFileSync(markerFile, JSON.stringify({ done: [...done], complete: result.errors.length === 0 }));
  if (result.errors.length > 0) options.logger.warn('demo seed incomplete; it is retried on the next start', { errors: result.errors });
  return result;
}

/** POST a JSON document; undefined when it was created (or, for a publisher, already existed). */
async function post(url: string, adminKey: string, body: unknown): Promise<string | undefined> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    if (res.status === 201 || res.status === 200 || res.status === 409) return undefined;
    return `HTTP ${res.status} ${text.slice(0, 300)}`;
  } catch (err) {
    return (err as Error).message;
  }
}

function readMarker(file: string): z.infer<typeof Marker> {
  try {
    return Marker.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { done: [], complete: false };
  }
}
