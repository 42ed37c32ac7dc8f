/**
 * Choosing a place by searching its path (state › municipality › site): "Libertador" alone is
 * ambiguous, "Mérida › Libertador" is not.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldCase } from '../../src/domain/fold';
import type { R } from './records';

const fold = foldCase;

export function placePaths(places: R[]): Map<string, string> {
  const byId = new Map(places.map((p) => [p.id, p]));
  const out = new Map<string, string>();
  for (const p of places) {
    const names: string[] = [];
    let cur: R | undefined = p;
    for (let depth = 0; cur && depth < 6; depth++) {
      names.unshift(String(cur.name ?? ''));
      cur = cur.parentId ? byId.get(String(cur.parentId)) : undefined;
    }
    out.set(p.id, names.join(' › '));
  }
  return out;
}

export function PlacePicker({
  places,
  value,
  onChange,
  label,
}: {
  places: R[];
  value: string;
  onChange(id: string): void;
  label: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const id = useId();
  const paths = useMemo(() => placePaths(places), [places]);
  const matches = useMemo(() => {
    const words = fold(q).split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    return [...paths]
      .filter(([, path]) => words.every((w) => fold(path).includes(w)))
      .sort((a, b) => a[1].localeCompare(b[1]))
      .slice(0, 12);
  }, [q, paths]);
  return (
    <fieldset className="place-picker">
      <legend>{label}</legend>
      <p className="small" data-testid="place-chosen">
        {value ? paths.get(value) : t('intake.noPlace')}{' '}
        {value && (
          <button type="button" className="linklike" onClick={() => onChange('')}>
            {t('intake.clearPlace')}
          </button>
        )}
      </p>
      <label className="field" htmlFor={id}>
        <span>{t('intake.searchPlace')}</span>
        <input id={id} name="placeSearch" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      {matches.length > 0 && (
        <ul className="place-results">
          {matches.map(([pid, path]) => (
            <li key={pid}>
              <button
                type="button"
                onClick={() => {
                  onChange(pid);
                  setQ('');
                }}
              >
                {path}
              </button>
            </li>
          ))}
        </ul>
      )}
      {q && matches.length === 0 && <p className="small muted">{t('intake.noPlaceMatch')}</p>}
    </fieldset>
  );
}
