import { test } from '@japa/runner'
import { readdir, readFile, rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import mail from '@adonisjs/mail/services/main'
import queue from '#core/services/queue'
import AccountMail from '#identity/mails/account_mail'
import { UserFactory } from '#database/factories/user_factory'
import { resetRedis } from '#tests/helpers/services'

test.group('Mail through the BullMQ queue (captured-mail transport)', (group) => {
  group.each.setup(async () => {
    await resetRedis()
    await rm(app.tmpPath('mail'), { recursive: true, force: true })
  })

  test('sendLater enqueues a job; a worker sends it in the recipient language', async ({
    assert,
  }) => {
    const user = await UserFactory.merge({ preferredLocale: 'ar' }).make()
    await mail.sendLater(new AccountMail(user, 'reset_password', '/password/reset/abc'))

    const [waiting] = await queue.queue().getJobs(['waiting'])
    assert.equal(waiting.name, 'mail.send')

    const [worker] = queue.work({ concurrency: 1 })
    try {
      await new Promise<void>((resolve, reject) => {
        worker.on('completed', () => resolve())
        worker.on('failed', (_job, error) => reject(error))
      })
    } finally {
      await worker.close()
    }

    const files = await readdir(app.tmpPath('mail'))
    assert.lengthOf(files, 1)
    const captured = JSON.parse(await readFile(app.tmpPath('mail', files[0]), 'utf8'))
    assert.equal(captured.to[0].address, user.email)
    assert.match(captured.subject, /[\u0600-\u06FF]/, 'the subject is in Arabic')
    assert.include(captured.html, 'dir="rtl"')
    assert.include(captured.text, '/password/reset/abc')
  })
})
