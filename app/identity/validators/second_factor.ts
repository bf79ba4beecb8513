import vine from '@vinejs/vine'

/** A code from the authenticator app (6 digits) or a recovery code (`xxxxx-xxxxx`). */
const code = () => vine.string().trim().minLength(6).maxLength(32)

export const secondFactorValidator = vine.create({ code: code() })

export const totpEnrolmentValidator = vine.create({ code: code() })

export const sudoValidator = vine.create({
  password: vine.string().maxLength(128),
  code: code().optional(),
  returnTo: vine.string().maxLength(2000).optional(),
})

/**
 * A WebAuthn credential as the browser serializes it (PublicKeyCredential.toJSON()); the
 * WebAuthn library checks what is inside, this only bounds the shape and the sizes.
 */
const webAuthnCredential = () =>
  vine
    .object({
      id: vine.string().maxLength(1400),
      rawId: vine.string().maxLength(1400),
      type: vine.literal('public-key'),
      response: vine.object({}).allowUnknownProperties(),
      clientExtensionResults: vine.object({}).allowUnknownProperties().optional(),
    })
    .allowUnknownProperties()

export const passkeyRegistrationValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(80),
  credential: webAuthnCredential(),
})

export const passkeyAssertionValidator = vine.create({ credential: webAuthnCredential() })
