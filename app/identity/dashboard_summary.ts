import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type User from '#identity/models/user'
import { officerWorklists } from '#identity/officer_worklists'
import { sessionsChairedBy } from '#reviews/committee_sessions'

/**
 * The few numbers a dashboard opens with, in at most five queries whatever the person's
 * roles and the data size: open calls, organizations, then one per role that has more
 * (an officer's worklists, a reviewer's chaired sessions, an admin's users by role).
 */
export class DashboardSummary {
  async for(user: User) {
    const now = DateTime.utc().toSQL()
    const [openCalls, organizations] = await Promise.all([
      db
        .from('calls')
        .join('programmes', 'programmes.id', 'calls.programme_id')
        .where('calls.state', 'open')
        .where('calls.opens_at', '<=', now)
        .where('calls.closes_at', '>', now)
        .select('calls.id', 'calls.title', 'calls.closes_at', 'programmes.kind')
        .orderBy('calls.closes_at', 'asc')
        .limit(6),
      db
        .from('organizations')
        .join('organization_members', 'organization_members.organization_id', 'organizations.id')
        .where('organization_members.user_id', user.id)
        .select(
          'organizations.id',
          'organizations.name',
          'organizations.kind',
          'organization_members.role'
        )
        .orderBy('organizations.name'),
    ])
    const usersByRole = user.hasRole('admin')
      ? await db.rawQuery<{ rows: { role: string; count: number }[] }>(
          'SELECT role, count(*)::int AS count FROM users, unnest(roles) AS role GROUP BY role ORDER BY role'
        )
      : null
    const isOfficer = user.hasRole('programme_officer')
    return {
      openCalls,
      organizations,
      usersByRole: usersByRole?.rows ?? [],
      // Officers follow the calls from their staff pages.
      callRoute: isOfficer ? 'staff.calls.show' : 'calls.show',
      worklists: isOfficer ? await officerWorklists() : null,
      chairedSessions: user.hasRole('reviewer') ? await sessionsChairedBy(user.id) : null,
    }
  }
}
