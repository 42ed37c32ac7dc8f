/**
 * Create or edit a record of any kind, from its field spec. Edits carry the version read (If-Match):
 * when someone else saved meanwhile the server answers 409, the form keeps what was typed, shows
 * the version now stored, and the next save replaces it knowingly.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, api, get, post } from '../../api';
import type { R } from '../../records';
import { ErrorBox, Field, Loading, Page, VocabOptions } from '../../ui';
import { useVocab } from '../../vocab';
import { useFieldValue } from './detail';
import { bodyOf, type FieldSpec, fieldKey, getPath, recordPath, screensOf, setPath } from './kind-spec';
import { FuzzyDateInput, RefPicker, RefsPicker, useRecordLabel } from './widgets';

export function RecordForm() {
  const { t } = useTranslation();
  const { caseId = '', kind = '', id } = useParams();
  const spec = screensOf(kind);
  const navigate = useNavigate();
  const vocab = useVocab();
  const labelOf = useRecordLabel();
  const show = useFieldValue();
  const [body, setBody] = useState<Record<string, unknown>>();
  const [version, setVersion] = useState<number>();
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [theirs, setTheirs] = useState<R>();
  const [busy, setBusy] = useState(false);
  const [withheld, setWithheld] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once per record; reloading when the vocabulary arrives would drop what was typed
  useEffect(() => {
    setError(undefined);
    if (!id) {
      setBody(kind === 'testimonies' ? { language: 'es', consent: 'internal', protection: 'protected' } : {});
      return;
    }
    get<R>(`/api/cases/${caseId}/records/${kind}/${id}`).then(
      async (record) => {
        setWithheld(Boolean(record.withheld || record.pseudonymised));
        setVersion(record.version as number);
        setBody(bodyOf(record, screensOf(kind)));
        setLabels(await refLabels(caseId, kind, record, labelOf));
      },
      (e) => setError(e),
    );
  }, [caseId, kind, id]);

  if (!spec) return <ErrorBox error={new Error(kind)} />;
  const title = id
    ? `${t('records.edit')}: ${t(`records.one.${kind}`)}`
    : `${t('records.new')}: ${t(`records.one.${kind}`)}`;
  if (!body) return error ? <ErrorBox error={error} /> : <Loading />;
  if (withheld)
    return (
      <Page title={title}>
        <p className="notice">{t('records.withheldNoEdit')}</p>
      </Page>
    );

  const set = (name: string, v: unknown) => setBody((b) => setPath(b ?? {}, name, v));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = id
        ? await api<R>('PUT', `/api/cases/${caseId}/records/${kind}/${id}`, body, {
            headers: { 'If-Match': `"${version}"` },
          })
        : await post<R>(`/api/cases/${caseId}/records/${kind}`, body);
      setTheirs(undefined);
      navigate(recordPath(caseId, kind, saved.id));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && id) {
        // Someone saved meanwhile: keep the typed form, show theirs, and save over it next time.
        const latest = await get<R>(`/api/cases/${caseId}/records/${kind}/${id}`).catch(() => undefined);
        if (latest) {
          setTheirs(latest);
          setVersion(latest.version as number);
        }
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={title}>
      <form className="record-form" onSubmit={(e) => void submit(e)} noValidate>
        {theirs && (
          <div className="notice conflict" role="alert">
            <p>{t('records.conflict')}</p>
            <details open>
              <summary>{t('records.theirVersion')}</summary>
              <dl className="facts">
                {spec.fields.map((f) => {
                  const v = getPath(theirs, f.name);
                  return v === undefined ? null : (
                    <div key={f.name}>
                      <dt>{t(fieldKey(f.name))}</dt>
                      <dd>{show(f, v, labels, caseId)}</dd>
                    </div>
                  );
                })}
              </dl>
            </details>
          </div>
        )}
        {!theirs && <ErrorBox error={error} />}
        {spec.fields.map((f) => (
          <FieldInput
            key={f.name}
            caseId={caseId}
            field={f}
            value={getPath(body, f.name)}
            labels={labels}
            vocab={vocab}
            onChange={(v, added) => {
              set(f.name, v);
              if (added) setLabels((l) => ({ ...l, ...added }));
            }}
          />
        ))}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {id ? t('records.save') : t('records.create')}
          </button>
          <button type="button" onClick={() => navigate(-1)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Page>
  );
}

/** Labels of the records a record references (the list endpoint names them through the read model). */
export async function refLabels(
  caseId: string,
  kind: string,
  record: R,
  labelOf?: (kind: string, r: R) => string,
): Promise<Record<string, string>> {
  const spec = screensOf(kind);
  const out: Record<string, string> = {};
  const wanted: [string, string][] = [];
  for (const f of spec?.fields ?? []) {
    const v = getPath(record, f.name);
    if (f.type.t === 'ref' && typeof v === 'string') wanted.push([f.type.kind, v]);
    if (f.type.t === 'refs' && Array.isArray(v)) for (const x of v) wanted.push([f.type.kind, String(x)]);
  }
  await Promise.all(
    wanted.map(async ([k, rid]) => {
      const r = await get<R>(`/api/cases/${caseId}/records/${k}/${rid}`).catch(() => undefined);
      if (r) out[rid] = labelOf ? labelOf(k, r) : String(r.displayName ?? r.name ?? r.title ?? rid);
    }),
  );
  return out;
}

function FieldInput({
  caseId,
  field,
  value,
  labels,
  vocab,
  onChange,
}: {
  caseId: string;
  field: FieldSpec;
  value: unknown;
  labels: Record<string, string>;
  vocab: ReturnType<typeof useVocab>;
  onChange(v: unknown, added?: Record<string, string>): void;
}) {
  const { t } = useTranslation();
  const label = t(fieldKey(field.name));
  const ty = field.type;
  const req = 'required' in ty && ty.required;
  const shown = `${label}${req ? ' *' : ''}`;
  switch (ty.t) {
    case 'text':
      return (
        <Field label={shown}>
          <input
            value={(value as string) ?? ''}
            maxLength={ty.max}
            required={req}
            onChange={(e) => onChange(e.target.value)}
          />
        </Field>
      );
    case 'textarea':
      return (
        <Field label={shown}>
          <textarea rows={4} value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value)} />
        </Field>
      );
    case 'bool':
      return (
        <label className="check">
          <input type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />{' '}
          {label}
        </label>
      );
    case 'vocab':
      return (
        <Field label={shown}>
          <select value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
            <option value="">—</option>
            <VocabOptions vocab={vocab} id={ty.vocab} />
          </select>
        </Field>
      );
    case 'vocabs': {
      const chosen = (value as string[]) ?? [];
      return (
        <fieldset className="checks">
          <legend>{label}</legend>
          {vocab.terms(ty.vocab).map((x) => (
            <label key={x.code} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(x.code)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, x.code] : chosen.filter((c) => c !== x.code))
                }
              />{' '}
              {vocab.label(ty.vocab, x.code)}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'date':
      return (
        <FuzzyDateInput label={label} required={req} value={value as never} onChange={(v) => onChange(v)} />
      );
    case 'ref':
      return (
        <RefPicker
          caseId={caseId}
          kind={ty.kind}
          label={label}
          required={req}
          value={value as string | undefined}
          valueLabel={labels[value as string]}
          onChange={(id, l) => onChange(id, id && l ? { [id]: l } : undefined)}
        />
      );
    case 'refs':
      return (
        <RefsPicker
          caseId={caseId}
          kind={ty.kind}
          label={label}
          value={(value as string[]) ?? []}
          labels={labels}
          onChange={(ids, added) => onChange(ids, added ? { [added.id]: added.label } : undefined)}
        />
      );
  }
}
