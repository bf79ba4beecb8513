import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { acceptedAward } from '#database/factories/agreement_factory'
import { UserFactory } from '#database/factories/user_factory'
import Agreement from '#disbursements/models/agreement'
import Tranche from '#disbursements/models/tranche'
import { seedDisbursements } from '#database/demo/disbursements'
import { isolateEachTest } from '#tests/helpers/http'

test.group('Agreements: demo data', (group) => {
  isolateEachTest(group)

  test('the demo turns all accepted awards but one into agreements, one tranche verified and waiting for approval', async ({
    assert,
  }) => {
    const finance = await UserFactory.merge({
      email: 'finance@manassa.test',
      roles: ['finance_officer'],
    }).create()
    const first = await acceptedAward({ kind: 'living_grant', plannedStartOn: '2030-01-01' })
    const second = await acceptedAward({ kind: 'startup_offer' })

    await db.transaction((client) => seedDisbursements(client))

    const agreement = await Agreement.findByOrFail('decision_id', first.decision.id)
    assert.isNull(await Agreement.findBy('decision_id', second.decision.id))
    const tranche = await Tranche.query()
      .where({ agreement_id: agreement.id, sequence: 1 })
      .firstOrFail()
    assert.equal(tranche.state, 'verified')
    assert.equal(tranche.verifiedBy, finance.id)
    assert.equal(tranche.requestedBy, first.applicant.id)
  })

  test('without accepted awards the demo seeds no agreement', async ({ assert }) => {
    await UserFactory.merge({ email: 'finance@manassa.test', roles: ['finance_officer'] }).create()
    await db.transaction((client) => seedDisbursements(client))
    assert.lengthOf(await Agreement.all(), 0)
  })
})
