import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

const connection = {
  host: env.get('REDIS_HOST'),
  port: env.get('REDIS_PORT'),
  password: env.get('REDIS_PASSWORD', ''),
  db: 0,
  keyPrefix: '',
}

const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: {
      ...connection,
      retryStrategy: (times: number) => (times > 10 ? null : times * 50),
    },
    /** The rate limiter keeps its own prefix so a test can clear it alone. */
    limiter: { ...connection, keyPrefix: `${env.get('QUEUE_PREFIX')}:limiter:` },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
