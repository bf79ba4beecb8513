import QRCode from 'qrcode'

/** The otpauth URI as an inline SVG QR code, drawn on the server (no script, no image URL). */
export function qrCodeSvg(text: string) {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}
