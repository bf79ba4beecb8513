import { PDFDocument, PDFName } from 'pdf-lib'

/**
 * A PDF without the metadata that often names its author (Info dictionary and XMP
 * stream), for reviewers of blind calls. A file pdf-lib cannot read is served as it is:
 * its content was checked on upload, and refusing it would block the review.
 */
export async function withoutPdfMetadata(bytes: Uint8Array): Promise<Uint8Array> {
  let pdf: PDFDocument
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true })
  } catch {
    return bytes
  }
  pdf.setTitle('')
  pdf.setAuthor('')
  pdf.setSubject('')
  pdf.setKeywords([])
  pdf.setCreator('')
  pdf.setProducer('')
  pdf.catalog.delete(PDFName.of('Metadata'))
  return pdf.save({ updateFieldAppearances: false })
}
