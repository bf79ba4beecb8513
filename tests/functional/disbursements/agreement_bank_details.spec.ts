import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { agreementFor, MOROCCAN_IBAN_EXAMPLE } from '#database/factories/agreement_factory'
import { FACTORY_PASSWORD, userWithRoles } from '#database/factories/user_factory'
import { revealBankAccount } from '#disbursements/bank_details'
import { isolateEachTest } from '#tests/helpers/http'

const RIB = MOROCCAN_IBAN_EXAMPLE.slice(4)

function auditsOf(agreementId: number) {
  return db
    .from('audit_logs')
    .where({ subject_type: 'agreement', subject_id: String(agreementId) })
    .whereLike('action', 'agreement.bank%')
    .orderBy('id')
}

test.group('Agreements: bank details', (group) => {
  isolateEachTest(group)

  test('the beneficiary saves an IBAN after typing their password: encrypted, last four clear, audited without the number', async ({
    client,
    assert,
  }) => {
    const { agreement, applicant } = await agreementFor()
    const response = await client
      .put(`/agreements/${agreement.id}/bank_account`)
      .form({
        accountNumber: 'MA64 0115 1900 0001 2050 0053 4921',
        accountHolder: 'Amine Idrissi',
        password: FACTORY_PASSWORD,
      })
      .loginAs(applicant)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.equal(response.header('location'), `/agreements/${agreement.id}`)

    const row = await db.from('agreements').where('id', agreement.id).first()
    assert.equal(row.iban_last4, '4921')
    assert.equal(row.account_holder, 'Amine Idrissi')
    assert.notInclude(row.iban_encrypted, '0115190000012050')
    const audits = await auditsOf(agreement.id)
    assert.lengthOf(audits, 1)
    assert.equal(audits[0].action, 'agreement.bank_details_changed')
    assert.notInclude(JSON.stringify(audits[0]), '011519000001205000')

    await agreement.refresh()
    const officer = await userWithRoles('finance_officer')
    const revealed = await revealBankAccount(agreement, { id: officer.id })
    assert.equal(revealed?.iban, MOROCCAN_IBAN_EXAMPLE)
    const reads = await auditsOf(agreement.id).where('action', 'agreement.bank_account_read')
    assert.lengthOf(reads, 1)
    assert.equal(reads[0].actor_id, officer.id)
  })

  test('a RIB with a valid key is stored as its IBAN', async ({ client, assert }) => {
    const { agreement, applicant } = await agreementFor()
    const response = await client
      .put(`/agreements/${agreement.id}/bank_account`)
      .accept('json')
      .form({ accountNumber: RIB, accountHolder: 'Amine Idrissi', password: FACTORY_PASSWORD })
      .loginAs(applicant)
      .withCsrfToken()
    response.assertStatus(200)
    await agreement.refresh()
    const revealed = await revealBankAccount(agreement, { id: applicant.id })
    assert.equal(revealed?.iban, MOROCCAN_IBAN_EXAMPLE)
  })

  test('a wrong password changes nothing and says so on the password field', async ({
    client,
    assert,
  }) => {
    const { agreement, applicant } = await agreementFor({ withBankDetails: true })
    const before = await db.from('agreements').where('id', agreement.id).first()
    const response = await client
      .put(`/agreements/${agreement.id}/bank_account`)
      .accept('json')
      .form({
        accountNumber: 'MA64 0115 1900 0001 2050 0053 4921',
        accountHolder: 'Quelqu’un d’autre',
        password: 'not my password',
      })
      .loginAs(applicant)
      .withCsrfToken()
    response.assertStatus(422)
    assert.deepEqual(response.body().errors[0].field, 'password')
    assert.match(response.body().errors[0].message, /Mot de passe incorrect/)
    const after = await db.from('agreements').where('id', agreement.id).first()
    assert.equal(after.iban_encrypted, before.iban_encrypted)
    assert.equal(after.account_holder, before.account_holder)
    assert.lengthOf(await auditsOf(agreement.id), 0)
  })

  test('after ten wrong passwords in a minute the eleventh attempt is refused with 429, even with the right one', async ({
    client,
    assert,
  }) => {
    const { agreement, applicant } = await agreementFor()
    const attempt = (password: string) =>
      client
        .put(`/agreements/${agreement.id}/bank_account`)
        .accept('json')
        .form({ accountNumber: MOROCCAN_IBAN_EXAMPLE, accountHolder: 'Amine Idrissi', password })
        .loginAs(applicant)
        .withCsrfToken()
    for (let index = 0; index < 10; index++) {
      const wrong = await attempt(`guess-${index}`)
      wrong.assertStatus(422)
    }
    const blocked = await attempt(FACTORY_PASSWORD)
    blocked.assertStatus(429)
    assert.match(blocked.body().errors[0].message, /réessayez dans \d+ secondes/)
    const row = await db.from('agreements').where('id', agreement.id).first()
    assert.isNull(row.iban_encrypted)
  })

  test('thirty parallel wrong passwords: ten are checked, twenty refused with 429 (the count comes first)', async ({
    client,
    assert,
  }) => {
    const { agreement, applicant } = await agreementFor()
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        client
          .put(`/agreements/${agreement.id}/bank_account`)
          .accept('json')
          .form({
            accountNumber: MOROCCAN_IBAN_EXAMPLE,
            accountHolder: 'Amine Idrissi',
            password: `guess-${index}`,
          })
          .loginAs(applicant)
          .withCsrfToken()
      )
    )
    const statuses = responses.map((response) => response.status())
    assert.equal(statuses.filter((status) => status === 422).length, 10)
    assert.equal(statuses.filter((status) => status === 429).length, 20)
  })

  test('an IBAN or a RIB with a wrong check digit is refused with the field message', async ({
    client,
    assert,
  }) => {
    const { agreement, applicant } = await agreementFor()
    for (const accountNumber of ['MA65011519000001205000534921', '011519000001205000534922']) {
      const response = await client
        .put(`/agreements/${agreement.id}/bank_account`)
        .accept('json')
        .form({ accountNumber, accountHolder: 'Amine Idrissi', password: FACTORY_PASSWORD })
        .loginAs(applicant)
        .withCsrfToken()
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, 'accountNumber')
      assert.match(response.body().errors[0].message, /IBAN marocain ou un RIB valide/)
    }
    const row = await db.from('agreements').where('id', agreement.id).first()
    assert.isNull(row.iban_encrypted)
  })

  test('nobody but the beneficiary enters bank details: another applicant 404, a finance officer 403', async ({
    client,
    assert,
  }) => {
    const { agreement } = await agreementFor()
    const stranger = await userWithRoles('applicant')
    const officer = await userWithRoles('finance_officer')
    const payload = {
      accountNumber: MOROCCAN_IBAN_EXAMPLE,
      accountHolder: 'Intrus',
      password: FACTORY_PASSWORD,
    }
    const asStranger = await client
      .put(`/agreements/${agreement.id}/bank_account`)
      .form(payload)
      .loginAs(stranger)
      .withCsrfToken()
      .redirects(0)
    assert.equal(asStranger.status(), 404)
    const asOfficer = await client
      .put(`/agreements/${agreement.id}/bank_account`)
      .form(payload)
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    assert.equal(asOfficer.status(), 403)
    const guest = await client
      .put(`/agreements/${agreement.id}/bank_account`)
      .form(payload)
      .withCsrfToken()
      .redirects(0)
    assert.equal(guest.header('location'), '/login')
    const row = await db.from('agreements').where('id', agreement.id).first()
    assert.isNull(row.iban_encrypted)
  })
})
