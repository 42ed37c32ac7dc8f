/** Inputs of the generic record form: reference pickers with search, fuzzy dates, vocabularies. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseInterviewDate } from '../../../../src/domain/interview';
import { get } from '../../api';
import { fuzzy, type R } from '../../records';
import { useVocab } from '../../vocab';

/** Kinds the full-text index holds (the rest are small and filtered in the browser). */
const SEARCHED = new Set(['persons', 'events', 'acts', 'testimonies']);

export function useRecordLabel() {
  const vocab = useVocab();
  return (kind: string, r: R): string => {
    if (kind === 'acts' || kind === 'act') {
      const date = r.date ? ` (${fuzzy(r.date)})` : '';
      return `${vocab.label('act_type', r.type as string)}${date}`;
    }
    // Records without a name of their own read as what they say: "Detenido (14 may. 2014)".
    if (kind === 'detention-periods' && r.status) {
      const from = r.from ? ` (${fuzzy(r.from)})` : '';
      return `${vocab.label('detention_status', r.status as string)}${from}`;
    }
    if (kind === 'involvements' && r.degree) return vocab.label('involvement_degree', r.degree as string);
    return String(r.displayName ?? r.name ?? r.title ?? r.rank ?? r.id);
  };
}

async function candidates(caseId: string, kind: string, q: string): Promise<R[]> {
  if (SEARCHED.has(kind) && q.trim()) {
    const res = await get<{ items: { record: R }[] }>(
      `/api/cases/${caseId}/search?kind=${kind}&limit=10&q=${encodeURIComponent(q)}`,
    );
    return res.items.map((h) => h.record);
  }
  const res = await get<{ items: R[] }>(
    `/api/cases/${caseId}/records/${kind}?limit=${SEARCHED.has(kind) ? 10 : 500}`,
  );
  return res.items;
}

/** One reference: the chosen record's label, or a search box that lists matches to choose from. */
export function RefPicker({
  caseId,
  kind,
  label,
  value,
  valueLabel,
  onChange,
  required,
}: {
  caseId: string;
  kind: string;
  label: string;
  value?: string;
  valueLabel?: string;
  onChange(id: string | undefined, label?: string): void;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const labelOf = useRecordLabel();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<R[]>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: labelOf changes with the vocabulary only
  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      candidates(caseId, kind, q).then(
        (items) => {
          if (!live) return;
          const needle = q.trim().toLowerCase();
          setFound(
            SEARCHED.has(kind) || !needle
              ? items
              : items.filter((r) => labelOf(kind, r).toLowerCase().includes(needle)).slice(0, 10),
          );
        },
        () => live && setFound([]),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [caseId, kind, q, open]);
  return (
    <fieldset className="picker">
      <legend>
        {label}
        {required ? ' *' : ''}
      </legend>
      {value ? (
        <p className="picked">
          <span>{t('records.selected', { label: valueLabel ?? value })}</span>{' '}
          <button type="button" onClick={() => onChange(undefined)}>
            {t('records.pickClear')}
          </button>
        </p>
      ) : (
        <>
          <label htmlFor={id} className="sr-only">
            {t('records.pickSearch')}: {label}
          </label>
          <input
            id={id}
            type="search"
            value={q}
            placeholder={t('records.pickSearch')}
            onFocus={() => setOpen(true)}
            onChange={(e) => {
              setQ(e.target.value);
              setOpen(true);
            }}
          />
          {open && found && (
            <ul className="pick-list">
              {found.length === 0 && <li className="muted">{t('records.pickNone')}</li>}
              {found.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    onClick={() => {
                      onChange(r.id, labelOf(kind, r));
                      setQ('');
                      setOpen(false);
                    }}
                  >
                    {labelOf(kind, r)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </fieldset>
  );
}

/** Several references: chosen ones listed with a remove button, and a picker to add more. */
export function RefsPicker({
  caseId,
  kind,
  label,
  value,
  labels,
  onChange,
}: {
  caseId: string;
  kind: string;
  label: string;
  value: string[];
  labels: Record<string, string>;
  onChange(ids: string[], added?: { id: string; label: string }): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="refs">
      {value.length > 0 && (
        <ul className="chips" aria-label={label}>
          {value.map((id) => (
            <li key={id}>
              {labels[id] ?? id}{' '}
              <button
                type="button"
                aria-label={`${t('records.pickClear')}: ${labels[id] ?? id}`}
                onClick={() => onChange(value.filter((x) => x !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <RefPicker
        caseId={caseId}
        kind={kind}
        label={label}
        onChange={(id, l) => {
          if (id && !value.includes(id)) onChange([...value, id], { id, label: l ?? id });
        }}
      />
    </div>
  );
}

type Fuzzy = { precision: string; value?: string; from?: string; to?: string } | undefined;

/** A stored partial ISO date (AAAA, AAAA-MM, AAAA-MM-DD) as people here write it (day first). */
function dayFirst(iso: string | undefined): string {
  const [y, m, d] = (iso ?? '').split('-');
  return [d, m, y].filter(Boolean).join('/');
}

/** How a stored fuzzy date is shown for editing: what the reader would have typed. */
function typedForm(v: Fuzzy): string {
  if (!v || v.precision === 'unknown') return '';
  if (v.precision === 'range') return `${dayFirst(v.from)} – ${dayFirst(v.to)}`;
  return dayFirst(v.value);
}

/**
 * A date as people write it — DD/MM/AAAA, a month ("marzo de 2017"), a year, or a range ("entre
 * marzo y mayo de 2017") — read with the interview's parser and said back in words before saving.
 * Text it cannot read is sent as it is, so the server refuses it naming the field.
 */
export function FuzzyDateInput({
  label,
  value,
  onChange,
  required,
}: {
  label: string;
  value: Fuzzy;
  onChange(v: Fuzzy): void;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(() => typedForm(value));
  const read = text.trim() ? parseInterviewDate(text) : undefined;
  return (
    <div className="fuzzy-date">
      <label htmlFor={id}>
        {label}
        {required ? ' *' : ''}
      </label>
      <input
        id={id}
        value={text}
        placeholder={t('intake.datePlaceholder')}
        aria-invalid={Boolean(text.trim() && !read)}
        aria-describedby={`${id}-read`}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          if (!typed.trim()) onChange(undefined);
          else onChange(parseInterviewDate(typed) ?? { precision: 'unreadable', value: typed });
        }}
      />
      <p id={`${id}-read`} className="small" aria-live="polite">
        {text.trim() && (read ? t('intake.dateRead', { date: fuzzy(read) }) : t('intake.dateUnread'))}
      </p>
    </div>
  );
}
