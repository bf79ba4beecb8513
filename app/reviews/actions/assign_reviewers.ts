import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Application from '#applications/models/application'
import { applicationLifecycle } from '#applications/application_lifecycle'
import { assignReviewers, tagsFromAnswers } from '#reviews/assignment'
import {
  UNSUBMITTED_REVIEW_STATES,
  conflictCandidates,
  dueDateAfter,
  notifyReviewers,
  reviewSettingsOf,
  storeDetectedConflicts,
  withdrawReviews,
} from '#reviews/committee_records'
import { ConflictIndex } from '#reviews/assignment'
import type { ReviewNotice } from '#reviews/mails/review_assignment_mail'
import { DomainError } from '#core/exceptions/domain_error'
import { recordAudit } from '#core/audit/audit_trail'
import { afterCommit, inTransaction } from '#core/transactions'
import type { Actor } from '#core/audit/actor'

export interface AssignmentOutcome {
  assigned: number
  moved: number
  shortfalls: number
  conflictsDetected: number
}

const INSERT_CHUNK = 2000

/**
 * Assigns reviewers to every eligible application of a call in one run (DESIGN §5):
 * detects and stores automatic conflicts, withdraws unsubmitted reviews a conflict now
 * forbids, computes the assignment (`assignReviewers`), writes the reviews and moves the
 * applications eligible → in_review, all in one transaction under the call's lock.
 * Re-running keeps the existing reviews and only fills the gaps. Reviewers are mailed
 * once it has committed (the caller's transaction, when one is given: the demo seed).
 */
export class AssignReviewers {
  async handle(
    callId: number,
    actor: Actor,
    outerClient?: TransactionClientContract
  ): Promise<AssignmentOutcome> {
    const notices = new Map<number, ReviewNotice>()
    const outcome = await inTransaction(outerClient, async (client) => {
      // Two officers running it at once would both fill the same gaps: one waits.
      await client.from('calls').where('id', callId).forUpdate().select('id').firstOrFail()
      const settings = await reviewSettingsOf(callId, client)
      const members = await client
        .from('committee_members')
        .where('call_id', callId)
        .select('user_id', 'expertise')
        .orderBy('user_id')
      if (members.length === 0) {
        throw new DomainError('committees.errors.no_members', { status: 409 })
      }
      const memberIds = members.map((member) => member.user_id as number)

      const applications = await conflictCandidates(client)
        .where('a.call_id', callId)
        .whereIn('a.state', ['eligible', 'in_review'])
        .select('a.state', 'a.submitted_answers')
        .orderBy('a.id')
        .forUpdate('a')
      const conflictsDetected = await storeDetectedConflicts(
        callId,
        applications,
        memberIds,
        client
      )
      const conflictRows = await client
        .from('review_conflicts')
        .where('call_id', callId)
        .select('reviewer_id', 'application_id', 'organization_id')
      const conflicts = conflictRows.map((row) => ({
        reviewerId: row.reviewer_id,
        applicationId: row.application_id,
        organizationId: row.organization_id,
      }))

      // Unsubmitted reviews a conflict now forbids go; the run below replaces them.
      const index = new ConflictIndex(conflicts)
      const byId = new Map(applications.map((application) => [application.id, application]))
      const existing = await client
        .from('reviews')
        .where('call_id', callId)
        .select('id', 'application_id', 'reviewer_id', 'state')
      const forbidden = existing.filter(
        (review) =>
          UNSUBMITTED_REVIEW_STATES.includes(review.state) &&
          byId.has(review.application_id) &&
          index.conflicted(review.reviewer_id, byId.get(review.application_id)!)
      )
      await withdrawReviews(forbidden, 'conflict', actor, client)
      const withdrawn = new Set(forbidden.map((review) => review.id))

      const assigned = new Map<number, number[]>()
      const loads = new Map<number, number>()
      for (const review of existing) {
        if (withdrawn.has(review.id)) continue
        assigned.set(review.application_id, [
          ...(assigned.get(review.application_id) ?? []),
          review.reviewer_id,
        ])
        loads.set(review.reviewer_id, (loads.get(review.reviewer_id) ?? 0) + 1)
      }

      const result = assignReviewers({
        applications: applications.map((application) => ({
          id: application.id,
          organizationId: application.organizationId,
          tags: tagsFromAnswers(application.submitted_answers),
          assigned: assigned.get(application.id),
        })),
        reviewers: members.map((member) => ({
          id: member.user_id,
          expertise: member.expertise,
          load: loads.get(member.user_id) ?? 0,
        })),
        conflicts,
        k: settings.reviewsPerApplication,
      })

      const now = new Date()
      const dueAt = dueDateAfter(settings.reviewDays)
      const rows = result.assignments.map(({ applicationId, reviewerId }) => ({
        call_id: callId,
        application_id: applicationId,
        reviewer_id: reviewerId,
        state: 'assigned',
        assigned_by: null,
        due_at: dueAt.toJSDate(),
        created_at: now,
        updated_at: now,
      }))
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await client.table('reviews').insert(rows.slice(i, i + INSERT_CHUNK))
      }
      for (const { reviewerId } of result.assignments) {
        const notice = notices.get(reviewerId)
        notices.set(reviewerId, { kind: 'assigned', count: (notice?.count ?? 0) + 1, dueAt })
      }

      // Applications with at least one reviewer are now in review.
      const reviewed = new Set([
        ...assigned.keys(),
        ...result.assignments.map((a) => a.applicationId),
      ])
      const toMove = applications
        .filter((application) => application.state === 'eligible' && reviewed.has(application.id))
        .map((application) => application.id)
      const models = toMove.length
        ? await Application.query({ client }).whereIn('id', toMove).orderBy('id')
        : []
      for (const application of models) {
        await applicationLifecycle.apply(application, 'in_review', {
          actor,
          client,
          reason: 'reviewers_assigned',
        })
      }

      const summary: AssignmentOutcome = {
        assigned: rows.length,
        moved: models.length,
        shortfalls: result.shortfalls.length,
        conflictsDetected,
      }
      await recordAudit(
        {
          actor,
          action: 'call.reviewers_assigned',
          subjectType: 'call',
          subjectId: callId,
          metadata: { ...summary, withdrawn: forbidden.length, k: settings.reviewsPerApplication },
        },
        client
      )
      return summary
    })
    await afterCommit(outerClient, () => notifyReviewers(notices))
    return outcome
  }
}
