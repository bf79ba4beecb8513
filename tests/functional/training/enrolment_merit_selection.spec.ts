import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Enrolment from '#training/models/enrolment'
import EnrolmentMail from '#training/mails/enrolment_mail'
import { SelectByMerit } from '#training/actions/select_by_merit'
import { cohortOf, enrolmentIn } from '#database/factories/training_factory'
import { userWithRoles } from '#database/factories/user_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import type { DomainError } from '#core/exceptions/domain_error'

const actor = { id: null }

test.group('Enrolment / merit selection (the action coordinators run)', (group) => {
  isolateEachTest(group)

  test('after closing, the best scores get the seats and the others wait in rank order, each told by mail', async ({
    assert,
  }) => {
    const cohort = await cohortOf({
      selection: 'merit',
      capacity: 2,
      enrolmentClosesAt: DateTime.utc().minus({ hours: 1 }),
    })
    const scores = [55, 90, 55, 70, 10]
    const enrolments = []
    for (const [index, score] of scores.entries()) {
      const trainee = await userWithRoles('trainee')
      enrolments.push(
        await enrolmentIn(cohort, trainee.id, {
          state: 'pending',
          score,
          createdAt: DateTime.utc().minus({ minutes: 10 - index }),
        })
      )
    }
    const mails = captureMail()
    const selection = await new SelectByMerit().handle(cohort.id, actor)
    const [e55a, e90, e55b, e70, e10] = enrolments.map((enrolment) => enrolment.id)
    assert.deepEqual(selection, { accepted: [e90, e70], waitlisted: [e55a, e55b, e10] })

    const rows = await Enrolment.query().where('cohortId', cohort.id).orderBy('id')
    assert.deepEqual(
      rows.map((row) => [row.state, row.waitlistPosition]),
      [
        ['waitlisted', 1],
        ['accepted', null],
        ['waitlisted', 2],
        ['accepted', null],
        ['waitlisted', 3],
      ]
    )
    await cohort.refresh()
    assert.equal(cohort.seatsTaken, 2)
    assert.lengthOf(
      mails.queued((mail) => mail instanceof EnrolmentMail),
      5
    )

    // Running it again finds nobody pending: nothing changes.
    assert.deepEqual(await new SelectByMerit().handle(cohort.id, actor), {
      accepted: [],
      waitlisted: [],
    })
    await cohort.refresh()
    assert.equal(cohort.seatsTaken, 2)
  })

  test('the selection waits for enrolment to close, and only merit cohorts have one', async ({
    assert,
  }) => {
    const open = await cohortOf({ selection: 'merit' })
    const fcfs = await cohortOf({ enrolmentClosesAt: DateTime.utc().minus({ hours: 1 }) })
    const keys = []
    for (const cohort of [open, fcfs]) {
      try {
        await new SelectByMerit().handle(cohort.id, actor)
      } catch (error) {
        keys.push((error as DomainError).translationKey)
      }
    }
    assert.deepEqual(keys, [
      'training.selection_run.errors.still_open',
      'training.selection_run.errors.not_merit',
    ])
  })
})
