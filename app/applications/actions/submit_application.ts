import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { errors as vineErrors } from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type Application from '#applications/models/application'
import Call from '#programmes/models/call'
import FormVersion from '#programmes/models/form_version'
import ApplicationDocument from '#applications/models/application_document'
import { applicationLifecycle } from '#applications/application_lifecycle'
import { lockDraft } from '#applications/actions/store_application_document'
import { fileFields, typedAnswers } from '#applications/answers'
import { nextReference, REFERENCE_PREFIXES } from '#applications/reference_numbers'
import { answersMessagesProvider, answersValidator } from '#programmes/forms/answers_validator'
import type { FormAnswers, FormDefinition } from '#programmes/forms/form_definition'
import { DomainError, InvalidFields } from '#core/exceptions/domain_error'
import { acceptsSubmission } from '#programmes/call_window'
import { extensionOf } from '#applications/deadlines'
import type { Actor } from '#core/audit/actor'
import { inTransaction } from '#core/transactions'
import { publishedRuleSet } from '#eligibility/rule_set_versions'
import { screenApplication } from '#eligibility/actions/evaluate_application'

/**
 * Submits a draft: refused once the call's closing instant has passed (server clock),
 * or the later one an officer gave this application;
 * otherwise the form version is frozen, the answers validated against it and
 * snapshotted, and a reference number given, all in one transaction.
 */
export class SubmitApplication {
  async handle(
    application: Application,
    actor: Actor,
    i18n: I18n,
    now: DateTime = DateTime.utc(),
    outerClient?: TransactionClientContract
  ) {
    return inTransaction(outerClient, async (client) => {
      const locked = await lockDraft(application.id, client)
      applicationLifecycle.assert(locked.state, 'submitted')
      const call = await Call.query({ client })
        .where('id', locked.callId)
        .preload('programme')
        .firstOrFail()
      const extension = await extensionOf(locked.id, client)
      if (!acceptsSubmission(call, extension?.closesAt ?? null, now)) {
        throw new DomainError('applications.errors.deadline_passed', { status: 409 })
      }
      if (call.programme.kind === 'training') {
        throw new DomainError('applications.errors.call_not_open', { status: 409 })
      }

      // Freezing the version locks its row: an officer's edit either lands before (and
      // this submission validates against it) or creates the next version.
      const frozen = await client.rawQuery<{ rows: Array<{ id: number }> }>(
        `UPDATE form_versions SET frozen_at = coalesce(frozen_at, now())
         WHERE id = (SELECT id FROM form_versions WHERE call_id = ? ORDER BY version DESC LIMIT 1)
         RETURNING id`,
        [call.id]
      )
      if (!frozen.rows.length)
        throw new DomainError('applications.errors.call_not_open', { status: 409 })
      const form = await FormVersion.query({ client }).where('id', frozen.rows[0].id).firstOrFail()

      const answers = await validSubmittedAnswers(form.definition, locked.answers, i18n)
      await checkDocumentsBelong(locked, form.definition, answers, client)

      locked.merge({
        reference: await nextReference(
          REFERENCE_PREFIXES[call.programme.kind],
          now.setZone('Africa/Casablanca').year,
          client
        ),
        formVersionId: form.id,
        submittedAnswers: answers,
        submittedAt: now,
      })
      const submitted = await applicationLifecycle.apply(locked, 'submitted', {
        actor,
        client,
        metadata: { reference: locked.reference, formVersion: form.version },
      })
      // Screened at once when the call has published rules (DESIGN §4).
      const ruleSet = await publishedRuleSet(call.id, client)
      return ruleSet ? screenApplication(submitted, call, ruleSet, actor, client) : submitted
    })
  }
}

/**
 * A draft's answers validated for submission against the form: every problem at once,
 * in the person's language, as a refusal that says the draft itself is kept.
 */
export async function validSubmittedAnswers(
  definition: FormDefinition,
  draftAnswers: FormAnswers,
  i18n: I18n
) {
  const typed = typedAnswers(definition, draftAnswers)
  const [error, answers] = await answersValidator(definition, 'submission', typed).tryValidate(
    typed,
    { messagesProvider: answersMessagesProvider(definition, i18n) }
  )
  if (error instanceof vineErrors.E_VALIDATION_ERROR) {
    throw new InvalidFields(
      (error.messages as Array<{ field: string; message: string }>).map((item) => ({
        field: item.field,
        message: item.message,
        translated: true,
      })),
      NOT_SUBMITTED
    )
  }
  if (error) throw error
  return answers as FormAnswers
}

/** The page's summary of a refused submission: the draft is saved, not submitted. */
export const NOT_SUBMITTED = 'applications.errors.not_submitted'

/** A file answer must be a document uploaded to this very application for that field. */
async function checkDocumentsBelong(
  application: Application,
  definition: FormVersion['definition'],
  answers: FormAnswers,
  client: Parameters<typeof lockDraft>[1]
) {
  const wanted = fileFields(definition)
    .map(({ path }) => ({ path, id: answers[path.split('.')[0]]?.[path.split('.')[1]] }))
    .filter((item): item is { path: string; id: number } => typeof item.id === 'number')
  if (!wanted.length) return
  const owned = await ApplicationDocument.query({ client })
    .where('application_id', application.id)
    .whereIn(
      'id',
      wanted.map((item) => item.id)
    )
    .select('id', 'fieldPath')
  const foreign = wanted.filter(
    (item) => !owned.some((doc) => doc.id === item.id && doc.fieldPath === item.path)
  )
  if (foreign.length) {
    throw new InvalidFields(
      foreign.map((item) => ({ field: item.path, message: 'applications.files.unknown_document' })),
      NOT_SUBMITTED
    )
  }
}
