import { test } from '@japa/runner'
import fc from 'fast-check'
import {
  compareCandidates,
  rank,
  selectWithinEnvelope,
  type RankingCandidate,
} from '#reviews/ranking'
import { awardAmountOf } from '#reviews/award_amounts'
import { APPLICATION_FORMS } from '#database/forms/index'

const candidate = (
  applicationId: number,
  finalScore: number,
  amountCentimes = 100,
  extra: Partial<RankingCandidate> = {}
): RankingCandidate => ({
  applicationId,
  finalScore,
  meanScore: finalScore,
  submittedAt: 1_700_000_000_000,
  amountCentimes,
  ...extra,
})

/** Few distinct values, so that ties on every key are frequent. */
const candidates = fc.uniqueArray(
  fc.record({
    applicationId: fc.integer({ min: 1, max: 10_000 }),
    finalScore: fc.constantFrom(55, 60, 72.5, 72.5, 80, 91.25),
    meanScore: fc.constantFrom(60, 70, 70, 85),
    submittedAt: fc.constantFrom(1_000, 2_000, 2_000, 3_000),
    amountCentimes: fc.integer({ min: 0, max: 5_000 }),
  }),
  { selector: (item) => item.applicationId, maxLength: 60 }
)

test.group('Ranking / rank', () => {
  test('ranks above the threshold by final score, the rest below', ({ assert }) => {
    const { ranked, below } = rank(
      [candidate(1, 59.9), candidate(2, 80), candidate(3, 60), candidate(4, 95)],
      60
    )
    assert.deepEqual(
      ranked.map((item) => [item.applicationId, item.rank]),
      [
        [4, 1],
        [2, 2],
        [3, 3],
      ]
    )
    assert.deepEqual(
      below.map((item) => item.applicationId),
      [1]
    )
  })

  test('breaks ties by higher mean, then earlier submission, then lower id', ({ assert }) => {
    const { ranked } = rank(
      [
        candidate(9, 70, 1, { meanScore: 70, submittedAt: 5 }),
        candidate(3, 70, 1, { meanScore: 70, submittedAt: 5 }),
        candidate(7, 70, 1, { meanScore: 70, submittedAt: 1 }),
        candidate(8, 70, 1, { meanScore: 75, submittedAt: 9 }),
      ],
      60
    )
    assert.deepEqual(
      ranked.map((item) => item.applicationId),
      [8, 7, 3, 9]
    )
  })

  test('permuting the input never changes the ranking (property)', () => {
    fc.assert(
      fc.property(
        candidates.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })
          )
        ),
        ([list, shuffled]) => {
          const a = rank(list, 60)
          const b = rank(shuffled, 60)
          const ids = (result: ReturnType<typeof rank>) => [
            ...result.ranked.map((item) => `${item.applicationId}:${item.rank}`),
            ...result.below.map((item) => `${item.applicationId}`),
          ]
          return JSON.stringify(ids(a)) === JSON.stringify(ids(b))
        }
      ),
      { numRuns: 500 }
    )
  })

  test('the order is total: no two distinct candidates compare equal', () => {
    fc.assert(
      fc.property(candidates, (list) =>
        list.every((a) => list.every((b) => a === b || compareCandidates(a, b) !== 0))
      )
    )
  })
})

test.group('Ranking / selectWithinEnvelope', () => {
  test('greedy by rank: one that does not fit goes to the reserve, later smaller ones still win', ({
    assert,
  }) => {
    const ranked = [candidate(1, 90, 600), candidate(2, 85, 500), candidate(3, 80, 300)]
    const selection = selectWithinEnvelope(ranked, 1000)
    assert.deepEqual(
      selection.awarded.map((item) => item.applicationId),
      [1, 3]
    )
    assert.deepEqual(
      selection.reserve.map((item) => item.applicationId),
      [2]
    )
    assert.equal(selection.committedCentimes, 900)
    assert.equal(selection.remainingCentimes, 100)
  })

  test('an amount of zero (nothing asked) is never awarded', ({ assert }) => {
    const selection = selectWithinEnvelope([candidate(1, 90, 0), candidate(2, 80, 10)], 100)
    assert.deepEqual(
      selection.awarded.map((item) => item.applicationId),
      [2]
    )
  })

  test('never commits more than available, and splits every candidate once (property)', () => {
    fc.assert(
      fc.property(candidates, fc.integer({ min: -100, max: 50_000 }), (list, available) => {
        const { ranked } = rank(list, 0)
        const selection = selectWithinEnvelope(ranked, available)
        const sum = selection.awarded.reduce((total, item) => total + item.amountCentimes, 0)
        return (
          sum === selection.committedCentimes &&
          sum <= Math.max(0, available) &&
          selection.awarded.length + selection.reserve.length === ranked.length &&
          // Greedy: nothing on the reserve with an amount would have fitted what is left.
          selection.reserve.every(
            (item) => item.amountCentimes <= 0 || item.amountCentimes > selection.remainingCentimes
          )
        )
      }),
      { numRuns: 500 }
    )
  })
})

test.group('Ranking / award amounts', () => {
  // Submitted money answers are integer centimes (the answers validator converted them).
  const startupOffer = {
    kind: 'startup_offer',
    monthlyStipendCentimes: null,
    stipendMonths: null,
    grantCeilingCentimes: 200_000_000,
  }

  test('living grant: the monthly stipend times its months', ({ assert }) => {
    const programme = {
      kind: 'living_grant',
      monthlyStipendCentimes: 1_500_000,
      stipendMonths: 12,
      grantCeilingCentimes: null,
    }
    assert.equal(
      awardAmountOf(programme, APPLICATION_FORMS.living_grant, null).centimes,
      18_000_000
    )
  })

  test('startup offer: the amount requested, in centimes as submitted, capped by the ceiling', ({
    assert,
  }) => {
    const form = APPLICATION_FORMS.startup_offer
    // 150 000 MAD asked: 150 000 MAD awarded, not the ceiling.
    const asked = (centimes: unknown) => ({ funding: { amount_requested: centimes } })
    assert.equal(awardAmountOf(startupOffer, form, asked(15_000_000)).centimes, 15_000_000)
    assert.equal(awardAmountOf(startupOffer, form, asked(25_000_050)).centimes, 25_000_050)
    assert.equal(awardAmountOf(startupOffer, form, asked(300_000_000)).centimes, 200_000_000)
    assert.equal(awardAmountOf(startupOffer, form, { funding: {} }).centimes, 0)
    // Not centimes (a float, text that is no whole number): no amount, never a guess.
    assert.equal(awardAmountOf(startupOffer, form, asked(1500.5)).centimes, 0)
    assert.equal(awardAmountOf(startupOffer, form, asked('150 000')).centimes, 0)
  })

  test('VC call: the commitment requested, in centimes as submitted', ({ assert }) => {
    const programme = {
      kind: 'vc_call',
      monthlyStipendCentimes: null,
      stipendMonths: null,
      grantCeilingCentimes: null,
    }
    assert.equal(
      awardAmountOf(programme, APPLICATION_FORMS.vc_call, {
        terms: { requested_commitment: 3_000_000_000 },
      }).centimes,
      3_000_000_000
    )
  })

  test('the amount asked is the field the form declares, whatever its name', ({ assert }) => {
    const form = {
      sections: [
        {
          key: 'besoin',
          title: { fr: 'Besoin' },
          fields: [
            { key: 'budget_total', type: 'money' as const, label: { fr: 'Budget total' } },
            {
              key: 'montant_sollicite',
              type: 'money' as const,
              label: { fr: 'Montant sollicité' },
              requestedAmount: true,
            },
          ],
        },
      ],
    }
    const answers = { besoin: { budget_total: 90_000_000, montant_sollicite: 12_345_600 } }
    assert.equal(awardAmountOf(startupOffer, form, answers).centimes, 12_345_600)
    const undeclared = {
      sections: [{ ...form.sections[0], fields: [form.sections[0].fields[0]] }],
    }
    assert.equal(awardAmountOf(startupOffer, undeclared, answers).centimes, 0)
  })
})
