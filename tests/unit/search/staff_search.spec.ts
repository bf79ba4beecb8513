import { test } from '@japa/runner'
import User from '#identity/models/user'
import { searchScopeOf, searchTsQuery } from '#app/search/staff_search'
import type { Role } from '#identity/roles'

function userWith(...roles: Role[]) {
  const user = new User()
  user.roles = roles
  return user
}

test.group('Staff search / the typed words', () => {
  test('every word must match, the last one by its start', ({ assert }) => {
    assert.equal(searchTsQuery('Atlas agri'), 'Atlas & agri:*')
    assert.equal(searchTsQuery('  atl '), 'atl:*')
    assert.equal(searchTsQuery('إِسْمَاعِيل رحمة'), 'إِسْمَاعِيل & رحمة:*')
  })

  test('nothing typed can become a tsquery operator', ({ assert }) => {
    assert.equal(searchTsQuery("o'neil | !x & (y) <-> z:*"), 'o & neil & x & y & z:*')
    assert.equal(searchTsQuery('\\ :* & |'), '')
  })
})

test.group('Staff search / who searches what', () => {
  test('officers and admins everything, finance what has an agreement, others nothing', ({
    assert,
  }) => {
    assert.equal(searchScopeOf(userWith('programme_officer')), 'everything')
    assert.equal(searchScopeOf(userWith('admin')), 'everything')
    assert.equal(searchScopeOf(userWith('finance_officer', 'programme_officer')), 'everything')
    assert.equal(searchScopeOf(userWith('finance_officer')), 'agreements')
    for (const role of ['reviewer', 'institute_coordinator', 'applicant', 'trainee'] as const) {
      assert.isNull(searchScopeOf(userWith(role)), role)
    }
  })
})
