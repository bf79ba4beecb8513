import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import { manageProgrammes } from '#identity/abilities'
import { callFormValidator } from '#programmes/validators/call_form'
import { staffMessages } from '#programmes/validators/staff_messages'
import { SaveCallForm } from '#programmes/actions/save_call_form'
import { actorFrom } from '#core/audit/actor'
import { KINDS_ASKING_AN_AMOUNT, requestedAmountField } from '#programmes/forms/requested_amount'
import { starterForm } from '#programmes/forms/starter_form'
import { formEditorCall, formSavedMessage, isFormEditable } from '#programmes/form_versions'

const pretty = (definition: unknown) => JSON.stringify(definition, null, 2)

/**
 * The application form of a call, edited as JSON. An invalid definition is shown again
 * with every problem (status 422) and nothing is saved. The page is rendered rather
 * than redirected to, so a long definition never has to travel through the session.
 */
export default class CallFormsController {
  private async render(
    { view, response }: HttpContext,
    callId: number,
    state: { text?: string; problems?: string[] } = {}
  ) {
    const call = await formEditorCall(callId)
    const latest = call.formVersions[0]
    if (state.problems) response.status(422)
    return view.render('pages/programmes/staff/calls/form', {
      call,
      latest,
      requestedAmount: latest ? requestedAmountField(latest.definition) : null,
      asksAnAmount: KINDS_ASKING_AN_AMOUNT.has(call.programme.kind),
      text: state.text ?? pretty(latest ? latest.definition : starterForm(call.programme.kind)),
      problems: state.problems ?? [],
      editable: isFormEditable(call),
    })
  }

  async edit(ctx: HttpContext) {
    await ctx.bouncer.authorize(manageProgrammes)
    return this.render(ctx, Number(ctx.params.id))
  }

  @inject()
  async update(ctx: HttpContext, saveCallForm: SaveCallForm) {
    await ctx.bouncer.authorize(manageProgrammes)
    const call = await Call.query().where('id', ctx.params.id).preload('programme').firstOrFail()
    const [error, payload] = await callFormValidator.tryValidate(ctx.request.all(), {
      messagesProvider: staffMessages(ctx.i18n),
      meta: { kind: call.programme.kind },
    })
    if (error) {
      if (ctx.request.accepts(['html', 'json']) === 'json') throw error
      const text = ctx.request.input('definition')
      return this.render(ctx, call.id, {
        text: typeof text === 'string' ? text : '',
        problems: error.messages.map((problem: { message: string }) => problem.message),
      })
    }
    const { version, created } = await saveCallForm.handle(
      call.id,
      payload.definition,
      actorFrom(ctx)
    )
    const message = formSavedMessage(ctx.i18n, version, created)
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return { version: version.version, created, message }
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect().toRoute('staff.call_forms.edit', { id: call.id })
  }
}
