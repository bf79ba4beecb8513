import db from '@adonisjs/lucid/services/db'
import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { InvalidTransition } from '#core/exceptions/domain_error'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'

type StatefulModel<S extends string> = LucidModel &
  (new (...args: any[]) => LucidRow & { state: S })

export interface TransitionOptions {
  actor: Actor
  reason?: string | null
  metadata?: Record<string, unknown>
  /** The surrounding transaction; one is opened when absent. */
  client?: TransactionClientContract
}

/**
 * One explicit table of allowed transitions per entity. `transition()` locks the row,
 * checks the move from its current state, writes the new state and the audit entry,
 * all in one transaction: two concurrent moves from the same state cannot both win.
 */
export class StateMachine<S extends string> {
  constructor(
    readonly name: string,
    private readonly transitions: Readonly<Record<S, readonly S[]>>
  ) {}

  get states(): S[] {
    return Object.keys(this.transitions) as S[]
  }

  targetsFrom(from: S): readonly S[] {
    return this.transitions[from] ?? []
  }

  can(from: S, to: S) {
    return this.targetsFrom(from).includes(to)
  }

  assert(from: S, to: S) {
    if (!this.can(from, to)) {
      throw new InvalidTransition({ machine: this.name, from, to })
    }
  }

  async transition<M extends StatefulModel<S>>(
    Model: M,
    id: number | string,
    to: S,
    options: TransitionOptions
  ): Promise<InstanceType<M>> {
    if (!options.client) {
      return db.transaction((client) => this.transition(Model, id, to, { ...options, client }))
    }
    const record = (await Model.query({ client: options.client })
      .where(Model.primaryKey, id)
      .forUpdate()
      .firstOrFail()) as InstanceType<M>
    return this.apply(record, to, { ...options, client: options.client })
  }

  /**
   * Moves a record the caller has already locked (`forUpdate`) in `options.client`,
   * together with whatever else the caller changed on it, and audits the move.
   */
  async apply<R extends LucidRow & { state: S }>(
    record: R,
    to: S,
    options: TransitionOptions & { client: TransactionClientContract }
  ): Promise<R> {
    const from = record.state
    this.assert(from, to)
    record.state = to
    await record.useTransaction(options.client).save()
    const id = record.$primaryKeyValue as number | string
    await recordAudit(
      {
        actor: options.actor,
        action: `${this.name}.transition`,
        subjectType: this.name,
        subjectId: id,
        fromState: from,
        toState: to,
        reason: options.reason,
        metadata: options.metadata,
      },
      options.client
    )
    return record
  }
}
