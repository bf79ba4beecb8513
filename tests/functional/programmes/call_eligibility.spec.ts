import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { openCallOf, publishRules } from '#database/factories/programme_factory'
import type { FormDefinition } from '#programmes/forms/form_definition'
import type { RuleSet } from '#eligibility/rule_set'
import { isolateEachTest } from '#tests/helpers/http'

/** A bourse de vie form: the rules read the experience, never the name or the CV. */
const FORM: FormDefinition = {
  sections: [
    {
      key: 'profile',
      title: { fr: 'Profil', ar: 'الملف الشخصي' },
      fields: [
        { key: 'name', type: 'text', label: { fr: 'Nom', ar: 'الاسم' }, required: true },
        {
          key: 'experience',
          type: 'number',
          label: { fr: 'Expérience (années)', ar: 'سنوات الخبرة' },
          required: true,
          min: 0,
          max: 60,
        },
        {
          key: 'cv',
          type: 'file',
          label: { fr: 'CV', ar: 'السيرة الذاتية' },
          accept: ['application/pdf'],
        },
      ],
    },
  ],
}

const RULES: RuleSet = {
  eligibility: {
    all: [
      {
        id: 'experience',
        field: 'profile.experience',
        operator: 'gte',
        value: 5,
        message: {
          fr: 'Il faut au moins 5 ans d’expérience professionnelle.',
          ar: 'يشترط توفر 5 سنوات من الخبرة المهنية على الأقل.',
        },
      },
    ],
  },
  scoring: [],
}

async function callWithRules() {
  const call = await openCallOf('living_grant', FORM)
  await publishRules(call, RULES)
  return call
}

async function rowCounts() {
  const counts: Record<string, number> = {}
  for (const table of ['applications', 'application_evaluations', 'audit_logs', 'users']) {
    const [{ count }] = await db.from(table).count('* as count')
    counts[table] = Number(count)
  }
  return counts
}

test.group('Call page / eligibility rules and self-check', (group) => {
  isolateEachTest(group)

  test('the call page states the published rules in plain language, in the visitor’s language', async ({
    client,
    assert,
  }) => {
    const call = await callWithRules()
    const french = await client.get(`/calls/${call.id}`)
    french.assertStatus(200)
    french.assertTextIncludes('Conditions d&#x27;éligibilité')
    french.assertTextIncludes('« Expérience (années) » est supérieur ou égal à 5')

    const arabic = await client.get(`/calls/${call.id}`).header('accept-language', 'ar')
    arabic.assertTextIncludes('شروط الأهلية')
    arabic.assertTextIncludes('«سنوات الخبرة» أكبر من 5 أو يساويه')
    assert.notInclude(arabic.text(), 'Expérience (années)')
  })

  test('the self-check form asks only what the rules read and works without JavaScript', async ({
    client,
    assert,
  }) => {
    const call = await callWithRules()
    const page = await client.get(`/calls/${call.id}`)
    const html = page.text()
    assert.include(html, `action="/calls/${call.id}/eligibility-check" method="GET"`)
    assert.include(html, 'name="answers[profile][experience]"')
    assert.notInclude(html, 'name="answers[profile][name]"')
    assert.notInclude(html, 'files[profile.cv]')
  })

  test('a visitor without an account checks their answers: each rule’s verdict and reason, nothing stored', async ({
    client,
    assert,
  }) => {
    const call = await callWithRules()
    const before = await rowCounts()
    const failing = await client
      .get(`/calls/${call.id}/eligibility-check`)
      .qs({ answers: { profile: { experience: '3' } } })
    failing.assertStatus(200)
    failing.assertTextIncludes('Vous ne remplissez pas')
    failing.assertTextIncludes('Il faut au moins 5 ans d’expérience professionnelle.')
    // The form comes back filled in.
    failing.assertTextIncludes('value="3"')

    const passing = await client
      .get(`/calls/${call.id}/eligibility-check`)
      .qs({ answers: { profile: { experience: '7' } } })
      .header('accept-language', 'ar')
    passing.assertStatus(200)
    passing.assertTextIncludes('تستوفون')
    assert.notInclude(passing.text(), 'يشترط توفر 5 سنوات')

    assert.deepEqual(await rowCounts(), before)
  })

  test('an answer of the wrong kind is a 422 with the field’s message, never a 500', async ({
    client,
  }) => {
    const call = await callWithRules()
    const response = await client
      .get(`/calls/${call.id}/eligibility-check`)
      .qs({ answers: { profile: { experience: 'beaucoup' } } })
    response.assertStatus(422)
    response.assertTextIncludes('Expérience (années)')
  })

  test('a call without published rules has no self-check', async ({ client, assert }) => {
    const call = await openCallOf('living_grant', FORM)
    const page = await client.get(`/calls/${call.id}`)
    assert.notInclude(page.text(), 'eligibility-check')
    const check = await client.get(`/calls/${call.id}/eligibility-check`)
    check.assertStatus(404)
  })

  test('checks are rate limited per address', async ({ client, assert }) => {
    const call = await callWithRules()
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) {
      const response = await client
        .get(`/calls/${call.id}/eligibility-check`)
        .qs({ answers: { profile: { experience: String(i) } } })
      statuses.push(response.status())
    }
    assert.equal(statuses.filter((status) => status === 429).length, 2)
  })
})
