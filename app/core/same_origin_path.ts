import type { HttpRequest } from '@adonisjs/core/http'
import { appUrl } from '#config/app'

/** The hosts this site answers as: the configured APP_URL's and the request's own. */
export function siteHosts(request: HttpRequest) {
  return [new URL(appUrl).host, request.host()].filter((host) => host !== null)
}

/**
 * Where to send someone back to after a form that has no page of its own (the language
 * switcher): the path of the Referer when it is a page of this site, else the home page.
 * Only a path is returned, never a host, and never one a browser could read as another
 * host: `//evil`, `/\evil` (browsers read a backslash as a slash) or their percent-encoded
 * forms (`/%2F%2Fevil`, `/%5Cevil`, `/%252F…`), which no page of the portal uses.
 */
export function sameOriginPath(referer: string | undefined, ownHosts: string[]): string {
  if (!referer || !ownHosts.length) return '/'
  let url: URL
  try {
    // The parser applies the browser's rules: tabs and newlines dropped, `\` read as `/`.
    url = new URL(referer, `http://${ownHosts[0]}`)
  } catch {
    return '/'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '/'
  if (!ownHosts.includes(url.host) || url.username || url.password) return '/'
  if (url.pathname.startsWith('//') || /%(2f|5c|25)/i.test(url.pathname)) return '/'
  return url.pathname + url.search
}
