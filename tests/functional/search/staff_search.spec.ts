import { test } from '@japa/runner'
import { openCallOf } from '#database/factories/programme_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { UserFactory, userWithRoles } from '#database/factories/user_factory'
import { agreementFor } from '#database/factories/agreement_factory'
import { ErasePerson } from '#privacy/actions/erase_person'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import { submittedTo } from '#tests/functional/applications/staff_fixtures'
import { requestOf } from '#tests/functional/privacy/privacy_fixtures'
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'

async function searchAs(client: ApiClient, user: User, q: string) {
  const response = await client.get('/staff/search').qs({ q }).loginAs(user)
  response.assertStatus(200)
  return response.text()
}

test.group('Staff search', (group) => {
  isolateEachTest(group)

  test('finds a person and their application with or without accents, by prefix', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const application = await submittedTo(call, { fullName: 'Élodie Benchékroun' })
    const officer = await userWithRoles('programme_officer')

    for (const q of ['elodie benchekroun', 'ÉLODIE', 'Benchékroun', 'bench']) {
      const html = await searchAs(client, officer, q)
      assert.include(html, `/staff/applications/${application.id}"`, q)
      assert.include(html, '<bdi>Élodie Benchékroun</bdi>', q)
    }
    const html = await searchAs(client, officer, 'elodie zzz')
    assert.notInclude(html, 'Élodie Benchékroun')
  })

  test('finds an organisation by the start of its last word', async ({ client, assert }) => {
    const organization = await OrganizationFactory.merge({ name: 'Atlas AgriTech' }).create()
    const admin = await userWithRoles('admin')
    const html = await searchAs(client, admin, 'atl')
    assert.include(html, `/organizations/${organization.id}"`)
    assert.include(html, '<bdi>Atlas AgriTech</bdi>')
  })

  test('finds Arabic names with or without diacritics, alef and taa marbuta forms', async ({
    client,
    assert,
  }) => {
    const admin = await userWithRoles('admin')
    const person = await UserFactory.merge({ fullName: 'إِسْمَاعِيل بن رَحْمَة' }).create()
    for (const q of ['اسماعيل', 'إسماعيل رحمه', 'رحمة', 'إِسْمَاعِيل']) {
      const html = await searchAs(client, admin, q)
      assert.include(html, `/admin/users/${person.id}/roles"`, q)
    }
    const plain = await UserFactory.merge({ fullName: 'اسماعيل الطاهري' }).create()
    const html = await searchAs(client, admin, 'إِسْمَاعِيـل')
    assert.include(html, `/admin/users/${plain.id}/roles"`)
  })

  test('finds an application by its whole reference, and only that one', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const wanted = await submittedTo(call)
    const other = await submittedTo(call)
    const officer = await userWithRoles('programme_officer')
    for (const q of [wanted.reference!, wanted.reference!.toLowerCase()]) {
      const html = await searchAs(client, officer, q)
      assert.include(html, `/staff/applications/${wanted.id}"`, q)
      assert.notInclude(html, `/staff/applications/${other.id}"`, q)
    }
  })

  test('in a blind call an officer still sees the applicant’s name', async ({ client, assert }) => {
    const call = await openCallOf()
    call.blindReview = true
    await call.save()
    await submittedTo(call, { fullName: 'Nadia Blindée' })
    const officer = await userWithRoles('programme_officer')
    assert.include(await searchAs(client, officer, 'nadia'), '<bdi>Nadia Blindée</bdi>')
  })

  test('reviewers, coordinators and applicants are refused; guests sent to log in', async ({
    client,
  }) => {
    for (const role of ['reviewer', 'institute_coordinator', 'applicant'] as const) {
      const user = await userWithRoles(role)
      const response = await client.get('/staff/search').qs({ q: 'nadia' }).loginAs(user)
      response.assertStatus(403)
    }
    const guest = await client.get('/staff/search').qs({ q: 'nadia' }).redirects(0)
    guest.assertStatus(302)
  })

  test('the header offers the search box to staff who may search, not to reviewers', async ({
    client,
    assert,
  }) => {
    const box = 'action="/staff/search" role="search"'
    const officer = await client.get('/dashboard').loginAs(await userWithRoles('programme_officer'))
    assert.include(officer.text(), box)
    const reviewer = await client.get('/dashboard').loginAs(await userWithRoles('reviewer'))
    reviewer.assertStatus(200)
    assert.notInclude(reviewer.text(), box)
  })

  test('a finance officer finds only what has an agreement', async ({ client, assert }) => {
    const applicant = await userWithRoles('applicant')
    applicant.fullName = 'Karim Financé'
    await applicant.save()
    const { agreement } = await agreementFor({ applicant })
    const call = await openCallOf()
    const unpaid = await submittedTo(call, { fullName: 'Karim Sansconvention' })
    const finance = await userWithRoles('finance_officer')

    const html = await searchAs(client, finance, 'karim')
    assert.include(html, `/agreements/${agreement.id}"`)
    assert.include(html, '<bdi>Karim Financé</bdi>')
    assert.notInclude(html, 'Sansconvention')
    assert.notInclude(html, `/staff/applications/${unpaid.id}"`)
  })

  test('an erased person is found no more', async ({ client, assert }) => {
    const call = await openCallOf()
    const application = await submittedTo(call, { fullName: 'Soukaina Effacée' })
    await application.load('applicant')
    const officer = await userWithRoles('programme_officer')
    const admin = await userWithRoles('admin')
    assert.include(await searchAs(client, officer, 'soukaina'), 'Soukaina Effacée')

    const request = await requestOf(application.applicant, 'erasure')
    assert.equal(await new ErasePerson().handle(request.id, { id: admin.id }), 'completed')

    const html = await searchAs(client, admin, 'soukaina effacee')
    assert.notInclude(html, 'Soukaina')
    assert.notInclude(html, `/staff/applications/${application.id}"`)
    assert.notInclude(html, `/admin/users/${application.applicantId}/roles"`)
  })

  test('a short or long query is refused with a message in the reader’s language', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const short = await client.get('/staff/search').qs({ q: 'a' }).loginAs(officer)
    short.assertStatus(422)
    assert.include(short.text(), 'au moins 2 caractères')
    const long = await client
      .get('/staff/search')
      .qs({ q: 'x'.repeat(101) })
      .loginAs(officer)
    long.assertStatus(422)
    // Letters that unaccent turns into tsquery operators (ʼ → ', ː → :) are only text.
    for (const q of ['ʼaʼ', 'aː b', 'x ʼ:*', "o'neil & (x"]) {
      const response = await client.get('/staff/search').qs({ q }).loginAs(officer)
      response.assertStatus(200)
    }
    const empty = await client.get('/staff/search').loginAs(officer)
    empty.assertStatus(200)
  })

  test('an Arabic page reads right to left', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    officer.preferredLocale = 'ar'
    await officer.save()
    const html = await searchAs(client, officer, 'nadia')
    assert.include(html, 'dir="rtl"')
    assert.include(html, 'نتائج البحث')
  })

  test('the page costs the same number of queries for 1 or 12 matches', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf()
    const officer = await userWithRoles('programme_officer')
    await submittedTo(call, { fullName: 'Youssef Unique' })
    await OrganizationFactory.merge({ name: 'Youssef Unique SARL' }).create()
    const one = await countQueries(() => searchAs(client, officer, 'youssef'))

    for (let index = 0; index < 11; index++) {
      await submittedTo(call, { fullName: `Youssef Numéro${index}` })
      await OrganizationFactory.merge({ name: `Youssef ${index} SARL` }).create()
    }
    const twelve = await countQueries(() => searchAs(client, officer, 'youssef'))
    assert.lengthOf(twelve.queries, one.queries.length)
    assert.include(twelve.result, 'Youssef Numéro10')
    assert.include(twelve.result, 'rel="next"')
  })
})
