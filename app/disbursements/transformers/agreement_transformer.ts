import type Agreement from '#disbursements/models/agreement'
import type Tranche from '#disbursements/models/tranche'

/** A tranche as JSON: its schedule and state, never who signed it nor payment internals. */
export function toTrancheJson(tranche: Tranche) {
  return {
    id: tranche.id,
    sequence: tranche.sequence,
    amountCentimes: tranche.amountCentimes,
    dueOn: tranche.dueOn?.toISODate() ?? null,
    milestone: tranche.milestone,
    state: tranche.state,
    requestedAt: tranche.requestedAt?.toISO() ?? null,
    paidAt: tranche.paidAt?.toISO() ?? null,
  }
}

/**
 * An agreement as JSON (tranches loaded): the bank account only as its last four
 * characters, never the ciphertext; the Stripe connected account id (not a secret).
 */
export function toAgreementJson(agreement: Agreement) {
  return {
    id: agreement.id,
    kind: agreement.kind,
    state: agreement.state,
    totalCentimes: agreement.totalCentimes,
    paidCentimes: agreement.paidCentimes,
    accountHolder: agreement.accountHolder,
    ibanLast4: agreement.ibanLast4,
    stripeAccountId: agreement.stripeAccountId,
    tranches: agreement.tranches.map(toTrancheJson),
  }
}
