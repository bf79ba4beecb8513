/**
 * What a demo call's rule set depends on besides its form: band bounds on dates must be
 * written as dates (relative dates are for conditions only), and a grant ceiling is the
 * programme's.
 */
export interface CallTerms {
  /** The call's closing day in Casablanca, 'YYYY-MM-DD'. */
  closingDate: string
  /** The programme's grant ceiling in integer centimes (startup offers), if it has one. */
  grantCeilingCentimes?: number | null
}
