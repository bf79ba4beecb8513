import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { PDFDocument } from 'pdf-lib'
import Certificate from '#training/models/certificate'
import { userWithRoles } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'
import { coordinatorOf, runningCohort } from '#tests/functional/training/institute_fixtures'

async function certified(revoked = false) {
  const { coordinator, institute } = await coordinatorOf()
  const { enrolments, trainees } = await runningCohort({
    institute,
    trainees: [{ fullName: 'أمينة الإدريسي', preferredLocale: 'ar' }],
  })
  const certificate = await Certificate.create({
    enrolmentId: enrolments[0].id,
    code: 'M9XD7KQ24HPTB6WN',
    traineeName: 'أمينة الإدريسي',
    locale: 'ar',
    issuedAt: DateTime.now(),
    ...(revoked
      ? {
          revokedAt: DateTime.now(),
          revocationReason: 'Erreur de saisie.',
          revokedBy: coordinator.id,
        }
      : {}),
  })
  return { certificate, enrolment: enrolments[0], trainee: trainees[0], coordinator }
}

const parseBinary = (res: any, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = []
  res.on('data', (chunk: Buffer) => chunks.push(chunk))
  res.on('end', () => done(null, Buffer.concat(chunks)))
}

test.group('Certificate downloads (trainees)', (group) => {
  isolateEachTest(group)

  test('the trainee downloads their certificate as a PDF in the language frozen on it', async ({
    client,
    assert,
  }) => {
    const { enrolment, trainee } = await certified()
    const response = await client
      .get(`/enrolments/${enrolment.id}/certificate`)
      .loginAs(trainee)
      .setup((request: any) => {
        request.request.buffer(true).parse(parseBinary)
      })
    response.assertStatus(200)
    assert.equal(response.header('content-type'), 'application/pdf')
    assert.include(response.header('content-disposition'), 'certificate-M9XD-7KQ2-4HPT-B6WN.pdf')
    const pdf = await PDFDocument.load(response.body() as Buffer)
    assert.equal(pdf.getTitle(), 'شهادة — أمينة الإدريسي')
  })

  test('someone else’s enrolment is a 404, a coordinator included', async ({ client, assert }) => {
    const { enrolment, coordinator } = await certified()
    for (const user of [await userWithRoles('trainee'), coordinator]) {
      const response = await client.get(`/enrolments/${enrolment.id}/certificate`).loginAs(user)
      assert.equal(response.status(), 404)
    }
    const guest = await client.get(`/enrolments/${enrolment.id}/certificate`).redirects(0)
    assert.equal(guest.header('location'), '/login')
  })

  test('a revoked certificate is refused with a clear message', async ({ client, assert }) => {
    const { enrolment, trainee } = await certified(true)
    const response = await client
      .get(`/enrolments/${enrolment.id}/certificate`)
      .loginAs(trainee)
      .accept('json')
    assert.equal(response.status(), 410)
    assert.equal(response.body().errors[0].message, 'تم إلغاء هذه الشهادة ولم يعد تحميلها ممكنا.')
  })

  test('a coordinator revokes a certificate with a reason, audited; /verify then says so', async ({
    client,
    assert,
  }) => {
    const { certificate, coordinator } = await certified()
    const short = await client
      .post(`/institute/certificates/${certificate.id}/revocation`)
      .json({ reason: 'non' })
      .accept('json')
      .loginAs(coordinator)
      .withCsrfToken()
    assert.equal(short.status(), 422)

    const response = await client
      .post(`/institute/certificates/${certificate.id}/revocation`)
      .form({ reason: 'Fraude constatée à l’évaluation finale.' })
      .loginAs(coordinator)
      .withCsrfToken()
      .redirects(0)
    assert.equal(response.status(), 302)
    await certificate.refresh()
    assert.isNotNull(certificate.revokedAt)
    assert.equal(certificate.revokedBy, coordinator.id)
    const audit = await db.from('audit_logs').where('action', 'certificate.revoked').firstOrFail()
    assert.equal(audit.subject_id, String(certificate.id))
    assert.equal(audit.actor_id, coordinator.id)
    assert.equal(audit.reason, 'Fraude constatée à l’évaluation finale.')
    const verify = await client.get(`/verify/${certificate.code}`)
    assert.include(verify.text(), 'Ce certificat a été révoqué')
  })
})
