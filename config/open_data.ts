/**
 * The public open-data register (issue 12, app/reporting/register). Who publishes and who
 * funds, as the 360Giving package and every grant name them. The programme office has no
 * identifier in an org-id.guide list we could cite, so it is identified under our own
 * 360Giving prefix, like the organisations it funds.
 */
export const openDataPublisher = {
  name: 'Manassa — bureau des programmes Startup Maroc',
  website: 'https://manassa.ma',
}

export const openDataFunder = {
  id: '360G-manassa-ORG-office',
  name: 'Manassa — bureau des programmes Startup Maroc',
}

/** How often the worker looks for payments and award changes not yet in a release. */
export const openDataSweepPattern = '*/10 * * * *'
