/**
 * Guided testimony intake: consent first, then who, what, when and where, the statement, and a
 * review. The answers are saved on the server (encrypted, as a draft testimony) at every step,
 * so nothing typed is lost if the laptop closes or the connection drops; nothing stays in the
 * browser. On finishing, the person, the event and the act are created and the testimony links them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { post, put } from '../api';
import { type R, useAll } from '../records';
import { ErrorBox, Field, Page, VocabOptions } from '../ui';
import { useVocab } from '../vocab';

interface Answers {
  consent: 'internal' | 'courts' | 'public';
  protection: 'public' | 'restricted' | 'protected';
  language: string;
  interviewer: string;
  givenNames: string;
  firstSurname: string;
  secondSurname: string;
  sex: string;
  actType: string;
  methods: string[];
  date: string;
  placeId: string;
  statement: string;
}
const EMPTY: Answers = {
  consent: 'courts',
  protection: 'protected',
  language: 'es',
  interviewer: '',
  givenNames: '',
  firstSurname: '',
  secondSurname: '',
  sex: '',
  actType: 'arbitrary_detention',
  methods: [],
  date: '',
  placeId: '',
  statement: '',
};
const DRAFT_MARK = 'testigo-intake-draft:';
const STEPS = ['consent', 'who', 'what', 'whenWhere', 'statement', 'review'] as const;

function fuzzyDate(s: string) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return { precision: 'day', value: s };
  if (/^\d{4}-\d{2}$/.test(s)) return { precision: 'month', value: s };
  if (/^\d{4}$/.test(s)) return { precision: 'year', value: s };
  return undefined;
}

export function IntakeWizard() {
  const { t } = useTranslation();
  const { caseId } = useParams();
  const vocab = useVocab();
  const places = useAll(caseId, 'places');
  const testimonies = useAll(caseId, 'testimonies');
  const [step, setStep] = useState(0);
  const [a, setA] = useState<Answers>(EMPTY);
  const [draftId, setDraftId] = useState<string>();
  const [draftVersion, setDraftVersion] = useState<number>();
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<{ testimonyId: string; personId: string; eventId: string }>();
  const set = <K extends keyof Answers>(k: K, v: Answers[K]) => setA((x) => ({ ...x, [k]: v }));
  const drafts = (testimonies.data ?? []).filter((x: R) => x.draft === true);

  const draftBody = (x: Answers) => ({
    title: t('intake.draftTitle', { date: new Date().toISOString().slice(0, 10) }),
    statement: x.statement,
    language: x.language,
    consent: x.consent,
    protection: x.protection,
    ...(x.interviewer ? { interviewer: x.interviewer } : {}),
    materialType: 'testimony',
    draft: true,
    notes: DRAFT_MARK + JSON.stringify(x),
  });

  /** Saves what was typed so far, then moves on. */
  const next = async (to: number) => {
    setError(undefined);
    try {
      if (!draftId) {
        const r = await post<R>(`/api/cases/${caseId}/records/testimonies`, draftBody(a));
        setDraftId(r.id);
        setDraftVersion(r.version as number);
      } else {
        const r = await put<R>(`/api/cases/${caseId}/records/testimonies/${draftId}`, draftBody(a));
        setDraftVersion(r.version as number);
      }
      setSaved(new Date().toLocaleTimeString());
      setStep(to);
    } catch (e) {
      setError(e);
    }
  };

  const resume = (d: R) => {
    const notes = String(d.notes ?? '');
    if (!notes.startsWith(DRAFT_MARK)) return;
    setA({ ...EMPTY, ...(JSON.parse(notes.slice(DRAFT_MARK.length)) as Partial<Answers>) });
    setDraftId(d.id);
    setDraftVersion(d.version as number);
    setStep(1);
  };

  const finish = async () => {
    setError(undefined);
    try {
      const person = await post<R>(`/api/cases/${caseId}/records/persons`, {
        ...(a.givenNames ? { givenNames: a.givenNames } : {}),
        ...(a.firstSurname ? { firstSurname: a.firstSurname } : {}),
        ...(a.secondSurname ? { secondSurname: a.secondSurname } : {}),
        ...(a.sex ? { sex: a.sex } : {}),
        protection: a.protection,
      });
      const date = fuzzyDate(a.date);
      const event = await post<R>(`/api/cases/${caseId}/records/events`, {
        title: `${vocab.label('act_type', a.actType)} — ${person.displayName ?? ''} ${a.date}`.trim(),
        ...(date ? { date } : {}),
        ...(a.placeId ? { placeId: a.placeId } : {}),
      });
      const act = await post<R>(`/api/cases/${caseId}/records/acts`, {
        eventId: event.id,
        victimId: person.id,
        type: a.actType,
        methods: a.methods,
        ...(date ? { date } : {}),
        ...(a.placeId ? { placeId: a.placeId } : {}),
      });
      const body = {
        ...draftBody(a),
        title: t('intake.finalTitle', { name: person.displayName ?? '', date: a.date }),
        witnessId: person.id,
        draft: false,
        notes: undefined,
        ...(date ? { date } : {}),
        supports: { eventIds: [event.id], actIds: [act.id], personIds: [person.id] },
      };
      const tes = draftId
        ? await put<R>(`/api/cases/${caseId}/records/testimonies/${draftId}`, body)
        : await post<R>(`/api/cases/${caseId}/records/testimonies`, body);
      setDone({ testimonyId: tes.id, personId: person.id, eventId: event.id });
      void draftVersion;
    } catch (e) {
      setError(e);
    }
  };

  if (done)
    return (
      <Page title={t('intake.title')}>
        <p className="notice" role="status" data-testid="intake-done">
          {t('intake.done')}
        </p>
        <ul>
          <li>
            <Link to={`/c/${caseId}/persons/${done.personId}`}>{t('intake.seePerson')}</Link>
          </li>
          <li>
            <Link to={`/c/${caseId}/events/${done.eventId}`}>{t('intake.seeEvent')}</Link>
          </li>
        </ul>
      </Page>
    );

  const stepName = STEPS[step]!;
  return (
    <Page title={t('intake.title')}>
      <ol className="steps" aria-label={t('intake.progress')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} className={i === step ? 'current' : ''}>
            {t(`intake.step.${s}`)}
          </li>
        ))}
      </ol>
      {saved && (
        <p className="small muted" role="status">
          {t('intake.saved', { time: saved })}
        </p>
      )}
      {step === 0 && drafts.length > 0 && !draftId && (
        <div className="notice">
          <p>{t('intake.drafts', { n: drafts.length })}</p>
          {drafts.map((d) => (
            <button key={d.id} type="button" onClick={() => resume(d)}>
              {t('intake.resume')} {String(d.title)}
            </button>
          ))}
        </div>
      )}
      <form
        className="wizard"
        aria-label={t(`intake.step.${stepName}`)}
        onSubmit={(e) => {
          e.preventDefault();
          if (stepName === 'review') void finish();
          else void next(step + 1);
        }}
      >
        {stepName === 'consent' && (
          <>
            <p>{t('intake.consentIntro')}</p>
            <Field label={t('intake.consent')}>
              <select
                name="consent"
                value={a.consent}
                onChange={(e) => set('consent', e.target.value as Answers['consent'])}
              >
                <VocabOptions vocab={vocab} id="consent_scope" />
              </select>
            </Field>
            <Field label={t('intake.protection')} hint={t('intake.protectionHint')}>
              <select
                name="protection"
                value={a.protection}
                onChange={(e) => set('protection', e.target.value as Answers['protection'])}
              >
                <VocabOptions vocab={vocab} id="protection_level" />
              </select>
            </Field>
            <Field label={t('intake.language')}>
              <select name="language" value={a.language} onChange={(e) => set('language', e.target.value)}>
                <option value="es">Español</option>
                <option value="en">English</option>
              </select>
            </Field>
            <Field label={t('intake.interviewer')}>
              <input
                name="interviewer"
                value={a.interviewer}
                onChange={(e) => set('interviewer', e.target.value)}
              />
            </Field>
          </>
        )}
        {stepName === 'who' && (
          <>
            <p>{t('intake.whoIntro')}</p>
            <Field label={t('intake.givenNames')}>
              <input
                name="givenNames"
                value={a.givenNames}
                onChange={(e) => set('givenNames', e.target.value)}
              />
            </Field>
            <Field label={t('intake.firstSurname')}>
              <input
                name="firstSurname"
                value={a.firstSurname}
                onChange={(e) => set('firstSurname', e.target.value)}
              />
            </Field>
            <Field label={t('intake.secondSurname')}>
              <input
                name="secondSurname"
                value={a.secondSurname}
                onChange={(e) => set('secondSurname', e.target.value)}
              />
            </Field>
            <Field label={t('persons.sex')}>
              <select name="sex" value={a.sex} onChange={(e) => set('sex', e.target.value)}>
                <option value="">—</option>
                <VocabOptions vocab={vocab} id="sex" />
              </select>
            </Field>
          </>
        )}
        {stepName === 'what' && (
          <>
            <Field label={t('events.actType')}>
              <select name="actType" value={a.actType} onChange={(e) => set('actType', e.target.value)}>
                <VocabOptions vocab={vocab} id="act_type" />
              </select>
            </Field>
            <fieldset>
              <legend>{t('events.methods')}</legend>
              <div className="checks">
                {vocab.terms('violence_method').map((x) => (
                  <label key={x.code}>
                    <input
                      type="checkbox"
                      name="methods"
                      value={x.code}
                      checked={a.methods.includes(x.code)}
                      onChange={(e) =>
                        set(
                          'methods',
                          e.target.checked ? [...a.methods, x.code] : a.methods.filter((m) => m !== x.code),
                        )
                      }
                    />{' '}
                    {vocab.label('violence_method', x.code)}
                  </label>
                ))}
              </div>
            </fieldset>
          </>
        )}
        {stepName === 'whenWhere' && (
          <>
            <Field label={t('intake.date')} hint={t('intake.dateHint')}>
              <input
                name="date"
                value={a.date}
                pattern="\d{4}(-\d{2}(-\d{2})?)?"
                placeholder="2017-05-10"
                onChange={(e) => set('date', e.target.value)}
              />
            </Field>
            <Field label={t('events.place')}>
              <select name="placeId" value={a.placeId} onChange={(e) => set('placeId', e.target.value)}>
                <option value="">—</option>
                {(places.data ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name as string}
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
        {stepName === 'statement' && (
          <Field label={t('intake.statement')} hint={t('intake.statementHint')}>
            <textarea
              name="statement"
              rows={12}
              value={a.statement}
              onChange={(e) => set('statement', e.target.value)}
              required
            />
          </Field>
        )}
        {stepName === 'review' && (
          <dl className="facts">
            <dt>{t('intake.consent')}</dt>
            <dd>{vocab.label('consent_scope', a.consent)}</dd>
            <dt>{t('intake.protection')}</dt>
            <dd>{vocab.label('protection_level', a.protection)}</dd>
            <dt>{t('persons.name')}</dt>
            <dd>{[a.givenNames, a.firstSurname, a.secondSurname].filter(Boolean).join(' ') || '—'}</dd>
            <dt>{t('events.actType')}</dt>
            <dd>{vocab.label('act_type', a.actType)}</dd>
            <dt>{t('events.date')}</dt>
            <dd>{a.date || '—'}</dd>
            <dt>{t('intake.statement')}</dt>
            <dd className="prose">{a.statement}</dd>
          </dl>
        )}
        <ErrorBox error={error} />
        <div className="wizard-nav">
          {step > 0 && (
            <button type="button" onClick={() => void next(step - 1)}>
              {t('common.back')}
            </button>
          )}
          <button type="submit" className="primary">
            {stepName === 'review' ? t('intake.finish') : t('intake.saveNext')}
          </button>
        </div>
      </form>
    </Page>
  );
}
