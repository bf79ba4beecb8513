/*
| HTTP kernel: the middleware every request goes through, and the named ones.
*/
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#core/exceptions/handler'))

server.use([
  () => import('#core/middleware/container_bindings_middleware'),
  () => import('#core/middleware/response_headers_middleware'),
  () => import('#core/middleware/public_files_middleware'),
  () => import('@adonisjs/vite/vite_middleware'),
])

// The body is parsed last: a body the parser refuses (invalid JSON, too large) is
// answered by pages that show the signed-in menu, so auth and Bouncer come first.
router.use([
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#identity/middleware/initialize_bouncer_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
])

export const middleware = router.named({
  session: () => import('@adonisjs/session/session_middleware'),
  shield: () => import('#core/middleware/shared_shield_middleware'),
  silentAuth: () => import('#identity/middleware/silent_auth_middleware'),
  detectLocale: () => import('#core/middleware/detect_locale_middleware'),
  forceJson: () => import('#core/middleware/force_json_response_middleware'),
  cleanInput: () => import('#core/middleware/clean_input_middleware'),
  guest: () => import('#identity/middleware/guest_middleware'),
  auth: () => import('#identity/middleware/auth_middleware'),
  verified: () => import('#identity/middleware/verified_email_middleware'),
  sudo: () => import('#identity/middleware/sudo_middleware'),
})

/**
 * Pages: session, CSRF and security headers, the signed-in user, the language, then
 * the input cleaned (its field messages need the language).
 */
export const webStack = () => [
  middleware.session(),
  middleware.shield(),
  middleware.silentAuth(),
  middleware.detectLocale(),
  middleware.cleanInput(),
]

/** The JSON API: stateless (bearer tokens, no cookies), JSON answers, Accept-Language. */
export const apiStack = () => [
  middleware.forceJson(),
  middleware.detectLocale(),
  middleware.cleanInput(),
]
