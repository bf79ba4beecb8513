import { inject } from '@adonisjs/core'
import type { Job } from '#core/queue/types'
import { SendDraftReminders } from '#applications/actions/send_draft_reminders'

/** Reminds owners of drafts close to their deadline (idempotent: once per draft, ever). */
@inject()
export default class DraftRemindersJob implements Job<Record<string, never>> {
  constructor(private sendDraftReminders: SendDraftReminders) {}

  handle() {
    return this.sendDraftReminders.handle()
  }
}
