import { test } from '@japa/runner'

/** Browsers ask for /favicon.ico on every site, whatever the page links to. */
test.group('Favicon', () => {
  test('/favicon.ico is the portal mark as an icon', async ({ client, assert }) => {
    const response = await client.get('/favicon.ico')
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^image\/(x-icon|vnd\.microsoft\.icon)/)
    // An ICO file starts with reserved 0, type 1 (icon); read raw, not as text.
    const raw = await fetch(`http://127.0.0.1:${process.env.PORT}/favicon.ico`)
    const bytes = new Uint8Array(await raw.arrayBuffer())
    assert.deepEqual([...bytes.subarray(0, 4)], [0, 0, 1, 0])
  })

  test('pages link the scalable mark', async ({ client, assert }) => {
    const page = await client.get('/calls')
    assert.include(page.text(), '<link rel="icon" href="/favicon.svg" type="image/svg+xml"')
    const svg = await client.get('/favicon.svg')
    svg.assertStatus(200)
    assert.match(svg.header('content-type') ?? '', /^image\/svg\+xml/)
  })
})
