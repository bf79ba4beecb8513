import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { errors as vineErrors } from '@vinejs/vine'
import { evaluationContext } from '#eligibility/evaluation_context'
import { loadPublicCallRules } from '#eligibility/public_call_rules'
import { checkSelfAnswers } from '#eligibility/self_check'
import { answersMessagesProvider, answersValidator } from '#programmes/forms/answers_validator'
import type { FormAnswers } from '#programmes/forms/form_definition'
import { findPublicCall } from '#programmes/public_calls'

/**
 * GET /calls/:id/eligibility-check: the call page's "am I eligible?" form answered.
 * A GET (no account, no CSRF token, works without JavaScript): it reads, decides nothing
 * and stores nothing; rate limited per address by the route.
 */
export default class CallEligibilityChecksController {
  async show({ params, request, response, view, i18n }: HttpContext) {
    const call = await findPublicCall(params.id)
    const rules = call ? await loadPublicCallRules(call, i18n) : null
    if (!call || !rules) return response.notFound()

    const typed = request.qs().answers
    const [error, answers] = await answersValidator(rules.checkForm, 'draft').tryValidate(
      typed ?? {},
      { messagesProvider: answersMessagesProvider(rules.checkForm, i18n) }
    )
    const errors: Record<string, string[]> = {}
    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      for (const { field, message } of error.messages as Array<Record<string, string>>) {
        ;(errors[field] ??= []).push(message)
      }
      response.status(422)
    } else if (error) {
      throw error
    }
    const check = answers
      ? checkSelfAnswers(
          rules.ruleSet,
          rules.form,
          answers as FormAnswers,
          evaluationContext(call.closesAt, DateTime.utc())
        )
      : null
    return view.render('pages/programmes/catalogue/eligibility_check', {
      call,
      rules,
      check,
      answers: typed ?? {},
      errors,
    })
  }
}
