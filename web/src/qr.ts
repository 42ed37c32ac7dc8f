/**
 * QR codes for two-step enrolment, made in the browser (qrcode-generator, pure JS): the otpauth URI
 * holds the secret, so it must never go to a QR service or leave the page.
 */
import qrcode from 'qrcode-generator';

/** Dark modules of the QR code of `text` (byte mode, error correction M, smallest version that fits). */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** The quiet zone around the code, in modules (ISO/IEC 18004 asks for 4). */
export const QUIET = 4;

/** One SVG path drawing every dark module as a 1×1 square, offset by the quiet zone. */
export function qrPath(m: boolean[][]): string {
  const parts: string[] = [];
  m.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (dark) parts.push(`M${c + QUIET} ${r + QUIET}h1v1h-1z`);
    });
  });
  return parts.join('');
}

/** The side of the drawing, in modules, quiet zone included. */
export const qrSide = (m: boolean[][]) => m.length + 2 * QUIET;
