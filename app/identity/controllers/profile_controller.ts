import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import { profileValidator } from '#identity/validators/account'
import i18nManager from '@adonisjs/i18n/services/main'
import { UpdateProfile } from '#identity/actions/update_profile'
import { enrolledFactors } from '#identity/second_factor/second_factors'

export default class ProfileController {
  async edit({ view, auth }: HttpContext) {
    return view.render('pages/identity/profile', {
      factors: await enrolledFactors(auth.getUserOrFail()),
    })
  }

  @inject()
  async update({ request, auth, session, response }: HttpContext, updateProfile: UpdateProfile) {
    const payload = await request.validateUsing(profileValidator)
    const user = await updateProfile.handle(auth.getUserOrFail(), payload)
    // Confirm in the language just chosen.
    session.flash('success', i18nManager.locale(user.preferredLocale).t('profile.saved'))
    return response.redirect().toRoute('profile.edit')
  }
}
