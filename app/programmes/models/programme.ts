import { ProgrammeSchema } from '#database/schema'
import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Call from '#programmes/models/call'

export const PROGRAMME_KINDS = ['startup_offer', 'living_grant', 'vc_call', 'training'] as const
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number]
export const STARTUP_STAGES = ['ideation', 'early', 'growth', 'fundraising'] as const
export type StartupStage = (typeof STARTUP_STAGES)[number]

export default class Programme extends ProgrammeSchema {
  declare kind: ProgrammeKind
  declare stage: StartupStage | null

  @hasMany(() => Call)
  declare calls: HasMany<typeof Call>
}
