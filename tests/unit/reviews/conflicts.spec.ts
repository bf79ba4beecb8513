import { test } from '@japa/runner'
import { detectConflicts, institutionalDomainOf } from '#reviews/conflicts'

const application = (id: number, email: string, organizationId: number | null = null) => ({
  id,
  organizationId,
  applicantId: 1000 + id,
  applicantEmail: email,
})

test.group('Automatic conflicts of interest', () => {
  test('a reviewer who belongs to the applying organization is conflicted with it', ({
    assert,
  }) => {
    const detected = detectConflicts(
      [application(1, 'a@startup.ma', 7), application(2, 'b@other.ma', 8)],
      [{ id: 5, email: 'r@univ.ma', organizationIds: [7, 99] }]
    )
    assert.deepEqual(detected, [{ reviewerId: 5, organizationId: 7, source: 'organization' }])
  })

  test('a shared institutional email domain is a conflict, case aside', ({ assert }) => {
    const detected = detectConflicts(
      [application(1, 'founder@UM5.ac.ma'), application(2, 'x@elsewhere.ma')],
      [{ id: 5, email: 'prof@um5.ac.ma', organizationIds: [] }]
    )
    assert.deepEqual(detected, [{ reviewerId: 5, applicationId: 1, source: 'email_domain' }])
  })

  test('public mail domains never make a conflict', ({ assert }) => {
    for (const domain of ['gmail.com', 'outlook.com', 'yahoo.fr', 'hotmail.com', 'menara.ma']) {
      assert.isNull(institutionalDomainOf(`someone@${domain}`))
      const detected = detectConflicts(
        [application(1, `a@${domain}`)],
        [{ id: 5, email: `b@${domain}`, organizationIds: [] }]
      )
      assert.deepEqual(detected, [])
    }
  })

  test('a domain the portal declares shared (MAIL_SHARED_DOMAINS) makes no conflict', ({
    assert,
  }) => {
    // .env.test declares shared-office.test, as .env.example declares the demo's manassa.test.
    assert.isNull(institutionalDomainOf('officer@Shared-Office.test'))
    const detected = detectConflicts(
      [application(1, 'founder@shared-office.test')],
      [{ id: 5, email: 'reviewer@shared-office.test', organizationIds: [] }]
    )
    assert.deepEqual(detected, [])
  })

  test('reviewing one’s own application is a conflict, whatever the domain', ({ assert }) => {
    const own = { id: 3, organizationId: null, applicantId: 5, applicantEmail: 'me@gmail.com' }
    const detected = detectConflicts([own], [{ id: 5, email: 'me@gmail.com', organizationIds: [] }])
    assert.deepEqual(detected, [{ reviewerId: 5, applicationId: 3, source: 'email_domain' }])
  })
})
