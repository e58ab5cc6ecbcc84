/**
 * Bulk import: a network arrives with its catalog as NDJSON, one campaign per line in the shape
 * `POST /v1/campaigns` takes. Each line is validated with that same schema and the same
 * advertiser rule; the valid lines are stored (each with a new id, as a POST would), the others
 * are reported by line number with their field errors. One bad line never rejects the rest.
 */
import { randomBytes } from 'node:crypto';
import { BadRequestError } from '../../shared/errors';
import type { Request, Response } from '../../shared/http';
import { CampaignInput, type Campaign } from '../../shared/model';
import type { FieldError } from '../../shared/validate';
import { canActFor, type Principal } from '../../shared/auth';
import { toStored } from './convert';
import { refusal } from './field-rules';
import { announce, docs, type Deps } from './deps';

export const IMPORT_PATH = '/v1/campaigns/import';
/** The largest import body: about 50,000 campaigns of a few creatives each; larger catalogs go in several requests. */
export const IMPORT_LIMIT_BYTES = 64 * 1024 * 1024;
/** NDJSON media types accepted (`application/x-ndjson` is what most tools send). */
export const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json-seq'] as const;
/** Writes in flight at once: enough to keep a Redis connection busy, few enough to stay fair. */
const CONCURRENCY = 64;

export interface LineError {
  line: number;
  errors: FieldError[];
}

/** `POST /v1/campaigns/import`: 200 with `{ imported, failed, campaigns: [{ line, id }], errors: [{ line, errors }] }`. */
export async function importCampaigns(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  if (req.body.length === 0) throw new BadRequestError('Request body is empty; NDJSON, one campaign per line, is expected');
  const lines = req.body.toString('utf8').split('\n');
  const now = new Date().toISOString();
  const created: { line: number; id: string }[] = [];
  const errors: LineError[] = [];
  const store = docs<Campaign>(deps.store, 'campaigns');
  let inFlight: Promise<void>[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (text === '') continue;
    const line = i + 1;
    const parsed = parseLine(text, principal);
    if ('errors' in parsed) {
      errors.push({ line, errors: parsed.errors });
      continue;
    }
    const stored = toStored(parsed.input, newCampaignId(), now, now);
    const refused = refusal(principal, stored, undefined, deps.config.campaignLimits);
    if (refused !== undefined) {
      errors.push({ line, errors: [refused] });
      continue;
    }
    inFlight.push(
      store.insert(stored.id, stored).then((inserted) => {
        if (!inserted) {
          errors.push({ line, errors: [{ path: 'id', message: 'could not allocate a campaign id; retry this line' }] });
          return;
        }
        created.push({ line, id: stored.id });
        announce(deps, 'campaign', stored.id, 'created');
      }),
    );
    if (inFlight.length >= CONCURRENCY) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  created.sort((a, b) => a.line - b.line);
  errors.sort((a, b) => a.line - b.line);
  return { status: 200, body: { imported: created.length, failed: errors.length, campaigns: created, errors } };
}

function parseLine(text: string, principal: Principal): { input: CampaignInput } | { errors: FieldError[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { errors: [{ path: 'line', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  const result = CampaignInput.safeParse(value);
  if (!result.success) return { errors: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || 'line', message: issue.message })) };
  if (!canActFor(principal, result.data.advertiser)) return { errors: [{ path: 'advertiser', message: `this key may only import campaigns of its own advertiser, not ${result.data.advertiser}` }] };
  return { input: result.data };
}

function newCampaignId(): string {
  return `cmp-${randomBytes(10).toString('hex')}`;
}
