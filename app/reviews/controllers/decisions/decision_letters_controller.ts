import type { HttpContext } from '@adonisjs/core/http'
import i18nManager from '@adonisjs/i18n/services/main'
import Call from '#programmes/models/call'
import User from '#identity/models/user'
import { renderDecisionLetter } from '#reviews/decision_letter_pdf'
import { decisionText, findOwnDecision } from '#reviews/decision_texts'
import { localize } from '#core/i18n/localized_text'

/** The decision letter PDF, in the applicant's preferred language. */
export default class DecisionLettersController {
  async show(ctx: HttpContext) {
    const { application, decision } = await findOwnDecision(ctx)
    const applicant = await User.findOrFail(application.applicantId)
    const i18n = i18nManager.locale(applicant.preferredLocale)
    const call = await Call.query()
      .where('id', application.callId)
      .preload('programme')
      .firstOrFail()
    const pdf = await renderDecisionLetter(
      {
        reference: application.reference ?? `#${application.id}`,
        applicantName: applicant.fullName,
        callTitle: localize(call.title, i18n.locale),
        programmeTitle: localize(call.programme.title, i18n.locale),
        outcome: decision.outcome as 'awarded' | 'waitlisted' | 'rejected',
        amountCentimes: decision.amountCentimes,
        reservePosition: decision.reservePosition,
        conditions: decision.conditions.map((value) => decisionText(value, i18n)),
        reasons: decision.reasons.map((value) => decisionText(value, i18n)),
        decidedAt: decision.updatedAt,
      },
      i18n
    )
    ctx.response.header('Content-Type', 'application/pdf')
    ctx.response.header('Cache-Control', 'private, no-store')
    ctx.response.attachment(`decision-${application.reference ?? application.id}.pdf`)
    return ctx.response.send(Buffer.from(pdf))
  }
}
