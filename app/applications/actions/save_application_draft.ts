import db from '@adonisjs/lucid/services/db'
import type Application from '#applications/models/application'
import { currentFormVersion } from '#programmes/form_versions'
import { mergeDraftAnswers } from '#applications/answers'
import { lockDraft } from '#applications/actions/store_application_document'

/**
 * Keeps what was typed, valid or not (autosave and "save draft"); file answers are
 * only ever set by an upload, so they are not taken from the input.
 */
export class SaveApplicationDraft {
  async handle(application: Application, input: unknown) {
    return db.transaction(async (client) => {
      const locked = await lockDraft(application.id, client)
      const form = await currentFormVersion(locked.callId, client)
      if (!form) return locked
      const withoutFiles = stripFileAnswers(form.definition, input)
      locked.answers = mergeDraftAnswers(form.definition, locked.answers, withoutFiles)
      await locked.useTransaction(client).save()
      return locked
    })
  }
}

function stripFileAnswers(
  definition: { sections: Array<{ key: string; fields: Array<{ key: string; type: string }> }> },
  input: unknown
) {
  if (typeof input !== 'object' || input === null) return input
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) }
  for (const section of definition.sections) {
    const answers = copy[section.key]
    if (typeof answers !== 'object' || answers === null) continue
    const kept = { ...(answers as Record<string, unknown>) }
    for (const field of section.fields) if (field.type === 'file') delete kept[field.key]
    copy[section.key] = kept
  }
  return copy
}
