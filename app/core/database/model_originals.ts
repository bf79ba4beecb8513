/*
| Lucid keeps a copy of each model's attributes (`$original`) to tell later what changed,
| made with lodash's deep `merge` on every row it reads. That walks each luxon DateTime
| field by field and copies every JSON answer and form definition key by key: a tenth of
| the application page's CPU time (bench/profiles/application_page.md).
|
| The same copy, quicker: a DateTime is immutable and Lucid compares it with `equals`, so
| the original may share it; plain JSON data (objects and arrays made of numbers, strings,
| booleans and null, which is what PostgreSQL's json columns give) is copied by a plain
| walk. Anything else (a class instance inside an attribute, say) is copied by Lucid's own
| merge, as before, so the copy stays exactly what Lucid would have made.
*/
import { BaseModel } from '@adonisjs/lucid/orm'
import { DateTime } from 'luxon'

const NOT_PLAIN = Symbol('not plain data')

/** A deep copy of plain JSON-like data, or NOT_PLAIN when it holds anything else. */
function copyPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' ? NOT_PLAIN : value
  }
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN
    const copy: unknown[] = []
    for (const element of value) {
      const item = copyPlain(element)
      if (item === NOT_PLAIN) return NOT_PLAIN
      copy.push(item)
    }
    return copy
  }
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return NOT_PLAIN
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const item = copyPlain((value as Record<string, unknown>)[key])
    if (item === NOT_PLAIN) return NOT_PLAIN
    copy[key] = item
  }
  return copy
}

type Originals = { $attributes: Record<string, unknown>; $original: Record<string, unknown> }

/** Lucid's own, kept for what is not plain data (and for the tests to compare with). */
export const lucidHydrateOriginals = BaseModel.prototype.$hydrateOriginals

/** `$hydrateOriginals` as Lucid defines it, with the copy above. */
export function hydrateOriginals(this: Originals) {
  const original: Record<string, unknown> = {}
  let others: Record<string, unknown> | undefined
  for (const key of Object.keys(this.$attributes)) {
    const value = this.$attributes[key]
    const copy = DateTime.isDateTime(value) ? value : copyPlain(value)
    if (copy === NOT_PLAIN) (others ??= {})[key] = value
    else original[key] = copy
  }
  if (others) {
    const merged: Originals = { $attributes: others, $original: {} }
    lucidHydrateOriginals.call(merged)
    Object.assign(original, merged.$original)
  }
  this.$original = original
}

export function useQuickOriginals() {
  BaseModel.prototype.$hydrateOriginals = hydrateOriginals
}
