/**
 * The closed sets of values campaigns and ad requests share (formats, devices, priorities…),
 * free of any schema library so the decision path loads nothing it does not need.
 */
export const FORMATS = ['in-image', 'in-article', 'banner'] as const;
export const DEVICES = ['desktop', 'mobile', 'tablet'] as const;
export const PRIORITIES = ['sponsorship', 'standard', 'house'] as const;
export const STATUSES = ['active', 'paused', 'archived'] as const;
export const BRAND_SAFETY_LEVELS = ['strict', 'moderate', 'off'] as const;

export type Format = (typeof FORMATS)[number];
export type Device = (typeof DEVICES)[number];
export type Priority = (typeof PRIORITIES)[number];

/** Slug ids chosen by the admin (publishers, advertisers, creatives). */
export const SLUG = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const SLUG_RULE = 'must be 1-64 lowercase letters, digits, ".", "_" or "-"';
/** IAB Content Taxonomy 3.1 unique ids are short numeric strings (plus a few alphanumeric ones). */
export const CATEGORY_ID = /^[A-Za-z0-9]{1,8}$/;
