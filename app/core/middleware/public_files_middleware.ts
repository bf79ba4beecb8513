import { readdirSync } from 'node:fs'
import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import type { NextFn } from '@adonisjs/core/types/http'
import StaticMiddleware from '@adonisjs/static/static_middleware'

let publicNames: Set<string> | undefined

/** The names at the top of public/: read once in production, where they do not change. */
function topLevelPublicNames() {
  if (publicNames && app.inProduction) return publicNames
  try {
    publicNames = new Set(readdirSync(app.publicPath()))
  } catch {
    publicNames = new Set()
  }
  return publicNames
}

/** Whether a URL path can name a file in public/ (its first segment is there). */
export function mayNamePublicFile(path: string) {
  const first = path.split('/', 2)[1] ?? ''
  const names = topLevelPublicNames()
  if (first === '') return names.has('index.html')
  try {
    return names.has(decodeURIComponent(first))
  } catch {
    return true // malformed: let the static middleware answer as it always did
  }
}

/**
 * Serves public/ through @adonisjs/static, asking it only about GET and HEAD requests whose
 * URL can name a file there. serve-static looks the path up on disk for every request, and
 * that stat was a sixth of an API request's CPU time (bench/profiles/api_calls.md); pages
 * and API routes are never files in public/.
 */
@inject()
export default class PublicFilesMiddleware {
  constructor(protected files: StaticMiddleware) {}

  handle(ctx: HttpContext, next: NextFn) {
    const method = ctx.request.method()
    if ((method !== 'GET' && method !== 'HEAD') || !mayNamePublicFile(ctx.request.url())) {
      return next()
    }
    return this.files.handle(ctx, next)
  }
}
