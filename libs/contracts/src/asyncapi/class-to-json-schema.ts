import type { MetadataStorage as TypeStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

// class-transformer keeps @Type metadata in a module it does not re-export from its index.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TypeStorage };

export type JsonSchema = Record<string, unknown>;

type Constructor = new (...args: never[]) => unknown;

/** JSON-schema keywords for one class-validator rule; unknown rules add nothing. */
function ruleToSchema(meta: ValidationMetadata): JsonSchema {
  const [first, second] = meta.constraints ?? [];
  switch (meta.name) {
    case 'isString':
      return { type: 'string' };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isObject':
      return { type: 'object' };
    case 'isNotEmpty':
      return { minLength: 1 };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'maxLength':
      return { maxLength: first };
    case 'minLength':
      return { minLength: first };
    case 'isLength':
      return second === undefined ? { minLength: first } : { minLength: first, maxLength: second };
    case 'isIn':
      return { enum: first };
    case 'isUuid':
      return { type: 'string', format: 'uuid' };
    case 'isEmail':
      return { type: 'string', format: 'email' };
    case 'isIso8601':
      return { type: 'string', format: 'date-time' };
    case 'isISO4217CurrencyCode':
      return { type: 'string', pattern: '^[A-Z]{3}$' };
    case 'arrayMinSize':
      return { minItems: first };
    case 'arrayMaxSize':
      return { maxItems: first };
    default:
      return {};
  }
}

const ARRAY_KEYWORDS = new Set(['minItems', 'maxItems']);

/**
 * Derives a JSON schema from a class's class-validator rules, so the published catalogue can
 * never drift from what consumers actually validate. Nested classes come from @Type.
 */
export function classToJsonSchema(cls: Constructor, seen: Set<Constructor> = new Set()): JsonSchema {
  if (seen.has(cls)) throw new Error(`recursive contract class ${cls.name}`);
  const metas = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const meta of metas) {
    const list = byProperty.get(meta.propertyName) ?? [];
    list.push(meta);
    byProperty.set(meta.propertyName, list);
  }

  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [property, rules] of byProperty) {
    const optional = rules.some((r) => r.name === 'isOptional');
    const isArray = rules.some((r) => r.each || r.name === 'arrayMinSize' || r.name === 'arrayMaxSize' || r.name === 'isArray');
    const nested = rules.some((r) => r.type === 'nestedValidation');
    const item: JsonSchema = {};
    const outer: JsonSchema = {};
    for (const rule of rules) {
      for (const [key, value] of Object.entries(ruleToSchema(rule))) {
        if (isArray && ARRAY_KEYWORDS.has(key)) outer[key] = value;
        else item[key] = value;
      }
    }
    let schema: JsonSchema = item;
    if (nested) {
      const typeMeta = defaultMetadataStorage.findTypeMetadata(cls, property);
      if (!typeMeta) throw new Error(`${cls.name}.${property} is nested but has no @Type`);
      const nestedClass = typeMeta.typeFunction() as Constructor;
      schema = classToJsonSchema(nestedClass, new Set([...seen, cls]));
    }
    properties[property] = isArray ? { type: 'array', ...outer, items: schema } : schema;
    if (!optional) required.push(property);
  }
  return { type: 'object', title: cls.name, properties, required, additionalProperties: true };
}
