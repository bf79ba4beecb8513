import { test } from '@japa/runner'
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import env from '#start/env'

/*
 * patches/@boringnode+encryption+1.0.1.patch hands node:crypto KeyObjects instead of key
 * Buffers (on Node 24, every HMAC or cipher made with a Buffer key throws and catches two
 * errors inside node:crypto: 28 µs instead of 4.5, a twentieth of a signed-in page). The
 * bytes on the wire must not change: cookies and sessions signed or sealed before the
 * patch still open after it, and the other way round. Checked here against node:crypto
 * used directly, with Buffer keys, as the library did before.
 */
const secret = () => env.get('APP_KEY').release()
const base64Url = (buffer: Buffer) => buffer.toString('base64url')
const message = (value: unknown, purpose?: string) => JSON.stringify({ message: value, purpose })

test.group('Encryption keys (KeyObjects, same bytes)', () => {
  test('a signed cookie carries the HMAC node:crypto computes with the key bytes', ({ assert }) => {
    const verifier = encryption.getMessageVerifier()
    const signed = verifier.sign('session-id-42', undefined, 'manassa-session')
    const [encoded, hash] = signed.split('.')
    const key = createHash('sha256').update(secret()).digest()
    assert.equal(hash, base64Url(createHmac('sha256', key).update(encoded).digest()))
    assert.equal(verifier.unsign(signed, 'manassa-session'), 'session-id-42')
  })

  test('a cookie signed the old way is still accepted; a tampered one is not', ({ assert }) => {
    const verifier = encryption.getMessageVerifier()
    const key = createHash('sha256').update(secret()).digest()
    const encoded = base64Url(Buffer.from(message('session-id-7', 'manassa-session')))
    const hash = base64Url(createHmac('sha256', key).update(encoded).digest())
    assert.equal(verifier.unsign(`${encoded}.${hash}`, 'manassa-session'), 'session-id-7')
    assert.isNull(verifier.unsign(`${encoded}.${hash.slice(0, -2)}AA`, 'manassa-session'))
    assert.isNull(verifier.unsign(`${encoded}.${hash}`, 'another-cookie'))
  })

  test('sealed session data opens with the HKDF key node:crypto derives', ({ assert }) => {
    const sealed = encryption.encrypt({ userId: 19, locale: 'ar' }, undefined, 'manassa-data')
    const [id, cipherText, iv, tag] = sealed.split('.')
    assert.equal(id, 'gcm')
    assert.isTrue(cipherText.startsWith('v1:'))
    const rootKey = createHash('sha256').update(secret()).digest()
    const key = Buffer.from(
      hkdfSync('sha256', rootKey, Buffer.alloc(0), Buffer.from('aes-256-gcm:v1:gcm'), 32)
    )
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
      authTagLength: 16,
    })
    decipher.setAAD(Buffer.from('manassa-data'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    const plain = Buffer.concat([
      decipher.update(Buffer.from(cipherText.slice(3), 'base64url')),
      decipher.final(),
    ])
    assert.deepEqual(JSON.parse(plain.toString()).message, { userId: 19, locale: 'ar' })
  })

  test('data sealed the old way (current and pre-v1 format) still opens', ({ assert }) => {
    const rootKey = createHash('sha256').update(secret()).digest()
    const seal = (key: Buffer, prefix: string) => {
      const iv = Buffer.from('0123456789ab')
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 })
      cipher.setAAD(Buffer.from('manassa-data'))
      const text = Buffer.concat([cipher.update(message({ userId: 5 })), cipher.final()])
      return [
        'gcm',
        `${prefix}${base64Url(text)}`,
        base64Url(iv),
        base64Url(cipher.getAuthTag()),
      ].join('.')
    }
    const current = Buffer.from(
      hkdfSync('sha256', rootKey, Buffer.alloc(0), Buffer.from('aes-256-gcm:v1:gcm'), 32)
    )
    assert.deepEqual(encryption.decrypt(seal(current, 'v1:'), 'manassa-data'), { userId: 5 })
    assert.deepEqual(encryption.decrypt(seal(rootKey, ''), 'manassa-data'), { userId: 5 })
    assert.isNull(encryption.decrypt(seal(rootKey, 'v1:'), 'manassa-data'))
  })
})
