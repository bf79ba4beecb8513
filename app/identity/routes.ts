import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { throttleAccountForms } from '#start/limiter'

const identity = controllers.identity

export function identityWebRoutes() {
  router
    .group(() => {
      router.get('/signup', [identity.SignUp, 'create']).as('sign_up.create')
      router
        .post('/signup', [identity.SignUp, 'store'])
        .as('sign_up.store')
        .use(throttleAccountForms)
      router.get('/login', [identity.Session, 'create']).as('session.create')
      router.post('/login', [identity.Session, 'store']).as('session.store')
      router.get('/password/forgot', [identity.PasswordReset, 'create']).as('password_reset.create')
      router
        .post('/password/forgot', [identity.PasswordReset, 'store'])
        .as('password_reset.store')
        .use(throttleAccountForms)
    })
    .use(middleware.guest())

  router.get('/password/reset/:token', [identity.PasswordReset, 'edit']).as('password_reset.edit')
  router
    .post('/password/reset/:token', [identity.PasswordReset, 'update'])
    .as('password_reset.update')
  router.get('/invitations/:token', [identity.Invitations, 'edit']).as('invitations.edit')
  router.post('/invitations/:token', [identity.Invitations, 'update']).as('invitations.update')
  router
    .get('/email/verify/:token', [identity.EmailVerification, 'update'])
    .as('email_verification.update')

  // What a password-only session may do: give its second factor (or enrol one), or leave.
  router
    .group(() => {
      router.post('/logout', [identity.Session, 'destroy']).as('session.destroy')
      router
        .get('/mfa/challenge', [identity.secondFactor.SecondFactor, 'create'])
        .as('second_factor.create')
      router
        .post('/mfa/challenge', [identity.secondFactor.SecondFactor, 'store'])
        .as('second_factor.store')
      router
        .get('/mfa/totp/new', [identity.secondFactor.TotpEnrolment, 'create'])
        .as('totp_enrolment.create')
      router
        .post('/mfa/totp', [identity.secondFactor.TotpEnrolment, 'store'])
        .as('totp_enrolment.store')
      router
        .post('/mfa/passkey/options', [identity.secondFactor.PasskeyAssertions, 'options'])
        .as('passkey_assertions.options')
      router
        .post('/mfa/passkey', [identity.secondFactor.PasskeyAssertions, 'store'])
        .as('passkey_assertions.store')
    })
    .use(middleware.auth({ passwordOnly: true }))

  router
    .group(() => {
      router.get('/sudo', [identity.secondFactor.Sudo, 'create']).as('sudo.create')
      router.post('/sudo', [identity.secondFactor.Sudo, 'store']).as('sudo.store')
      router
        .post('/mfa/recovery-codes', [identity.secondFactor.RecoveryCodes, 'store'])
        .as('recovery_codes.store')
        .use(middleware.sudo())
      // Adding or removing a factor is sudo: a stolen session cannot plant its own passkey.
      router
        .post('/passkeys/options', [identity.secondFactor.Passkeys, 'options'])
        .as('passkeys.options')
        .use(middleware.sudo())
      router
        .post('/passkeys', [identity.secondFactor.Passkeys, 'store'])
        .as('passkeys.store')
        .use(middleware.sudo())
      router
        .delete('/passkeys/:id', [identity.secondFactor.Passkeys, 'destroy'])
        .as('passkeys.destroy')
        .use(middleware.sudo())
      router
        .get('/email/verify', [identity.EmailVerification, 'show'])
        .as('email_verification.notice')
      router
        .post('/email/verification', [identity.EmailVerification, 'store'])
        .as('email_verification.store')
        .use(throttleAccountForms)
      router.get('/profile', [identity.Profile, 'edit']).as('profile.edit')
      router.put('/profile', [identity.Profile, 'update']).as('profile.update')
      router
        .put('/profile/password', [identity.ProfilePassword, 'update'])
        .as('profile_password.update')
    })
    .use(middleware.auth())

  router
    .group(() => {
      router.get('/dashboard', [identity.Dashboard]).as('dashboard')
      router.get('/organizations', [identity.Organizations, 'index']).as('organizations.index')
      router
        .get('/organizations/new', [identity.Organizations, 'create'])
        .as('organizations.create')
      router.post('/organizations', [identity.Organizations, 'store']).as('organizations.store')
      router.get('/organizations/:id', [identity.Organizations, 'show']).as('organizations.show')
      router
        .post('/organizations/:id/members', [identity.OrganizationMembers, 'store'])
        .as('organization_members.store')

      router
        .group(() => {
          router.get('/users', [identity.admin.Users, 'index']).as('users.index')
          router
            .get('/invitations/create', [identity.admin.Invitations, 'create'])
            .as('invitations.create')
          router
            .post('/invitations', [identity.admin.Invitations, 'store'])
            .as('invitations.store')
            .use(middleware.sudo())
          router.get('/users/:id/roles', [identity.admin.UserRoles, 'edit']).as('user_roles.edit')
          router
            .put('/users/:id/roles', [identity.admin.UserRoles, 'update'])
            .as('user_roles.update')
            .use(middleware.sudo())
          router
            .delete('/users/:id/second-factor', [identity.admin.UserSecondFactors, 'destroy'])
            .as('user_second_factors.destroy')
            .use(middleware.sudo())
          router.get('/audit', [identity.admin.AuditLogs, 'index']).as('audit_logs.index')
          router
            .get('/audit.csv', [identity.admin.AuditLogExports, 'show'])
            .as('audit_logs.export')
            .use(middleware.sudo())
          router
            .get('/audit/verification', [identity.admin.AuditChainVerifications, 'show'])
            .as('audit_verification.show')
          router
            .get('/audit/public-key.pem', [identity.admin.AuditPublicKeys, 'show'])
            .as('audit_public_key.show')
          router
            .get('/audit/heads/:position', [identity.admin.AuditHeads, 'show'])
            .as('audit_heads.show')
          router
            .get('/audit/heads/:position/signature', [identity.admin.AuditHeadSignatures, 'show'])
            .as('audit_head_signatures.show')
          router.get('/audit/:id', [identity.admin.AuditLogs, 'show']).as('audit_logs.show')
        })
        .prefix('/admin')
        .as('admin')
    })
    .use([middleware.auth(), middleware.verified()])
}

export function identityApiRoutes() {
  router.post('/tokens', [identity.api.AccessTokens, 'store']).as('tokens.store')
  router
    .group(() => {
      router.delete('/tokens/current', [identity.api.AccessTokens, 'destroy']).as('tokens.destroy')
      router.get('/me', [identity.api.Me]).as('me')
      router.get('/organizations', [identity.api.Organizations, 'index']).as('organizations.index')
    })
    .use(middleware.auth({ guards: ['api'] }))
}
