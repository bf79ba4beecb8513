/*
| pdf_receipts: application receipts (app/applications/receipt_pdf.ts) rendered per second on
| one core, DESIGN §9 (≥ 200 one-page documents/s with standard fonts; the figure with the
| embedded Arabic and Tifinagh fonts is reported).
|
|   one child process (the app's TypeScript through @poppinss/ts-exec, one core) →
|   0.3 s warm-up per variant → 3 interleaved rounds of 0.5 s per variant → median
|
| "On one core" is measured as documents per second of the process's own CPU time
| (process.cpuUsage), which other processes on the machine hardly change, rather than per
| second of wall-clock time, which they do (both are logged). A CPU profile of each
| variant is written to bench/profiles/pdf_receipts.md.
|
| Variants: the French receipt (Helvetica, nothing embedded), the same page drawn with bare
| pdf-lib calls (baseline: the cost of pdf-lib itself), the Arabic receipt (Noto Sans
| Arabic regular + bold subsets) and the Amazigh one (Noto Sans Tifinagh subset), each
| with DESIGN §9's target of 200 documents/s. Every document has its own reference, name
| and submission time, as in real use. The translations go through the app's formatter
| (config/i18n.ts), as in production.
*/
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ROOT, measureInChild, median } from './lib.js'
import { profileMarkdown, summarizeProfile } from './profile_summary.js'

const TARGET_DOCS_PER_SECOND = 200
const WARMUP_MS = 300
const ROUND_MS = 500
const ROUNDS = 3
const CHILD_TIME_LIMIT_MS = 90_000
const PROFILED_DOCUMENTS = 200

export async function pdfReceipts({ env, log }) {
  const measured = await measureInChild(
    'pdf_receipts',
    'bench/pdf_receipts.js',
    env,
    CHILD_TIME_LIMIT_MS
  )
  const { cpu: rates, wall, cpuMsPerDocument, profiles } = measured
  for (const [variant, rate] of Object.entries(rates)) {
    log(
      `${variant}: ${rate.toFixed(0)} docs per CPU-second (${cpuMsPerDocument[variant].toFixed(2)} ms CPU/doc), ` +
        `${wall[variant].toFixed(0)} docs/s wall-clock`
    )
  }
  writeProfiles(profiles, rates, cpuMsPerDocument)

  const reported = (name, value, variant) => ({
    name,
    value: Math.round(value),
    unit: 'docs/s',
    baseline: null,
    ratio: null,
    target: TARGET_DOCS_PER_SECOND,
    ok: value >= TARGET_DOCS_PER_SECOND,
    cpuMsPerRequest: round2(cpuMsPerDocument[variant]),
    display: { portal: `${value.toFixed(0)} docs/s`, target: `≥ ${TARGET_DOCS_PER_SECOND} docs/s` },
  })
  const ratio = rates.standard / rates.bare
  return [
    {
      name: 'pdf_receipts',
      value: Math.round(rates.standard),
      unit: 'docs/s',
      baseline: Math.round(rates.bare),
      ratio: Math.round(ratio * 1000) / 1000,
      target: TARGET_DOCS_PER_SECOND,
      ok: rates.standard >= TARGET_DOCS_PER_SECOND,
      display: {
        portal: `${rates.standard.toFixed(0)} docs/s`,
        baseline: `${rates.bare.toFixed(0)} docs/s`,
        ratio: ratio.toFixed(2),
        target: `≥ ${TARGET_DOCS_PER_SECOND} docs/s`,
      },
    },
    reported('pdf_receipts.arabic_fonts', rates.arabic, 'arabic'),
    reported('pdf_receipts.tifinagh_font', rates.tifinagh, 'tifinagh'),
  ]
}

const round2 = (value) => Math.round(value * 100) / 100

function writeProfiles(profiles, rates, cpuMsPerDocument) {
  mkdirSync(`${ROOT}bench/profiles`, { recursive: true })
  const sections = Object.entries(profiles).map(([variant, profile]) =>
    profileMarkdown(`${variant}: ${rates[variant].toFixed(0)} docs per CPU-second`, summarizeProfile(profile, 20), [
      `${cpuMsPerDocument[variant].toFixed(2)} ms of CPU per document; profile of ${PROFILED_DOCUMENTS} documents after warm-up.`,
    ]).replace(/^# /, '## ').replace(/\n## /g, '\n### ')
  )
  writeFileSync(
    `${ROOT}bench/profiles/pdf_receipts.md`,
    `# pdf_receipts: where the time goes\n\nWritten by \`npm run bench -- pdf_receipts\`.\n\n${sections.join('\n')}`
  )
}

// ---------------------------------------------------------------------------------------
// The measuring process (run with the TypeScript loader).
// ---------------------------------------------------------------------------------------

async function measure() {
  const { DateTime } = await import('luxon')
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib')
  const { I18nManagerFactory } = await import('@adonisjs/i18n/factories')
  const { renderApplicationReceipt } = await import('#applications/receipt_pdf')
  const { CachedIcuFormatter } = await import('#core/i18n/cached_icu_formatter')
  const { Session } = await import('node:inspector/promises')

  // The app's translations (resources/lang, the cwd is the project root), without booting it.
  const i18nManager = new I18nManagerFactory()
    .merge({
      config: {
        defaultLocale: 'fr',
        supportedLocales: ['fr', 'ar', 'zgh', 'en'],
        fallbackLocales: { zgh: 'fr' },
        formatter: () => new CachedIcuFormatter(),
      },
    })
    .create()
  await i18nManager.loadTranslations()

  const receipt = (n, localized) => ({
    reference: `SM-2026-${String(n).padStart(6, '0')}`,
    programmeTitle: 'Startup Maroc — Amorçage',
    callTitle: 'Appel à projets 2026 (1re session)',
    applicantName: `Amina El Idrissi ${n}`,
    applicantEmail: `amina.${n}@example.ma`,
    organizationName: 'Atlas Robotics SARL',
    submittedAt: DateTime.fromISO('2026-06-15T10:00:00Z').plus({ minutes: n }),
    formVersion: 3,
    answersFingerprint: n.toString(16).padStart(64, 'a'),
    documents: [
      { label: 'Pitch deck (PDF)', originalName: `pitch-deck-${n}.pdf`, sizeBytes: 2_516_582 },
      { label: 'Statuts de la société', originalName: 'statuts.pdf', sizeBytes: 350_000 },
    ],
    ...localized,
  })
  const arabic = {
    programmeTitle: 'ستارت أب المغرب — مرحلة الانطلاق',
    callTitle: 'طلب مشاريع 2026 (الدورة الأولى)',
  }
  const tifinagh = { programmeTitle: 'ⵙⵜⴰⵔⵜⴰⴱ ⵍⵎⵖⵔⵉⴱ', callTitle: 'ⴰⵖⵔⵓⵔ ⵏ ⵉⵙⵏⴼⴰⵔⵏ 2026' }

  // The same page with bare pdf-lib calls: as many strings, no layout kit, no i18n.
  const bareLines = Array.from({ length: 40 }, (_, i) => `Ligne ${i} de l'accusé de réception`)
  async function bare(n) {
    const doc = await PDFDocument.create()
    const page = doc.addPage([595.28, 841.89])
    const regular = doc.embedStandardFont(StandardFonts.Helvetica)
    const bold = doc.embedStandardFont(StandardFonts.HelveticaBold)
    page.drawText(`SM-2026-${n}`, {
      x: 56,
      y: 780,
      size: 22,
      font: bold,
      color: rgb(0.76, 0.15, 0.18),
    })
    bareLines.forEach((text, i) => {
      page.drawText(text, { x: 56, y: 740 - i * 15, size: 10, font: i % 5 ? regular : bold })
    })
    doc.setTitle(`Accusé de réception SM-2026-${n}`)
    return doc.save({ useObjectStreams: false })
  }

  let n = 0
  const variants = {
    standard: () => renderApplicationReceipt(receipt(n++, {}), i18nManager.locale('fr')),
    bare: () => bare(n++),
    arabic: () => renderApplicationReceipt(receipt(n++, arabic), i18nManager.locale('ar')),
    tifinagh: () => renderApplicationReceipt(receipt(n++, tifinagh), i18nManager.locale('zgh')),
  }
  /** Documents per wall-clock second and per second of this process's CPU time. */
  const rateOf = async (render, ms) => {
    const start = performance.now()
    const cpuStart = process.cpuUsage()
    let documents = 0
    while (performance.now() - start < ms) {
      await render()
      documents++
    }
    const cpu = process.cpuUsage(cpuStart)
    return {
      wall: documents / ((performance.now() - start) / 1000),
      cpu: documents / ((cpu.user + cpu.system) / 1e6),
    }
  }

  for (const render of Object.values(variants)) await rateOf(render, WARMUP_MS)
  const rounds = Object.fromEntries(Object.keys(variants).map((name) => [name, []]))
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, render] of Object.entries(variants))
      rounds[name].push(await rateOf(render, ROUND_MS))
  }
  const medianOf = (pick) =>
    Object.fromEntries(
      Object.entries(rounds).map(([name, values]) => [name, median(values.map(pick))])
    )
  const cpu = medianOf((rate) => rate.cpu)

  // Where the time goes, per variant, measured apart from the figures above.
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  const profiles = {}
  for (const [name, render] of Object.entries(variants)) {
    await session.post('Profiler.start')
    for (let i = 0; i < PROFILED_DOCUMENTS; i++) await render()
    profiles[name] = (await session.post('Profiler.stop')).profile
  }
  session.disconnect()

  const cpuMsPerDocument = Object.fromEntries(
    Object.entries(cpu).map(([name, rate]) => [name, 1000 / rate])
  )
  console.log(JSON.stringify({ cpu, wall: medianOf((rate) => rate.wall), cpuMsPerDocument, profiles }))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measure().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
