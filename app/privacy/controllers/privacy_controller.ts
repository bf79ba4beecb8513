import type { HttpContext } from '@adonisjs/core/http'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import { DateTime } from 'luxon'
import { exportLinkDays, requestDeadlineDays } from '#config/retention'
import DataRequest from '#privacy/models/data_request'
import UserConsent, { CONSENT_PURPOSES } from '#privacy/models/user_consent'

/**
 * The signed-in person's privacy page: their consents, their requests (export, erasure)
 * with status and legal deadline, the link to a ready export, rectification (the profile).
 */
export default class PrivacyController {
  async show({ view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const [consents, requests] = await Promise.all([
      UserConsent.query().where('user_id', user.id),
      DataRequest.query().where('user_id', user.id).orderBy('id', 'desc').limit(20),
    ])
    const now = DateTime.utc()
    const downloads = new Map(
      requests
        .filter(
          (request) => request.state === 'ready' && request.expiresAt && request.expiresAt > now
        )
        .map((request) => [
          request.id,
          signedUrlFor(
            'privacy_exports.show',
            { id: request.id },
            { expiresIn: `${exportLinkDays} days`, purpose: 'data_export' }
          ),
        ])
    )
    return view.render('pages/privacy/show', {
      purposes: CONSENT_PURPOSES.map((purpose) => ({
        purpose,
        consent: consents.find((consent) => consent.purpose === purpose) ?? null,
      })),
      requests,
      downloads,
      deadlineDays: requestDeadlineDays,
      openKinds: requests.filter((request) => request.isOpen).map((request) => request.kind),
    })
  }
}
