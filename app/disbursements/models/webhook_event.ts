import { WebhookEventSchema } from '#database/schema'

/** A Stripe webhook event, stored once by id. */
export default class WebhookEvent extends WebhookEventSchema {}
