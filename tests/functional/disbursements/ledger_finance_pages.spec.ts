import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { agreementFor } from '#database/factories/agreement_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { countQueries } from '#tests/helpers/queries'
import type { Role } from '#identity/roles'

test.group('Finance pages: queues, ledger, export', (group) => {
  isolateEachTest(group)

  test('the finance page lists tranches to verify, to approve, overdue and failed', async ({
    client,
    assert,
  }) => {
    const toVerify = await agreementFor({ trancheStates: ['requested'] })
    const toApprove = await agreementFor({ trancheStates: ['verified'] })
    const failed = await agreementFor({ trancheStates: ['failed'] })
    const overdue = await agreementFor({ trancheStates: ['approved'] })
    await db
      .from('tranches')
      .where('id', overdue.tranches[0].id)
      .update({ due_on: DateTime.now().minus({ days: 10 }).toISODate() })
    const officer = await userWithRoles('finance_officer')

    const page = await client.get('/finance').loginAs(officer)
    page.assertStatus(200)
    const html = page.text()
    const section = (id: string) =>
      html.slice(html.indexOf(`id="${id}"`), html.indexOf('</section>', html.indexOf(`id="${id}"`)))
    assert.include(
      section('to-verify'),
      `/finance/tranches/${toVerify.tranches[0].id}/verification`
    )
    assert.include(section('to-approve'), `/finance/tranches/${toApprove.tranches[0].id}/approval`)
    assert.include(section('overdue'), `#tranche-${overdue.tranches[0].id}`)
    assert.include(section('failed'), `#tranche-${failed.tranches[0].id}`)
    assert.include(section('failed'), 'Compte clôturé')
    // Links name the tranche and its beneficiary, never an "agreement-sequence" code.
    const beneficiary = await db.from('users').where('id', overdue.agreement.beneficiaryId).first()
    assert.match(
      section('overdue'),
      new RegExp(
        `#tranche-${overdue.tranches[0].id}"[^>]*>\\s*Tranche 1 de ${beneficiary.full_name}`
      )
    )
    assert.notInclude(section('overdue'), `${overdue.agreement.id}-1`)
  })

  test('the verifier is told on the queue that someone else must approve', async ({
    client,
    assert,
  }) => {
    const { tranches, verifier } = await agreementFor({ trancheStates: ['verified'] })
    const page = await client.get('/finance').loginAs(verifier!)
    assert.notInclude(page.text(), `/finance/tranches/${tranches[0].id}/approval`)
    assert.include(page.text(), 'un autre agent doit l')
  })

  test('the finance page costs a fixed number of queries however many tranches wait', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('finance_officer')
    await agreementFor({ trancheStates: ['requested'] })
    const few = await countQueries(() => client.get('/finance').loginAs(officer))
    await agreementFor({ trancheStates: ['requested', 'verified', 'failed'] })
    await agreementFor({ kind: 'living_grant', trancheStates: ['requested', 'verified'] })
    const many = await countQueries(() => client.get('/finance').loginAs(officer))
    assert.equal(many.queries.length, few.queries.length)
  })

  test('a call’s ledger shows envelope, committed, disbursed and remaining, as a bar and a table, with its entries', async ({
    client,
    assert,
  }) => {
    const { call } = await agreementFor({
      kind: 'startup_offer',
      amountCentimes: 30_000_000,
      trancheStates: ['paid'],
    })
    const officer = await userWithRoles('finance_officer')
    const page = await client.get(`/finance/calls/${call.id}/ledger`).loginAs(officer)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, 'class="budget-bar"')
    assert.notInclude(html, 'style="', 'no inline style: the CSP refuses them')
    // 120 000 MAD paid of a 10 M MAD envelope: 1.2 %; 180 000 MAD committed not paid: 1.8 %.
    assert.match(html, /class="budget-disbursed"\s+x="0"\s+y="0"\s+width="1.2"/)
    assert.match(html, /class="budget-committed"\s+x="1.2"\s+y="0"\s+width="1.8"/)
    assert.match(html, /class="budget-remaining"\s+x="3"\s+y="0"\s+width="97"/)
    assert.include(html, 'Engagement')
    assert.match(html, /9\D700\D000,00/)
  })

  test('the tranche export is a CSV with a BOM whose formula-like cells are neutralised', async ({
    client,
    assert,
  }) => {
    const { call, applicant } = await agreementFor({ trancheStates: ['paid'] })
    await db.from('users').where('id', applicant.id).update({ full_name: '=HYPERLINK("x")' })
    const officer = await userWithRoles('finance_officer')
    const response = await client
      .get(`/finance/calls/${call.id}/ledger/tranches.csv`)
      .loginAs(officer)
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'text/csv')
    const text = response.text()
    assert.isTrue(text.startsWith('\uFEFF'))
    const lines = text.trim().split('\r\n')
    assert.lengthOf(lines, 4)
    assert.include(lines[1], `"'=HYPERLINK(""x"")"`)
    assert.include(lines[1], '"120000.00"')
    assert.include(lines[1], '"Versée"')
    const audit = await db
      .from('audit_logs')
      .where({ action: 'call.tranches_exported', subject_id: String(call.id) })
      .first()
    assert.equal(audit.actor_id, officer.id)
  })

  test('every finance page and action is refused to other roles (403) and to guests (login)', async ({
    client,
    assert,
  }) => {
    const { call, tranches } = await agreementFor({ trancheStates: ['verified'] })
    const routes: ['GET' | 'POST', string][] = [
      ['GET', '/finance'],
      ['GET', '/finance/awards'],
      ['GET', `/finance/calls/${call.id}/ledger`],
      ['GET', `/finance/calls/${call.id}/ledger/tranches.csv`],
      ['POST', `/finance/tranches/${tranches[0].id}/verification`],
      ['POST', `/finance/tranches/${tranches[0].id}/approval`],
      ['POST', `/finance/tranches/${tranches[0].id}/cancellation`],
    ]
    const roles: Role[] = ['applicant', 'fund_manager', 'programme_officer', 'reviewer', 'admin']
    for (const role of roles) {
      const user = await userWithRoles(role)
      for (const [method, url] of routes) {
        const response = await client
          .request(url, method)
          .form({ reason: 'Une raison suffisamment longue.' })
          .loginAs(user)
          .withCsrfToken()
          .redirects(0)
        assert.equal(response.status(), 403, `${role} ${method} ${url}`)
      }
    }
    for (const [method, url] of routes) {
      const response = await client.request(url, method).withCsrfToken().redirects(0)
      assert.equal(response.header('location'), '/login', `guest ${method} ${url}`)
    }
    await tranches[0].refresh()
    assert.equal(tranches[0].state, 'verified')
  })
})
