import { test } from '@japa/runner'
import queue from '#core/services/queue'
import { resetRedis } from '#tests/helpers/services'

test.group('Recurring jobs (BullMQ job schedulers on the real Redis)', (group) => {
  group.each.setup(() => resetRedis())

  test('every worker declares the review reminders each morning and the nightly retention run, once however many start', async ({
    assert,
  }) => {
    await queue.scheduleRecurring()
    await queue.scheduleRecurring()

    const schedulers = await queue.queue().getJobSchedulers()
    const byKey = Object.fromEntries(schedulers.map((scheduler) => [scheduler.key, scheduler]))
    assert.lengthOf(schedulers, 2)
    assert.equal(byKey['reviews.send_reminders'].pattern, '0 8 * * *')
    assert.equal(byKey['reviews.send_reminders'].tz, 'Africa/Casablanca')
    assert.equal(byKey['privacy.apply_retention'].pattern, '30 3 * * *')
    assert.equal(byKey['privacy.apply_retention'].tz, 'Africa/Casablanca')
    const delayed = await queue.queue().getJobs(['delayed'])
    assert.sameMembers(
      delayed.map((job) => job.name),
      ['reviews.send_reminders', 'privacy.apply_retention']
    )
  })
})
