import { test } from '@japa/runner'
import fc from 'fast-check'
import {
  assignReviewers,
  ConflictIndex,
  type AssignmentConflict,
  type AssignmentInput,
} from '#reviews/assignment'

const RUNS = { numRuns: 1000 }
const TAGS = ['agritech', 'fintech', 'healthtech', 'edtech']

/** A call: up to 40 applications (some filed for one of 5 organizations), up to 15 reviewers. */
const call = fc
  .record({
    applicationCount: fc.integer({ min: 0, max: 40 }),
    reviewerCount: fc.integer({ min: 0, max: 15 }),
    k: fc.integer({ min: 1, max: 5 }),
    seed: fc.array(fc.nat(), { minLength: 400, maxLength: 400 }),
    conflictRate: fc.integer({ min: 0, max: 40 }),
    withTags: fc.boolean(),
  })
  .map(({ applicationCount, reviewerCount, k, seed, conflictRate, withTags }): AssignmentInput => {
    let cursor = 0
    const next = () => seed[cursor++ % seed.length]
    // Ids are sparse and shuffled, so nothing relies on them being 1..n in order.
    const applications = Array.from({ length: applicationCount }, (_, i) => ({
      id: 1000 + i * 7 + (next() % 5),
      organizationId: next() % 3 === 0 ? 1 + (next() % 5) : null,
      tags: withTags ? [TAGS[next() % TAGS.length]] : [],
    })).reverse()
    const reviewers = Array.from({ length: reviewerCount }, (_, i) => ({
      id: 10 + i * 3,
      expertise: withTags ? [TAGS[next() % TAGS.length]] : [],
    }))
    const conflicts: AssignmentConflict[] = []
    for (const reviewer of reviewers) {
      for (const application of applications) {
        if (next() % 100 < conflictRate / 4) {
          conflicts.push({ reviewerId: reviewer.id, applicationId: application.id })
        }
      }
      if (next() % 100 < conflictRate) {
        conflicts.push({ reviewerId: reviewer.id, organizationId: 1 + (next() % 5) })
      }
    }
    return { applications, reviewers, conflicts, k }
  })

const unconstrained = call.map((input) => ({
  ...input,
  conflicts: [],
  applications: input.applications.map(({ id }) => ({ id })),
  reviewers: input.reviewers.map(({ id }) => ({ id })),
}))

test.group('Reviewer assignment, properties', () => {
  test('never assigns a reviewer to an application they are conflicted with', ({ assert }) => {
    fc.assert(
      fc.property(call, (input) => {
        const index = new ConflictIndex(input.conflicts)
        const byId = new Map(input.applications.map((a) => [a.id, a]))
        for (const { applicationId, reviewerId } of assignReviewers(input).assignments) {
          assert.isFalse(index.conflicted(reviewerId, byId.get(applicationId)!))
        }
      }),
      RUNS
    )
  })

  test('every application gets k distinct reviewers, or every reviewer it may have', ({
    assert,
  }) => {
    fc.assert(
      fc.property(call, (input) => {
        const index = new ConflictIndex(input.conflicts)
        const result = assignReviewers(input)
        for (const application of input.applications) {
          const mine = result.assignments
            .filter((entry) => entry.applicationId === application.id)
            .map((entry) => entry.reviewerId)
          assert.equal(new Set(mine).size, mine.length)
          const possible = input.reviewers.filter((r) => !index.conflicted(r.id, application))
          assert.equal(mine.length, Math.min(input.k, possible.length))
          const shortfall = result.shortfalls.find((s) => s.applicationId === application.id)
          assert.equal(shortfall?.missing ?? 0, input.k - mine.length)
        }
      }),
      RUNS
    )
  })

  test('without conflicts or expertise, loads differ by at most one', ({ assert }) => {
    fc.assert(
      fc.property(unconstrained, (input) => {
        const loads = [...assignReviewers(input).loads.values()]
        if (loads.length === 0) return
        assert.isAtMost(Math.max(...loads) - Math.min(...loads), 1)
        assert.equal(
          loads.reduce((sum, load) => sum + load, 0),
          input.applications.length * Math.min(input.k, input.reviewers.length)
        )
      }),
      RUNS
    )
  })

  test('the same call gives the same assignment, whatever the order of its input', ({ assert }) => {
    fc.assert(
      fc.property(call, fc.nat(), (input, shift) => {
        const rotate = <T>(list: readonly T[]) => {
          const at = list.length ? shift % list.length : 0
          return [...list.slice(at), ...list.slice(0, at)]
        }
        const first = assignReviewers(input)
        const again = assignReviewers({
          ...input,
          applications: rotate(input.applications),
          reviewers: rotate(input.reviewers).reverse(),
          conflicts: rotate(input.conflicts),
        })
        assert.deepEqual(again.assignments, first.assignments)
        assert.deepEqual(again.shortfalls, first.shortfalls)
      }),
      RUNS
    )
  })

  test('a re-run keeps what exists and only fills the gaps', ({ assert }) => {
    fc.assert(
      fc.property(call, (input) => {
        const first = assignReviewers(input)
        const assigned = new Map<number, number[]>()
        for (const { applicationId, reviewerId } of first.assignments) {
          assigned.set(applicationId, [...(assigned.get(applicationId) ?? []), reviewerId])
        }
        const rerun = assignReviewers({
          ...input,
          applications: input.applications.map((a) => ({ ...a, assigned: assigned.get(a.id) })),
          reviewers: input.reviewers.map((r) => ({ ...r, load: first.loads.get(r.id) })),
        })
        assert.deepEqual(rerun.assignments, [])
      }),
      RUNS
    )
  })
})

test.group('Reviewer assignment, examples', () => {
  test('prefers a reviewer whose expertise matches, among the least loaded', ({ assert }) => {
    const { assignments } = assignReviewers({
      applications: [{ id: 1, tags: ['fintech'] }],
      reviewers: [
        { id: 1, expertise: ['agritech'] },
        { id: 2, expertise: ['fintech'] },
      ],
      conflicts: [],
      k: 1,
    })
    assert.deepEqual(assignments, [{ applicationId: 1, reviewerId: 2 }])
  })

  test('an organization conflict covers every application the organization files', ({ assert }) => {
    const { assignments, shortfalls } = assignReviewers({
      applications: [
        { id: 1, organizationId: 9 },
        { id: 2, organizationId: 9 },
        { id: 3, organizationId: null },
      ],
      reviewers: [{ id: 5 }, { id: 6 }],
      conflicts: [{ reviewerId: 5, organizationId: 9 }],
      k: 2,
    })
    assert.deepEqual(assignments, [
      { applicationId: 1, reviewerId: 6 },
      { applicationId: 2, reviewerId: 6 },
      { applicationId: 3, reviewerId: 5 },
      { applicationId: 3, reviewerId: 6 },
    ])
    assert.deepEqual(shortfalls, [
      { applicationId: 1, missing: 1 },
      { applicationId: 2, missing: 1 },
    ])
  })

  test('the most constrained application is served first', ({ assert }) => {
    // Application 2 may only have reviewer 1; serving it first keeps the loads even.
    const { loads } = assignReviewers({
      applications: [{ id: 1 }, { id: 2 }],
      reviewers: [{ id: 1 }, { id: 2 }],
      conflicts: [{ reviewerId: 2, applicationId: 2 }],
      k: 1,
    })
    assert.deepEqual(
      [...loads],
      [
        [1, 1],
        [2, 1],
      ]
    )
  })
})
