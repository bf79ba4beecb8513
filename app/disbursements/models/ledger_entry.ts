import { LedgerEntrySchema } from '#database/schema'

/** One movement on a call's budget. */
export default class LedgerEntry extends LedgerEntrySchema {}
