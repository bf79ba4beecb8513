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
    assert.deepEqual(searchTsQuery('Atlas agri')?.bindings, ['Atlas', 'agri'])
    assert.include(searchTsQuery('Atlas agri')!.sql, '&&')
    assert.deepEqual(searchTsQuery('  atl ')?.bindings, ['atl'])
    assert.deepEqual(searchTsQuery('إِسْمَاعِيل رحمة')?.bindings, ['إِسْمَاعِيل', 'رحمة'])
  })

  test('the words reach the database as bindings, never as tsquery syntax', ({ assert }) => {
    assert.deepEqual(searchTsQuery("o'neil | !x & (y) <-> z:*")?.bindings, ['o neil x y', 'z'])
    assert.notInclude(searchTsQuery("o'neil")!.sql, 'neil')
    assert.isNull(searchTsQuery('\\ :* & |'))
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
