/**
 * Every deployment variant rendered once per test process, from a temporary copy of `knative/`
 * with freshly generated secrets, so tests never write into the repository.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { missing } from './needs';
import { ensureSecrets, parseObjects, REPO_ROOT, render, SECRETS_FILE, VARIANTS, type KubeObject, type Variant } from '../../scripts/render';

export interface Rendered {
  variant: Variant;
  yaml: string;
  objects: KubeObject[];
}

export interface RenderedSet {
  /** The temporary copy of `knative/` the variants were rendered from. */
  knativeDir: string;
  variants: Map<Variant, Rendered>;
}

let cached: RenderedSet | undefined;

/** A temporary copy of `knative/` without any real secrets file, removed at process exit. */
export function copyKnative(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tagline-knative-'));
  const knativeDir = path.join(root, 'knative');
  cpSync(path.join(REPO_ROOT, 'knative'), knativeDir, { recursive: true });
  rmSync(path.join(knativeDir, SECRETS_FILE), { force: true });
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  return knativeDir;
}

/** All variants, rendered with `kubectl kustomize` on first call. */
export function renderedVariants(): RenderedSet {
  if (cached !== undefined) return cached;
  const knativeDir = copyKnative();
  ensureSecrets(knativeDir);
  const variants = new Map<Variant, Rendered>();
  for (const variant of Object.keys(VARIANTS) as Variant[]) {
    const yaml = render(knativeDir, variant);
    variants.set(variant, { variant, yaml, objects: parseObjects(yaml) });
  }
  cached = { knativeDir, variants };
  return cached;
}

/** The rendered objects of one variant. */
export function objectsOf(variant: Variant): KubeObject[] {
  const rendered = renderedVariants().variants.get(variant);
  if (rendered === undefined) throw new Error(`variant ${variant} was not rendered`);
  return rendered.objects;
}

/** The API group of an object: `""` for the core group. */
export function apiGroup(obj: { apiVersion: string }): string {
  const slash = obj.apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : obj.apiVersion.slice(0, slash);
}

/** Objects of one API group and kind. */
export function ofKind(objects: readonly KubeObject[], group: string, kind: string): KubeObject[] {
  return objects.filter((o) => o.kind === kind && apiGroup(o) === group);
}

/** Why rendering cannot run here (kubectl's built-in kustomize is missing), or undefined. */
export function kubectlMissing(): string | undefined {
  return missing('kubectl');
}
