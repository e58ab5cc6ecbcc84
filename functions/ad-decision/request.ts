import { z } from 'zod';
import { DEVICES, FORMATS, Slug } from '../../shared/model';

/** Most slots one page may ask for in one request. */
export const MAX_SLOTS = 10;

const Slot = z.strictObject({
  id: z.string().min(1).max(64),
  format: z.enum(FORMATS),
  width: z.number().int().min(1).max(4000),
  height: z.number().int().min(1).max(4000),
});

/** `POST /v1/ads` body (ARCHITECTURE §3). */
export const AdRequest = z.strictObject({
  publisher: Slug,
  page: z.strictObject({
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048),
    title: z.string().max(512).optional(),
    description: z.string().max(1024).optional(),
    text: z.string().max(8192).optional(),
    keywords: z.array(z.string().max(64)).max(50).optional(),
    lang: z.string().max(16).optional(),
    categories: z.array(z.string().regex(/^[A-Za-z0-9]{1,8}$/, 'must be an IAB Content Taxonomy 3.1 id')).max(50).optional(),
    imageAlts: z.array(z.string().max(256)).max(50).optional(),
  }),
  slots: z
    .array(Slot)
    .min(1)
    .max(MAX_SLOTS)
    .refine((slots) => new Set(slots.map((s) => s.id)).size === slots.length, 'slot ids must be unique'),
  user: z.strictObject({ id: z.string().min(1).max(128).optional() }).optional(),
  device: z.strictObject({ type: z.enum(DEVICES).optional() }).optional(),
  consent: z.strictObject({ gdpr: z.boolean().optional(), tcString: z.string().max(4096).optional() }).optional(),
});
export type AdRequest = z.infer<typeof AdRequest>;
export type Slot = z.infer<typeof Slot>;
