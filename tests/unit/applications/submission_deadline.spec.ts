import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import { SubmitApplication } from '#applications/actions/submit_application'
import { nextReference } from '#applications/reference_numbers'
import { fromCasablancaInput } from '#core/casablanca_time'
import { openCallOf } from '#database/factories/programme_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { draftOf } from '#database/factories/application_factory'
import { DomainError } from '#core/exceptions/domain_error'

/**
 * Casablanca left UTC+1 for UTC+0 at 03:00 on 15 February 2026 (Ramadan). A call closing
 * at 12:00 that day closes at 12:00 UTC, not 11:00 UTC as a fixed +01:00 would say.
 */
async function draftClosingAt(wallTime: string) {
  const call = await openCallOf()
  const closesAt = fromCasablancaInput(wallTime)!
  await call.merge({ opensAt: closesAt.minus({ days: 30 }), closesAt }).save()
  const founder = await userWithRoles('applicant')
  return draftOf(founder, call, { project: { name: 'Argan AI' } })
}

test.group('Submission deadline in Casablanca time', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  const fr = () => i18nManager.locale('fr')
  const actor = { id: null }

  test('one minute before a closing set after the Ramadan offset change is accepted', async ({
    assert,
  }) => {
    const draft = await draftClosingAt('2026-02-15T12:00')
    const now = fromCasablancaInput('2026-02-15T11:59')!
    const submitted = await new SubmitApplication().handle(draft, actor, fr(), now)
    assert.equal(submitted.state, 'submitted')
    assert.equal(submitted.submittedAt!.toMillis(), now.toMillis())
    assert.match(submitted.reference!, /^SM-2026-\d{6}$/)
  })

  test('one minute after that closing is refused and nothing changes', async ({ assert }) => {
    const draft = await draftClosingAt('2026-02-15T12:00')
    const now = fromCasablancaInput('2026-02-15T12:01')!
    await assert.rejects(() => new SubmitApplication().handle(draft, actor, fr(), now), DomainError)
    await draft.refresh()
    assert.equal(draft.state, 'draft')
    assert.isNull(draft.reference)
  })

  test('the same holds across the change back to UTC+1 in March', async ({ assert }) => {
    const early = await draftClosingAt('2026-03-22T09:00')
    await assert.rejects(() =>
      new SubmitApplication().handle(early, actor, fr(), fromCasablancaInput('2026-03-22T09:01')!)
    )
    const onTime = await draftClosingAt('2026-03-22T09:00')
    const submitted = await new SubmitApplication().handle(
      onTime,
      actor,
      fr(),
      fromCasablancaInput('2026-03-22T08:59')!
    )
    assert.equal(submitted.state, 'submitted')
  })
})

test.group('Reference numbers', () => {
  test('50 concurrent submissions get 50 distinct, consecutive numbers', async ({ assert }) => {
    const prefix = `T${process.pid % 100_000}`
    try {
      const references = await Promise.all(
        Array.from({ length: 50 }, () =>
          db.transaction((client) => nextReference(prefix, 2031, client))
        )
      )
      assert.lengthOf(new Set(references), 50)
      const numbers = references
        .map((reference) => Number(reference.split('-')[2]))
        .sort((a, b) => a - b)
      assert.deepEqual(
        numbers,
        Array.from({ length: 50 }, (_, index) => index + 1)
      )
      assert.match(references[0], new RegExp(`^${prefix}-2031-0000\\d\\d$`))
    } finally {
      await db.from('reference_counters').where('prefix', prefix).delete()
    }
  })
})
