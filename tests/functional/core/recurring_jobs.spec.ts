import { test } from '@japa/runner'
import queue from '#core/services/queue'
import { resetRedis } from '#tests/helpers/services'

test.group('Recurring jobs (BullMQ job schedulers on the real Redis)', (group) => {
  group.each.setup(() => resetRedis())

  test('every worker declares the review reminders each morning, once however many start', async ({
    assert,
  }) => {
    await queue.scheduleRecurring()
    await queue.scheduleRecurring()

    const schedulers = await queue.queue().getJobSchedulers()
    assert.lengthOf(schedulers, 1)
    assert.equal(schedulers[0].key, 'reviews.send_reminders')
    assert.equal(schedulers[0].pattern, '0 8 * * *')
    assert.equal(schedulers[0].tz, 'Africa/Casablanca')
    const [next] = await queue.queue().getJobs(['delayed'])
    assert.equal(next.name, 'reviews.send_reminders')
  })
})
