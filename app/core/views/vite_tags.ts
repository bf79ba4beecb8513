/*
| The `@vite([...])` tag of the layout builds its <link> and <script> elements from the
| manifest on every request: 3 to 4 % of the catalogue page's CPU time
| (bench/profiles/training_catalogue.md). In production the manifest never changes (Vite
| reads it once and keeps it), so the elements for a list of entry points and attributes
| are the same every time: make them once. The dev server's tags are left alone.
*/
import type { Vite } from '@adonisjs/vite'

export function cacheEntryPointTags(vite: Vite) {
  const generate = vite.generateEntryPointsTags.bind(vite)
  const made = new Map<string, ReturnType<typeof generate>>()
  vite.generateEntryPointsTags = (entryPoints, attributes) => {
    if (vite.useDevServer) return generate(entryPoints, attributes)
    const key = JSON.stringify([entryPoints, attributes ?? null])
    let tags = made.get(key)
    if (!tags) {
      tags = generate(entryPoints, attributes)
      made.set(key, tags)
    }
    return tags
  }
}
