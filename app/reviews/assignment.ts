/**
 * Reviewer assignment for a whole call (DESIGN §5), as a pure function over plain data.
 *
 * A balanced greedy: applications are served most-constrained first (fewest reviewers
 * they may have, then id), and each takes the reviewers it still needs among those it
 * may have, least loaded first, then the ones whose expertise matches its tags, then by
 * id. Reviewers have no capacity, so every application gets min(k, reviewers it may
 * have) reviewers; without conflicts or prior load, the loads never differ by more than
 * one (taking the k least loaded keeps every load within {L, L + 1}). Same input, same
 * output: every order and tie is decided by ids.
 */

export interface AssignableApplication {
  id: number
  organizationId?: number | null
  /** Sector or other tags, matched against reviewers' expertise (a preference only). */
  tags?: readonly string[]
  /** Reviewers it already has (kept: a re-run only fills gaps). */
  assigned?: readonly number[]
}

export interface AssignableReviewer {
  id: number
  expertise?: readonly string[]
  /** Reviews already carried in this call. */
  load?: number
}

/** A conflict of interest, as stored: on one application or on an organization. */
export interface AssignmentConflict {
  reviewerId: number
  applicationId?: number | null
  organizationId?: number | null
}

export interface AssignmentInput {
  applications: readonly AssignableApplication[]
  reviewers: readonly AssignableReviewer[]
  conflicts: readonly AssignmentConflict[]
  /** Reviewers wanted per application. */
  k: number
}

export interface Assignment {
  applicationId: number
  reviewerId: number
}

export interface AssignmentResult {
  /** New assignments only, by application then reviewer id. */
  assignments: Assignment[]
  /** Applications left with fewer than k reviewers, and how many they lack. */
  shortfalls: Array<{ applicationId: number; missing: number }>
  /** Each reviewer's load afterwards (prior load included). */
  loads: Map<number, number>
}

/** Indexes conflicts by reviewer, for O(1) checks inside the loop. */
export class ConflictIndex {
  #applications = new Map<number, Set<number>>()
  #organizations = new Map<number, Set<number>>()

  constructor(conflicts: readonly AssignmentConflict[]) {
    for (const conflict of conflicts) {
      if (conflict.applicationId !== null && conflict.applicationId !== undefined) {
        this.#add(this.#applications, conflict.reviewerId, conflict.applicationId)
      }
      if (conflict.organizationId !== null && conflict.organizationId !== undefined) {
        this.#add(this.#organizations, conflict.reviewerId, conflict.organizationId)
      }
    }
  }

  #add(index: Map<number, Set<number>>, reviewerId: number, id: number) {
    let ids = index.get(reviewerId)
    if (!ids) index.set(reviewerId, (ids = new Set()))
    ids.add(id)
  }

  conflicted(
    reviewerId: number,
    application: Pick<AssignableApplication, 'id' | 'organizationId'>
  ) {
    if (this.#applications.get(reviewerId)?.has(application.id)) return true
    const organizationId = application.organizationId
    return (
      organizationId !== null &&
      organizationId !== undefined &&
      this.#organizations.get(reviewerId)?.has(organizationId) === true
    )
  }
}

export function assignReviewers({
  applications,
  reviewers,
  conflicts,
  k,
}: AssignmentInput): AssignmentResult {
  const index = new ConflictIndex(conflicts)
  const pool = [...reviewers].sort((a, b) => a.id - b.id)
  const loads = new Map(pool.map((reviewer) => [reviewer.id, reviewer.load ?? 0]))
  const expertise = pool.map((reviewer) => new Set(reviewer.expertise ?? []))

  // Who each application may have, computed once; the most constrained are served first.
  const candidates = applications.map((application) => {
    const taken = new Set(application.assigned ?? [])
    const allowed: number[] = []
    for (const [i, element] of pool.entries()) {
      const id = element.id
      if (!taken.has(id) && !index.conflicted(id, application)) allowed.push(i)
    }
    return { application, allowed, need: Math.max(0, k - taken.size) }
  })
  candidates.sort(
    (a, b) => a.allowed.length - b.allowed.length || a.application.id - b.application.id
  )

  const assignments: Assignment[] = []
  const shortfalls: AssignmentResult['shortfalls'] = []
  for (const { application, allowed, need } of candidates) {
    if (need === 0) continue
    const tags = application.tags ?? []
    const chosen = pickLeastLoaded(allowed, need, (i) => {
      const matches = tags.some((tag) => expertise[i].has(tag)) ? 0 : 1
      return [loads.get(pool[i].id)!, matches, pool[i].id]
    })
    for (const i of chosen) {
      const reviewerId = pool[i].id
      loads.set(reviewerId, loads.get(reviewerId)! + 1)
      assignments.push({ applicationId: application.id, reviewerId })
    }
    if (chosen.length < need) {
      shortfalls.push({ applicationId: application.id, missing: need - chosen.length })
    }
  }

  assignments.sort((a, b) => a.applicationId - b.applicationId || a.reviewerId - b.reviewerId)
  shortfalls.sort((a, b) => a.applicationId - b.applicationId)
  return { assignments, shortfalls, loads }
}

type SortKey = [number, number, number]

function before(a: SortKey, b: SortKey) {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
}

/**
 * The `count` smallest candidates by key, by insertion into a short sorted list: k is
 * tiny (≤ 10), so this is one pass over the candidates rather than a full sort.
 */
function pickLeastLoaded(allowed: number[], count: number, keyOf: (i: number) => SortKey) {
  const best: Array<{ i: number; key: SortKey }> = []
  for (const i of allowed) {
    const key = keyOf(i)
    if (best.length === count && before(key, best[count - 1].key) >= 0) continue
    let at = best.length
    while (at > 0 && before(key, best[at - 1].key) < 0) at--
    best.splice(at, 0, { i, key })
    if (best.length > count) best.pop()
  }
  return best.map((entry) => entry.i)
}

/**
 * An application's tags for the expertise preference: the value(s) of a `sector` field
 * in any section of its submitted answers, when the form has one.
 */
export function tagsFromAnswers(answers: Record<string, unknown> | null | undefined): string[] {
  const tags: string[] = []
  for (const section of Object.values(answers ?? {})) {
    if (!section || typeof section !== 'object') continue
    const sector = (section as Record<string, unknown>).sector
    if (typeof sector === 'string' && sector !== '') tags.push(sector)
    if (Array.isArray(sector))
      tags.push(...sector.filter((v): v is string => typeof v === 'string'))
  }
  return tags
}
