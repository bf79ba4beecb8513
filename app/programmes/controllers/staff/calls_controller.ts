import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Call from '#programmes/models/call'
import Programme from '#programmes/models/programme'
import AuditLog from '#core/audit/audit_log'
import { manageProgrammes } from '#identity/abilities'
import { callLifecycle } from '#programmes/call_lifecycle'
import { callValidator, openCallValidator } from '#programmes/validators/call'
import { staffMessages } from '#programmes/validators/staff_messages'
import { madInputValue } from '#programmes/validators/rules'
import { checkFormDefinition } from '#programmes/forms/definition_checker'
import { CreateCall } from '#programmes/actions/create_call'
import { UpdateCall } from '#programmes/actions/update_call'
import { DomainError } from '#core/exceptions/domain_error'
import { toCasablancaInput } from '#core/casablanca_time'
import { actorFrom } from '#core/audit/actor'

const HISTORY_LENGTH = 20

/** Programme officers draft, edit and follow the calls of a programme. */
export default class CallsController {
  async create({ view, params, bouncer }: HttpContext) {
    await bouncer.authorize(manageProgrammes)
    const programme = await Programme.findOrFail(params.programmeId)
    return view.render('pages/programmes/staff/calls/create', { programme })
  }

  @inject()
  async store(ctx: HttpContext, createCall: CreateCall) {
    await ctx.bouncer.authorize(manageProgrammes)
    const programme = await Programme.findOrFail(ctx.params.programmeId)
    const payload = await ctx.request.validateUsing(callValidator, {
      messagesProvider: staffMessages(ctx.i18n),
    })
    const call = await createCall.handle(programme.id, payload, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('staff_programmes.calls.created'))
    return ctx.response.redirect().toRoute('staff.calls.show', { id: call.id })
  }

  /** The call, its lifecycle moves, its form versions and its history. */
  async show({ view, params, bouncer }: HttpContext) {
    await bouncer.authorize(manageProgrammes)
    const call = await Call.query()
      .where('id', params.id)
      .preload('programme')
      .preload('formVersions', (versions) => versions.orderBy('version', 'desc'))
      .firstOrFail()
    const history = await AuditLog.query()
      .where({ subject_type: 'call', subject_id: String(call.id) })
      .preload('actor')
      .orderBy('id', 'desc')
      .limit(HISTORY_LENGTH)
    const latest = call.formVersions[0]
    return view.render('pages/programmes/staff/calls/show', {
      call,
      history,
      targets: callLifecycle.targetsFrom(call.state),
      formProblems: latest
        ? checkFormDefinition(latest.definition, call.programme.kind).length
        : null,
    })
  }

  async edit({ view, params, bouncer }: HttpContext) {
    await bouncer.authorize(manageProgrammes)
    const call = await Call.query().where('id', params.id).preload('programme').firstOrFail()
    return view.render('pages/programmes/staff/calls/edit', {
      call,
      madInputValue,
      toCasablancaInput,
    })
  }

  @inject()
  async update(ctx: HttpContext, updateCall: UpdateCall) {
    await ctx.bouncer.authorize(manageProgrammes)
    const call = await Call.findOrFail(ctx.params.id)
    const messagesProvider = staffMessages(ctx.i18n)
    if (call.state === 'draft') {
      const input = await ctx.request.validateUsing(callValidator, { messagesProvider })
      await updateCall.handle(call.id, { state: 'draft', input }, actorFrom(ctx))
    } else if (call.state === 'open') {
      const input = await ctx.request.validateUsing(openCallValidator, { messagesProvider })
      await updateCall.handle(call.id, { state: 'open', input }, actorFrom(ctx))
    } else {
      throw new DomainError('staff_programmes.calls.read_only', { status: 409 })
    }
    ctx.session.flash('success', ctx.i18n.t('staff_programmes.calls.updated'))
    return ctx.response.redirect().toRoute('staff.calls.show', { id: call.id })
  }
}
