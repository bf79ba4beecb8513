import type { HttpContext } from '@adonisjs/core/http'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type Application from '#applications/models/application'
import { SaveApplicationDraft } from '#applications/actions/save_application_draft'
import { StoreApplicationDocument } from '#applications/actions/store_application_document'
import { InvalidFields } from '#core/exceptions/domain_error'
import { actorFrom } from '#core/audit/actor'
import type {
  draftAnswersValidator,
  submittedAnswersValidator,
} from '#applications/validators/application'

/**
 * Saves what a draft's page posted: the answers first (kept whatever happens next),
 * then each attached file; returns the draft and the files refused, all of them.
 */
export async function saveDraftAndFiles(
  ctx: HttpContext,
  application: Application,
  validator: typeof draftAnswersValidator | typeof submittedAnswersValidator
) {
  const { answers } = await ctx.request.validateUsing(validator)
  const saved = await new SaveApplicationDraft().handle(application, answers)
  const problems: InvalidFields['fields'] = []
  for (const [fieldPath, file] of filesByPath(ctx.request.allFiles().files)) {
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
  return { saved, problems }
}

/** A draft save: refused files are reported together, after the rest is safe. */
export async function saveDraftFromRequest(
  ctx: HttpContext,
  application: Application,
  validator: typeof draftAnswersValidator
) {
  const { saved, problems } = await saveDraftAndFiles(ctx, application, validator)
  if (problems.length) throw new InvalidFields(problems, 'applications.errors.draft_saved_except')
  return saved
}

/** `files[section][field]` inputs, as `section.field` paths with their file. */
function filesByPath(files: unknown): Array<[string, MultipartFile]> {
  if (!files || typeof files !== 'object') return []
  return Object.entries(files).flatMap(([section, fields]) =>
    fields && typeof fields === 'object' && !Array.isArray(fields)
      ? Object.entries(fields)
          .filter((entry): entry is [string, MultipartFile] => isFile(entry[1]))
          .map(([field, file]): [string, MultipartFile] => [`${section}.${field}`, file])
      : []
  )
}

const isFile = (value: unknown): value is MultipartFile =>
  !!value && typeof value === 'object' && 'tmpPath' in value && 'clientName' in value
