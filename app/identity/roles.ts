export const ROLES = [
  'applicant',
  'fund_manager',
  'trainee',
  'reviewer',
  'programme_officer',
  'finance_officer',
  'institute_coordinator',
  'admin',
  'ministry',
] as const

export type Role = (typeof ROLES)[number]

/** Roles a person takes on their own at sign-up. */
export const SELF_SERVICE_ROLES: readonly Role[] = ['applicant', 'fund_manager', 'trainee']

/** Roles only an admin grants. */
export const STAFF_ROLES: readonly Role[] = [
  'reviewer',
  'programme_officer',
  'finance_officer',
  'institute_coordinator',
  'admin',
  // The ministry reads the national scoreboard with its regional detail, nothing else.
  'ministry',
]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
