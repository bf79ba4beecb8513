import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const staff = controllers.programmes.staff

/** Programme officers: programmes, calls, their lifecycle and application forms. */
export function programmesStaffRoutes() {
  router
    .group(() => {
      router.get('/programmes', [staff.Programmes, 'index']).as('programmes.index')
      router.get('/programmes/new', [staff.Programmes, 'create']).as('programmes.create')
      router.post('/programmes', [staff.Programmes, 'store']).as('programmes.store')
      router.get('/programmes/:id/edit', [staff.Programmes, 'edit']).as('programmes.edit')
      router.put('/programmes/:id', [staff.Programmes, 'update']).as('programmes.update')

      router.get('/programmes/:programmeId/calls/new', [staff.Calls, 'create']).as('calls.create')
      router.post('/programmes/:programmeId/calls', [staff.Calls, 'store']).as('calls.store')
      router.get('/calls/:id', [staff.Calls, 'show']).as('calls.show')
      router.get('/calls/:id/edit', [staff.Calls, 'edit']).as('calls.edit')
      router.put('/calls/:id', [staff.Calls, 'update']).as('calls.update')

      router
        .post('/calls/:id/transitions', [staff.CallTransitions, 'store'])
        .as('call_transitions.store')
      router.get('/calls/:id/form', [staff.CallForms, 'edit']).as('call_forms.edit')
      router.put('/calls/:id/form', [staff.CallForms, 'update']).as('call_forms.update')
      // The same form, edited visually (works without JavaScript).
      router
        .get('/calls/:id/form/builder', [staff.CallFormBuilders, 'edit'])
        .as('call_form_builders.edit')
      router
        .put('/calls/:id/form/builder', [staff.CallFormBuilders, 'update'])
        .as('call_form_builders.update')
    })
    .prefix('/staff')
    .as('staff')
    .use([middleware.auth(), middleware.verified()])
}
