import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import { StripeRail } from '#disbursements/rails/stripe_rail'
import { recordStripeEvent } from '#disbursements/actions/handle_stripe_event'

/**
 * Stripe's signed webhooks (DESIGN §10): the raw body and its `Stripe-Signature` are
 * verified by the SDK (signature and timestamp tolerance); anything else is a 400 (in the
 * API's error format; Stripe reads only the status) and changes nothing. A verified event is stored once by id and handled by a job.
 */
export default class StripeWebhooksController {
  @inject()
  async store({ request, response }: HttpContext, rail: StripeRail) {
    const signature = request.header('stripe-signature')
    const rawBody = request.raw()
    if (!signature || !rawBody)
      return response.badRequest({ errors: [{ message: 'signature required' }] })

    let event
    try {
      event = rail.constructEvent(rawBody, signature)
    } catch (error) {
      logger.warn({ err: error }, 'Stripe webhook refused: invalid signature')
      return response.badRequest({ errors: [{ message: 'invalid signature' }] })
    }
    const isNew = await recordStripeEvent(event)
    return response.ok({ received: true, duplicate: !isNew })
  }
}
