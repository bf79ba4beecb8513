import type { HttpContext } from '@adonisjs/core/http'
import type Application from '#applications/models/application'
import { SaveApplicationDraft } from '#applications/actions/save_application_draft'
import { StoreApplicationDocument } from '#applications/actions/store_application_document'
import { InvalidFields } from '#core/exceptions/domain_error'
import { actorFrom } from '#core/audit/actor'

/**
 * Saves what a draft's page posted: the answers first (kept whatever happens next),
 * then each attached file. Refused files are reported together, after the rest is safe.
 */
export async function saveDraftFromRequest(ctx: HttpContext, application: Application) {
  const saved = await new SaveApplicationDraft().handle(application, ctx.request.input('answers'))
  const files = ctx.request.allFiles().files
  const problems: InvalidFields['fields'] = []
  if (files && typeof files === 'object' && !Array.isArray(files)) {
    for (const [fieldPath, file] of Object.entries(files)) {
      if (Array.isArray(file) || !file) continue
      try {
        await new StoreApplicationDocument().handle(
          saved,
          fieldPath,
          file,
          ctx.auth.getUserOrFail(),
          actorFrom(ctx)
        )
      } catch (error) {
        if (!(error instanceof InvalidFields)) throw error
        problems.push(...error.fields)
      }
    }
  }
  if (problems.length) throw new InvalidFields(problems)
  return saved
}
