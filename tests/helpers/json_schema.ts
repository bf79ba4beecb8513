/**
 * The subset of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that our OpenAPI document
 * is written in: type (one or a list), properties, required, additionalProperties, items,
 * enum, const, oneOf, $ref to `#/components/...` (or `#/$defs/...`), minimum, maximum,
 * minLength, maxLength, pattern, minItems, maxItems and format date-time / date. Any other
 * keyword fails loudly, so the document cannot outgrow the checker
 * unnoticed. Returns the problems found, each with the JSON path of the value.
 */
type Schema = Record<string, unknown>

const KNOWN = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'oneOf',
  '$ref',
  'minimum',
  'maximum',
  'format',
  'description',
  'examples',
  'default',
  'minItems',
  'maxItems',
  'maxLength',
  'minLength',
  'pattern',
  'title',
  // A container of definitions for `$ref` (JSON Schema 2020-12), not a constraint.
  '$defs',
])

/** RFC 3339 `date-time`, as JSON Schema means it: a date alone is not one. */
const RFC3339_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i

function typeOf(value: unknown) {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`Only local $ref are supported: ${ref}`)
  let node: unknown = root
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)?.[part]
  if (!node) throw new Error(`Unresolved $ref ${ref}`)
  return node as Schema
}

export function schemaProblems(root: Schema, schema: Schema, value: unknown, path = '$'): string[] {
  for (const keyword of Object.keys(schema)) {
    if (!KNOWN.has(keyword)) throw new Error(`Keyword "${keyword}" at ${path} is not supported`)
  }
  if (typeof schema.$ref === 'string') {
    return schemaProblems(root, resolve(root, schema.$ref), value, path)
  }
  const problems: string[] = []
  if (schema.oneOf) {
    const matching = (schema.oneOf as Schema[]).filter(
      (candidate) => schemaProblems(root, candidate, value, path).length === 0
    )
    if (matching.length !== 1) problems.push(`${path}: matches ${matching.length} of oneOf`)
  }
  if (schema.type !== undefined) {
    const allowed = [schema.type].flat() as string[]
    const actual = typeOf(value)
    const ok = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'))
    if (!ok) return [...problems, `${path}: ${actual} is not ${allowed.join(' or ')}`]
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not one of the enum`)
  }
  if ('const' in schema && schema.const !== value) problems.push(`${path}: is not the const`)
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      problems.push(`${path}: below ${schema.minimum}`)
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      problems.push(`${path}: above ${schema.maximum}`)
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength)
      problems.push(`${path}: shorter than ${schema.minLength}`)
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength)
      problems.push(`${path}: longer than ${schema.maxLength}`)
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      problems.push(`${path}: does not match ${schema.pattern}`)
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      problems.push(`${path}: fewer than ${schema.minItems} items`)
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      problems.push(`${path}: more than ${schema.maxItems} items`)
  }
  if (
    typeof value === 'string' &&
    schema.format === 'date-time' &&
    (!RFC3339_DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))
  )
    problems.push(`${path}: not a date-time`)
  if (typeof value === 'string' && schema.format === 'date' && !/^\d{4}-\d\d-\d\d$/.test(value))
    problems.push(`${path}: not a date`)
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) =>
      problems.push(...schemaProblems(root, schema.items as Schema, item, `${path}[${index}]`))
    )
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>
    for (const key of (schema.required as string[] | undefined) ?? []) {
      if (!(key in object)) problems.push(`${path}.${key}: missing`)
    }
    const properties = (schema.properties ?? {}) as Record<string, Schema>
    for (const [key, item] of Object.entries(object)) {
      if (properties[key]) {
        problems.push(...schemaProblems(root, properties[key], item, `${path}.${key}`))
      } else if (schema.additionalProperties === false) {
        problems.push(`${path}.${key}: not documented`)
      } else if (typeof schema.additionalProperties === 'object') {
        problems.push(
          ...schemaProblems(root, schema.additionalProperties as Schema, item, `${path}.${key}`)
        )
      }
    }
  }
  return problems
}
