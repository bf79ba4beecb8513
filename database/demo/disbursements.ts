import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Decision from '#reviews/models/decision'
import User from '#identity/models/user'
import Tranche from '#disbursements/models/tranche'
import { CreateAgreement } from '#disbursements/actions/create_agreement'
import { RequestTranche } from '#disbursements/actions/request_tranche'
import { VerifyTranche } from '#disbursements/actions/verify_tranche'

/**
 * Demo disbursements, after the demo decisions: every accepted award gets its agreement
 * (created by finance@), all but one, left on `/finance/awards` to create by hand. On
 * the first agreement with a schedule, the beneficiary has asked for the first tranche
 * and finance@ verified it: finance2@ can approve it (and finance@ sees why not).
 * Does nothing when there is no accepted award yet.
 */
export async function seedDisbursements(client: TransactionClientContract) {
  const finance = await User.query({ client }).where('email', 'finance@manassa.test').first()
  if (!finance) return
  const awards = await Decision.query({ client })
    .where('outcome', 'awarded')
    .where('response', 'accepted')
    .whereNotExists((query) =>
      query.from('agreements').whereRaw('agreements.decision_id = decisions.id')
    )
    .orderBy('id')
  const actor = { id: finance.id }
  for (const award of awards.slice(0, -1)) {
    await new CreateAgreement().handle(award.id, actor, client)
  }
  const first = await Tranche.query({ client })
    .where('state', 'planned')
    .where('sequence', 1)
    .whereHas('agreement', (agreement) => agreement.whereNot('kind', 'vc_call'))
    .preload('agreement')
    .orderBy('id')
    .first()
  if (!first) return
  // A stipend month that has not begun cannot be asked for yet: the demo moves it to today.
  if (first.agreement.kind === 'living_grant') {
    await Tranche.query({ client }).where('id', first.id).update({ due_on: new Date() })
  }
  await new RequestTranche().handle(
    first.id,
    { note: 'Premier mois : entretiens avec 12 agriculteurs pilotes et maquette du capteur.' },
    { id: first.agreement.beneficiaryId },
    client
  )
  await new VerifyTranche().handle(first.id, actor, client)
}
