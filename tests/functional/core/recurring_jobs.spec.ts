import { test } from '@japa/runner'
import queue from '#core/services/queue'
import { resetRedis } from '#tests/helpers/services'

test.group('Recurring jobs (BullMQ job schedulers on the real Redis)', (group) => {
  group.each.setup(() => resetRedis())

  test('every worker declares the calendar jobs, once however many start', async ({ assert }) => {
    await queue.scheduleRecurring()
    await queue.scheduleRecurring()

    const schedulers = await queue.queue().getJobSchedulers()
    assert.sameDeepMembers(
      schedulers.map(({ key, pattern, tz }) => ({ key, pattern, tz })),
      [
        { key: 'reviews.send_reminders', pattern: '0 8 * * *', tz: 'Africa/Casablanca' },
        {
          key: 'applications.send_draft_reminders',
          pattern: '10 * * * *',
          tz: 'Africa/Casablanca',
        },
        { key: 'api.purge_idempotency_keys', pattern: '30 3 * * *', tz: 'Africa/Casablanca' },
        { key: 'audit.seal', pattern: '* * * * *', tz: 'Africa/Casablanca' },
        { key: 'privacy.apply_retention', pattern: '0 4 * * *', tz: 'Africa/Casablanca' },
        { key: 'open_data.sweep', pattern: '*/10 * * * *', tz: 'Africa/Casablanca' },
        { key: 'progress.send_reminders', pattern: '30 8 * * *', tz: 'Africa/Casablanca' },
      ]
    )
    const delayed = await queue.queue().getJobs(['delayed'])
    assert.sameMembers(
      delayed.map((job) => job.name),
      [
        'reviews.send_reminders',
        'applications.send_draft_reminders',
        'api.purge_idempotency_keys',
        'audit.seal',
        'privacy.apply_retention',
        'open_data.sweep',
        'progress.send_reminders',
      ]
    )
  })
})
