import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { userWithRoles } from '#database/factories/user_factory'
import { checkSecondFactor } from '#identity/second_factor/second_factors'
import { resetRedis } from '#tests/helpers/services'
import { codeOf, enrolAuthenticator } from './second_factor_fixtures.js'

/*
| Committed rows, no global transaction: the submissions really run in parallel on
| separate connections. The authenticator is deleted afterwards; the user stays (the
| append-only audit log may refer to them).
*/
test.group('Second factor: one code submitted in parallel', (group) => {
  group.each.setup(() => resetRedis())

  test('of four parallel submissions of one code, exactly one passes', async ({
    assert,
    cleanup,
  }) => {
    const user = await userWithRoles('finance_officer')
    cleanup(async () => {
      await db.from('totp_factors').where('user_id', user.id).delete()
    })
    const secret = await enrolAuthenticator(user)
    const code = codeOf(secret)
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => checkSecondFactor(user, code, { id: user.id }))
    )
    const passed = results.filter((result) => result.outcome === 'valid')
    assert.lengthOf(passed, 1, JSON.stringify(results))
    const factor = await db.from('totp_factors').where('user_id', user.id).first()
    assert.isNotNull(factor.last_used_step)
  })
})
