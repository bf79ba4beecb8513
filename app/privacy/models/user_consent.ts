import { UserConsentSchema } from '#database/schema'

/**
 * `processing`: the consent given at sign-up to process applications (law 09-08);
 * `programme_news`: optional, news of new calls and cohorts by mail.
 */
export const CONSENT_PURPOSES = ['processing', 'programme_news'] as const
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number]

/** A consent a person gave, and when they withdrew it. */
export default class UserConsent extends UserConsentSchema {
  declare purpose: ConsentPurpose
}
