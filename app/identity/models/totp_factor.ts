import { TotpFactorSchema } from '#database/schema'

/** A person's authenticator app: the shared secret (encrypted) and the last step used. */
export default class TotpFactor extends TotpFactorSchema {}
