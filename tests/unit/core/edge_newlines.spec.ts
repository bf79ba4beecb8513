import { test } from '@japa/runner'
import { Edge } from 'edge.js'

/*
 * patches/edge.js+6.5.1.patch: Edge trims one new line off the top and the bottom of every
 * template it renders (each component and slot too) with `/\n$|\r\n$/`, which the regex
 * engine tries at every position of the output: a twentieth of the catalogue page's CPU
 * time. The patch looks at the ends only. What it leaves must be what the regexes left.
 */
const stock = (value: string) => value.replace(/^\n|^\r\n/, '').replace(/\n$|\r\n$/, '')

const ENDS = ['', '\n', '\r\n', '\n\n', '\r\n\r\n', '\n\r\n', '\r', ' \n']
const MIDDLES = ['', 'x', '<p>ⵣ</p>', '\n', 'a\nb']

test.group('Edge output new lines (patched)', () => {
  test('each rendered template loses what the stock regexes took, and no more', async ({
    assert,
  }) => {
    const edge = Edge.create({ cache: true })
    edge.registerTemplate('raw', { template: '{{{ value }}}' })
    for (const top of ENDS) {
      for (const middle of MIDDLES) {
        for (const bottom of ENDS) {
          const value = `${top}${middle}${bottom}`
          assert.equal(await edge.render('raw', { value }), stock(value), JSON.stringify(value))
        }
      }
    }
  })
})
