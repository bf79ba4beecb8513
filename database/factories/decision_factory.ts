import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Application from '#applications/models/application'
import type { ApplicationState } from '#applications/application_lifecycle'
import FormVersion from '#programmes/models/form_version'
import type Call from '#programmes/models/call'
import type User from '#identity/models/user'
import { UserFactory } from '#database/factories/user_factory'
import { openCallOf } from '#database/factories/programme_factory'

let nextNumber = 100_000 + Math.floor(Math.random() * 800_000)

/**
 * A call whose applications are in review, with this envelope (centimes) and, when given,
 * a rubric with this award threshold (the default of 60 applies otherwise).
 */
export async function callInReview(
  options: {
    kind?: 'startup_offer' | 'living_grant' | 'vc_call'
    envelopeCentimes?: number
    threshold?: number
    /** The startup offer's ceiling (centimes); 2 000 000 MAD unless given. */
    ceilingCentimes?: number
  } = {}
) {
  const call = await openCallOf(options.kind ?? 'startup_offer')
  if (call.programme.kind === 'startup_offer') {
    call.programme.grantCeilingCentimes = options.ceilingCentimes ?? 200_000_000
    await call.programme.save()
  }
  call.merge({ envelopeCentimes: options.envelopeCentimes ?? 1_000_000_000, state: 'closed' })
  await call.save()
  if (options.threshold !== undefined) {
    await db.table('call_rubrics').insert({
      call_id: call.id,
      criteria: JSON.stringify([]),
      award_threshold: options.threshold,
      created_at: new Date(),
      updated_at: new Date(),
    })
  }
  return call
}

export interface ScoredOptions {
  /** review_aggregates.normalized_score, 0–100. */
  score: number
  mean?: number
  /** The amount asked (MINIMAL_FORM's declared project.amount), in MAD as typed. */
  amountMad?: number
  disagreement?: boolean
  submittedAt?: DateTime
  applicant?: User
  state?: ApplicationState
}

/**
 * An application in review on `call`, submitted by a new applicant, with its review
 * aggregate (what the scoring engineer's aggregation writes).
 */
export async function scoredApplication(call: Call, options: ScoredOptions) {
  const applicant = options.applicant ?? (await UserFactory.create())
  const form = await FormVersion.query().where('call_id', call.id).firstOrFail()
  const application = await Application.create({
    callId: call.id,
    applicantId: applicant.id,
    state: options.state ?? 'in_review',
    answers: {},
    reference: `RV-2026-${String(nextNumber++).padStart(6, '0')}`,
    formVersionId: form.id,
    // Submitted answers hold money in centimes, as the answers validator leaves them.
    submittedAnswers: {
      project: { name: applicant.fullName, amount: (options.amountMad ?? 100_000) * 100 },
    },
    submittedAt: options.submittedAt ?? DateTime.utc().minus({ days: 10 }),
    region: 'souss_massa',
    title: applicant.fullName,
  })
  await db.table('review_aggregates').insert({
    application_id: application.id,
    call_id: call.id,
    review_count: 3,
    mean_score: options.mean ?? options.score,
    std_dev: options.disagreement ? 20 : 4,
    normalized_score: options.score,
    disagreement: options.disagreement ?? false,
    updated_at: new Date(),
  })
  return application
}

/** The committee of a call: a chair and members (new reviewers unless given). */
export async function committeeOf(call: Call, memberCount = 2) {
  const chair = await UserFactory.merge({ roles: ['reviewer'] }).create()
  const members = await UserFactory.merge({ roles: ['reviewer'] }).createMany(memberCount)
  await db.table('committee_members').multiInsert([
    { call_id: call.id, user_id: chair.id, role: 'chair', created_at: new Date() },
    ...members.map((member) => ({
      call_id: call.id,
      user_id: member.id,
      role: 'member',
      created_at: new Date(),
    })),
  ])
  return { chair, members }
}

/** The call's budget as the database holds it, and the sum of its live (published) awards. */
export async function budgetOf(callId: number) {
  const call = await db.from('calls').where('id', callId).firstOrFail()
  const awarded = await db
    .from('decisions')
    .where({ call_id: callId, outcome: 'awarded' })
    .whereNotNull('published_at')
    .where((query) => query.whereNull('response').orWhere('response', 'accepted'))
    .sum('amount_centimes as total')
    .first()
  const ledger = await db
    .from('ledger_entries')
    .where('call_id', callId)
    .select(
      db.raw(
        "coalesce(sum(case kind when 'commit' then amount_centimes when 'release' then -amount_centimes else 0 end), 0) as net"
      )
    )
    .first()
  return {
    envelope: Number(call.envelope_centimes),
    committed: Number(call.committed_centimes),
    awardedTotal: Number(awarded?.total ?? 0),
    ledgerNet: Number(ledger?.net ?? 0),
  }
}
