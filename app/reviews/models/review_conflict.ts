import { ReviewConflictSchema } from '#database/schema'

/** A conflict of interest, declared or detected. */
export default class ReviewConflict extends ReviewConflictSchema {}
