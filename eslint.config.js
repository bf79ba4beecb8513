import { configApp } from '@adonisjs/eslint-config'

export default configApp({
  // Generated files (database/schema.ts is rewritten by every migration run).
  ignores: ['public/**', 'build/**', 'tmp/**', 'storage/**', 'database/schema.ts', '.adonisjs/**'],
})
