/**
 * Validation of rendered Kubernetes objects against the published schemas in `test/schemas`
 * (copies of the upstream files, each named in its SOURCES.md): CRD `openAPIV3Schema`s for
 * Knative and Prometheus Operator kinds, and plain JSON Schemas (the Taskfile schema).
 * Reusable by every manifest test, e.g. for PodMonitors:
 *
 *   const errors = validateObject(podMonitor); // [] when valid
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../../scripts/render';

/** Where the schemas live: `test/schemas`, with their sources in its SOURCES.md. */
export const SCHEMAS_DIR = path.join(REPO_ROOT, 'test', 'schemas');

/** CRD file (relative to SCHEMAS_DIR) for each `group/Kind` this project renders. */
export const CRD_FILES: Readonly<Record<string, string>> = {
  'serving.knative.dev/Service': 'knative-serving/service.yaml',
  'eventing.knative.dev/Broker': 'knative-eventing/broker.yaml',
  'eventing.knative.dev/Trigger': 'knative-eventing/trigger.yaml',
  'sources.knative.dev/PingSource': 'knative-eventing/pingsource.yaml',
  'sources.knative.dev/SinkBinding': 'knative-eventing/sinkbindings.yaml',
  'sources.knative.dev/ApiServerSource': 'knative-eventing/apiserversource.yaml',
  'eventing.knative.dev/EventPolicy': 'knative-eventing/eventpolicy.yaml',
  'monitoring.coreos.com/PodMonitor': 'prometheus-operator/monitoring.coreos.com_podmonitors.yaml',
  'monitoring.coreos.com/ServiceMonitor': 'prometheus-operator/monitoring.coreos.com_servicemonitors.yaml',
};

type Schema = Record<string, unknown>;

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // OpenAPI's numeric and binary formats, which JSON Schema does not define.
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(format, true);
  return ajv;
}

/**
 * The API server prunes fields a structural schema does not declare, so a misspelt field is
 * silently dropped; closing every object that lists its properties turns that into an error.
 */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'enum' || key === 'default' || key === 'example' ? value : closeObjects(value);
  const open = out['x-kubernetes-preserve-unknown-fields'] === true || out['x-kubernetes-embedded-resource'] === true;
  if (out.properties !== undefined && out.additionalProperties === undefined && !open) out.additionalProperties = false;
  return out;
}

const crdValidators = new Map<string, ValidateFunction>();
const crdAjv = newAjv();

function crdValidator(groupKind: string, version: string): ValidateFunction | undefined {
  const key = `${groupKind}@${version}`;
  const cached = crdValidators.get(key);
  if (cached !== undefined) return cached;
  const file = CRD_FILES[groupKind];
  if (file === undefined) return undefined;
  const crd = parseAllDocuments(readFileSync(path.join(SCHEMAS_DIR, file), 'utf8'))
    .map((d) => d.toJS() as Schema | null)
    .find((d) => d?.kind === 'CustomResourceDefinition');
  const versions = ((crd?.spec as Schema | undefined)?.versions ?? []) as Schema[];
  const entry = versions.find((v) => v.name === version);
  const schema = (entry?.schema as Schema | undefined)?.openAPIV3Schema;
  if (schema === undefined) throw new Error(`${file} has no openAPIV3Schema for version ${version}`);
  const validate = crdAjv.compile(closeObjects(withObjectMeta(schema as Schema)) as Schema);
  crdValidators.set(key, validate);
  return validate;
}

/** Every object may carry apiVersion, kind and metadata, even where a CRD's schema omits them. */
function withObjectMeta(schema: Schema): Schema {
  const properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...((schema.properties as Schema | undefined) ?? {}) };
  return { ...schema, properties };
}

function describe(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})` : '';
    return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
  });
}

/** `group/Kind` of an object, `Kind` alone for the core group. */
export function groupKind(obj: { apiVersion: string; kind: string }): string {
  const slash = obj.apiVersion.lastIndexOf('/');
  return slash < 0 ? obj.kind : `${obj.apiVersion.slice(0, slash)}/${obj.kind}`;
}

/** Whether a CRD schema is known for this object's kind. */
export function hasCrdSchema(obj: { apiVersion: string; kind: string }): boolean {
  return CRD_FILES[groupKind(obj)] !== undefined;
}

/**
 * Errors of one object against its CRD's `openAPIV3Schema` (unknown fields included), or
 * throws when no schema is known for its kind. `[]` means valid.
 */
export function validateObject(obj: { apiVersion: string; kind: string }): string[] {
  const version = obj.apiVersion.slice(obj.apiVersion.lastIndexOf('/') + 1);
  const validate = crdValidator(groupKind(obj), version);
  if (validate === undefined) throw new Error(`no schema known for ${groupKind(obj)}`);
  return validate(obj) ? [] : describe(validate);
}

const jsonSchemaAjv = newAjv();

/** A validator for a plain JSON Schema file under SCHEMAS_DIR (e.g. `taskfile/schema.json`). */
export function jsonSchemaValidator(file: string): (value: unknown) => string[] {
  const schema = JSON.parse(readFileSync(path.join(SCHEMAS_DIR, file), 'utf8')) as Schema;
  const validate = jsonSchemaAjv.compile(schema);
  return (value) => (validate(value) ? [] : describe(validate));
}
