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
