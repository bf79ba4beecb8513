import { DateTime } from 'luxon'
import Application from '#applications/models/application'
import CommitteeMember from '#reviews/models/committee_member'
import Review from '#reviews/models/review'
import ReviewConflict from '#reviews/models/review_conflict'
import FormVersion from '#programmes/models/form_version'
import { UserFactory } from '#database/factories/user_factory'
import type { ApplicationState } from '#applications/application_lifecycle'
import type { FormAnswers } from '#programmes/forms/form_definition'
import type Call from '#programmes/models/call'
import type User from '#identity/models/user'

let nextReference = 200_000 + Math.floor(Math.random() * 700_000)

/**
 * `n` new reviewers (verified, role `reviewer`) on the call's committee; the first is the
 * chair when `chair` is set. Expertise tags cycle through `expertise`.
 */
export async function committeeFor(
  call: Call,
  n: number,
  { chair = false, expertise = [] as string[][], emailDomain }: CommitteeOptions = {}
) {
  const members: Array<{ user: User; member: CommitteeMember }> = []
  for (let i = 0; i < n; i++) {
    const user = await UserFactory.merge({
      roles: ['reviewer'],
      ...(emailDomain ? { email: `reviewer.${nextReference++}@${emailDomain}` } : {}),
    }).create()
    const member = await CommitteeMember.create({
      callId: call.id,
      userId: user.id,
      role: chair && i === 0 ? 'chair' : 'member',
      expertise: expertise.length ? expertise[i % expertise.length] : [],
    })
    members.push({ user, member })
  }
  return members
}

interface CommitteeOptions {
  chair?: boolean
  expertise?: string[][]
  emailDomain?: string
}

interface ApplicationOptions {
  state?: ApplicationState
  answers?: (i: number) => FormAnswers
  organizationId?: (i: number) => number | null
  applicantEmail?: (i: number) => string | undefined
}

/**
 * `n` submitted applications to the call (by new applicants) in state `eligible` unless
 * told, each with a reference, its form version and a snapshot of its answers.
 */
export async function eligibleApplicationsOf(
  call: Call,
  n: number,
  options: ApplicationOptions = {}
) {
  const form = await FormVersion.query()
    .where('call_id', call.id)
    .orderBy('version', 'desc')
    .firstOrFail()
  const applications: Application[] = []
  for (let i = 0; i < n; i++) {
    const email = options.applicantEmail?.(i)
    const applicant = await UserFactory.merge(email ? { email } : {}).create()
    applications.push(
      await Application.create({
        callId: call.id,
        applicantId: applicant.id,
        organizationId: options.organizationId?.(i) ?? null,
        state: options.state ?? 'eligible',
        answers: {},
        reference: `SM-2026-${String(nextReference++).padStart(6, '0')}`,
        formVersionId: form.id,
        submittedAnswers: options.answers?.(i) ?? { project: { name: `Projet ${i + 1}` } },
        submittedAt: DateTime.utc().minus({ days: 2 }),
        region: 'souss_massa',
        // Without apostrophes, so tests can look for the name in escaped HTML.
        title: applicant.fullName.replaceAll("'", ''),
      })
    )
  }
  return applications
}

/** A review row of `reviewer` on `application`, assigned automatically, due in `dueInDays`. */
export function reviewAssignment(
  application: Application,
  reviewer: User,
  { dueInDays = 14, state = 'assigned' as 'assigned' | 'draft' } = {}
) {
  return Review.create({
    callId: application.callId,
    applicationId: application.id,
    reviewerId: reviewer.id,
    state,
    assignedBy: null,
    dueAt: DateTime.utc().plus({ days: dueInDays }),
    scores: {},
  })
}

/** A declared conflict of `reviewer` on an application or on an organization. */
export function declaredConflict(
  call: Call,
  reviewer: User,
  target: { applicationId: number } | { organizationId: number },
  reason = 'Lien familial avec un fondateur'
) {
  return ReviewConflict.create({
    callId: call.id,
    reviewerId: reviewer.id,
    applicationId: 'applicationId' in target ? target.applicationId : null,
    organizationId: 'organizationId' in target ? target.organizationId : null,
    source: 'declared',
    reason,
  })
}
