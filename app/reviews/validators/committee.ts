import vine from '@vinejs/vine'
import { recordId } from '#core/validators/record_id'
import type { I18n } from '@adonisjs/i18n'

/** Field names and messages in the reader's language (committees.json, `validator`). */
export function committeesMessages(i18n: I18n) {
  return i18n.createMessagesProvider('committees.validator')
}

/** The same for a reviewer's conflict declaration (review_queue.json, `validator`). */
export function reviewQueueMessages(i18n: I18n) {
  return i18n.createMessagesProvider('review_queue.validator')
}

/** Free expertise tags, typed comma-separated: trimmed, lower-cased, unique, at most 10. */
export function expertiseTags(input: string | undefined | null) {
  const tags = (input ?? '')
    .split(',')
    .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, '_'))
    .filter((tag) => tag !== '')
  return [...new Set(tags)].slice(0, 10)
}

export const committeeMemberValidator = vine.create(
  vine.object({
    userId: recordId(),
    role: vine.enum(['member', 'chair'] as const),
    expertise: vine.string().trim().maxLength(500).optional(),
  })
)

export const reassignmentValidator = vine.create(
  vine.object({
    reviewerId: recordId(),
  })
)

export const conflictDeclarationValidator = vine.create(
  vine.object({
    scope: vine.enum(['application', 'organization'] as const),
    reason: vine.string().trim().minLength(5).maxLength(1000),
  })
)
