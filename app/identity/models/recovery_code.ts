import { RecoveryCodeSchema } from '#database/schema'

/** One single-use recovery code, as a SHA-256 digest. */
export default class RecoveryCode extends RecoveryCodeSchema {}
