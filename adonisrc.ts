import { indexEntities } from '@adonisjs/core'
import { defineConfig } from '@adonisjs/core/app'
import { indexPolicies } from '@adonisjs/bouncer'

export default defineConfig({
  experimental: {},

  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    () => import('@adonisjs/session/commands'),
    () => import('@adonisjs/mail/commands'),
    () => import('@adonisjs/bouncer/commands'),
  ],

  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    {
      file: () => import('@adonisjs/core/providers/repl_provider'),
      environment: ['repl', 'test'],
    },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    () => import('@adonisjs/core/providers/edge_provider'),
    () => import('@adonisjs/session/session_provider'),
    () => import('@adonisjs/vite/vite_provider'),
    () => import('@adonisjs/shield/shield_provider'),
    () => import('@adonisjs/static/static_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    () => import('@adonisjs/redis/redis_provider'),
    () => import('@adonisjs/limiter/limiter_provider'),
    () => import('@adonisjs/i18n/i18n_provider'),
    () => import('@adonisjs/mail/mail_provider'),
    () => import('@adonisjs/drive/drive_provider'),
    () => import('@adonisjs/bouncer/bouncer_provider'),
    () => import('#providers/queue_provider'),
  ],

  preloads: [
    () => import('#start/database'),
    () => import('#start/routes'),
    () => import('#start/kernel'),
    () => import('#start/view'),
    () => import('#start/mail'),
    () => import('#start/limiter'),
    () => import('#start/validator'),
  ],

  tests: {
    suites: [
      { name: 'unit', files: ['tests/unit/**/*.spec.ts'], timeout: 10_000 },
      { name: 'functional', files: ['tests/functional/**/*.spec.ts'], timeout: 30_000 },
      { name: 'browser', files: ['tests/browser/**/*.spec.ts'], timeout: 60_000 },
    ],
    forceExit: true,
  },

  metaFiles: [
    { pattern: 'resources/views/**/*.edge', reloadServer: false },
    { pattern: 'resources/lang/**/*.{json,yaml}', reloadServer: false },
    // Fonts embedded in generated PDFs (app/core/pdf/fonts.ts reads them next to the code).
    { pattern: 'resources/fonts/**', reloadServer: false },
    { pattern: 'public/**', reloadServer: false },
  ],

  hooks: {
    init: [
      // Controllers live in their domain folder (app/<domain>/controllers), so the
      // generated barrel scans the whole of app/.
      indexEntities({
        controllers: {
          source: 'app',
          importAlias: '#app',
          glob: ['**/controllers/**/*_controller.ts'],
          skipSegments: ['controllers'],
        },
      }),
      indexPolicies({ source: 'app', importAlias: '#app', glob: ['**/policies/**/*_policy.ts'] }),
    ],
    buildStarting: [() => import('@adonisjs/vite/build_hook')],
  },
})
