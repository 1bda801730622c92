/**
 * A small JSON Schema (draft-07) validator for the tests: exactly the keywords our generated
 * schemas use. Any other keyword throws, so a schema that starts using one cannot pass a test
 * by being half understood (then extend this, or install a real validator).
 */

export type JsonSchema = Record<string, unknown>;

/** Keywords that only annotate. */
const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'default']);
const ASSERTIONS = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'items', 'additionalItems',
  'minItems', 'maxItems', 'enum', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'pattern', 'anyOf',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** The problems of `value` against `schema`, as 'path: what' strings; empty when it is valid. */
export function validate(schema: JsonSchema | boolean, value: unknown, at = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: not allowed`];
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !ASSERTIONS.has(key)) throw new Error(`mini-json-schema: keyword '${key}' at ${at} is not supported`);
  }
  const errors: string[] = [];
  const s = schema as {
    type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[];
    additionalProperties?: JsonSchema | boolean; propertyNames?: JsonSchema; items?: JsonSchema | JsonSchema[];
    additionalItems?: JsonSchema | boolean; minItems?: number; maxItems?: number; enum?: unknown[]; const?: unknown;
    minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number;
    minLength?: number; maxLength?: number; pattern?: string; anyOf?: JsonSchema[];
  };
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some((t) => hasType(value, t))) return [`${at}: expected ${types.join(' or ')}, got ${typeOf(value)}`];
  }
  if (s.enum && !s.enum.some((e) => e === value)) errors.push(`${at}: not one of ${JSON.stringify(s.enum)}`);
  if ('const' in s && s.const !== value) errors.push(`${at}: must be ${JSON.stringify(s.const)}`);
  if (s.anyOf && s.anyOf.every((alt) => validate(alt, value, at).length > 0)) errors.push(`${at}: matches no alternative`);
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) errors.push(`${at}: below ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) errors.push(`${at}: above ${s.maximum}`);
    if (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum) errors.push(`${at}: not above ${s.exclusiveMinimum}`);
    if (s.exclusiveMaximum !== undefined && value >= s.exclusiveMaximum) errors.push(`${at}: not below ${s.exclusiveMaximum}`);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (s.minLength !== undefined && length < s.minLength) errors.push(`${at}: shorter than ${s.minLength}`);
    if (s.maxLength !== undefined && length > s.maxLength) errors.push(`${at}: longer than ${s.maxLength}`);
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) errors.push(`${at}: does not match /${s.pattern}/`);
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) errors.push(`${at}: fewer than ${s.minItems} items`);
    if (s.maxItems !== undefined && value.length > s.maxItems) errors.push(`${at}: more than ${s.maxItems} items`);
    if (Array.isArray(s.items)) {
      s.items.forEach((item, i) => { if (i < value.length) errors.push(...validate(item, value[i], `${at}[${i}]`)); });
      if (s.additionalItems !== undefined) {
        for (let i = s.items.length; i < value.length; i++) errors.push(...validate(s.additionalItems, value[i], `${at}[${i}]`));
      }
    } else if (s.items !== undefined) {
      value.forEach((item, i) => errors.push(...validate(s.items as JsonSchema, item, `${at}[${i}]`)));
    }
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of s.required ?? []) if (!(key in obj)) errors.push(`${at}: missing required '${key}'`);
    for (const [key, v] of Object.entries(obj)) {
      if (s.propertyNames) errors.push(...validate(s.propertyNames, key, `${at}.${key} (name)`));
      if (s.properties && key in s.properties) errors.push(...validate(s.properties[key]!, v, `${at}.${key}`));
      else if (s.additionalProperties !== undefined) {
        const extra = validate(s.additionalProperties, v, `${at}.${key}`);
        errors.push(...(s.additionalProperties === false ? [`${at}: unknown key '${key}'`] : extra));
      }
    }
  }
  return errors;
}
