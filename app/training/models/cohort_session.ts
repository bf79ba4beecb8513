import { CohortSessionSchema } from '#database/schema'

/** A scheduled session of a cohort. */
export default class CohortSession extends CohortSessionSchema {}
