import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { jobs } from '#start/jobs'
import { SendReviewReminders } from '#reviews/actions/send_review_reminders'
import { openCallOf } from '#database/factories/programme_factory'
import {
  committeeFor,
  eligibleApplicationsOf,
  reviewAssignment,
} from '#database/factories/review_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { reviewMails, submittedReviewOf } from '#tests/functional/reviews/committee_fixtures'

test.group('Reviewer reminders (captured mail)', (group) => {
  isolateEachTest(group)

  async function fixture() {
    const call = await openCallOf()
    const [{ user: french }, { user: arabic }] = await committeeFor(call, 2)
    arabic.preferredLocale = 'ar'
    await arabic.save()
    const applications = await eligibleApplicationsOf(call, 5)
    const soon = await reviewAssignment(applications[0], french, { dueInDays: 1 })
    const overdue = await reviewAssignment(applications[1], french, { dueInDays: -2 })
    const later = await reviewAssignment(applications[2], french, { dueInDays: 5 })
    await submittedReviewOf(applications[3], french)
    const arabicSoon = await reviewAssignment(applications[4], arabic, { dueInDays: 0.5 })
    return { french, arabic, soon, overdue, later, arabicSoon }
  }

  test('the job mails each reviewer with reviews due within 48 h or overdue, in their language', async ({
    assert,
  }) => {
    const { french, arabic, soon, overdue, later, arabicSoon } = await fixture()
    const mails = captureMail()
    const { default: ReviewRemindersJob } = await jobs['reviews.send_reminders']()
    const job = await app.container.make(ReviewRemindersJob)
    const outcome = await job.handle()
    assert.deepEqual(outcome, { reminded: 3, reviewers: 2 })

    const sent = await reviewMails(mails)
    assert.sameMembers(
      sent.map((mail) => mail.user.id),
      [french.id, arabic.id]
    )
    const toFrench = sent.find((mail) => mail.user.id === french.id)!.message.toJSON()
    assert.equal(toFrench.message.subject, 'Rappel : évaluations à rendre')
    assert.include(toFrench.message.html, '1 évaluation est déjà en retard.')
    const toArabic = sent.find((mail) => mail.user.id === arabic.id)!.message.toJSON()
    assert.equal(toArabic.message.subject, 'تذكير: تقييمات يحين أجلها')
    assert.include(toArabic.message.html, 'dir="rtl"')

    const reminded = await db.from('reviews').whereNotNull('reminded_at').orderBy('id').select('id')
    assert.deepEqual(
      reminded.map((row) => row.id),
      [soon.id, overdue.id, arabicSoon.id].sort((a, b) => a - b)
    )
    const notYet = await db.from('reviews').where('id', later.id).first()
    assert.isNull(notYet.reminded_at)
  })

  test('a review is reminded at most once a day', async ({ assert }) => {
    await fixture()
    const reminders = new SendReviewReminders()
    const first = await reminders.handle()
    assert.equal(first.reminded, 3)
    const mails = captureMail()
    assert.deepEqual(await reminders.handle(), { reminded: 0, reviewers: 0 })
    assert.deepEqual(await reminders.handle(DateTime.utc().plus({ hours: 23 })), {
      reminded: 0,
      reviewers: 0,
    })
    assert.lengthOf(await reviewMails(mails), 0)
    const nextDay = await reminders.handle(DateTime.utc().plus({ hours: 25 }))
    assert.equal(nextDay.reminded, 3)
  })
})
