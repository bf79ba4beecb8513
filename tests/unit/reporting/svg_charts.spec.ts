import { test } from '@japa/runner'
import { barChart, funnelChart, lineChart, stackedBarChart } from '#reporting/charts/svg_charts'

const base = { title: 'Candidatures', description: 'Par région', format: String }

test.group('SVG charts', () => {
  test('a bar chart is a labelled image whose bars grow with the values', ({ assert }) => {
    const svg = barChart({
      ...base,
      id: 'regions',
      direction: 'ltr',
      rows: [
        { label: 'Souss-Massa', value: 10 },
        { label: 'Oriental', value: 5 },
      ],
    })
    assert.include(svg, 'role="img"')
    assert.include(svg, 'aria-labelledby="regions-title regions-desc"')
    assert.include(svg, '<title id="regions-title">Candidatures</title>')
    assert.include(svg, '<desc id="regions-desc">Par région</desc>')
    const widths = [
      ...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="18"/g),
    ].map((match) => Number(match[1]))
    assert.deepEqual(widths, [350, 175])
  })

  test('in Arabic the bars grow from the right', ({ assert }) => {
    const rows = [{ label: 'سوس ماسة', value: 10 }]
    const ltr = barChart({ ...base, id: 'a', direction: 'ltr', rows })
    const rtl = barChart({ ...base, id: 'a', direction: 'rtl', rows })
    assert.match(ltr, /<rect x="180" y="4" width="350"/)
    // 640 − 180 − 350 = 110: the bar ends where the label column starts, on the right.
    assert.match(rtl, /<rect x="110" y="4" width="350"/)
    assert.include(rtl, 'direction="rtl"')
  })

  test('labels typed by people cannot break out of the SVG', ({ assert }) => {
    const svg = barChart({
      ...base,
      id: 'x',
      direction: 'ltr',
      rows: [{ label: '</text><script>alert(1)</script>', value: 1 }],
    })
    assert.notInclude(svg, '<script>')
    assert.include(svg, '&lt;script&gt;')
  })

  test('stacked bars tell series apart by pattern and legend, not colour alone', ({ assert }) => {
    const svg = stackedBarChart({
      ...base,
      id: 'money',
      direction: 'ltr',
      series: ['Engagé', 'Décaissé'],
      rows: [{ label: '2026-01', values: [3, 1] }],
    })
    assert.include(svg, '<pattern id="money-p0"')
    assert.include(svg, '<pattern id="money-p1"')
    assert.include(svg, 'fill="url(#money-p1)"')
    assert.include(svg, '>Engagé</text>')
    assert.include(svg, '>Décaissé</text>')
    assert.include(svg, '>4</text>')
  })

  test('a line over time runs right to left in Arabic', ({ assert }) => {
    const points = [
      { label: 'janv.', values: [0] },
      { label: 'févr.', values: [10] },
    ]
    const ltr = lineChart({ ...base, id: 'l', direction: 'ltr', series: ['Engagé'], points })
    const rtl = lineChart({ ...base, id: 'l', direction: 'rtl', series: ['Engagé'], points })
    assert.include(ltr, 'points="150,230 595,30"')
    assert.include(rtl, 'points="490,230 45,30"')
  })

  test('a funnel gives each step its count and its share of the first', ({ assert }) => {
    const svg = funnelChart({
      ...base,
      id: 'f',
      direction: 'ltr',
      steps: [
        { label: 'Brouillons', value: 8 },
        { label: 'Soumises', value: 2 },
      ],
    })
    assert.include(svg, '>8 (100 %)</text>')
    assert.include(svg, '>2 (25 %)</text>')
  })

  test('an empty chart still has its title and description', ({ assert }) => {
    const svg = barChart({ ...base, id: 'e', direction: 'ltr', rows: [] })
    assert.include(svg, '<title id="e-title">')
    assert.include(svg, 'role="img"')
  })
})
