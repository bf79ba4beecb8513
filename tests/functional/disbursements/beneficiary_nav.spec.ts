import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { agreementFor } from '#database/factories/agreement_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'

const AGREEMENTS_LINK = /<a href="\/agreements"[^>]*>\s*Mes conventions/

test.group('A beneficiary reaches their agreements from the header', (group) => {
  isolateEachTest(group)

  test('once an agreement is signed for them, every page’s header links to their agreements', async ({
    client,
    assert,
  }) => {
    const { applicant } = await agreementFor()
    for (const url of ['/dashboard', '/calls', '/profile']) {
      const page = await client.get(url).loginAs(applicant)
      page.assertStatus(200)
      assert.match(page.text(), AGREEMENTS_LINK, url)
    }
    const list = await client.get('/agreements').loginAs(applicant)
    list.assertStatus(200)
    assert.match(
      list.text(),
      /aria-current="page"[^>]*>\s*Mes conventions|href="\/agreements" aria-current="page"/
    )
  })

  test('no link for someone without an agreement, staff included', async ({ client, assert }) => {
    await agreementFor()
    for (const user of [
      await userWithRoles('applicant'),
      await userWithRoles('programme_officer'),
      await userWithRoles('finance_officer'),
    ]) {
      const page = await client.get('/dashboard').loginAs(user)
      page.assertStatus(200)
      assert.notMatch(page.text(), AGREEMENTS_LINK)
    }
  })

  test('the link costs no query: a page asks the same with or without it', async ({
    client,
    assert,
  }) => {
    const { applicant } = await agreementFor()
    const other = await userWithRoles('applicant')
    const withLink = await countQueries(() => client.get('/calls').loginAs(applicant))
    const without = await countQueries(() => client.get('/calls').loginAs(other))
    assert.match(withLink.result.text(), AGREEMENTS_LINK)
    assert.equal(withLink.queries.length, without.queries.length)
    assert.notInclude(withLink.queries.join('\n'), 'agreements')
  })

  test('creating an agreement marks its beneficiary, in the same transaction', async ({
    assert,
  }) => {
    const { applicant } = await agreementFor()
    const row = await db.from('users').where('id', applicant.id).select('is_beneficiary').first()
    assert.isTrue(row.is_beneficiary)
  })
})
