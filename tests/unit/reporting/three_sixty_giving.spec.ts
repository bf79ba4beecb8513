import { test } from '@japa/runner'
import {
  CSV_COLUMNS,
  csvOf,
  digestOf,
  grantsOf,
  packageOf,
  type RegisterGrantRow,
  type RegisterWording,
} from '#reporting/register/three_sixty_giving'
import { ID_FILE_PATTERN } from '#core/route_ids'
import { schemaProblems } from '#tests/helpers/json_schema'
import { threeSixtyGivingPackageSchema } from '#tests/helpers/three_sixty_giving_schema'

const CALL = {
  id: 7,
  title: 'Appel 2026',
  programme: { code: 'SM-SEED', title: 'Amorçage', kind: 'startup_offer' },
  url: 'https://manassa.example/calls/7',
}
const FUNDER = { id: '360G-manassa-ORG-office', name: 'Bureau' }
const WORDING: RegisterWording = {
  grantTitle: (recipient) => `Subvention à ${recipient}`,
  grantDescription: 'Subvention',
  individualsName: 'Bénéficiaires individuels',
  individualsTitle: (count) => `${count} bénéficiaires individuels`,
  individualsDescription: (count) => `Total de ${count}`,
  regionName: (region) => `Région ${region}`,
  kindName: 'Offre',
}
const AT = new Date('2026-11-02T10:00:00Z')

function row(
  decisionId: number,
  recipient: RegisterGrantRow['recipient'],
  awarded: number,
  disbursed = 0
): RegisterGrantRow {
  return {
    decisionId,
    awardedCentimes: awarded,
    disbursedCentimes: disbursed,
    awardedAt: AT,
    modifiedAt: AT,
    recipient,
    durationMonths: null,
  }
}

const ROWS = [
  row(
    1,
    { kind: 'organization', id: 40, name: 'Atlas AgriTech', region: 'souss_massa' },
    15_000_050,
    5_000_000
  ),
  row(2, { kind: 'individual', userId: 9, name: 'Salma Consent', region: 'oriental' }, 18_000_000),
  row(
    3,
    { kind: 'individual', userId: 10, name: null, region: 'fes_meknes' },
    18_000_000,
    1_500_000
  ),
  row(4, { kind: 'individual', userId: 11, name: null, region: 'oriental' }, 9_000_000),
]

function release(grants: ReturnType<typeof grantsOf>) {
  return packageOf(
    grants,
    {
      id: 3,
      issuedAt: AT,
      title: 'Registre',
      description: 'Décisions',
      jsonUrl: 'https://manassa.example/open-data/releases/3.json',
      accessUrl: 'https://manassa.example/open-data',
    },
    { name: 'Manassa', website: 'https://manassa.example' }
  )
}

test.group('360Giving register / pure', () => {
  test('organisations and consenting individuals get a line each; the others one total', ({
    assert,
  }) => {
    const grants = grantsOf(CALL, ROWS, FUNDER, WORDING)
    assert.deepEqual(
      grants.map((grant) => [grant.id, grant.amountAwarded, grant.amountDisbursed]),
      [
        ['360G-manassa-7-1', 150_000.5, 50_000],
        ['360G-manassa-7-2', 180_000, 0],
        ['360G-manassa-7-individuals', 270_000, 15_000],
      ]
    )
    assert.deepEqual(grants[0].recipientOrganization, [
      { id: '360G-manassa-ORG-40', name: 'Atlas AgriTech', addressRegion: 'Région souss_massa' },
    ])
    assert.deepEqual(grants[1].recipientIndividual, {
      id: '360G-manassa-IND-2',
      name: 'Salma Consent',
    })
    assert.deepEqual(grants[2].recipientIndividual, {
      id: '360G-manassa-7-individuals',
      name: 'Bénéficiaires individuels',
    })
    assert.equal(grants[2].title, '2 bénéficiaires individuels')
    // No region of the people in the total: a region with one grantee would point at them.
    assert.deepEqual(grants[2].beneficiaryLocation, [{ name: 'Maroc', countryCode: 'MA' }])
  })

  test('the package passes the 360Giving schema checks', ({ assert }) => {
    const body = release(grantsOf(CALL, ROWS, FUNDER, WORDING))
    const roundTripped = JSON.parse(JSON.stringify(body))
    assert.deepEqual(
      schemaProblems(threeSixtyGivingPackageSchema, threeSixtyGivingPackageSchema, roundTripped),
      []
    )
  })

  test('the schema checks catch what the standard forbids', ({ assert }) => {
    const body = JSON.parse(JSON.stringify(release(grantsOf(CALL, ROWS, FUNDER, WORDING))))
    const check = (value: unknown) =>
      schemaProblems(threeSixtyGivingPackageSchema, threeSixtyGivingPackageSchema, value)
    assert.isNotEmpty(check({ ...body, grants: [] }))
    const [first] = body.grants
    const variants = [
      { ...first, recipientIndividual: { id: '360G-manassa-IND-1', name: 'X' } },
      (({ recipientOrganization: _gone, ...rest }) => rest)(first),
      { ...first, amountAwarded: '150000' },
      { ...first, awardDate: '02/11/2026' },
      { ...first, id: 'SM-2026-000123' },
      { ...first, currency: 'dirham' },
      {
        ...first,
        recipientOrganization: [{ id: '360G-manassa-ORG-1', name: 'A', email: 'a@b.c' }],
      },
      { ...first, fundingOrganization: [] },
    ]
    for (const variant of variants) {
      assert.isNotEmpty(check({ ...body, grants: [variant] }), JSON.stringify(variant))
    }
  })

  test('the CSV has the 360Giving column titles and one row per grant', ({ assert }) => {
    const grants = grantsOf(CALL, ROWS, FUNDER, WORDING)
    const lines = csvOf(grants)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    assert.lengthOf(lines, 4)
    assert.equal(lines[0], CSV_COLUMNS.map(([title]) => `"${title}"`).join(','))
    assert.include(lines[0], '"Identifier","Title","Description","Currency","Amount Awarded"')
    assert.include(lines[0], '"Recipient Org:Identifier","Recipient Org:Name"')
    assert.include(lines[0], '"Funding Org:Identifier","Funding Org:Name"')
    assert.include(lines[1], '"360G-manassa-7-1","Subvention à Atlas AgriTech"')
    assert.include(lines[1], '"MAD","150000.50","50000.00","2026-11-02"')
    assert.include(lines[3], '"360G-manassa-7-individuals"')
  })

  test('the digest follows the grants, not the release', ({ assert }) => {
    const grants = grantsOf(CALL, ROWS, FUNDER, WORDING)
    assert.equal(digestOf(grants), digestOf(grantsOf(CALL, ROWS, FUNDER, WORDING)))
    const paid = grantsOf(
      CALL,
      [{ ...ROWS[0], disbursedCentimes: 10_000_000 }, ...ROWS.slice(1)],
      FUNDER,
      WORDING
    )
    assert.notEqual(digestOf(grants), digestOf(paid))
  })
})

test.group('360Giving register / release URLs', () => {
  test('a release id in a URL is a positive int4 followed by .json or .csv', ({ assert }) => {
    for (const segment of ['1.json', '12.csv', '2147483647.json']) {
      assert.isTrue(ID_FILE_PATTERN.test(segment), segment)
    }
    for (const segment of [
      '0.json',
      '12.xml',
      '12',
      '2147483648.json',
      '1e3.json',
      '12.json.csv',
    ]) {
      assert.isFalse(ID_FILE_PATTERN.test(segment), segment)
    }
  })
})
