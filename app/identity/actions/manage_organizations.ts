import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Organization from '#identity/models/organization'
import OrganizationMember from '#identity/models/organization_member'
import User from '#identity/models/user'
import { recordAudit } from '#core/audit/audit_trail'
import { DomainError } from '#core/exceptions/domain_error'
import { Money } from '#core/money'
import type { Actor } from '#core/audit/actor'
import type { Infer } from '@vinejs/vine/types'
import type { organizationValidator } from '#identity/validators/organization'

/** Registers a startup or a fund manager company; its creator becomes its owner. */
export class CreateOrganization {
  async handle(creator: User, input: Infer<typeof organizationValidator>, actor: Actor) {
    return db.transaction(async (client) => {
      const { aumMad, foundedOn, ...fields } = input
      const organization = await Organization.create(
        {
          ...fields,
          foundedOn: foundedOn ? DateTime.fromJSDate(foundedOn) : null,
          aumCentimes:
            aumMad === undefined ? null : Money.ofCentimes(Math.round(aumMad * 100)).centimes,
        },
        { client }
      )
      await OrganizationMember.create(
        { organizationId: organization.id, userId: creator.id, role: 'owner' },
        { client }
      )
      await recordAudit(
        {
          actor,
          action: 'organization.created',
          subjectType: 'organization',
          subjectId: organization.id,
        },
        client
      )
      return organization
    })
  }
}

/** An owner adds a colleague who already has an account. */
export class AddOrganizationMember {
  async handle(organization: Organization, email: string, actor: Actor) {
    return db.transaction(async (client) => {
      const user = await User.query({ client })
        .whereRaw('lower(email) = ?', [email.toLowerCase()])
        .first()
      if (!user) throw new DomainError('organizations.members.unknown_email', { status: 422 })
      const inserted = await client
        .insertQuery()
        .table('organization_members')
        .insert({
          organization_id: organization.id,
          user_id: user.id,
          role: 'member',
          created_at: new Date(),
        })
        .onConflict(['organization_id', 'user_id'])
        .ignore()
        .returning('id')
      if (!inserted.length)
        throw new DomainError('organizations.members.already_member', { status: 422 })
      await recordAudit(
        {
          actor,
          action: 'organization.member_added',
          subjectType: 'organization',
          subjectId: organization.id,
          metadata: { userId: user.id },
        },
        client
      )
      return user
    })
  }
}
