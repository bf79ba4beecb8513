import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import { manageProgrammes } from '#identity/abilities'
import { SaveCallForm } from '#programmes/actions/save_call_form'
import { actorFrom } from '#core/audit/actor'
import { DomainError } from '#core/exceptions/domain_error'
import { checkFormDefinition } from '#programmes/forms/definition_checker'
import { FIELD_TYPES } from '#programmes/forms/form_definition'
import { starterForm } from '#programmes/forms/starter_form'
import { KINDS_ASKING_AN_AMOUNT } from '#programmes/forms/requested_amount'
import { formEditorCall, formSavedMessage, isFormEditable } from '#programmes/form_versions'
import {
  BUILDER_FILE_TYPES,
  applyBuilderCommand,
  builderFormOf,
  conditionInputs,
  conditionTargets,
  definitionOfBuilder,
  placeProblems,
  problemsAt,
  type BuilderForm,
  type PlacedProblem,
} from '#programmes/forms/form_builder'

/**
 * The application form of a call, edited visually: sections and fields as plain form
 * inputs, every button (add, remove, move) a submit button that posts the whole form
 * with its `command`, so that it works without JavaScript. "Save" goes through the same
 * checker and the same action as the JSON editor; an invalid form comes back (422) with
 * every problem next to its input and everything typed kept. Nothing is stored before
 * "Save": the page is rendered again rather than redirected to.
 */
export default class CallFormBuildersController {
  private async render(
    { view, response }: HttpContext,
    callId: number,
    state: { form?: BuilderForm; problems?: PlacedProblem[] } = {}
  ) {
    const call = await formEditorCall(callId)
    const latest = call.formVersions[0]
    const problems = state.problems ?? []
    if (problems.length > 0) response.status(422)
    const form: BuilderForm =
      state.form ?? (latest ? latest.definition : starterForm(call.programme.kind))
    return view.render('pages/programmes/staff/calls/form_builder', {
      call,
      latest,
      form,
      problems,
      problemsAt: (path: string, exact?: boolean) => problemsAt(problems, path, exact),
      conditionTargets: (sectionIndex: number, fieldIndex: number) =>
        conditionTargets(form, sectionIndex, fieldIndex),
      conditionInputs,
      fieldTypes: FIELD_TYPES,
      fileTypes: BUILDER_FILE_TYPES,
      asksAnAmount: KINDS_ASKING_AN_AMOUNT.has(call.programme.kind),
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
    if (!isFormEditable(call)) {
      throw new DomainError('staff_programmes.calls.read_only', { status: 409 })
    }
    const form = builderFormOf(ctx.request.all())
    const command = ctx.request.input('command')
    if (command !== 'save') {
      applyBuilderCommand(form, command)
      return this.render(ctx, call.id, { form })
    }
    const definition = definitionOfBuilder(form)
    const problems = checkFormDefinition(definition, call.programme.kind)
    if (problems.length > 0) {
      return this.render(ctx, call.id, { form, problems: placeProblems(problems) })
    }
    const { version, created } = await saveCallForm.handle(call.id, definition, actorFrom(ctx))
    ctx.session.flash('success', formSavedMessage(ctx.i18n, version, created))
    return ctx.response.redirect().toRoute('staff.call_form_builders.edit', { id: call.id })
  }
}
