import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import Programme, { STARTUP_STAGES } from '#programmes/models/programme'
import { manageProgrammes } from '#identity/abilities'
import {
  STAFF_PROGRAMME_KINDS,
  newProgrammeValidator,
  programmeValidator,
} from '#programmes/validators/programme'
import { staffMessages } from '#programmes/validators/staff_messages'
import { madInputValue } from '#programmes/validators/rules'
import { CreateProgramme } from '#programmes/actions/create_programme'
import { UpdateProgramme } from '#programmes/actions/update_programme'
import { actorFrom } from '#core/audit/actor'

const PER_PAGE = 20

/** Programme officers list, create and edit programmes. */
export default class ProgrammesController {
  /** Every programme with its calls and their states: three queries whatever the count. */
  async index({ view, request, bouncer }: HttpContext) {
    await bouncer.authorize(manageProgrammes)
    const page = Math.max(1, Math.min(10_000, Number(request.qs().page) || 1))
    const programmes = await Programme.query()
      .preload('calls', (calls) => calls.orderBy('opens_at', 'desc').orderBy('id', 'desc'))
      .orderBy('id', 'desc')
      .paginate(page, PER_PAGE)
    programmes.baseUrl(request.url())
    return view.render('pages/programmes/staff/programmes/index', {
      programmes,
      kinds: STAFF_PROGRAMME_KINDS,
    })
  }

  async create({ view, request, bouncer }: HttpContext) {
    await bouncer.authorize(manageProgrammes)
    const asked = request.qs().kind
    const kind = STAFF_PROGRAMME_KINDS.find((candidate) => candidate === asked) ?? 'startup_offer'
    return view.render('pages/programmes/staff/programmes/create', {
      kind,
      kinds: STAFF_PROGRAMME_KINDS,
      stages: STARTUP_STAGES,
    })
  }

  @inject()
  async store(ctx: HttpContext, createProgramme: CreateProgramme) {
    await ctx.bouncer.authorize(manageProgrammes)
    const payload = await ctx.request.validateUsing(newProgrammeValidator, {
      messagesProvider: staffMessages(ctx.i18n),
      meta: {},
    })
    const programme = await createProgramme.handle(payload, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('staff_programmes.programmes.created'))
    return ctx.response.redirect().toRoute('staff.programmes.edit', { id: programme.id })
  }

  async edit({ view, params, bouncer }: HttpContext) {
    await bouncer.authorize(manageProgrammes)
    const programme = await Programme.findOrFail(params.id)
    return view.render('pages/programmes/staff/programmes/edit', {
      programme,
      kind: programme.kind,
      stages: STARTUP_STAGES,
      madInputValue,
    })
  }

  @inject()
  async update(ctx: HttpContext, updateProgramme: UpdateProgramme) {
    await ctx.bouncer.authorize(manageProgrammes)
    const programme = await Programme.findOrFail(ctx.params.id)
    const payload = await ctx.request.validateUsing(programmeValidator, {
      data: { ...ctx.request.all(), kind: programme.kind },
      messagesProvider: staffMessages(ctx.i18n),
      meta: { programmeId: programme.id },
    })
    await updateProgramme.handle(programme.id, payload, actorFrom(ctx))
    ctx.session.flash('success', ctx.i18n.t('staff_programmes.programmes.updated'))
    return ctx.response.redirect().toRoute('staff.programmes.edit', { id: programme.id })
  }
}
