import env from '#start/env'
import type OpenDataRelease from '#reporting/register/models/open_data_release'

/** A release as the API lists it: its figures and the stable URLs of its two files. */
export function releaseResource(release: OpenDataRelease) {
  const base = env.get('APP_URL')
  return {
    id: release.id,
    callId: release.callId,
    sequence: release.sequence,
    reason: release.reason,
    issuedAt: release.createdAt.toUTC().toISO()!,
    grantCount: release.grantCount,
    awardedCentimes: release.awardedCentimes,
    disbursedCentimes: release.disbursedCentimes,
    links: {
      json: new URL(`/open-data/releases/${release.id}.json`, base).href,
      csv: new URL(`/open-data/releases/${release.id}.csv`, base).href,
    },
  }
}
