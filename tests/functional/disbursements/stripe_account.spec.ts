import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { FACTORY_PASSWORD, userWithRoles } from '#database/factories/user_factory'
import User from '#identity/models/user'
import { PayTranche } from '#disbursements/actions/pay_tranche'
import { isolateEachTest } from '#tests/helpers/http'
import { StripeFake } from '#tests/helpers/stripe_fake'
import { agreementWithApprovedTranches } from '#tests/functional/disbursements/payment_fixtures'

const ACCOUNT = 'acct_1QzY8mK3tR5vB2nX'

/** An agreement with an approved tranche and no connected account yet, and its beneficiary. */
async function agreementWithoutAccount() {
  const setup = await agreementWithApprovedTranches({ amounts: [80_000_00], stripeAccountId: null })
  const beneficiary = await User.findOrFail(setup.agreement.beneficiaryId)
  return { ...setup, beneficiary }
}

function saveAccount(
  client: ApiClient,
  user: User,
  agreementId: number,
  body: Record<string, string>
) {
  return client
    .put(`/agreements/${agreementId}/stripe_account`)
    .accept('json')
    .form(body)
    .loginAs(user)
    .withCsrfToken()
}

test.group('Agreements: the Stripe connected account', (group) => {
  isolateEachTest(group)
  let stripe: StripeFake
  group.setup(async () => {
    stripe = await StripeFake.start()
    return () => stripe.stop()
  })

  test('the beneficiary records it with their password; audited; finance sees it; a Stripe run then pays the tranche', async ({
    client,
    assert,
  }) => {
    const { agreement, tranches, beneficiary } = await agreementWithoutAccount()
    const officer = await userWithRoles('finance_officer')
    const prepare = () =>
      client
        .post('/finance/payments')
        .json({ rail: 'stripe', trancheIds: [tranches[0].id] })
        .accept('json')
        .loginAs(officer)
        .withCsrfToken()
    // Without an account, no Stripe run can take the tranche.
    const refused = await prepare()
    refused.assertStatus(422)

    const saved = await saveAccount(client, beneficiary, agreement.id, {
      stripeAccountId: ` ${ACCOUNT} `,
      password: FACTORY_PASSWORD,
    })
    saved.assertStatus(200)
    assert.equal(saved.body().stripeAccountId, ACCOUNT)
    const audit = await db
      .from('audit_logs')
      .where({ subject_type: 'agreement', subject_id: String(agreement.id) })
      .where('action', 'agreement.stripe_account_changed')
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].actor_id, beneficiary.id)
    assert.deepInclude(audit[0].metadata, { account: ACCOUNT, previous: null })

    // Finance sees it, on the page and as JSON.
    const json = await client.get(`/agreements/${agreement.id}`).accept('json').loginAs(officer)
    assert.equal(json.body().stripeAccountId, ACCOUNT)
    const page = await client.get(`/agreements/${agreement.id}`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes(ACCOUNT)

    // The run: prepared, executed, the tranche's job paying to that account.
    const prepared = await prepare()
    prepared.assertStatus(201)
    const executed = await client
      .post(`/finance/payments/${prepared.body().id}/execution`)
      .accept('json')
      .loginAs(officer)
      .withCsrfToken()
    assert.isBelow(executed.status(), 400)
    const pay = await app.container.make(PayTranche)
    const outcome = await pay.handle({ trancheId: tranches[0].id })
    assert.equal(outcome.outcome, 'paid')
    const transfer = [...stripe.transfers.values()].at(-1)!
    assert.containsSubset(transfer, { destination: ACCOUNT, amount: 80_000_00 })
  })

  test('a malformed id or a wrong password is refused on its field and changes nothing', async ({
    client,
    assert,
  }) => {
    const { agreement, beneficiary } = await agreementWithoutAccount()
    for (const stripeAccountId of [
      '',
      'acct_',
      'acct_12',
      'ba_1QzY8mK3tR5vB2nX',
      'acct_1QzY8m-K3tR5vB2nX',
    ]) {
      const response = await saveAccount(client, beneficiary, agreement.id, {
        stripeAccountId,
        password: FACTORY_PASSWORD,
      })
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, 'stripeAccountId')
      if (stripeAccountId) assert.include(response.body().errors[0].message, 'commence par acct_')
    }
    const wrong = await saveAccount(client, beneficiary, agreement.id, {
      stripeAccountId: ACCOUNT,
      password: 'not-the-password',
    })
    wrong.assertStatus(422)
    assert.equal(wrong.body().errors[0].field, 'password')
    await agreement.refresh()
    assert.isNull(agreement.stripeAccountId)
  })

  test('the form is on the beneficiary’s page, in French and in Arabic', async ({ client }) => {
    const { agreement, beneficiary } = await agreementWithoutAccount()
    const french = await client.get(`/agreements/${agreement.id}`).loginAs(beneficiary)
    french.assertTextIncludes('name="stripeAccountId"')
    french.assertTextIncludes('Compte Stripe Connect')
    beneficiary.preferredLocale = 'ar'
    await beneficiary.save()
    const arabic = await client.get(`/agreements/${agreement.id}`).loginAs(beneficiary)
    arabic.assertTextIncludes('حساب Stripe Connect')
  })

  test('finance officers cannot set it (403), anyone else does not know the agreement (404)', async ({
    client,
    assert,
  }) => {
    const { agreement } = await agreementWithoutAccount()
    const officer = await userWithRoles('finance_officer')
    const stranger = await userWithRoles('applicant')
    const body = { stripeAccountId: ACCOUNT, password: FACTORY_PASSWORD }
    const byOfficer = await saveAccount(client, officer, agreement.id, body)
    byOfficer.assertStatus(403)
    const byStranger = await saveAccount(client, stranger, agreement.id, body)
    byStranger.assertStatus(404)
    await agreement.refresh()
    assert.isNull(agreement.stripeAccountId)
  })
})
