import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import User from '#identity/models/user'
import AuditLog from '#core/audit/audit_log'
import AccountMail from '#identity/mails/account_mail'
import { UserFactory } from '#database/factories/user_factory'
import { captureMail, isolateEachTest } from '#tests/helpers/http'

const valid = {
  fullName: 'Amina Berrada',
  email: 'Amina.Berrada@example.ma',
  password: 'a long passphrase 2026',
  passwordConfirmation: 'a long passphrase 2026',
  accountType: 'applicant',
  consent: 'on',
}

test.group('Sign-up', (group) => {
  isolateEachTest(group)

  test('a founder signs up, is logged in and gets a verification email in their language', async ({
    client,
    assert,
  }) => {
    const mails = captureMail()
    const response = await client
      .post('/signup')
      .header('Accept-Language', 'ar')
      .form(valid)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/email/verify')
    const user = await User.findByOrFail('email', 'amina.berrada@example.ma')
    assert.deepEqual(user.roles, ['applicant'])
    assert.equal(user.preferredLocale, 'ar')
    assert.isNull(user.emailVerifiedAt)
    assert.notEqual(user.password, valid.password, 'the password is stored hashed')
    assert.match(user.password, /^\$scrypt\$/)

    mails.assertQueuedCount(1)
    assert.match(i18nManager.locale('ar').t('mail.verify_email.subject'), /[\u0600-\u06FF]/)
    mails.assertQueued(AccountMail, (mail) => {
      mail.message.assertTo(user.email)
      mail.message.assertSubject(i18nManager.locale('ar').t('mail.verify_email.subject'))
      return mail.kind === 'verify_email' && mail.path.startsWith('/email/verify/')
    })
  })

  test('staff roles cannot be chosen at sign-up', async ({ client, assert }) => {
    const response = await client
      .post('/signup')
      .accept('json')
      .json({ ...valid, accountType: 'admin' })
      .withCsrfToken()
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'accountType')
    assert.isNull(await User.findBy('email', 'amina.berrada@example.ma'))
  })

  test('an address already registered, in any letter case, is refused', async ({
    client,
    assert,
  }) => {
    await UserFactory.merge({ email: 'amina.berrada@example.ma' }).create()
    const response = await client
      .post('/signup')
      .accept('json')
      .json({ ...valid, email: 'AMINA.BERRADA@example.ma' })
      .withCsrfToken()
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'email')
    const count = await User.query()
      .whereRaw('lower(email) = ?', ['amina.berrada@example.ma'])
      .count('* as total')
    assert.equal(count[0].$extras.total, 1)
  })

  test('without consent the form comes back with the message in French, refilled but for passwords', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post('/signup')
      .header('Accept-Language', 'fr')
      .header('Referer', '/signup')
      .form({ ...valid, consent: '' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/signup')
    assert.deepEqual(response.flashMessages().inputErrorsBag, {
      consent: ['Vous devez cocher cette case pour continuer.'],
    })
    assert.include(
      (response.flashMessages() as any).errorsBag.E_VALIDATION_ERROR,
      'une erreur est à corriger'
    )
    response.assertFlashMessage('fullName', 'Amina Berrada')
    response.assertFlashMissing('password')
    response.assertFlashMissing('passwordConfirmation')
    assert.isNull(await User.findBy('email', 'amina.berrada@example.ma'))
  })

  test('validation messages follow the language: Arabic JSON errors', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post('/signup')
      .accept('json')
      .header('Accept-Language', 'ar')
      .json({ ...valid, password: 'short', passwordConfirmation: 'short' })
      .withCsrfToken()
    response.assertStatus(422)
    const message: string = response
      .body()
      .errors.find((error: any) => error.field === 'password').message
    assert.match(message, /[\u0600-\u06FF]/, 'the message is written in Arabic')
    assert.include(message, '12')
  })

  test('the audit log keeps the connecting address, not a forged X-Forwarded-For', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post('/signup')
      .header('X-Forwarded-For', '203.0.113.7')
      .form(valid)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const user = await User.findByOrFail('email', 'amina.berrada@example.ma')
    const entry = await AuditLog.query()
      .where({ action: 'user.registered', subjectId: String(user.id) })
      .firstOrFail()
    assert.match(entry.ip ?? '', /^(::ffff:)?127\.0\.0\.1$|^::1$/)
  })
})
