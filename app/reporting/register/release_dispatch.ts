import queue from '#core/services/queue'
import type { ReleaseReason } from '#reporting/register/models/open_data_release'

/**
 * Asks the worker for a new release of each call. One job per call waits at a time (a
 * second ask while the first waits is folded into it: the job reads the register when it
 * runs); the job issues nothing when the register did not change. Dispatch after commit.
 */
export async function requestReleases(callIds: number[], reason: ReleaseReason) {
  for (const callId of callIds) {
    await queue.dispatch(
      'open_data.issue_release',
      { callId, reason },
      { deduplication: { id: `open-data-release-${callId}` } }
    )
  }
}
