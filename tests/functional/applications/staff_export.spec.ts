import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { openCallOf } from '#database/factories/programme_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { STAFF_FORM, draftTo, submittedTo } from '#tests/functional/applications/staff_fixtures'
import type User from '#identity/models/user'
import type { ApiClient } from '@japa/api-client'

/** The export as bytes, then as rows of cells (RFC 4180: quoted cells, doubled quotes, CRLF). */
async function exportOf(client: ApiClient, url: string, officer: User) {
  const response = await client.get(url).loginAs(officer)
  const bytes = Buffer.from(response.text(), 'utf8')
  const text = response.text().replace(/^\uFEFF/, '')
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += char
  }
  return { response, bytes, raw: response.text(), rows }
}

test.group('Staff / CSV export of a call’s applications', (group) => {
  isolateEachTest(group)

  test('the export is UTF-8 with a BOM, one row per application, answers in French-labelled columns', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer', STAFF_FORM)
    const company = await OrganizationFactory.merge({ name: 'Argan Labs' }).create()
    const application = await submittedTo(call, {
      fullName: 'سلمى الإدريسي',
      email: 'salma@example.ma',
      organizationId: company.id,
      region: 'souss_massa',
      // Winter: Casablanca is UTC+1.
      submittedAt: DateTime.fromISO('2026-01-15T10:00:00.123Z'),
      answers: {
        project: {
          name: 'زيت أركان ⵜⴰⵣⴰⵔⵜ',
          amount: 25_000_050,
          sector: 'agritech',
          markets: ['ma', 'africa'],
          women_led: true,
          founded_on: '2024-03-01',
          deck: 7,
        },
        team: { size: 4, founders: [{ name: 'Salma' }] },
      },
    })
    const officer = await userWithRoles('programme_officer')

    const { response, bytes, rows } = await exportOf(
      client,
      `/staff/calls/${call.id}/applications.csv`,
      officer
    )
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/csv; charset=utf-8/)
    assert.match(
      response.header('content-disposition') ?? '',
      /attachment; filename="?applications-call-\d+\.csv/
    )
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])

    assert.deepEqual(rows[0], [
      'Référence',
      'Statut',
      'Nom du candidat',
      'E-mail du candidat',
      'Organisation',
      'Région',
      'Déposée le (heure de Casablanca)',
      'Nom du projet',
      'Montant demandé',
      'Secteur',
      'Marchés',
      'Dirigée par une femme',
      'Date de création',
      "Taille de l'équipe",
    ])
    assert.deepEqual(rows[1], [
      application.reference!,
      'Déposée',
      'سلمى الإدريسي',
      'salma@example.ma',
      'Argan Labs',
      'Souss-Massa',
      '2026-01-15T11:00:00+01:00',
      'زيت أركان ⵜⴰⵣⴰⵔⵜ',
      '250000.50',
      'Agritech',
      'Maroc; Afrique',
      'Oui',
      '2024-03-01',
      '4',
    ])
    assert.lengthOf(rows, 2)
  })

  test('cells that a spreadsheet would run as formulas are neutralised', async ({
    client,
    assert,
  }) => {
    const call = await openCallOf('startup_offer', STAFF_FORM)
    const attacker = await submittedTo(call, {
      fullName: '=HYPERLINK("http://evil","x")',
      answers: { project: { name: '@SUM(1+1)*cmd|/C calc' } },
    })
    const others = [
      await submittedTo(call, { fullName: '+33 6 00', answers: { project: { name: '-2+3' } } }),
      await submittedTo(call, { fullName: '\tTabbed', answers: { project: { name: '\rReturn' } } }),
    ]
    const officer = await userWithRoles('programme_officer')

    const { raw, rows } = await exportOf(
      client,
      `/staff/calls/${call.id}/applications.csv`,
      officer
    )
    // As written: apostrophe first, quotes doubled inside a quoted cell.
    assert.include(raw, `"'=HYPERLINK(""http://evil"",""x"")"`)
    assert.notMatch(raw, /(^|,)"?=HYPERLINK/m)

    const byReference = new Map(rows.slice(1).map((row) => [row[0], row]))
    assert.equal(byReference.get(attacker.reference!)![2], `'=HYPERLINK("http://evil","x")`)
    assert.equal(byReference.get(attacker.reference!)![7], `'@SUM(1+1)*cmd|/C calc`)
    assert.equal(byReference.get(others[0].reference!)![2], "'+33 6 00")
    assert.equal(byReference.get(others[0].reference!)![7], "'-2+3")
    assert.equal(byReference.get(others[1].reference!)![2], "'\tTabbed")
    assert.equal(byReference.get(others[1].reference!)![7], "'\rReturn")
    for (const row of rows) {
      for (const cell of row) assert.notMatch(cell, /^[=+\-@\t\r]/, `unsafe cell ${cell}`)
    }
  })

  test('the export applies the list filters and leaves drafts out', async ({ client, assert }) => {
    const call = await openCallOf('startup_offer', STAFF_FORM)
    const wanted = await submittedTo(call, { state: 'eligible', region: 'oriental' })
    await submittedTo(call, { state: 'eligible', region: 'fes_meknes' })
    await submittedTo(call, { state: 'rejected', region: 'oriental' })
    await draftTo(call, 'Brouillon Oriental')
    const officer = await userWithRoles('programme_officer')

    const filtered = await exportOf(
      client,
      `/staff/calls/${call.id}/applications.csv?state=eligible&region=oriental`,
      officer
    )
    assert.deepEqual(
      filtered.rows.slice(1).map((row) => row[0]),
      [wanted.reference!]
    )
    const everything = await exportOf(client, `/staff/calls/${call.id}/applications.csv`, officer)
    assert.lengthOf(everything.rows, 4)
    assert.notInclude(everything.raw, 'Brouillon Oriental')
  })

  test('each export is audited with its filters and row count', async ({ client, assert }) => {
    const call = await openCallOf('startup_offer', STAFF_FORM)
    await submittedTo(call, { region: 'oriental' })
    await submittedTo(call, { region: 'oriental' })
    await submittedTo(call, { region: 'souss_massa' })
    const officer = await userWithRoles('programme_officer')

    await exportOf(client, `/staff/calls/${call.id}/applications.csv?region=oriental&q=`, officer)
    const audit = await db
      .from('audit_logs')
      .where({
        action: 'call.applications_exported',
        subject_type: 'call',
        subject_id: String(call.id),
      })
      .firstOrFail()
    assert.equal(audit.actor_id, officer.id)
    assert.deepEqual(audit.metadata, { filters: { region: 'oriental' }, rowCount: 2 })
  })

  test('a large export is complete across batches', async ({ client, assert }) => {
    const call = await openCallOf('startup_offer', STAFF_FORM)
    const applicants = await db
      .table('users')
      .multiInsert(
        Array.from({ length: 1005 }, (_, i) => ({
          full_name: `Candidat ${i}`,
          email: `bulk-${call.id}-${i}@example.ma`,
          password: 'x',
          roles: ['applicant'],
          preferred_locale: 'fr',
          created_at: new Date(),
          updated_at: new Date(),
        }))
      )
      .returning('id')
    const form = await db.from('form_versions').where('call_id', call.id).firstOrFail()
    await db.table('applications').multiInsert(
      applicants.map(({ id }, i) => ({
        call_id: call.id,
        applicant_id: id,
        state: 'submitted',
        answers: '{}',
        reference: `BK-${call.id}-${i}`.slice(0, 20),
        form_version_id: form.id,
        submitted_answers: JSON.stringify({ project: { name: `Projet ${i}` } }),
        submitted_at: new Date(),
        region: 'oriental',
        title: `Candidat ${i}`,
        created_at: new Date(),
        updated_at: new Date(),
      }))
    )
    const officer = await userWithRoles('programme_officer')

    const { rows } = await exportOf(client, `/staff/calls/${call.id}/applications.csv`, officer)
    assert.lengthOf(rows, 1006)
    assert.equal(new Set(rows.slice(1).map((row) => row[0])).size, 1005)
  })
})
