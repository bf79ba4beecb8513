import type { HttpContext } from '@adonisjs/core/http'
import type { Session } from '@adonisjs/session'
import type User from '#identity/models/user'
import { inject } from '@adonisjs/core'
import { totpEnrolmentValidator } from '#identity/validators/second_factor'
import { EnrolTotp } from '#identity/actions/enrol_totp'
import { enrolledFactors } from '#identity/second_factor/second_factors'
import { generateTotpSecret, otpauthUri } from '#identity/second_factor/totp'
import { assuranceLevel, readAssurance, recordAssurance } from '#identity/second_factor/assurance'
import { qrCodeSvg } from '#identity/second_factor/qr_code'
import { DomainError } from '#core/exceptions/domain_error'
import { actorFrom } from '#core/audit/actor'

/** The secret waits in the session between the page and the confirming code. */
const PENDING_SECRET_KEY = 'totp_enrolment_secret'

/** The person's factors, and whether this session has only their password. */
async function enrolmentContext(user: User, session: Session) {
  const factors = await enrolledFactors(user)
  const passwordOnly = assuranceLevel(user, readAssurance(session, user)) === 'password_only'
  return { factors, passwordOnlyWithFactor: passwordOnly && factors.any }
}

/**
 * Enrolment of an authenticator app: a QR code and the secret in text, confirmed with a
 * code; then the recovery codes, shown once. Open to a password-only session (staff at
 * their first sign-in) only while the account has no second factor at all: a password
 * alone never adds a factor next to an existing one (an admin resets a lost one).
 */
export default class TotpEnrolmentController {
  async create({ auth, session, view, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const { factors, passwordOnlyWithFactor } = await enrolmentContext(user, session)
    if (factors.totp) return response.redirect().toRoute('profile.edit')
    if (passwordOnlyWithFactor) return response.redirect().toRoute('second_factor.create')
    const secret: string = session.get(PENDING_SECRET_KEY) ?? generateTotpSecret()
    session.put(PENDING_SECRET_KEY, secret)
    const uri = otpauthUri(secret, user.email, 'Manassa')
    return view.render('pages/identity/second_factor/enrol', {
      secret: secret.match(/.{1,4}/g)!.join(' '),
      uri,
      qrCode: await qrCodeSvg(uri),
    })
  }

  @inject()
  async store(ctx: HttpContext, enrolTotp: EnrolTotp) {
    const { request, auth, session, view } = ctx
    const user = auth.getUserOrFail()
    const { code } = await request.validateUsing(totpEnrolmentValidator)
    const secret: string | undefined = session.get(PENDING_SECRET_KEY)
    if (!secret) throw new DomainError('mfa.enrol.expired', { status: 409 })
    const { passwordOnlyWithFactor } = await enrolmentContext(user, session)
    if (passwordOnlyWithFactor) throw new DomainError('mfa.enrol.already_enrolled', { status: 409 })
    const recoveryCodes = await enrolTotp.handle(user.id, { secret, code }, actorFrom(ctx))
    session.forget(PENDING_SECRET_KEY)
    session.regenerate()
    recordAssurance(session, user, { secondFactor: true, secondFactorDue: true })
    return view.render('pages/identity/second_factor/recovery_codes', { recoveryCodes })
  }
}
