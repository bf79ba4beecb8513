import { test } from '@japa/runner'
import fc from 'fast-check'
import { errors as vineErrors } from '@vinejs/vine'
import { applicationListValidator } from '#applications/validators/application'
import { reviewListValidator } from '#reviews/validators/review_list'
import { membershipListValidator } from '#identity/validators/membership_list'
import { openCallsApiValidator } from '#programmes/validators/catalogue'
import { MAX_PER_PAGE } from '#core/pagination'

/**
 * The API's list parameters, whatever a query string carries (strings, repeated keys as
 * arrays, nested objects from `a[b]=c`): a valid page and filters, or field errors.
 */
const queryValue = fc.oneof(
  fc.string(),
  fc.integer().map(String),
  fc.double().map(String),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 })
)
const query = fc.record(
  {
    page: queryValue,
    perPage: queryValue,
    callId: queryValue,
    state: fc.oneof(queryValue, fc.constantFrom('draft', 'submitted', 'assigned')),
    kind: fc.oneof(queryValue, fc.constantFrom('vc_call', 'startup', 'startup_offer')),
    stage: fc.oneof(queryValue, fc.constantFrom('early', 'growth')),
  },
  { requiredKeys: [] }
)

const validators = {
  applications: applicationListValidator,
  reviews: reviewListValidator,
  organizations: membershipListValidator,
  calls: openCallsApiValidator,
}

test.group('API list parameters under fuzzing', () => {
  for (const [name, validator] of Object.entries(validators)) {
    test(`${name}: any query gives a bounded page or field errors, nothing else`, async ({
      assert,
    }) => {
      await fc.assert(
        fc.asyncProperty(query, async (input) => {
          try {
            const valid: { page?: number; perPage?: number } = await validator.validate(input)
            if (valid.page !== undefined)
              assert.isTrue(Number.isInteger(valid.page) && valid.page >= 1)
            if (valid.perPage !== undefined)
              assert.isTrue(valid.perPage >= 1 && valid.perPage <= MAX_PER_PAGE)
          } catch (error) {
            assert.instanceOf(error, vineErrors.E_VALIDATION_ERROR)
          }
        }),
        { numRuns: 1000 }
      )
    })
  }
})
