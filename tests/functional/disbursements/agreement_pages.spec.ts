import { test } from '@japa/runner'
import { agreementFor } from '#database/factories/agreement_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'

test.group('Agreements: the beneficiary’s pages and who may see them', (group) => {
  isolateEachTest(group)

  test('the beneficiary sees their agreements and the schedule with each tranche’s state', async ({
    client,
    assert,
  }) => {
    const { agreement, applicant, tranches } = await agreementFor({
      kind: 'startup_offer',
      trancheStates: ['paid', 'requested'],
      withBankDetails: true,
    })
    const list = await client.get('/agreements').loginAs(applicant)
    list.assertStatus(200)
    assert.include(list.text(), `/agreements/${agreement.id}`)

    const page = await client.get(`/agreements/${agreement.id}`).loginAs(applicant)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, 'Versée')
    assert.include(html, 'Demandée')
    assert.include(html, 'Prototype ou produit minimum viable livré')
    assert.include(html, 'se terminant par 4921')
    assert.notInclude(html, '0115190000012050')
    assert.include(html, `/agreements/${agreement.id}/tranches/${tranches[2].id}/request`)

    const json = await client.get(`/agreements/${agreement.id}`).accept('json').loginAs(applicant)
    assert.deepEqual(
      json.body().tranches.map((tranche: { state: string }) => tranche.state),
      ['paid', 'requested', 'planned']
    )
    assert.notProperty(json.body(), 'ibanEncrypted')
    assert.equal(json.body().ibanLast4, '4921')
  })

  test('the agreement page is in Arabic, right to left, for an Arabic reader', async ({
    client,
    assert,
  }) => {
    const { agreement, applicant } = await agreementFor({ kind: 'living_grant' })
    applicant.preferredLocale = 'ar'
    await applicant.save()
    const page = await client.get(`/agreements/${agreement.id}`).loginAs(applicant)
    page.assertStatus(200)
    assert.include(page.text(), 'dir="rtl"')
    assert.include(page.text(), 'جدول الأقساط')
  })

  test('another beneficiary gets a 404 on the page and on every action; a guest goes to the login', async ({
    client,
    assert,
  }) => {
    const { agreement, tranches } = await agreementFor({ kind: 'startup_offer' })
    const stranger = await userWithRoles('applicant')
    const reads = await client.get(`/agreements/${agreement.id}`).loginAs(stranger)
    assert.equal(reads.status(), 404)
    const request = await client
      .post(`/agreements/${agreement.id}/tranches/${tranches[0].id}/request`)
      .form({ note: 'Je demande ce qui ne m’appartient pas, vingt caractères.' })
      .loginAs(stranger)
      .withCsrfToken()
      .redirects(0)
    assert.equal(request.status(), 404)
    const capital = await client
      .post(`/agreements/${agreement.id}/capital_calls`)
      .form({ amount: '1000', purpose: 'Appel de fonds frauduleux' })
      .loginAs(stranger)
      .withCsrfToken()
      .redirects(0)
    assert.equal(capital.status(), 404)
    await tranches[0].refresh()
    assert.equal(tranches[0].state, 'planned')

    for (const url of ['/agreements', `/agreements/${agreement.id}`]) {
      const guest = await client.get(url).redirects(0)
      assert.equal(guest.header('location'), '/login', url)
    }
  })

  test('a tranche of another agreement cannot be requested through one’s own', async ({
    client,
    assert,
  }) => {
    const mine = await agreementFor({ kind: 'startup_offer' })
    const theirs = await agreementFor({ kind: 'startup_offer' })
    const response = await client
      .post(`/agreements/${mine.agreement.id}/tranches/${theirs.tranches[0].id}/request`)
      .form({ note: 'Une tranche qui n’est pas la mienne, vingt caractères.' })
      .loginAs(mine.applicant)
      .withCsrfToken()
      .redirects(0)
    assert.equal(response.status(), 404)
  })

  test('finance officers read any agreement but cannot request its tranches', async ({
    client,
    assert,
  }) => {
    const { agreement, tranches } = await agreementFor({ kind: 'startup_offer' })
    const officer = await userWithRoles('finance_officer')
    const page = await client.get(`/agreements/${agreement.id}`).loginAs(officer)
    page.assertStatus(200)
    const request = await client
      .post(`/agreements/${agreement.id}/tranches/${tranches[0].id}/request`)
      .form({ note: 'Un agent ne demande pas à la place du bénéficiaire.' })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    assert.equal(request.status(), 403)
  })

  test('the agreement page costs the same number of queries for 3 or 12 tranches', async ({
    client,
    assert,
  }) => {
    const small = await agreementFor({ kind: 'startup_offer', trancheStates: ['approved'] })
    const large = await agreementFor({
      kind: 'living_grant',
      trancheStates: ['paid', 'paid', 'approved', 'verified'],
    })
    const measure = async (setup: typeof small) => {
      const { queries } = await countQueries(() =>
        client.get(`/agreements/${setup.agreement.id}`).loginAs(setup.applicant)
      )
      return queries.length
    }
    assert.equal(await measure(small), await measure(large))
  })
})
