import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Certificate from '#training/models/certificate'
import CertificateMail from '#training/mails/certificate_mail'
import { CloseCohort } from '#training/actions/close_cohort'
import { groupCode } from '#training/certificate_codes'
import { captureMail, isolateEachTest } from '#tests/helpers/http'
import { attend, coordinatorOf, runningCohort } from '#tests/functional/training/institute_fixtures'

/** A running cohort of three: one completes (in Arabic), one attends too little, one fails the exam. */
async function cohortToClose() {
  const { coordinator, institute } = await coordinatorOf()
  const running = await runningCohort({
    institute,
    held: 5,
    trainees: [
      { fullName: 'أمينة الإدريسي', preferredLocale: 'ar' },
      { fullName: 'Youssef Alaoui', preferredLocale: 'fr' },
      { fullName: 'Sara Bennani', preferredLocale: 'fr' },
    ],
  })
  const [completes, absent, failsExam] = running.enrolments
  await attend(running.heldIds.slice(0, 4), [completes.id, failsExam.id], coordinator.id)
  await attend(running.heldIds.slice(0, 3), [absent.id], coordinator.id) // 3 of 5: 60 %
  await db
    .from('enrolments')
    .whereIn('id', [completes.id, absent.id])
    .update({ assessment_passed: true })
  await db.from('enrolments').where('id', failsExam.id).update({ assessment_passed: false })
  return { coordinator, ...running }
}

test.group('Training / what a trainee learns when their cohort closes', (group) => {
  isolateEachTest(group)

  test('the certified trainee gets one mail in their language with the certificate link and code', async ({
    client,
    assert,
  }) => {
    const { coordinator, cohort, enrolments, trainees } = await cohortToClose()
    const mails = captureMail()
    const response = await client
      .post(`/institute/cohorts/${cohort.id}/closure`)
      .loginAs(coordinator)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)

    const certificate = await Certificate.findByOrFail('enrolment_id', enrolments[0].id)
    const queued = mails.queued((mail) => mail instanceof CertificateMail) as CertificateMail[]
    assert.lengthOf(queued, 1, 'only the trainee who completed is written to')
    await queued[0].message.computeContents()
    const message = queued[0].message.toJSON().message
    assert.deepEqual(message.to, [{ address: trainees[0].email, name: trainees[0].fullName }])
    assert.include(message.subject, 'شهادتك')
    const text = String(message.text)
    assert.include(text, groupCode(certificate.code))
    assert.include(text, `/enrolments/${enrolments[0].id}/certificate`)
    assert.include(text, `/verify/${certificate.code}`)
  })

  test('no mail leaves when the closing is rolled back', async ({ assert }) => {
    const { coordinator, cohort } = await cohortToClose()
    const mails = captureMail()
    await db
      .transaction(async (trx) => {
        await new CloseCohort().handle(cohort.id, { id: coordinator.id }, trx)
        throw new Error('rolled back')
      })
      .catch(() => {})
    assert.lengthOf(mails.queued(), 0)
  })

  test('the enrolment page shows the certificate link and code, or why the training was not completed', async ({
    client,
    assert,
  }) => {
    const { coordinator, cohort, enrolments, trainees } = await cohortToClose()
    captureMail()
    await new CloseCohort().handle(cohort.id, { id: coordinator.id })
    const certificate = await Certificate.findByOrFail('enrolment_id', enrolments[0].id)

    const certified = await client.get(`/enrolments/${enrolments[0].id}`).loginAs(trainees[0])
    certified.assertStatus(200)
    assert.include(certified.text(), `href="/enrolments/${enrolments[0].id}/certificate"`)
    assert.include(certified.text(), groupCode(certificate.code))
    assert.include(certified.text(), `href="/verify/${certificate.code}"`)
    assert.include(certified.text(), 'رمز التحقق')

    // The page's text as read (Edge escapes apostrophes).
    const read = (response: { text(): string }) => response.text().replaceAll('&#x27;', "'")
    const absent = await client.get(`/enrolments/${enrolments[1].id}`).loginAs(trainees[1])
    absent.assertStatus(200)
    assert.include(read(absent), 'Présence : 3 séances sur 5 (60 %), il en fallait 80 %.')
    assert.notInclude(absent.text(), '/certificate"')

    const failed = await client.get(`/enrolments/${enrolments[2].id}`).loginAs(trainees[2])
    failed.assertStatus(200)
    assert.include(read(failed), "L'évaluation finale n'a pas été réussie.")
    assert.notInclude(failed.text(), 'Présence :')
  })
})
