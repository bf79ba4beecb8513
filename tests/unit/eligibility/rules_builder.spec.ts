import { test } from '@japa/runner'
import { APPLICATION_FORMS, type ApplicationFormKind } from '#database/forms/index'
import { SEEDED_RULE_SETS, type CallTerms } from '#database/rules/index'
import { MINIMAL_FORM, MINIMAL_RULES } from '#database/factories/programme_factory'
import { checkRuleSet } from '#eligibility/rule_set_checker'
import {
  applyRulesCommand,
  operatorsFor,
  rulesBuilderFromPost,
  rulesBuilderOf,
  ruleSetOfBuilder,
} from '#eligibility/rules_builder'
import type { RuleSet } from '#eligibility/rule_set'

const TERMS: CallTerms = { closingDate: '2026-06-30', grantCeilingCentimes: 50_000_000 }

/** What the page posts for these inputs: every value as text, as a browser sends it. */
const posted = (value: unknown) => rulesBuilderFromPost(JSON.parse(JSON.stringify(value)))

test.group('Visual rules editor: reading and writing rule sets', () => {
  test('every seeded rule set without nested groups goes through the editor unchanged', ({
    assert,
  }) => {
    let flat = 0
    for (const kind of Object.keys(SEEDED_RULE_SETS) as ApplicationFormKind[]) {
      const rules = SEEDED_RULE_SETS[kind](TERMS)
      const state = rulesBuilderOf(rules)
      if (state === null) continue
      flat++
      assert.deepEqual(ruleSetOfBuilder(posted(state), APPLICATION_FORMS[kind]), rules, kind)
    }
    assert.isAtLeast(flat, 2)
  })

  test('values are read with the type of the field they name', ({ assert }) => {
    const state = posted({
      combinator: 'any',
      conditions: [
        {
          id: 'ceiling',
          field: 'project.amount',
          operator: 'lte',
          value: '500 000',
          message: { fr: 'Trop' },
        },
        {
          id: 'named',
          field: 'project.name',
          operator: 'present',
          value: 'ignored',
          message: { fr: 'Nom' },
        },
        {
          id: 'range',
          field: 'project.amount',
          operator: 'between',
          value: '1',
          value2: '2,5',
          message: { fr: 'x' },
        },
      ],
      criteria: [
        {
          id: 'amount',
          label: { fr: 'Montant' },
          field: 'project.amount',
          weight: '100',
          bands: [
            { min: '0', max: '250000', points: '1' },
            { min: '250000', points: '0,5' },
          ],
        },
      ],
    })
    const rules = ruleSetOfBuilder(state, MINIMAL_FORM) as RuleSet
    assert.deepEqual(rules.eligibility, {
      any: [
        {
          id: 'ceiling',
          field: 'project.amount',
          operator: 'lte',
          value: { mad: 500_000 },
          message: { fr: 'Trop' },
        },
        { id: 'named', field: 'project.name', operator: 'present', message: { fr: 'Nom' } },
        {
          id: 'range',
          field: 'project.amount',
          operator: 'between',
          value: [{ mad: 1 }, { mad: 2.5 }],
          message: { fr: 'x' },
        },
      ],
    } as any)
    assert.deepEqual(rules.scoring[0].bands, [
      { min: { mad: 0 }, max: { mad: 250_000 }, points: 1 },
      { min: { mad: 250_000 }, points: 0.5 },
    ])
    assert.deepEqual(checkRuleSet(rules, MINIMAL_FORM), [])
  })

  test('what cannot be read stays as typed, for the checker to name', ({ assert }) => {
    const state = rulesBuilderOf(MINIMAL_RULES)!
    state.conditions[0].value = 'a lot'
    const rules = ruleSetOfBuilder(posted(state), MINIMAL_FORM)
    const problems = checkRuleSet(rules, MINIMAL_FORM)
    assert.deepEqual(
      problems.map((problem) => problem.path),
      ['eligibility.all[0].value']
    )
  })

  test('nested groups are left to the JSON editor', ({ assert }) => {
    assert.isNull(
      rulesBuilderOf({
        eligibility: { all: [{ any: [] }] },
        scoring: [],
      } as unknown as RuleSet)
    )
  })

  test('buttons add, move and remove conditions, criteria and bands', ({ assert }) => {
    const state = rulesBuilderOf(MINIMAL_RULES)!
    assert.isTrue(applyRulesCommand(state, 'add_condition'))
    assert.equal(state.conditions[1].id, 'rule_3')
    assert.isTrue(applyRulesCommand(state, 'condition_up:1'))
    assert.deepEqual(
      state.conditions.map((condition) => condition.id),
      ['rule_3', 'amount_ceiling']
    )
    assert.isTrue(applyRulesCommand(state, 'add_band:0'))
    assert.lengthOf(state.criteria[0].bands, MINIMAL_RULES.scoring[0].bands.length + 1)
    assert.isTrue(applyRulesCommand(state, 'remove_band:0@0'))
    assert.isTrue(applyRulesCommand(state, 'remove_condition:0'))
    assert.isFalse(applyRulesCommand(state, 'remove_condition:7'))
    assert.isFalse(applyRulesCommand(state, 'drop_table'))
    assert.isFalse(applyRulesCommand(state, ['add_condition']))
  })

  test('the operators offered fit the field chosen', ({ assert }) => {
    assert.includeMembers([...operatorsFor('project.amount', MINIMAL_FORM)], ['lte', 'between'])
    assert.notInclude([...operatorsFor('project.amount', MINIMAL_FORM)], 'contains')
    assert.deepEqual([...operatorsFor('project.name', MINIMAL_FORM)], ['present', 'absent'])
  })
})
