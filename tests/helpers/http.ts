import testUtils from '@adonisjs/core/services/test_utils'
import type { Group } from '@japa/runner/core'
import mail from '@adonisjs/mail/services/main'
import { resetRedis } from '#tests/helpers/services'

/**
 * Functional tests run each test inside a transaction rolled back afterwards (the HTTP
 * server runs in the same process), with a fresh rate-limit store and captured mail.
 */
export function isolateEachTest(group: Group) {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    await resetRedis()
    return () => mail.restore()
  })
}

/**
 * Replaces the mail transport with AdonisJS's captured-mail fake until the test ends
 * (isolateEachTest restores the real one).
 */
export function captureMail() {
  return mail.fake().mails
}
