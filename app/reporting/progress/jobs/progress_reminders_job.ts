import { inject } from '@adonisjs/core'
import type { Job } from '#core/queue/types'
import { SendProgressReminders } from '#reporting/progress/actions/send_progress_reminders'

/** Reminds beneficiaries of progress reports due within a week or overdue (once each). */
@inject()
export default class ProgressRemindersJob implements Job<Record<string, never>> {
  constructor(private sendProgressReminders: SendProgressReminders) {}

  handle() {
    return this.sendProgressReminders.handle()
  }
}
