/*
| api_calls: GET /api/v1/calls, the portal (production mode) against the bare baseline
| (bench/baseline_server.js), DESIGN §9's method:
|
|   both started in this run → same answer checked → 3 s warm-up each →
|   A B A B A B (5 s each, 32 connections) → A/A control (portal twice, within ±10 %)
*/
import {
  compareWithBaseline,
  ensureAssets,
  startPortal,
  startServer,
  stopProcess,
  waitForServer,
} from './lib.js'

const PATH = '/api/v1/calls'
const TARGET_RATIO = 0.5 // a JSON endpoint ≥ 0.5 × the baseline's throughput

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

export async function apiCalls({ env, log }) {
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
      portal: { url: portalUrl },
      baseline: { url: baselineUrl },
      targetRatio: TARGET_RATIO,
      log,
    })
  } finally {
    await Promise.all([stopProcess(portal.child), stopProcess(baseline.child)])
  }
}
