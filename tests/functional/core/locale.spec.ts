import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import env from '#start/env'
import { UserFactory } from '#database/factories/user_factory'
import { isolateEachTest } from '#tests/helpers/http'

const TIFINAGH = /[\u2D30-\u2D7F]/

test.group('Languages', (group) => {
  isolateEachTest(group)

  test('Accept-Language ar gives a right-to-left Arabic page', async ({ client, assert }) => {
    const response = await client.get('/login').header('Accept-Language', 'ar-MA,ar;q=0.9,fr;q=0.8')
    response.assertStatus(200)
    assert.include(response.text(), '<html lang="ar" dir="rtl">')
    response.assertHeader('content-language', 'ar')
    assert.match(response.text(), /<h1>[^<]*[\u0600-\u06FF]/)
  })

  test('zgh gives a left-to-right page written in Tifinagh', async ({ client, assert }) => {
    const response = await client.get('/login').header('Accept-Language', 'zgh')
    assert.include(response.text(), '<html lang="zgh" dir="ltr">')
    const heading = /<h1>([^<]*)<\/h1>/.exec(response.text())![1]
    assert.match(heading, TIFINAGH)
  })

  test('French is the default, English on request', async ({ client, assert }) => {
    const none = await client.get('/login')
    assert.include(none.text(), '<html lang="fr" dir="ltr">')
    assert.include(none.text(), 'Connexion')
    const unsupported = await client.get('/login').header('Accept-Language', 'de-DE')
    assert.include(unsupported.text(), '<html lang="fr"')
    const english = await client.get('/login').header('Accept-Language', 'en-US')
    assert.include(english.text(), '<html lang="en" dir="ltr">')
    assert.include(english.text(), 'Log in')
  })

  test('the switcher choice beats the browser header', async ({ client, assert }) => {
    const switched = await client
      .post('/locale')
      .form({ locale: 'ar' })
      .header('Referer', '/login')
      .withCsrfToken()
      .redirects(0)
    switched.assertStatus(302)
    switched.assertHeader('location', '/login')
    const cookie = switched.cookie('locale')
    assert.exists(cookie)

    const page = await client
      .get('/login')
      .header('Accept-Language', 'en')
      .withCookie('locale', 'ar')
    assert.include(page.text(), 'lang="ar" dir="rtl"')
  })

  test('a signed-in person sees their saved language, and switching saves it', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.merge({ preferredLocale: 'zgh' }).create()
    const page = await client.get('/profile').header('Accept-Language', 'en').loginAs(user)
    assert.include(page.text(), 'lang="zgh"')

    await client.post('/locale').form({ locale: 'en' }).loginAs(user).withCsrfToken().redirects(0)
    await user.refresh()
    assert.equal(user.preferredLocale, 'en')
  })

  test('an unknown language is refused without an error page', async ({ client }) => {
    const response = await client
      .post('/locale')
      .form({ locale: 'xx' })
      .header('Referer', '/')
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/')
  })
})

test.group('Languages: the way back after switching', (group) => {
  isolateEachTest(group)

  const switchWithReferer = (client: ApiClient, referer: string) =>
    client
      .post('/locale')
      .form({ locale: 'en' })
      .header('Referer', referer)
      .withCsrfToken()
      .redirects(0)

  test('a page of the portal is where the switcher leads back', async ({ client }) => {
    const relative = await switchWithReferer(client, '/calls?page=2')
    relative.assertStatus(302)
    relative.assertHeader('location', '/calls?page=2')

    const absolute = await switchWithReferer(client, `${env.get('APP_URL')}/training`)
    absolute.assertHeader('location', '/training')
  })

  test('a Referer leading off the portal falls back to the home page', async ({
    client,
    assert,
  }) => {
    const hostile = [
      '//evil.example/',
      '/\\evil.example',
      '/\\/evil.example',
      '/\t/evil.example',
      '/%2F%2Fevil.example',
      '/%5Cevil.example',
      '/%252F%252Fevil.example',
      'http://evil.example/login',
      'https://evil.example',
      `${env.get('APP_URL')}@evil.example/`,
      'javascript:alert(1)',
      'data:text/html,hi',
      'http://',
    ]
    for (const referer of hostile) {
      const response = await switchWithReferer(client, referer)
      assert.equal(response.status(), 302, referer)
      assert.equal(response.header('location'), '/', referer)
    }
  })

  test('a forged Host or X-Forwarded-Host does not make another site ours', async ({
    client,
    assert,
  }) => {
    const response = await switchWithReferer(client, 'http://evil.example/x').header(
      'X-Forwarded-Host',
      'evil.example'
    )
    assert.equal(response.header('location'), '/')
  })
})
