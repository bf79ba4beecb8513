import factory from '@adonisjs/lucid/factories'
import Organization from '#identity/models/organization'

export const OrganizationFactory = factory
  .define(Organization, ({ faker }) => ({
    kind: 'startup' as const,
    // Without apostrophes, so tests can look for the name in escaped HTML.
    name: faker.company.name().replaceAll("'", ''),
    rcNumber: faker.string.numeric(6),
    ice: faker.string.numeric(15),
    region: 'souss_massa',
    sector: 'agritech',
  }))
  .state('fundManager', (organization) => {
    organization.kind = 'fund_manager_company'
    organization.rcNumber = null
    organization.ice = null
    organization.region = null
    organization.country = 'FR'
    organization.regulator = 'AMF'
  })
  .build()
