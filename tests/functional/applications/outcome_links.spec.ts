import { test } from '@japa/runner'
import { acceptedAward, agreementFor } from '#database/factories/agreement_factory'
import { isolateEachTest } from '#tests/helpers/http'

test.group("Applicant's application page / links to what the committee decided", (group) => {
  isolateEachTest(group)

  test('an awarded application links to its decision, not yet to an agreement', async ({
    client,
    assert,
  }) => {
    const { application, applicant } = await acceptedAward()
    const page = await client.get(`/applications/${application.id}`).loginAs(applicant)
    page.assertStatus(200)
    page.assertTextIncludes(`/applications/${application.id}/decision`)
    page.assertTextIncludes('Voir la décision')
    assert.notInclude(page.text(), 'href="/agreements"')
  })

  test('once contracted, it also links to the agreement and its payments', async ({ client }) => {
    const { application, applicant } = await agreementFor({ kind: 'living_grant' })
    const page = await client.get(`/applications/${application.id}`).loginAs(applicant)
    page.assertStatus(200)
    page.assertTextIncludes('href="/agreements"')
    page.assertTextIncludes('Convention et versements')
  })
})
