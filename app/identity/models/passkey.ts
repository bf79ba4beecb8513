import { PasskeySchema } from '#database/schema'

/** A WebAuthn credential of one person (the public key, base64url). */
export default class Passkey extends PasskeySchema {}
