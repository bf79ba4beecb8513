import { InstituteSchema } from '#database/schema'

/** A Jazari institute of the regional network. */
export default class Institute extends InstituteSchema {}
