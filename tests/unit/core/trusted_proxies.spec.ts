import { test } from '@japa/runner'
import { parseTrustedProxies, trustProxies } from '#core/trusted_proxies'

test.group('Trusted proxies (TRUSTED_PROXIES)', () => {
  test('unset or empty trusts no one, so X-Forwarded-For is ignored', ({ assert }) => {
    for (const value of [undefined, '', ' , ']) {
      const trust = trustProxies(parseTrustedProxies(value))
      for (const address of ['127.0.0.1', '::1', '10.0.0.5', '203.0.113.7']) {
        assert.isFalse(trust(address, 0), `${value} ${address}`)
      }
    }
  })

  test('addresses, CIDR ranges and named ranges, comma-separated', ({ assert }) => {
    const trust = trustProxies(parseTrustedProxies(' 10.0.0.0/8, 192.0.2.10 ,loopback'))
    assert.isTrue(trust('10.20.30.40', 0))
    assert.isTrue(trust('192.0.2.10', 0))
    assert.isTrue(trust('127.0.0.1', 0))
    assert.isTrue(trust('::ffff:127.0.0.1', 0), 'an IPv4-mapped IPv6 address')
    assert.isTrue(trust('::1', 0))
    assert.isFalse(trust('192.0.2.11', 0))
    assert.isFalse(trust('203.0.113.7', 0))
  })

  test('a value that is not an address or range is refused at boot', ({ assert }) => {
    for (const value of ['true', '*', '10.0.0.0/33', 'proxy.internal', '10.0.0.1;10.0.0.2']) {
      assert.throws(() => parseTrustedProxies(value), /TRUSTED_PROXIES/, value)
    }
  })
})
