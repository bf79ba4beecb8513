import { UserConsentSchema } from '#database/schema'

/**
 * `processing`: the consent given at sign-up to process applications (law 09-08);
 * `programme_news`: optional, news of new calls and cohorts by mail;
 * `open_data_publication`: optional, being named with one's award in the public register
 * (app/reporting/register); without it an individual's grant is only counted in a total.
 */
export const CONSENT_PURPOSES = ['processing', 'programme_news', 'open_data_publication'] as const
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number]

/** A consent a person gave, and when they withdrew it. */
export default class UserConsent extends UserConsentSchema {
  declare purpose: ConsentPurpose
}
