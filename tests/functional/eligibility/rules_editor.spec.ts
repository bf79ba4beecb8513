import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import RuleSetVersion from '#eligibility/models/rule_set_version'
import { MINIMAL_RULES, openCallOf, publishRules } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import type { RuleSet } from '#eligibility/rule_set'

/** MINIMAL_RULES with a lower ceiling: what an officer typically changes. */
const LOWER_CEILING: RuleSet = {
  ...MINIMAL_RULES,
  eligibility: {
    all: [{ ...(MINIMAL_RULES.eligibility as { all: any[] }).all[0], value: { mad: 400_000 } }],
  },
}

function versionsOf(callId: number) {
  return RuleSetVersion.query().where('call_id', callId).orderBy('version')
}

function ruleAudits(callId: number, action = 'call.rules_saved') {
  return db.from('audit_logs').where({ action, subject_type: 'call', subject_id: String(callId) })
}

test.group('Staff: eligibility rules editor', (group) => {
  isolateEachTest(group)

  test('a call without rules shows the starter, everyone eligible, and the operators help', async ({
    client,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const page = await client.get(`/staff/calls/${call.id}/rules`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes(
      '{\n  &quot;eligibility&quot;: {\n    &quot;all&quot;: []\n  },\n  &quot;scoring&quot;: []\n}'
    )
    page.assertTextIncludes('Aucune condition : toute candidature soumise est éligible.')
    page.assertTextIncludes('Aucune version en vigueur')
    page.assertTextIncludes('Aide : les opérateurs')
    page.assertTextIncludes('<code dir="ltr">count_gte</code>')
  })

  test('the working copy reads in words, with the labels of the call form, and its versions', async ({
    client,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    await publishRules(call)
    const page = await client.get(`/staff/calls/${call.id}/rules`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes('Toutes les conditions suivantes :')
    page.assertTextIncludes('« Montant demandé » est inférieur ou égal à 500.000,00\u00a0MAD')
    page.assertTextIncludes('Le montant demandé ne peut dépasser 500 000 MAD.')
    page.assertTextIncludes('moins de 100.000,00\u00a0MAD : 100 pts')
    page.assertTextIncludes('100.000,00\u00a0MAD ou plus : 50 pts')
    page.assertTextIncludes('value="100"')
    page.assertTextIncludes('Version en vigueur : 1')
    page.assertTextIncludes('<span class="badge green">En vigueur</span>')
  })

  test('the page speaks Arabic to an Arabic-speaking officer', async ({ client }) => {
    const officer = await userWithRoles('programme_officer')
    officer.preferredLocale = 'ar'
    await officer.save()
    const call = await openCallOf()
    await publishRules(call)
    const page = await client.get(`/staff/calls/${call.id}/rules`).loginAs(officer)
    page.assertStatus(200)
    page.assertTextIncludes('dir="rtl"')
    page.assertTextIncludes('شروط الأهلية')
    page.assertTextIncludes('الصيغة السارية: 1')
  })

  test('a first save creates version 1, unpublished; saving again corrects it in place', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const first = await client
      .put(`/staff/calls/${call.id}/rules`)
      .form({ rules: JSON.stringify(MINIMAL_RULES) })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    first.assertStatus(302)
    first.assertHeader('location', `/staff/calls/${call.id}/rules`)
    first.assertFlashMessage('success', 'Copie de travail enregistrée (version 1, non publiée).')

    await client
      .put(`/staff/calls/${call.id}/rules`)
      .form({ rules: JSON.stringify(LOWER_CEILING, null, 2) })
      .loginAs(officer)
      .withCsrfToken()
    const versions = await versionsOf(call.id)
    assert.lengthOf(versions, 1)
    assert.deepEqual(versions[0].rules, LOWER_CEILING)
    assert.isNull(versions[0].publishedAt)

    const audits = await ruleAudits(call.id).orderBy('id')
    assert.deepEqual(
      audits.map((entry) => [entry.metadata.version, entry.metadata.newVersion, entry.actor_id]),
      [
        [1, true, officer.id],
        [1, false, officer.id],
      ]
    )
  })

  test('after a publication a save becomes version 2; the published version stays as it was', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const published = await publishRules(call)
    const publishedRow = await db.from('rule_set_versions').where('id', published.id).first()

    const response = await client
      .put(`/staff/calls/${call.id}/rules`)
      .form({ rules: JSON.stringify(LOWER_CEILING) })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'success',
      'La version 1 est publiée et ne change pas : vos modifications forment la version 2, non publiée.'
    )

    const versions = await versionsOf(call.id)
    assert.deepEqual(
      versions.map((version) => [version.version, version.publishedAt !== null]),
      [
        [1, true],
        [2, false],
      ]
    )
    assert.deepEqual(versions[1].rules, LOWER_CEILING)
    assert.deepEqual(
      await db.from('rule_set_versions').where('id', published.id).first(),
      publishedRow
    )
    const [entry] = await ruleAudits(call.id)
    assert.equal(entry.metadata.version, 2)
    assert.equal(entry.metadata.ruleSetVersionId, versions[1].id)

    // A later save corrects version 2, never version 1.
    await client
      .put(`/staff/calls/${call.id}/rules`)
      .form({ rules: JSON.stringify(MINIMAL_RULES) })
      .loginAs(officer)
      .withCsrfToken()
    assert.lengthOf(await versionsOf(call.id), 2)
    assert.deepEqual(
      await db.from('rule_set_versions').where('id', published.id).first(),
      publishedRow
    )

    const page = await client.get(`/staff/calls/${call.id}/rules`).loginAs(officer)
    page.assertTextIncludes('Copie de travail : version 2, non publiée')
    page.assertTextIncludes('Publier la version 2')
  })

  test('the database itself refuses to change a published version', async ({ assert }) => {
    const call = await openCallOf()
    const published = await publishRules(call)
    await assert.rejects(
      () => db.from('rule_set_versions').where('id', published.id).update({ rules: '{}' }),
      /is published/
    )
  })

  test('saving the rules the latest version already holds writes nothing', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    await publishRules(call)
    const response = await client
      .put(`/staff/calls/${call.id}/rules`)
      .form({ rules: JSON.stringify(MINIMAL_RULES, null, 4) })
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'success',
      "Rien n'a changé : ces règles sont déjà celles de la version 1."
    )
    assert.lengthOf(await versionsOf(call.id), 1)
    assert.lengthOf(await ruleAudits(call.id), 0)
  })

  test('invalid JSON is shown back with where it breaks, and nothing is written', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    await publishRules(call)
    const text = '{\n  "eligibility": { "all": [] },\n  "scoring": [],\n}'
    const page = await client
      .put(`/staff/calls/${call.id}/rules`)
      .form({ rules: text })
      .loginAs(officer)
      .withCsrfToken()
    page.assertStatus(422)
    page.assertTextIncludes('Le texte n&#x27;est pas du JSON valide (ligne 4, colonne 1).')
    page.assertTextIncludes('&quot;scoring&quot;: [],\n}</textarea>')

    const versions = await versionsOf(call.id)
    assert.lengthOf(versions, 1)
    assert.deepEqual(versions[0].rules, MINIMAL_RULES)
    assert.lengthOf(await ruleAudits(call.id), 0)
  })

  test('rules that do not fit the form list every problem with its exact path, and nothing is written', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const broken = {
      eligibility: {
        all: [
          {
            id: 'ceiling',
            field: 'project.amount',
            operator: 'lte',
            value: 500000,
            message: { fr: 'Trop' },
          },
          {
            any: [
              {
                id: 'named',
                field: 'project.name',
                operator: 'gte',
                value: 3,
                message: { fr: 'Nom' },
              },
              {
                id: 'sector',
                field: 'project.sector',
                operator: 'present',
                message: { fr: 'Secteur' },
              },
            ],
          },
        ],
      },
      scoring: [
        {
          id: 'amount',
          label: { fr: 'Montant' },
          field: 'project.amount',
          weight: 60,
          bands: [{ max: { mad: 100000 }, points: 1 }],
        },
      ],
    }
    const page = await client
      .put(`/staff/calls/${call.id}/rules`)
      .form({ rules: JSON.stringify(broken) })
      .loginAs(officer)
      .withCsrfToken()
    page.assertStatus(422)
    page.assertTextIncludes('Rien n&#x27;a été enregistré. 4 erreurs sont à corriger :')
    page.assertTextIncludes(
      'eligibility.all[0].value : money answers are centimes: write the amount in dirhams as { &quot;mad&quot;: 500000 }'
    )
    page.assertTextIncludes(
      'eligibility.all[1].any[0].operator : &quot;gte&quot; does not apply to a text field'
    )
    page.assertTextIncludes(
      'eligibility.all[1].any[1].field : section &quot;project&quot; has no field &quot;sector&quot;'
    )
    page.assertTextIncludes('scoring : the weights add up to 60; they must add up to 100')

    const json = await client
      .put(`/staff/calls/${call.id}/rules`)
      .accept('json')
      .json({ rules: JSON.stringify({ eligibility: { any: [] }, scoring: [] }) })
      .loginAs(officer)
      .withCsrfToken()
    json.assertStatus(422)
    assert.deepEqual(
      json.body().errors.map((error: { message: string }) => error.message),
      ['eligibility.any : needs at least one condition']
    )

    assert.lengthOf(await versionsOf(call.id), 0)
    assert.lengthOf(await ruleAudits(call.id), 0)
  })

  test('the rules of a decided call can no longer change', async ({ client, assert }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    await publishRules(call)
    call.state = 'decided'
    call.closesAt = DateTime.utc().minus({ days: 1 })
    await call.save()

    const response = await client
      .put(`/staff/calls/${call.id}/rules`)
      .form({ rules: JSON.stringify(LOWER_CEILING) })
      .header('Referer', `/staff/calls/${call.id}/rules`)
      .loginAs(officer)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'error',
      "Cet appel n'est plus modifiable dans son état actuel : ses règles ne changent plus."
    )
    assert.lengthOf(await versionsOf(call.id), 1)
    const page = await client.get(`/staff/calls/${call.id}/rules`).loginAs(officer)
    page.assertTextIncludes('readonly')
    assert.notInclude(page.text(), 'name="rules"')
  })

  test('the call page links to its rules', async ({ client }) => {
    const officer = await userWithRoles('programme_officer')
    const call = await openCallOf()
    const page = await client.get(`/staff/calls/${call.id}`).loginAs(officer)
    page.assertTextIncludes(`href="/staff/calls/${call.id}/rules"`)
    page.assertTextIncludes('Règles d&#x27;éligibilité')
  })
})
