import { test } from '@japa/runner'
import { Bouncer } from '@adonisjs/bouncer'
import User from '#identity/models/user'
import * as abilities from '#identity/abilities'
import { ROLES, type Role } from '#identity/roles'
import { headerAbilitiesOf } from '#identity/header_abilities'

function person(roles: Role[], instituteId: number | null = null) {
  const user = new User()
  user.id = 7
  user.roles = roles
  user.instituteId = instituteId
  return user
}

test.group('Header abilities', () => {
  test('answer for each link what Bouncer answers, for every role and pair of roles', async ({
    assert,
  }) => {
    const people = ROLES.flatMap((role) => [
      person([role]),
      person([role], 3),
      ...ROLES.map((other) => person([role, other], 3)),
    ])
    people.push(person([]))
    for (const user of people) {
      const bouncer = new Bouncer(user, abilities)
      const links = headerAbilitiesOf(user)
      for (const [name, shown] of Object.entries(links)) {
        const allowed = await bouncer.allows(name as keyof typeof abilities)
        assert.equal(shown, allowed, `${name} for ${user.roles.join('+') || 'no role'}`)
      }
    }
  })

  test('every link the header shows is asked of a registered ability', ({ assert }) => {
    const names = Object.keys(headerAbilitiesOf(person(['admin'])))
    assert.lengthOf(names, 8)
    for (const name of names) assert.property(abilities, name)
  })
})
