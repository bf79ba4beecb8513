import fc from 'fast-check'
import type {
  Band,
  Condition,
  ConditionGroup,
  ConditionNode,
  Criterion,
  DateValue,
  RuleSet,
} from '#eligibility/rule_set'
import type { EvaluationContext } from '#eligibility/evaluate'
import { GENDERS, REGIONS, SECTORS } from '#tests/unit/eligibility/fixtures'

/*
 * Random rule sets that pass `checkRuleSet(ruleSet, testForm)`, random answers to
 * testForm (valid, missing or of the wrong type) and random contexts.
 */

type Draft = Omit<Condition, 'id' | 'message'>

export const isoDate = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10))

const relativeDate: fc.Arbitrary<DateValue> = fc
  .record(
    {
      years: fc.integer({ min: 0, max: 10 }),
      months: fc.integer({ min: 0, max: 24 }),
      days: fc.integer({ min: 0, max: 400 }),
    },
    { requiredKeys: [] }
  )
  .chain((offset) =>
    fc.oneof(
      fc.constantFrom('closing_date' as const, 'submission_date' as const).map((before) => ({
        ...offset,
        before,
      })),
      fc.constantFrom('closing_date' as const, 'submission_date' as const).map((after) => ({
        ...offset,
        after,
      }))
    )
  )

const dateValue: fc.Arbitrary<DateValue> = fc.oneof(isoDate, relativeDate)
const subset = (options: string[]) => fc.shuffledSubarray(options, { minLength: 1 })
const sortedPair = (arbitrary: fc.Arbitrary<number>) =>
  fc.tuple(arbitrary, arbitrary).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number])
const presence = (field: string) =>
  fc.constantFrom<Draft>({ field, operator: 'present' }, { field, operator: 'absent' })

const years = fc.integer({ min: 0, max: 60 })
const mad = fc.integer({ min: 0, max: 10_000_000 }).map((centimes) => centimes / 100)

const conditionDraft: fc.Arbitrary<Draft> = fc.oneof(
  // number
  fc.oneof(
    fc
      .tuple(fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte' as const), years)
      .map(
        ([operator, value]) => ({ field: 'profile.experience_years', operator, value }) as Draft
      ),
    sortedPair(years).map(
      (value) => ({ field: 'profile.experience_years', operator: 'between', value }) as Draft
    ),
    presence('profile.experience_years')
  ),
  // money, in dirhams
  fc.oneof(
    fc
      .tuple(fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte' as const), mad)
      .map(
        ([operator, value]) =>
          ({ field: 'profile.revenue', operator, value: { mad: value } }) as Draft
      ),
    sortedPair(mad).map(
      ([low, high]) =>
        ({
          field: 'profile.revenue',
          operator: 'between',
          value: [{ mad: low }, { mad: high }],
        }) as Draft
    ),
    presence('profile.revenue')
  ),
  // date
  fc.oneof(
    fc
      .tuple(fc.constantFrom('before', 'after' as const), dateValue)
      .map(([operator, value]) => ({ field: 'profile.founded_on', operator, value }) as Draft),
    fc.tuple(dateValue, dateValue).map((value) => {
      const [from, to] = value
      const ordered =
        typeof from === 'string' && typeof to === 'string' && from > to ? [to, from] : value
      return { field: 'profile.founded_on', operator: 'within', value: ordered } as Draft
    }),
    fc
      .tuple(fc.constantFrom('eq', 'neq' as const), isoDate)
      .map(([operator, value]) => ({ field: 'profile.founded_on', operator, value }) as Draft),
    presence('profile.founded_on')
  ),
  // select
  fc.oneof(
    fc
      .tuple(fc.constantFrom('eq', 'neq' as const), fc.constantFrom(...REGIONS))
      .map(([operator, value]) => ({ field: 'profile.region', operator, value }) as Draft),
    fc
      .tuple(fc.constantFrom('in', 'not_in' as const), subset(REGIONS))
      .map(([operator, value]) => ({ field: 'profile.region', operator, value }) as Draft),
    presence('profile.region')
  ),
  // multi-select
  fc.oneof(
    fc
      .constantFrom(...SECTORS)
      .map((value) => ({ field: 'profile.sectors', operator: 'contains', value }) as Draft),
    fc
      .tuple(fc.constantFrom('contains_any', 'contains_all' as const), subset(SECTORS))
      .map(([operator, value]) => ({ field: 'profile.sectors', operator, value }) as Draft),
    fc
      .tuple(fc.constantFrom('count_gte', 'count_lte' as const), fc.integer({ min: 0, max: 5 }))
      .map(([operator, value]) => ({ field: 'profile.sectors', operator, value }) as Draft),
    presence('profile.sectors')
  ),
  // boolean, text, file
  fc
    .tuple(fc.constantFrom('eq', 'neq' as const), fc.boolean())
    .map(([operator, value]) => ({ field: 'profile.women_led', operator, value }) as Draft),
  presence('profile.summary'),
  presence('profile.cv'),
  // group, and a field inside it
  fc
    .tuple(fc.constantFrom('count_gte', 'count_lte' as const), fc.integer({ min: 0, max: 4 }))
    .map(([operator, value]) => ({ field: 'team.founders', operator, value }) as Draft),
  fc.oneof(
    fc
      .constantFrom(...GENDERS)
      .map((value) => ({ field: 'team.founders.gender', operator: 'contains', value }) as Draft),
    fc
      .tuple(fc.constantFrom('contains_any', 'contains_all' as const), subset(GENDERS))
      .map(([operator, value]) => ({ field: 'team.founders.gender', operator, value }) as Draft),
    fc
      .tuple(fc.constantFrom('count_gte', 'count_lte' as const), fc.integer({ min: 0, max: 4 }))
      .map(([operator, value]) => ({ field: 'team.founders.gender', operator, value }) as Draft)
  )
)

type DraftGroup = { all: DraftNode[] } | { any: DraftNode[] }
type DraftNode = Draft | DraftGroup

const draftGroup: fc.Arbitrary<DraftGroup> = fc.letrec<{ group: DraftGroup; node: DraftNode }>(
  (tie) => ({
    group: fc.oneof(
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((any) => ({ any }))
    ),
    node: fc.oneof(
      { depthSize: 'small', maxDepth: 4, withCrossShrink: true },
      conditionDraft,
      tie('group')
    ),
  })
).group

/** Ids c0, c1… in the order written; every condition gets a French and an Arabic message. */
function withIds(group: DraftGroup): ConditionGroup {
  let next = 0
  const name = (node: DraftNode): ConditionNode => {
    if ('all' in node) return { all: node.all.map(name) }
    if ('any' in node) return { any: node.any.map(name) }
    const id = `c${next++}`
    return { ...node, id, message: { fr: `Règle ${id}`, ar: `القاعدة ${id}` } } as Condition
  }
  return name(group) as ConditionGroup
}

// ---------------------------------------------------------------------------------------
// Criteria
// ---------------------------------------------------------------------------------------

const fraction = fc.integer({ min: 0, max: 1000 }).map((thousandths) => thousandths / 1000)

/** Consecutive [min, max) bands between sorted cut points, ends sometimes left open. */
function rangeBands<T>(cut: fc.Arbitrary<T>, key: (value: T) => number | string) {
  return fc
    .tuple(
      fc.uniqueArray(cut, { minLength: 1, maxLength: 5, selector: key }),
      fc.boolean(),
      fc.boolean(),
      fc.array(fraction, { minLength: 6, maxLength: 6 })
    )
    .map(([cuts, openLow, openHigh, points]) => {
      const sorted = [...cuts].sort((a, b) => (key(a) < key(b) ? -1 : 1))
      const bands: Band[] = []
      if (openLow) bands.push({ max: sorted[0] as any, points: points[5] })
      for (let index = 0; index + 1 < sorted.length; index++) {
        bands.push({
          min: sorted[index] as any,
          max: sorted[index + 1] as any,
          points: points[index],
        })
      }
      if (openHigh || bands.length === 0) {
        bands.push({ min: sorted[sorted.length - 1] as any, points: points[4] })
      }
      return bands
    })
}

/** The options split among bands, each band naming one (`equals`) or several (`in`). */
function valueBands(options: string[]) {
  return fc
    .tuple(
      fc.shuffledSubarray(options, { minLength: 1 }),
      fc.array(fc.integer({ min: 0, max: 3 }), {
        minLength: options.length,
        maxLength: options.length,
      }),
      fc.array(fraction, { minLength: 4, maxLength: 4 })
    )
    .map(([chosen, slots, points]) => {
      const buckets: string[][] = [[], [], [], []]
      chosen.forEach((option, index) => buckets[slots[index]].push(option))
      return buckets
        .filter((bucket) => bucket.length > 0)
        .map((bucket, index): Band =>
          bucket.length === 1
            ? { equals: bucket[0], points: points[index] }
            : { in: bucket, points: points[index] }
        )
    })
}

const count = fc.integer({ min: 0, max: 6 })

const criterionDraft: fc.Arbitrary<Pick<Criterion, 'field' | 'bands'>> = fc.oneof(
  rangeBands(years, (value) => value).map((bands) => ({
    field: 'profile.experience_years',
    bands,
  })),
  rangeBands(
    mad.map((value) => ({ mad: value })),
    (value) => Math.round(value.mad * 100)
  ).map((bands) => ({ field: 'profile.revenue', bands })),
  rangeBands(isoDate, (value) => value).map((bands) => ({ field: 'profile.founded_on', bands })),
  valueBands(REGIONS).map((bands) => ({ field: 'profile.region', bands })),
  valueBands(SECTORS).map((bands) => ({ field: 'profile.sectors', bands })),
  rangeBands(count, (value) => value).map((bands) => ({ field: 'profile.sectors', bands })),
  fc.tuple(fraction, fraction, fc.boolean()).map(([yes, no, both]) => ({
    field: 'profile.women_led',
    bands: both
      ? [
          { equals: true, points: yes },
          { equals: false, points: no },
        ]
      : [{ equals: true, points: yes }],
  })),
  rangeBands(count, (value) => value).map((bands) => ({ field: 'team.founders', bands })),
  valueBands(GENDERS).map((bands) => ({ field: 'team.founders.gender', bands }))
)

/** Weights with up to two decimals that add up to exactly 100. */
const weights = (n: number) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 9_999 }), { minLength: n - 1, maxLength: n - 1 })
    .map((cuts) => {
      const bounds = [0, ...cuts.sort((a, b) => a - b), 10_000]
      return bounds.slice(1).map((bound, index) => (bound - bounds[index]) / 100)
    })

const criteria: fc.Arbitrary<Criterion[]> = fc
  .array(criterionDraft, { minLength: 0, maxLength: 6 })
  .chain((drafts) =>
    fc
      .tuple(
        drafts.length === 0 ? fc.constant([]) : weights(drafts.length),
        fc.array(fc.option(fraction, { nil: undefined }), {
          minLength: drafts.length,
          maxLength: drafts.length,
        })
      )
      .map(([weightList, otherwise]) =>
        drafts.map((draft, index) => ({
          id: `k${index}`,
          label: { fr: `Critère ${index}` },
          ...draft,
          weight: weightList[index],
          ...(otherwise[index] === undefined ? {} : { otherwise: otherwise[index] }),
        }))
      )
  )

export const ruleSet: fc.Arbitrary<RuleSet> = fc
  .tuple(draftGroup, criteria)
  .map(([group, scoring]) => ({ eligibility: withIds(group), scoring }))

// ---------------------------------------------------------------------------------------
// Answers and contexts
// ---------------------------------------------------------------------------------------

/** Mostly a valid answer, sometimes missing, sometimes of any type at all. */
const answer = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: valid, weight: 8 },
    { arbitrary: fc.constantFrom(undefined, null, ''), weight: 2 },
    { arbitrary: fc.anything(), weight: 1 }
  )

const founder = fc.record(
  {
    name: fc.string(),
    experience: fc.integer({ min: 0, max: 40 }),
    gender: answer(fc.constantFrom(...GENDERS)),
  },
  { requiredKeys: ['name'] }
)

export const answers = fc.record(
  {
    profile: fc.record(
      {
        experience_years: answer(years),
        revenue: answer(fc.integer({ min: 0, max: 1_000_000_000 })),
        founded_on: answer(isoDate),
        region: answer(fc.constantFrom(...REGIONS)),
        sectors: answer(fc.uniqueArray(fc.constantFrom(...SECTORS))),
        women_led: answer(fc.boolean()),
        summary: answer(fc.string({ minLength: 1 })),
        cv: answer(fc.integer({ min: 1, max: 1000 })),
      },
      { requiredKeys: [] }
    ),
    team: fc.record(
      { founders: answer(fc.array(founder, { maxLength: 5 })) },
      { requiredKeys: [] }
    ),
  },
  { requiredKeys: [] }
)

export const context: fc.Arbitrary<EvaluationContext> = fc.record({
  closingDate: isoDate,
  submissionDate: isoDate,
})
