import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Certificate from '#training/models/certificate'
import { groupCode } from '#training/certificate_codes'
import { isolateEachTest } from '#tests/helpers/http'
import { coordinatorOf, runningCohort } from '#tests/functional/training/institute_fixtures'

async function issued(options: { revoked?: boolean } = {}) {
  const { coordinator, institute } = await coordinatorOf()
  const { enrolments, cohort } = await runningCohort({
    institute,
    trainees: [{ fullName: 'Tilila Amzrou', email: 'tilila.private@example.ma' }],
  })
  const certificate = await Certificate.create({
    enrolmentId: enrolments[0].id,
    code: 'K7QM2D9X4HPTB6WN',
    traineeName: 'Tilila Amzrou',
    locale: 'fr',
    issuedAt: DateTime.fromISO('2026-05-04T10:00:00Z'),
    ...(options.revoked
      ? {
          revokedAt: DateTime.now(),
          revocationReason: 'Fraude constatée à l’évaluation finale.',
          revokedBy: coordinator.id,
        }
      : {}),
  })
  return { certificate, institute, cohort }
}

const PRIVATE = ['tilila.private@example.ma', 'Fraude', 'souss', 'Souss']

test.group('Certificate verification (public)', (group) => {
  isolateEachTest(group)

  test('a valid code shows the holder, course, institute and date of issue, nothing more', async ({
    client,
    assert,
  }) => {
    const { certificate, institute } = await issued()
    const response = await client.get(`/verify/${groupCode(certificate.code)}`)
    response.assertStatus(200)
    const text = response.text()
    assert.include(text, 'Ce certificat est valide.')
    assert.include(text, 'Tilila Amzrou')
    assert.include(text, 'Apprentissage automatique appliqué')
    assert.include(text, institute.name)
    assert.include(text, '4 mai 2026')
    for (const secret of PRIVATE) assert.notInclude(text, secret)
    assert.equal(response.header('cache-control'), 'no-store')
  })

  test('the code is found however it is typed (lower case, spaces, O for 0)', async ({
    client,
    assert,
  }) => {
    await issued()
    const response = await client.get('/verify').qs({ code: ' k7qm 2d9x 4hpt b6wn ' }).redirects(0)
    assert.equal(response.status(), 302)
    assert.equal(response.header('location'), '/verify/K7QM2D9X4HPTB6WN')
    const page = await client.get('/verify/k7qm-2d9x-4hpt-b6wn')
    assert.include(page.text(), 'Tilila Amzrou')
  })

  test('a revoked code says it is revoked and shows nothing about the holder', async ({
    client,
    assert,
  }) => {
    const { certificate, institute } = await issued({ revoked: true })
    const response = await client.get(`/verify/${certificate.code}`)
    response.assertStatus(200)
    const text = response.text()
    assert.include(text, 'Ce certificat a été révoqué')
    for (const secret of [...PRIVATE, 'Tilila', 'Apprentissage', institute.name]) {
      assert.notInclude(text, secret)
    }
  })

  test('an unknown or malformed code says no certificate matches, and nothing else', async ({
    client,
    assert,
  }) => {
    const { institute } = await issued()
    for (const code of ['K7QM2D9X4HPTB6WM', 'nope', "' OR 1=1 --", 'x'.repeat(300)]) {
      const response = await client.get(`/verify/${encodeURIComponent(code)}`)
      assert.equal(response.status(), 404, code)
      const text = response.text()
      assert.include(text, 'Aucun certificat ne correspond à ce code.')
      for (const secret of ['Tilila', 'Apprentissage', institute.name]) {
        assert.notInclude(text, secret)
      }
    }
  })

  test('the page speaks the reader’s language (Arabic, right to left)', async ({
    client,
    assert,
  }) => {
    const { certificate } = await issued()
    const response = await client.get(`/verify/${certificate.code}`).header('accept-language', 'ar')
    assert.include(response.text(), 'dir="rtl"')
    assert.include(response.text(), 'هذه الشهادة صالحة.')
  })

  test('looking up codes in bulk is rate limited', async ({ client, assert }) => {
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) {
      const response = await client.get(`/verify/AAAAAAAAAAAAAA${String(i).padStart(2, '0')}`)
      statuses.push(response.status())
    }
    assert.equal(statuses.filter((status) => status === 429).length, 2)
  })
})
