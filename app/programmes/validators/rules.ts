import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { Money } from '#core/money'
import { fromCasablancaInput } from '#core/casablanca_time'

/** Up to a hundred billion dirhams: beyond, it is a typing mistake. */
const MAX_CENTIMES = 10_000_000_000_000

/** An amount typed in dirhams ("250 000", "1 234,50"), positive or zero. */
const madAmountRule = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    const amount = typeof value === 'string' ? Money.parse(value) : null
    if (!amount || amount.isNegative() || amount.centimes > MAX_CENTIMES) {
      field.report('The {{ field }} field must be an amount in dirhams', 'mad', field)
    }
  }
)

/** Dirhams as typed, out as integer centimes. */
export function madAmount() {
  return vine
    .string()
    .trim()
    .maxLength(32)
    .use(madAmountRule())
    .transform((value) => Money.parse(value)!.centimes)
}

/**
 * The centimes as an <input> value in dirhams, written as the hints ask amounts to be
 * typed ("250 000", "1 234,50": spaces between thousands, a decimal comma only when there
 * are centimes), so what a form shows reads back through `Money.parse` unchanged; '' for none.
 */
export function madInputValue(centimes: number | null | undefined) {
  if (centimes === null || centimes === undefined) return ''
  const dirhams = String(Math.trunc(centimes / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
  const rest = centimes % 100
  return rest === 0 ? dirhams : `${dirhams},${String(rest).padStart(2, '0')}`
}

const casablancaInstantRule = vine.createRule(
  (value: unknown, options: { after?: string }, field: FieldContext) => {
    const instant = typeof value === 'string' ? fromCasablancaInput(value) : null
    if (!instant) {
      field.report('The {{ field }} field must be a date and time', 'casablancaInstant', field)
      return
    }
    if (options.after) {
      const raw = field.parent?.[options.after]
      const earlier = typeof raw === 'string' ? fromCasablancaInput(raw) : null
      if (earlier && instant <= earlier) {
        field.report(
          'The {{ field }} field must come after {{ otherField }}',
          'afterInstant',
          field,
          {
            otherField: options.after,
          }
        )
      }
    }
  }
)

/**
 * A wall-clock time typed in Casablanca ("2026-03-01T17:00", from an
 * <input type="datetime-local">), out as the UTC instant. `after` names a sibling
 * field that must be strictly earlier.
 */
export function casablancaInstant(options: { after?: string } = {}) {
  return vine
    .string()
    .trim()
    .maxLength(32)
    .use(casablancaInstantRule(options))
    .transform((value) => fromCasablancaInput(value)!)
}
