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

/**
 * A case-file date (day, month, year, range or unknown) as a reader writes it: "3 may 2017" /
 * "3 May 2017", "mayo de 2017" / "May 2017", "2017". Calendar dates have no time zone: formatted in UTC
 * so no reader sees the day before.
 */
export function formatFuzzy(d: unknown, lang: string): string {
  const f = d as { precision?: string; value?: string; from?: string; to?: string } | undefined;
  if (!f) return '—';
  if (f.precision === 'unknown') return '?';
  if (f.precision === 'range') return `${formatIsoDate(f.from, lang)} – ${formatIsoDate(f.to, lang)}`;
  return formatIsoDate(f.value, lang);
}

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD" in the reader's language; anything else as it is. */
export function formatIsoDate(v: string | undefined, lang: string): string {
  if (!v) return '—';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m) return v;
  if (!m[2]) return m[1]!;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1));
  return at.toLocaleDateString(locale(lang), {
    timeZone: 'UTC',
    year: 'numeric',
    month: m[3] ? 'short' : 'long',
    ...(m[3] ? { day: 'numeric' } : {}),
  });
}
