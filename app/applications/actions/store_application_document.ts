import { createHash, randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Application from '#applications/models/application'
import ApplicationDocument from '#applications/models/application_document'
import { currentFormVersion } from '#programmes/form_versions'
import { fileFields } from '#applications/answers'
import { FIELD_DEFAULTS } from '#programmes/forms/form_definition'
import { detectFileType, extensionOf } from '#applications/file_types'
import { DomainError, InvalidFields } from '#core/exceptions/domain_error'
import { recordAudit } from '#core/audit/audit_trail'
import type { Actor } from '#core/audit/actor'
import type User from '#identity/models/user'

/**
 * Attaches a file to a draft, as the answer of one of its form's file fields. The file
 * is checked by content and size, written to private storage, and recorded with its
 * fingerprint; it replaces the field's previous document.
 */
export class StoreApplicationDocument {
  async handle(
    application: Application,
    fieldPath: string,
    file: MultipartFile,
    uploader: User,
    actor: Actor
  ) {
    const form = await currentFormVersion(application.callId)
    const target = form && fileFields(form.definition).find((item) => item.path === fieldPath)
    if (!target)
      throw new InvalidFields([{ field: fieldPath, message: 'applications.files.unknown_field' }])

    const maxMb = target.field.maxSizeMb ?? FIELD_DEFAULTS.maxSizeMb
    if (!file.tmpPath || file.size > maxMb * 1024 * 1024) {
      throw new InvalidFields([
        { field: fieldPath, message: 'applications.files.too_large', data: { max: maxMb } },
      ])
    }
    const bytes = await readFile(file.tmpPath)
    const type = detectFileType(bytes.subarray(0, 16))
    if (!type || !(target.field.accept ?? []).includes(type)) {
      throw new InvalidFields([
        {
          field: fieldPath,
          message: 'applications.files.wrong_type',
          data: { accepted: (target.field.accept ?? []).map(extensionOf).join(', ') },
        },
      ])
    }

    const storageKey = `applications/${application.id}/${randomUUID()}.${extensionOf(type)}`
    await drive.use().put(storageKey, bytes)
    try {
      return await db.transaction(async (client) => {
        const locked = await lockDraft(application.id, client)
        const replaced = await ApplicationDocument.query({ client })
          .where({ applicationId: locked.id, fieldPath })
          .select('id', 'storageKey')
        const document = await ApplicationDocument.create(
          {
            applicationId: locked.id,
            fieldPath,
            originalName: safeName(file.clientName),
            mimeType: type,
            sizeBytes: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            storageKey,
            uploadedBy: uploader.id,
          },
          { client }
        )
        const [section, field] = fieldPath.split('.')
        locked.answers = {
          ...locked.answers,
          [section]: { ...locked.answers[section], [field]: String(document.id) },
        }
        await locked.useTransaction(client).save()
        if (replaced.length) {
          await ApplicationDocument.query({ client })
            .whereIn(
              'id',
              replaced.map((row) => row.id)
            )
            .delete()
        }
        await recordAudit(
          {
            actor,
            action: 'application.document_uploaded',
            subjectType: 'application',
            subjectId: locked.id,
            metadata: { documentId: document.id, fieldPath, sha256: document.sha256 },
          },
          client
        )
        // Replaced files are removed once the change is committed, never before.
        client.after('commit', async () => {
          await Promise.all(replaced.map((row) => drive.use().delete(row.storageKey)))
        })
        return document
      })
    } catch (error) {
      await drive.use().delete(storageKey)
      throw error
    }
  }
}

/** The application, locked, if it is still a draft; a DomainError otherwise. */
export async function lockDraft(id: number, client: TransactionClientContract) {
  const application = await Application.query({ client }).where('id', id).forUpdate().firstOrFail()
  if (application.state !== 'draft') {
    throw new DomainError('applications.errors.not_a_draft', { status: 409 })
  }
  return application
}

/** A file name fit to show and to offer as a download name. */
function safeName(name: string) {
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\"<>|:*?]/g, '_').trim()
  return (cleaned || 'document').slice(0, 200)
}
