import { test } from '@japa/runner'
import fc from 'fast-check'
import { errors as vineErrors } from '@vinejs/vine'
import { isolateEachTest } from '#tests/helpers/http'
import { searchStaff } from '#app/search/staff_search'
import { staffSearchValidator } from '#app/search/validators/staff_search'

/**
 * Whatever is typed in the search box (any Unicode, tsquery syntax, letters that unaccent
 * turns into operators): field errors, or results from the database, never an exception.
 */
const typed = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 110 }),
  fc.string({ unit: 'binary', maxLength: 110 }),
  fc
    .array(
      fc.constantFrom(
        '\u0000',
        'ʼ',
        'ː',
        '½',
        '«',
        '&',
        '|',
        '!',
        ':*',
        "'",
        '\\',
        '(',
        'a',
        'é',
        'إ'
      ),
      {
        maxLength: 20,
      }
    )
    .map((parts) => parts.join(''))
)

test.group('Staff search / fuzz', (group) => {
  isolateEachTest(group)

  test('any query gives field errors or results, never an error (1 000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        typed,
        fc.constantFrom('everything', 'agreements' as const),
        async (q, scope) => {
          const [error, input] = await staffSearchValidator.tryValidate({ q })
          if (error) {
            if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
            return
          }
          await searchStaff(input.q, scope, 1)
        }
      ),
      { numRuns: 1000 }
    )
  })
})
