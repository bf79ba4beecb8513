import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, targets } from '@adonisjs/core/logger'

// Structured JSON logs (pino) on stdout, with the request id on request-scoped lines;
// pretty-printed in development only (the pretty transport costs a worker thread).
const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: env.get('APP_NAME', 'manassa'),
      level: env.get('LOG_LEVEL'),
      transport: app.inDev ? { targets: [targets.pretty()] } : undefined,
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
