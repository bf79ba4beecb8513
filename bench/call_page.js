/*
| call_page: a call's public page (GET /calls/:id, a full page: session, CSRF, Edge; the
| call, its form version and its published eligibility rules) against a bare node:http +
| pg server replaying the SQL the portal runs for it (bench/page_replay.js), DESIGN §9's
| method: both started in this run → A B A' B' × 5 (5 s each, 32 connections; A/A control
| within ±10 %, else "noisy") → a profiled portal under the same load
| (bench/profiles/call_page.md). The call is the first open call of the demo data.
*/
import {
  compareWithBaseline,
  ensureAssets,
  profilePortal,
  startPortal,
  stopProcess,
  waitForServer,
} from './lib.js'
import { recordPageQueries, startReplayBaseline } from './page_replay.js'

const TARGET_RATIO = 0.35 // a full page ≥ 0.35 × the baseline's throughput (DESIGN §9)

export async function callPage({ env, log }) {
  await ensureAssets(log)
  const portal = await startPortal(env)
  let baseline
  try {
    const calls = await waitForServer(`${portal.origin}/api/v1/calls`, portal.child).then(
      (response) => response.json()
    )
    const call = calls.data[0]
    if (!call) throw new Error('no open call: seed the database (node ace db:seed)')
    const path = `/calls/${call.id}`
    const page = await waitForServer(`${portal.origin}${path}`, portal.child).then((response) =>
      response.text()
    )
    const title = call.title.fr ?? Object.values(call.title)[0]
    if (!page.includes(title.replace(/&/g, '&amp;'))) {
      log(`warning: the page of call #${call.id} does not show its title "${title}"`)
    }
    const queries = await recordPageQueries({ env, path, log })
    baseline = await startReplayBaseline(env, path, queries)
    const rows = await compareWithBaseline({
      name: 'call_page',
      portal: { url: `${portal.origin}${path}`, pid: portal.child.pid },
      baseline: { url: `${baseline.origin}${path}`, pid: baseline.child.pid },
      targetRatio: TARGET_RATIO,
      log,
    })
    await Promise.all([stopProcess(portal.child), stopProcess(baseline.child)])
    await profilePortal({
      name: 'call_page',
      env,
      log,
      prepare: async (server) => {
        await waitForServer(`${server.origin}${path}`, server.child)
        return { url: `${server.origin}${path}` }
      },
    })
    return rows
  } finally {
    await Promise.all([stopProcess(portal.child), baseline && stopProcess(baseline.child)])
  }
}
