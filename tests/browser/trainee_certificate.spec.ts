import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { readFile } from 'node:fs/promises'
import { DateTime } from 'luxon'
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { UserFactory } from '#database/factories/user_factory'
import { cohortOf } from '#database/factories/training_factory'
import Enrolment from '#training/models/enrolment'
import CohortSession from '#training/models/cohort_session'
import Certificate from '#training/models/certificate'
import { MarkAttendance } from '#training/actions/mark_attendance'
import { RecordAssessments } from '#training/actions/record_assessments'
import { CloseCohort } from '#training/actions/close_cohort'
import { groupCode } from '#training/certificate_codes'
import { resetRedis } from '#tests/helpers/services'

const NAME = 'أمينة الإدريسي'

test.group('Browser: a trainee’s certificate', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRedis())

  test('a trainee enrols from the catalogue in Arabic and, once the cohort is closed, downloads the certificate', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const cohort = await cohortOf(
      {},
      {
        course: {
          title: { fr: 'Apprentissage automatique appliqué', ar: 'التعلم الآلي التطبيقي' },
        },
        sessions: 3,
      }
    )
    const trainee = await UserFactory.merge({
      roles: ['trainee'],
      fullName: NAME,
      preferredLocale: 'ar',
    }).create()
    const coordinator = await UserFactory.merge({
      roles: ['institute_coordinator'],
      instituteId: cohort.instituteId,
    }).create()
    await browserContext.loginAs(trainee)

    // The catalogue, the cohort, the enrolment form: all in Arabic, right to left.
    const page = await visit('/training')
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
    await page.locator(`a[href="/training/cohorts/${cohort.id}"]`).first().click()
    await page.waitForURL(`**/training/cohorts/${cohort.id}`)
    await page
      .locator(`a[href$="/training/cohorts/${cohort.id}/enrolments/create"]`)
      .first()
      .click()
    await page.waitForURL('**/enrolments/create')
    await page.locator('[name="answers[trainee][birth_date]"]').fill('2000-04-12')
    await page.locator('[name="answers[trainee][gender]"]').selectOption('female')
    await page.locator('[name="answers[trainee][region]"]').selectOption('souss_massa')
    await page.locator('[name="answers[trainee][education_level]"]').selectOption('bachelor')
    await page.locator('[name="answers[trainee][experience_years]"]').fill('2')
    await page
      .locator('[name="answers[trainee][motivation]"]')
      .fill('أريد أن أصبح مهندسة في التعلم الآلي في أكادير وأن أساعد الفلاحين.')
    await page.locator('form button[type="submit"]').last().click()
    await page.waitForURL(/\/enrolments\/\d+$/)

    const enrolment = await Enrolment.findByOrFail('trainee_id', trainee.id)
    assert.equal(enrolment.state, 'accepted')

    // The coordinator's side, through the actions: the sessions are held, the trainee is
    // present at all of them, passes the assessment, and the cohort is closed.
    const actor = { id: coordinator.id }
    await db
      .from('cohort_sessions')
      .where('cohort_id', cohort.id)
      .update({
        starts_at: DateTime.now().minus({ days: 2 }).toJSDate(),
        ends_at: DateTime.now().minus({ days: 2 }).plus({ hours: 3 }).toJSDate(),
      })
    await db.from('cohorts').where('id', cohort.id).update({ state: 'running' })
    for (const session of await CohortSession.query().where('cohort_id', cohort.id)) {
      await new MarkAttendance().handle(session, [enrolment.id], actor)
    }
    await new RecordAssessments().handle(
      cohort.id,
      [{ enrolmentId: enrolment.id, score: 88, passed: true }],
      actor
    )
    const closing = await new CloseCohort().handle(cohort.id, actor)
    assert.equal(closing.certificates, 1)
    const certificate = await Certificate.findByOrFail('enrolment_id', enrolment.id)

    // The trainee finds the certificate among their enrolments and downloads it.
    await page.goto('/enrolments')
    const downloading = page.waitForEvent('download')
    await page.locator(`a[href="/enrolments/${enrolment.id}/certificate"]`).click()
    const download = await downloading
    assert.equal(download.suggestedFilename(), `certificate-${groupCode(certificate.code)}.pdf`)
    const pdf = await PDFDocument.load(await readFile(await download.path()))
    assert.equal(pdf.getTitle(), `شهادة — ${NAME}`)
    assert.equal(pdf.catalog.lookupMaybe(PDFName.of('Lang'), PDFString)?.decodeText(), 'ar-MA')

    // Anyone can check it with the printed code.
    await page.goto(`/verify/${groupCode(certificate.code)}`)
    assert.include(await page.locator('main').innerText(), NAME)
  })
})
