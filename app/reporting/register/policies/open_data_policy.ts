import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'

/** The register is public; issuing a release on demand is a programme officer's. */
export default class OpenDataPolicy extends BasePolicy {
  issueRelease(user: User) {
    return user.hasRole('programme_officer')
  }
}
