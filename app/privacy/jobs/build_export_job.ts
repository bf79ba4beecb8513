import { inject } from '@adonisjs/core'
import type { Job } from '#core/queue/types'
import { BuildDataExport } from '#privacy/actions/build_data_export'

/** Builds one person's data export (jobId `privacy-export-<requestId>`; idempotent). */
@inject()
export default class BuildExportJob implements Job<{ requestId: number }> {
  constructor(private buildDataExport: BuildDataExport) {}

  handle({ requestId }: { requestId: number }) {
    return this.buildDataExport.handle(requestId)
  }
}
