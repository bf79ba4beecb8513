import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import {
  agreementWithApprovedTranches,
  columnOf,
} from '#tests/functional/disbursements/payment_fixtures'
import { PreparePaymentRun } from '#disbursements/actions/prepare_payment_run'
import { ExecutePaymentRun } from '#disbursements/actions/execute_payment_run'
import { ImportStatement } from '#disbursements/actions/import_statement'
import type User from '#identity/models/user'
import type Tranche from '#disbursements/models/tranche'

/** A camt.053 statement debiting these amounts, booked as one batch as banks do. */
function camt053(lines: Array<{ reference: string; amount: string }>) {
  const details = lines
    .map(
      (line) => `<TxDtls><Refs><EndToEndId>${line.reference}</EndToEndId></Refs>
        <AmtDtls><TxAmt><Amt Ccy="MAD">${line.amount}</Amt></TxAmt></AmtDtls></TxDtls>`
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-1</MsgId><CreDtTm>2026-11-24T08:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-1-1</Id>
      <Ntry>
        <Amt Ccy="MAD">999.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-24</Dt></BookgDt>
      </Ntry>
      <Ntry>
        <Amt Ccy="MAD">0</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-24</Dt></BookgDt>
        <NtryDtls>${details}</NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>`
}

async function executedBankRun(officer: User, amounts: number[], totalCentimes?: number) {
  const { tranches, agreement, call } = await agreementWithApprovedTranches({
    amounts,
    totalCentimes,
  })
  const actor = { id: officer.id }
  const { batch } = await new PreparePaymentRun().handle({
    rail: 'bank',
    trancheIds: tranches.map((tranche) => tranche.id),
    actor,
  })
  await new ExecutePaymentRun().handle(batch.id, actor)
  return { tranches, agreement, call, batch }
}

async function statesOf(tranches: Tranche[]) {
  const rows = await db
    .from('tranches')
    .whereIn(
      'id',
      tranches.map((t) => t.id)
    )
    .orderBy('id')
  return rows.map((row) => row.state)
}

test.group('Reconciliation / bank statements', (group) => {
  isolateEachTest(group)

  test('a camt.053 statement settles and reconciles the matching transfers and lists the others', async ({
    assert,
  }) => {
    const officer = await userWithRoles('finance_officer')
    const { tranches, agreement, call, batch } = await executedBankRun(
      officer,
      [50_000_00, 25_000_50, 10_000_00]
    )

    const result = await new ImportStatement().handle({
      format: 'camt053',
      content: camt053([
        { reference: tranches[0].idempotencyKey, amount: '50000.00' },
        { reference: tranches[1].idempotencyKey, amount: '25000.50' },
        { reference: tranches[2].idempotencyKey, amount: '10000.01' },
        { reference: 'payout:unknown', amount: '12.00' },
      ]),
      actor: { id: officer.id },
    })

    assert.containsSubset(result, { settled: 2, reconciled: 2, alreadyReconciled: 0 })
    assert.deepEqual(
      result.mismatches.map((mismatch) => mismatch.reason),
      ['amount_mismatch', 'unknown_reference']
    )
    assert.deepEqual(await statesOf(tranches), ['reconciled', 'reconciled', 'submitting'])
    const agreementRow = await db.from('agreements').where('id', agreement.id).first()
    assert.equal(agreementRow.paid_centimes, 75_000_50)
    assert.equal(await columnOf('calls', call.id, 'disbursed_centimes'), 75_000_50)
    const ledger = await db
      .from('ledger_entries')
      .where('call_id', call.id)
      .where('kind', 'disburse')
    assert.lengthOf(ledger, 2)
    assert.equal(await columnOf('payment_batches', batch.id, 'state'), 'executing')

    // The same statement again changes nothing; the corrected line completes the run.
    const again = await new ImportStatement().handle({
      format: 'csv',
      content: `end_to_end_id,amount,booking_date\n${tranches[0].idempotencyKey},50000.00,2026-11-24\n${tranches[2].idempotencyKey},"10000,00",2026-11-25\n`,
      actor: { id: officer.id },
    })
    assert.containsSubset(again, {
      settled: 1,
      reconciled: 1,
      alreadyReconciled: 1,
      mismatches: [],
    })
    assert.deepEqual(await statesOf(tranches), ['reconciled', 'reconciled', 'reconciled'])
    assert.equal(await columnOf('payment_batches', batch.id, 'state'), 'executed')
    assert.lengthOf(
      await db.from('ledger_entries').where('call_id', call.id).where('kind', 'disburse'),
      3
    )
  })

  test('a statement that would pay beyond the award applies nothing at all', async ({ assert }) => {
    const officer = await userWithRoles('finance_officer')
    // Sent before the schedule was corrected: 60 000 + 60 000 MAD on a 100 000 MAD award.
    const { tranches, agreement } = await agreementWithApprovedTranches({
      amounts: [60_000_00, 60_000_00],
      totalCentimes: 100_000_00,
    })
    await db
      .from('tranches')
      .whereIn(
        'id',
        tranches.map((t) => t.id)
      )
      .update({ state: 'submitting' })

    await assert.rejects(
      () =>
        new ImportStatement().handle({
          format: 'camt053',
          content: camt053(
            tranches.map((t) => ({ reference: t.idempotencyKey, amount: '60000.00' }))
          ),
          actor: { id: officer.id },
        }),
      /payments.errors.beyond_award/
    )
    assert.deepEqual(await statesOf(tranches), ['submitting', 'submitting'])
    assert.equal(await columnOf('agreements', agreement.id, 'paid_centimes'), 0)
    assert.lengthOf(
      await db.from('ledger_entries').whereIn(
        'tranche_id',
        tranches.map((t) => t.id)
      ),
      0
    )
  })

  test('a finance officer uploads a statement; an unreadable one is a 422 with a message', async ({
    client,
    assert,
  }) => {
    const officer = await userWithRoles('finance_officer')
    const { tranches, batch } = await executedBankRun(officer, [5_000_00])
    const content = camt053([{ reference: tranches[0].idempotencyKey, amount: '5000.00' }])

    const response = await client
      .post(`/finance/payments/${batch.id}/statements`)
      .file('statement', Buffer.from(content), { filename: 'releve.xml' })
      .header('accept', 'application/json')
      .loginAs(officer)
      .withCsrfToken()
    response.assertStatus(200)
    assert.containsSubset(response.body(), { settled: 1, reconciled: 1, mismatches: [] })

    const unreadable = await client
      .post(`/finance/payments/${batch.id}/statements`)
      .file('statement', Buffer.from('just some text'), { filename: 'releve.csv' })
      .header('accept', 'application/json')
      .loginAs(officer)
      .withCsrfToken()
    unreadable.assertStatus(422)
    assert.equal(unreadable.body().errors[0].field, 'statement')
  })
})
