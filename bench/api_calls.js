/*
| api_calls: GET /api/v1/calls, the portal (production mode) against the bare baseline
| (bench/baseline_server.js), DESIGN §9's method:
|
|   both started in this run → same answer checked → warm-up each →
|   A B A' B' × 5 (5 s each, 32 connections; A/A control within ±10 %, else "noisy") →
|   a profiled portal under the same load (bench/profiles/api_calls.md)
*/
import {
  compareWithBaseline,
  ensureAssets,
  profilePortal,
  startPortal,
  startServer,
  stopProcess,
  waitForServer,
} from './lib.js'

const PATH = '/api/v1/calls'
const TARGET_RATIO = 0.6 // a JSON endpoint ≥ 0.6 × the baseline's throughput (DESIGN §9)

const startBaseline = (env) => startServer('baseline', ['bench/baseline_server.js'], env)

/**
 * A ratio means something only if both sides do the same work: same rows, same shape.
 * Different rows is an error; a different shape is only worth a warning.
 */
function compareAnswers(portalBody, baselineBody, log) {
  const ids = (body) => body.data.map((call) => call.id).join(',')
  if (ids(portalBody) !== ids(baselineBody)) {
    throw new Error(
      `portal and baseline list different calls: [${ids(portalBody)}] vs [${ids(baselineBody)}]`
    )
  }
  if (JSON.stringify(portalBody) !== JSON.stringify(baselineBody)) {
    log('warning: same calls, but the JSON differs from the baseline; first item of each:')
    log(`  portal:   ${JSON.stringify(portalBody.data[0])}`)
    log(`  baseline: ${JSON.stringify(baselineBody.data[0])}`)
  }
  if (portalBody.data.length === 0) {
    log('warning: no open calls in the database; seed it (node ace db:seed) for a real figure')
  }
}

async function compareApiCalls({ env, log }) {
  await ensureAssets(log)
  const portal = await startPortal(env)
  const baseline = await startBaseline(env)
  try {
    const portalUrl = `${portal.origin}${PATH}`
    const baselineUrl = `${baseline.origin}${PATH}`
    const [portalBody, baselineBody] = await Promise.all([
      waitForServer(portalUrl, portal.child).then((response) => response.json()),
      waitForServer(baselineUrl, baseline.child).then((response) => response.json()),
    ])
    compareAnswers(portalBody, baselineBody, log)
    log(`${portalBody.data.length} open calls`)
    return await compareWithBaseline({
      name: 'api_calls',
      portal: { url: portalUrl, pid: portal.child.pid },
      baseline: { url: baselineUrl, pid: baseline.child.pid },
      targetRatio: TARGET_RATIO,
      log,
    })
  } finally {
    await Promise.all([stopProcess(portal.child), stopProcess(baseline.child)])
  }
}

/** Runs the comparison, then writes the portal's profile under the same load. */
export async function apiCalls({ env, log }) {
  const rows = await compareApiCalls({ env, log })
  await profilePortal({
    name: 'api_calls',
    env,
    log,
    prepare: async (server) => {
      const url = `${server.origin}${PATH}`
      await waitForServer(url, server.child)
      return { url }
    },
  })
  return rows
}

