/**
 * Server refusals in the reader's language. The server sends stable codes (`code`, a finer `reason`,
 * a `code` per field issue) and the values their messages need (`params`); this turns them into
 * sentences with the reader's plurals and number format. The server's English `message` is not shown.
 */
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorParams, type Issue, NetworkError } from './api';

/** Bytes as people read them: "1 MiB", "256 MiB", "900 KiB". */
function bytes(n: number, lang: string): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toLocaleString(lang, { maximumFractionDigits: 1 })} ${units[i]}`;
}

export function useErrorText() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const num = (v: unknown) => (typeof v === 'number' ? v.toLocaleString(lang) : String(v ?? ''));
  /** Parameters as the sentences need them: numbers in the reader's format, waits and sizes in words. */
  const words = (p: ErrorParams = {}): Record<string, string | number> => {
    const out: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(p)) out[k] = num(v);
    if (typeof p.retryAfter === 'number')
      out.wait =
        p.retryAfter >= 90
          ? t('wait.minutes', { count: Math.ceil(p.retryAfter / 60) })
          : t('wait.seconds', { count: Math.max(1, p.retryAfter) });
    if (typeof p.limit === 'number') out.limit = bytes(p.limit, lang);
    if (typeof p.role === 'string' && i18n.exists(`roles.${p.role}`)) out.role = t(`roles.${p.role}`);
    return out;
  };
  const field = (f: string) =>
    f
      .replace(/^answers\./, '')
      .split('.')
      .map((part) => {
        const m = part.match(/^(\w+)(?:\[(\d+)\])?$/);
        if (!m) return part;
        const key = i18n.exists(`errors.field.${m[1]}`)
          ? `errors.field.${m[1]}`
          : i18n.exists(`field.${m[1]}`)
            ? `field.${m[1]}`
            : undefined;
        const label = key ? t(key) : m[1]!;
        return m[2] === undefined ? label : `${label} ${Number(m[2]) + 1}`;
      })
      .join(' › ');
  const issue = (i: Issue): string => {
    const p = i.params ?? {};
    if (i.code === 'too_big' || i.code === 'too_small') {
      const n = Number(i.code === 'too_big' ? p.max : p.min);
      const origin = p.origin === 'string' || p.origin === 'array' ? p.origin : undefined;
      // `count` picks the plural form; `n` is the number as the reader writes it (300.000 / 300,000).
      return origin
        ? t(`issue.${i.code}.${origin}`, { count: n, n: num(n) })
        : t(`issue.${i.code}.other`, words(p));
    }
    if (i.code === 'password_too_short' || i.code === 'password_too_long') {
      const n = Number(i.code === 'password_too_short' ? p.min : p.max);
      return t(`issue.${i.code}`, { count: n, n: num(n) });
    }
    if (i.code && i18n.exists(`issue.${i.code}`)) return t(`issue.${i.code}`, words(p));
    // Issues from before codes: the message itself is a code in a few places.
    return i.message === 'required' ? t('issue.required') : t('issue.invalid');
  };
  const headline = (error: unknown): string => {
    if (error instanceof NetworkError) return t('errors.code.network');
    if (!(error instanceof ApiError)) return t('errors.code.other');
    // With field issues the list says what is wrong; the headline asks to correct it.
    if (error.issues.length > 0 && error.reason !== 'upload_refused')
      return i18n.exists(`errors.code.${error.code}`)
        ? t(`errors.code.${error.code}`)
        : t('errors.code.other');
    const reason = error.reason ?? (error.params ? error.code : undefined);
    if (reason && i18n.exists(`reason.${reason}`)) return t(`reason.${reason}`, words(error.params));
    return i18n.exists(`errors.code.${error.code}`) ? t(`errors.code.${error.code}`) : t('errors.code.other');
  };
  return { headline, issue, field };
}
