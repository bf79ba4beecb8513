import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'

/*
 * patches/@adonisjs+http-server+9.3.1.patch: `urlFor` and `router.find` (forms find their
 * route's method) scanned every route of every domain for each link, 5 % of the catalogue
 * page's CPU time. Committed routes never change, so what a lookup found is kept. What it
 * finds must still be the route of that name, for every route, in any order, and a name
 * that is not a route must still be an error each time it is asked.
 */
const named = () =>
  Object.values(router.toJSON())
    .flat()
    .filter((route) => route.name)

/** The route's pattern with each parameter replaced by `value-<name>`. */
const expectedUrl = (pattern: string) =>
  pattern.replace(/:(\w+)\??/g, (_, name) => `value-${name}`).replace(/\/\*$/, '/a/b')

function paramsOf(pattern: string) {
  const params: Record<string, unknown> = {}
  for (const [, name] of pattern.matchAll(/:(\w+)/g)) params[name] = `value-${name}`
  if (pattern.endsWith('/*')) params['*'] = ['a', 'b']
  return params
}

test.group('Route lookups (patched)', () => {
  test('every named route makes its own URL, asked once or again, in any order', ({ assert }) => {
    const routes = named()
    assert.isAbove(routes.length, 100)
    for (const order of [routes, [...routes].reverse(), routes]) {
      for (const route of order) {
        const url = router.urlBuilder.urlFor(route.name as any, paramsOf(route.pattern) as any)
        assert.equal(url, expectedUrl(route.pattern), route.name)
      }
    }
  })

  test('router.find gives the route of that name, by method too', ({ assert }) => {
    for (const route of [...named(), ...named().reverse()]) {
      assert.strictEqual(router.find(route.name!), route, route.name)
      assert.strictEqual(router.findOrFail(route.name!, undefined, route.methods[0]), route)
    }
    const getOnly = named().find((route) => route.methods.join() === 'GET,HEAD')!
    for (let attempt = 0; attempt < 2; attempt++) {
      assert.isNull(router.find(getOnly.name!, undefined, 'DELETE'))
    }
  })

  test('a name that is no route is an error every time, never a remembered answer', ({
    assert,
  }) => {
    for (let attempt = 0; attempt < 2; attempt++) {
      assert.throws(() => router.urlBuilder.urlFor('no.such.route' as any), /no\.such\.route/)
      assert.isNull(router.find('no.such.route'))
      const getOnly = named().find((route) => route.methods.join() === 'GET,HEAD')!
      assert.throws(
        () =>
          router.urlBuilder.urlFor.method(
            'DELETE',
            getOnly.name as any,
            paramsOf(getOnly.pattern) as any
          ),
        /for method "DELETE"/
      )
    }
  })
})
