import db from '@adonisjs/lucid/services/db'
import { DateTime, type DurationLike } from 'luxon'
import User from '#identity/models/user'
import VerdictMail from '#eligibility/mails/verdict_mail'
import { openCallOf } from '#database/factories/programme_factory'
import { submittedTo } from '#tests/functional/applications/staff_fixtures'
import type { ApplicationState } from '#applications/application_lifecycle'
import type { captureMail } from '#tests/helpers/http'

/** A statement long enough for an appeal (50–5 000 characters). */
export const STATEMENT =
  'Le montant demandé inclut la TVA par erreur : hors taxes, il respecte le plafond de l’appel.'

/**
 * An application of a new applicant (writing in `locale`) that reached `state` `ago`:
 * the audit trail says when, as screening or an officer would have written it.
 */
export async function applicationIn(
  state: ApplicationState,
  { ago = { hours: 1 }, locale = 'fr' }: { ago?: DurationLike; locale?: string } = {}
) {
  const call = await openCallOf()
  const application = await submittedTo(call, { state })
  await db.table('audit_logs').insert({
    action: 'application.transition',
    subject_type: 'application',
    subject_id: String(application.id),
    from_state: 'screening',
    to_state: state,
    metadata: '{}',
    created_at: DateTime.utc().minus(ago).toJSDate(),
  })
  const applicant = await User.findOrFail(application.applicantId)
  applicant.preferredLocale = locale
  await applicant.save()
  return { application, applicant }
}

/** The application's audit entries written after the fixture's own, oldest first. */
export function auditOf(applicationId: number) {
  return db
    .from('audit_logs')
    .where({ subject_type: 'application', subject_id: String(applicationId) })
    .orderBy('id')
    .offset(1)
    .select('action', 'actor_id', 'from_state', 'to_state', 'reason')
}

/** The verdict mails queued while `mails` captured, rendered as they will be sent. */
export async function verdictMails(mails: ReturnType<typeof captureMail>) {
  const queued = mails.queued((mail) => mail instanceof VerdictMail) as VerdictMail[]
  for (const mail of queued) await mail.message.computeContents()
  return queued
}
