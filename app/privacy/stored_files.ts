import drive from '@adonisjs/drive/services/main'

/**
 * Deletes files from the private disk, after the transaction that forgot them committed
 * (a rolled-back erasure must not lose files). A file already gone is not an error.
 */
export async function deleteStoredFiles(keys: string[]) {
  const disk = drive.use()
  for (const key of keys) await disk.delete(key)
}
