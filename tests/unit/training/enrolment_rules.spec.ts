import { test } from '@japa/runner'
import fc from 'fast-check'
import { DateTime } from 'luxon'
import { errors as vineErrors } from '@vinejs/vine'
import { enrolmentAnswersValidator, enrolmentForm, plainInput } from '#training/enrolment_form'
import { evaluateEnrolment, failedReasons } from '#training/enrolment_eligibility'
import { checkRuleSet } from '#eligibility/rule_set_checker'
import { YOUTH_COHORT_RULES } from '#database/rules/youth_cohort'
import { enrolmentAnswers } from '#database/factories/training_factory'

const START = DateTime.fromISO('2027-03-01')
const NOW = DateTime.fromISO('2027-01-15T10:00:00Z')

test.group('Enrolment form and cohort rules', () => {
  test('the typical cohort rules pass the rule set checker', ({ assert }) => {
    assert.deepEqual(checkRuleSet(YOUTH_COHORT_RULES), [])
  })

  test('age bounds are counted on the cohort’s first day', ({ assert }) => {
    const on = (birth: DateTime) =>
      evaluateEnrolment(
        YOUTH_COHORT_RULES,
        enrolmentAnswers({ birth_date: birth.toISODate() }),
        START,
        NOW
      )!.eligible
    assert.isTrue(on(START.minus({ years: 18 })))
    assert.isFalse(on(START.minus({ years: 18 }).plus({ days: 1 })))
    assert.isTrue(on(START.minus({ years: 35 })))
    assert.isFalse(on(START.minus({ years: 35 }).minus({ days: 1 })))
  })

  test('failed rules are explained in the trainee’s language; no rules means eligible', ({
    assert,
  }) => {
    const evaluation = evaluateEnrolment(
      YOUTH_COHORT_RULES,
      enrolmentAnswers({ education_level: 'secondary' }),
      START,
      NOW
    )
    assert.isFalse(evaluation!.eligible)
    assert.deepEqual(failedReasons(evaluation, 'en'), ['Hold at least the baccalaureate.'])
    assert.isNull(evaluateEnrolment(null, enrolmentAnswers(), START, NOW))
  })

  test('the score rewards education and experience', ({ assert }) => {
    const score = (overrides: Record<string, unknown>) =>
      evaluateEnrolment(YOUTH_COHORT_RULES, enrolmentAnswers(overrides), START, NOW)!.score
    assert.equal(score({ education_level: 'master', experience_years: 5 }), 100)
    assert.equal(score({ education_level: 'bachelor', experience_years: 2 }), 65)
    assert.equal(score({ education_level: 'baccalaureate', experience_years: 0 }), 15)
  })

  test('any input validates or gives field errors, and a valid one evaluates without throwing (1 000 runs)', async ({
    assert,
  }) => {
    const validator = enrolmentAnswersValidator()
    const keys = new Set(enrolmentForm().sections[0].fields.map((field) => field.key))
    const valid = enrolmentAnswers().trainee as Record<string, unknown>
    const anyValue = fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true })
    const shaped = fc.record({
      trainee: fc.record(
        Object.fromEntries(
          [...keys].map((key) => [key, fc.oneof(fc.constant(valid[key]), anyValue)])
        ),
        { requiredKeys: [] }
      ),
    })
    await fc.assert(
      fc.asyncProperty(fc.oneof(shaped, anyValue), async (input) => {
        try {
          const answers = await validator.validate(plainInput(input) ?? {})
          for (const key of Object.keys(answers.trainee)) assert.isTrue(keys.has(key))
          evaluateEnrolment(YOUTH_COHORT_RULES, answers, START, NOW)
        } catch (error) {
          assert.instanceOf(error, vineErrors.E_VALIDATION_ERROR)
        }
      }),
      { numRuns: 1000 }
    )
  })
})
