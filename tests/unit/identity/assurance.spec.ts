import { test } from '@japa/runner'
import User from '#identity/models/user'
import type { Role } from '#identity/roles'
import {
  assuranceLevel,
  isSudo,
  SUDO_WINDOW_MS,
  type Assurance,
} from '#identity/second_factor/assurance'

function person(...roles: Role[]) {
  const user = new User()
  user.id = 7
  user.roles = roles
  return user
}

function assurance(overrides: Partial<Assurance> = {}): Assurance {
  return {
    userId: 7,
    secondFactor: true,
    secondFactorDue: true,
    confirmedAt: 1_000_000,
    ...overrides,
  }
}

test.group('Sign-in assurance', () => {
  test('staff are password-only until a second factor, whatever the session says', ({ assert }) => {
    const officer = person('finance_officer')
    assert.equal(assuranceLevel(officer, null), 'password_only')
    assert.equal(
      assuranceLevel(officer, assurance({ secondFactor: false, secondFactorDue: false })),
      'password_only'
    )
    assert.equal(assuranceLevel(officer, assurance()), 'full')
  })

  test('others only when they enrolled a factor', ({ assert }) => {
    const applicant = person('applicant')
    assert.equal(assuranceLevel(applicant, null), 'full')
    assert.equal(
      assuranceLevel(applicant, assurance({ secondFactor: false, secondFactorDue: true })),
      'password_only'
    )
  })

  test('sudo lasts 15 minutes from the last proof, never for a password-only session', ({
    assert,
  }) => {
    const officer = person('admin')
    const at = 1_000_000
    assert.isTrue(isSudo(officer, assurance(), at))
    assert.isTrue(isSudo(officer, assurance(), at + SUDO_WINDOW_MS - 1))
    assert.isFalse(isSudo(officer, assurance(), at + SUDO_WINDOW_MS))
    assert.isFalse(isSudo(officer, assurance(), at - 1), 'a proof from the future is no proof')
    assert.isFalse(isSudo(officer, assurance({ secondFactor: false }), at))
    assert.isFalse(isSudo(officer, null, at))
  })
})
