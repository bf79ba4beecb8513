import { test } from '@japa/runner'
import fc from 'fast-check'
import { DateTime } from 'luxon'
import { compileRuleSet, evaluate } from '#eligibility/evaluate'
import { checkRuleSet } from '#eligibility/rule_set_checker'
import { shiftIsoDate } from '#eligibility/calendar_dates'
import type { ConditionNode, RuleSet } from '#eligibility/rule_set'
import type { FormAnswers } from '#programmes/forms/form_definition'
import { answers, context, isoDate, ruleSet } from '#tests/unit/eligibility/arbitraries'
import { referenceEvaluate } from '#tests/unit/eligibility/reference_evaluator'
import { testForm } from '#tests/unit/eligibility/fixtures'

const RUNS = { numRuns: 1000 }
const application = fc.tuple(ruleSet, answers, context)

const hasAnyGroup = (node: ConditionNode): boolean =>
  'any' in node || ('all' in node && node.all.some(hasAnyGroup))

test.group('Eligibility evaluation, properties', () => {
  test('the generated rule sets are valid for their form', ({ assert }) => {
    fc.assert(
      fc.property(ruleSet, (rules) => {
        assert.deepEqual(checkRuleSet(rules, testForm), [])
      }),
      RUNS
    )
  })

  test('the same rule set and answers give the same evaluation, however often', ({ assert }) => {
    fc.assert(
      fc.property(application, ([rules, given, dates]) => {
        const evaluator = compileRuleSet(rules)
        const first = evaluator(given as FormAnswers, dates)
        const again = evaluator(given as FormAnswers, dates)
        const fresh = evaluate(structuredClone(rules), given as FormAnswers, { ...dates })
        assert.deepEqual(again, first)
        assert.deepEqual(fresh, first)
      }),
      RUNS
    )
  })

  test('evaluating other applications in between changes nothing', ({ assert }) => {
    fc.assert(
      fc.property(
        ruleSet,
        fc.array(fc.tuple(answers, context), { minLength: 2, maxLength: 5 }),
        (rules, batch) => {
          const evaluator = compileRuleSet(rules)
          const inOrder = batch.map(([given, dates]) => evaluator(given as FormAnswers, dates))
          const reversed = [...batch]
            .reverse()
            .map(([given, dates]) => evaluator(given as FormAnswers, dates))
            .reverse()
          assert.deepEqual(reversed, inOrder)
        }
      ),
      { numRuns: 300 }
    )
  })

  test('an ineligible verdict names a failed rule; an eligible one none that blocks', ({
    assert,
  }) => {
    fc.assert(
      fc.property(application, ([rules, given, dates]) => {
        const result = evaluate(rules, given as FormAnswers, dates)
        const blocking = result.rules.filter((rule) => rule.blocking)
        assert.isTrue(blocking.every((rule) => !rule.passed))
        if (result.eligible) {
          assert.lengthOf(blocking, 0)
          // Without alternatives (`any`), eligible means every rule passed.
          if (!hasAnyGroup(rules.eligibility)) {
            assert.isTrue(result.rules.every((rule) => rule.passed))
          }
        } else {
          assert.isAbove(blocking.length, 0)
        }
      }),
      RUNS
    )
  })

  test('the score is exactly the sum of the explained contributions', ({ assert }) => {
    fc.assert(
      fc.property(application, ([rules, given, dates]) => {
        const result = evaluate(rules, given as FormAnswers, dates)
        const hundredths = result.contributions.reduce(
          (sum, contribution) => sum + Math.round(contribution.points * 100),
          0
        )
        assert.equal(Math.round(result.score * 100), hundredths)
        assert.equal(result.score, hundredths / 100)
        const added = result.contributions.reduce((sum, c) => sum + c.points, 0)
        assert.equal(result.score, Number(added.toFixed(2)))
        // Two decimals at most, everywhere.
        for (const figure of [result.score, ...result.contributions.map((c) => c.points)]) {
          assert.equal(Math.round(figure * 100) / 100, figure)
        }
      }),
      RUNS
    )
  })

  test('the score stays within 0–100 and each contribution within its weight', ({ assert }) => {
    fc.assert(
      fc.property(application, ([rules, given, dates]) => {
        const result = evaluate(rules, given as FormAnswers, dates)
        assert.isAtLeast(result.score, 0)
        assert.isAtMost(result.score, 100)
        assert.lengthOf(result.contributions, rules.scoring.length)
        for (const contribution of result.contributions) {
          assert.isAtLeast(contribution.points, 0)
          assert.isAtMost(contribution.points, contribution.weight)
        }
        if (rules.scoring.length === 0) assert.equal(result.score, 0)
      }),
      RUNS
    )
  })

  test('the compiled evaluator agrees with a plain interpretation of the rules', ({ assert }) => {
    fc.assert(
      fc.property(application, ([rules, given, dates]) => {
        const compiled = compileRuleSet(rules)(given as FormAnswers, dates)
        assert.deepEqual(compiled, referenceEvaluate(rules, given, dates))
      }),
      RUNS
    )
  })

  test('answers of any shape at all never make the evaluator throw', ({ assert }) => {
    fc.assert(
      fc.property(ruleSet, fc.anything(), context, (rules, given, dates) => {
        const result = compileRuleSet(rules)(given as FormAnswers, dates)
        assert.isBoolean(result.eligible)
        assert.isAtLeast(result.score, 0)
        assert.isAtMost(result.score, 100)
        assert.deepEqual(result, referenceEvaluate(rules, given, dates))
      }),
      RUNS
    )
  })

  test('relative dates move like Luxon: months first, clamped to the month, then days', ({
    assert,
  }) => {
    const offset = fc.record(
      {
        years: fc.integer({ min: 0, max: 100 }),
        months: fc.integer({ min: 0, max: 1200 }),
        days: fc.integer({ min: 0, max: 36_500 }),
      },
      { requiredKeys: [] }
    )
    fc.assert(
      fc.property(isoDate, offset, fc.constantFrom(1 as const, -1 as const), (date, by, sign) => {
        const start = DateTime.fromISO(date, { zone: 'utc' })
        const full = { years: 0, months: 0, days: 0, ...by }
        const expected = (sign === 1 ? start.plus(full) : start.minus(full)).toISODate()
        assert.equal(shiftIsoDate(date, by, sign), expected)
      }),
      RUNS
    )
  })

  test('a rule set that does not pass the checker is refused when compiled', ({ assert }) => {
    fc.assert(
      fc.property(fc.anything(), (json) => {
        if (checkRuleSet(json).length === 0) return
        assert.throws(() => compileRuleSet(json as RuleSet), /invalid rule set/)
      }),
      RUNS
    )
  })
})
