/*
| Where the time goes: a V8 CPU profile (`node --cpu-prof`) summed by self time, per
| function and per group (a package under node_modules, or the app's own folder), as a
| Markdown report. Used by the page benches for the figures that miss their target, and
| by hand: `node bench/profile_summary.js file.cpuprofile [title]`.
*/
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))

/** The group a script belongs to: `pkg:@scope/name`, `app:core/pdf`, `node:internal`… */
export function groupOf(url) {
  if (!url) return '(native / V8)'
  const path = url.replace(/^file:\/\//, '')
  const modules = path.lastIndexOf('/node_modules/')
  if (modules >= 0) {
    const parts = path.slice(modules + '/node_modules/'.length).split('/')
    return `pkg:${parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`
  }
  if (path.startsWith('node:') || !path.startsWith('/')) return 'node (core)'
  const inRoot = path.startsWith(ROOT) ? path.slice(ROOT.length) : path
  const [top, second] = inRoot.split('/')
  if (top === 'app' && second) return `app:${second}`
  return `app:${top}`
}

/**
 * `{ totalMs, groups: [{ group, ms, share }], functions: [{ name, where, group, ms, share }] }`
 * from a .cpuprofile; idle and GC time stay visible as their own rows. With a `window`
 * ({ from, to } in µs of the monotonic clock, V8's timestamps), only samples inside it.
 */
export function summarizeProfile(profile, top = 25, window = null) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfUs = new Map()
  const deltas = profile.timeDeltas
  let time = profile.startTime
  profile.samples.forEach((id, i) => {
    time += deltas[i]
    if (window && (time < window.from || time > window.to)) return
    const next = deltas[i + 1] ?? 0
    selfUs.set(id, (selfUs.get(id) ?? 0) + next)
  })
  const functions = new Map()
  const groups = new Map()
  let total = 0
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id)
    const name = callFrame.functionName || '(anonymous)'
    const special = ['(idle)', '(program)', '(garbage collector)'].includes(name)
    const group = special ? name : groupOf(callFrame.url)
    const short = callFrame.url.replace(/^file:\/\//, '').replace(ROOT, '')
    const where = callFrame.url ? `${short.replace(/.*node_modules\//, '')}:${callFrame.lineNumber + 1}` : ''
    const key = `${name}@${where}`
    const entry = functions.get(key) ?? { name, where, group, us: 0 }
    entry.us += us
    functions.set(key, entry)
    groups.set(group, (groups.get(group) ?? 0) + us)
    total += us
  }
  const busy = total - (groups.get('(idle)') ?? 0)
  const share = (us) => Math.round((us / busy) * 1000) / 10
  return {
    totalMs: Math.round(total / 1000),
    busyMs: Math.round(busy / 1000),
    groups: [...groups]
      .filter(([group]) => group !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .map(([group, us]) => ({ group, ms: Math.round(us / 1000), share: share(us) })),
    functions: [...functions.values()]
      .filter((entry) => entry.name !== '(idle)')
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map(({ name, where, group, us }) => ({ name, where, group, ms: Math.round(us / 1000), share: share(us) })),
  }
}

/** The summary as Markdown: groups, then the top functions by self time. */
export function profileMarkdown(title, summary, notes = []) {
  const lines = [
    `# ${title}`,
    '',
    ...notes.map((note) => `${note}`),
    ...(notes.length ? [''] : []),
    `Busy CPU time sampled: ${summary.busyMs} ms (idle excluded). Shares are of busy time.`,
    '',
    '## By group (self time)',
    '',
    '| group | ms | share |',
    '| --- | ---: | ---: |',
    ...summary.groups.map((row) => `| ${row.group} | ${row.ms} | ${row.share} % |`),
    '',
    '## Top functions (self time)',
    '',
    '| function | where | group | ms | share |',
    '| --- | --- | --- | ---: | ---: |',
    ...summary.functions.map(
      (row) => `| ${row.name.replace(/\|/g, '\\|')} | ${row.where} | ${row.group} | ${row.ms} | ${row.share} % |`
    ),
    '',
  ]
  return lines.join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, title = file] = process.argv.slice(2)
  const profile = JSON.parse(readFileSync(file, 'utf8'))
  console.log(profileMarkdown(title, summarizeProfile(profile, 40)))
}
