import { inject } from '@adonisjs/core'
import type { Job } from '#core/queue/types'
import { SendReviewReminders } from '#reviews/actions/send_review_reminders'

/** Reminds reviewers of reviews due soon or overdue (idempotent: once a day per review). */
@inject()
export default class ReviewRemindersJob implements Job<Record<string, never>> {
  constructor(private sendReviewReminders: SendReviewReminders) {}

  handle() {
    return this.sendReviewReminders.handle()
  }
}
