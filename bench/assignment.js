/*
| assignment: reviewer assignment for a whole call, DESIGN §9 (10 000 applications ×
| 200 reviewers × 3 reviews each: under 5 s).
|
|   one child process (the app's TypeScript through @poppinss/ts-exec) → a synthetic call:
|   10 000 applications (a third filed for one of 500 organizations, each with a sector),
|   200 reviewers with expertise, ~1 % random application conflicts and 50 organization
|   conflicts → checked (no conflicted pair, 3 reviewers each) → 1 warm-up run → 3 timed
|   runs of `assignReviewers` (app/reviews/assignment.ts) → median
*/
import { fileURLToPath } from 'node:url'
import { measureInChild, median } from './lib.js'

const APPLICATIONS = 10_000
const REVIEWERS = 200
const K = 3
const TARGET_MS = 5000
const ROUNDS = 3
const CHILD_TIME_LIMIT_MS = 120_000

export async function assignment({ env, log }) {
  const measured = await measureInChild(
    'assignment',
    'bench/assignment.js',
    env,
    CHILD_TIME_LIMIT_MS
  )
  const { ms, assignments, conflicts, maxLoad, minLoad } = measured
  log(
    `${APPLICATIONS} applications × ${REVIEWERS} reviewers × ${K}: ${assignments} assignments, ` +
      `${conflicts} conflicts, loads ${minLoad}–${maxLoad}, median ${ms.toFixed(0)} ms`
  )
  return [
    {
      name: 'assignment',
      value: Math.round(ms),
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: TARGET_MS,
      ok: ms < TARGET_MS,
      display: { portal: `${ms.toFixed(0)} ms`, target: `< ${TARGET_MS} ms` },
    },
  ]
}

// ---------------------------------------------------------------------------------------
// The measuring process (run with the TypeScript loader).
// ---------------------------------------------------------------------------------------

const SECTORS = ['agritech', 'fintech', 'healthtech', 'edtech', 'cleantech', 'ai_data', 'other']

/** A deterministic pseudo-random sequence (mulberry32), so every run measures the same call. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function syntheticCall() {
  const next = random(2026)
  const pick = (list) => list[Math.floor(next() * list.length)]
  const applications = Array.from({ length: APPLICATIONS }, (_, i) => ({
    id: i + 1,
    organizationId: next() < 1 / 3 ? 1 + Math.floor(next() * 500) : null,
    tags: [pick(SECTORS)],
  }))
  const reviewers = Array.from({ length: REVIEWERS }, (_, i) => ({
    id: 100_000 + i,
    expertise: [pick(SECTORS), pick(SECTORS)],
  }))
  const conflicts = []
  for (const application of applications) {
    for (let j = 0; j < 2; j++) {
      conflicts.push({ reviewerId: pick(reviewers).id, applicationId: application.id })
    }
  }
  for (let j = 0; j < 50; j++) {
    conflicts.push({ reviewerId: pick(reviewers).id, organizationId: 1 + Math.floor(next() * 500) })
  }
  return { applications, reviewers, conflicts, k: K }
}

async function measure() {
  const { assignReviewers, ConflictIndex } = await import('#reviews/assignment')
  const input = syntheticCall()

  // The figure only counts if the answer is right.
  const first = assignReviewers(input)
  const index = new ConflictIndex(input.conflicts)
  const byId = new Map(input.applications.map((application) => [application.id, application]))
  for (const { applicationId, reviewerId } of first.assignments) {
    if (index.conflicted(reviewerId, byId.get(applicationId))) {
      throw new Error(`conflicted pair assigned: ${applicationId}/${reviewerId}`)
    }
  }
  if (first.assignments.length !== APPLICATIONS * K || first.shortfalls.length > 0) {
    throw new Error(`expected ${APPLICATIONS * K} assignments, got ${first.assignments.length}`)
  }

  const times = []
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now()
    const result = assignReviewers(input)
    times.push(performance.now() - start)
    if (result.assignments.length !== first.assignments.length) throw new Error('not deterministic')
  }
  const loads = [...first.loads.values()]
  console.log(
    JSON.stringify({
      ms: median(times),
      assignments: first.assignments.length,
      conflicts: input.conflicts.length,
      maxLoad: Math.max(...loads),
      minLoad: Math.min(...loads),
    })
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measure().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
