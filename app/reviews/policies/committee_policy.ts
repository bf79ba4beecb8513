import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'

/** A call's committee and its assignments are the programme officers' to run. */
export default class CommitteePolicy extends BasePolicy {
  manage(user: User) {
    return user.hasRole('programme_officer')
  }
}
