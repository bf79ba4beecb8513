import { BasePolicy } from '@adonisjs/bouncer'
import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import type CommitteeSession from '#reviews/models/committee_session'
import { isChairOf } from '#reviews/committee_sessions'

/**
 * Committee sessions and awards. Officers plan sessions and run awards; the committee
 * (its members and chair) sees its sessions; attendance and consensus are kept by an
 * officer or the chair; only the chair signs the minutes.
 */
export default class DecisionPolicy extends BasePolicy {
  award(user: User) {
    return user.hasRole('programme_officer')
  }

  planSession(user: User) {
    return user.hasRole('programme_officer')
  }

  async viewSession(user: User, session: CommitteeSession) {
    if (user.hasRole('programme_officer')) return true
    const member = await db
      .from('committee_members')
      .where({ call_id: session.callId, user_id: user.id })
      .first()
    return !!member
  }

  async keepSession(user: User, session: CommitteeSession) {
    return user.hasRole('programme_officer') || isChairOf(user.id, session.callId)
  }

  async signMinutes(user: User, session: CommitteeSession) {
    return isChairOf(user.id, session.callId)
  }
}
