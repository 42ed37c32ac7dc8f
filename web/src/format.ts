/** Numbers and times the way a reader expects them in the interface language. */

const LOCALES: Record<string, string> = { es: 'es-VE', en: 'en-GB' };
const locale = (lang: string) => LOCALES[lang] ?? lang;

/** Bytes as B, KB, MB or GB (1 KB = 1024 B), one decimal below 10. */
export function formatBytes(n: number, lang: string): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = u === 0 || v >= 10 ? 0 : 1;
  return `${v.toLocaleString(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[u]}`;
}

/** An instant in the reader's own time zone, with the zone's name (UTC stays visible on hover). */
export function formatTime(iso: string | undefined, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale(lang), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}
