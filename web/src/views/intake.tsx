/**
 * Guided testimony interview: consent, the witness (and how they relate to what happened), the
 * victims, the incident's date and place, the acts (victim, methods that fit the act, perpetrators)
 * and the statement, then a review. The answers are autosaved on the server as a sealed draft a few
 * seconds after typing stops and whenever a field loses focus; what cannot be sent (offline, session
 * ended) is kept in the tab, encrypted (pending.ts), and sent when possible. Finishing writes
 * everything in one server transaction; retrying a finish whose answer was lost writes nothing twice.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { FuzzyDate } from '../../../src/domain/dates';
import {
  INTERVIEW_STEPS,
  type InterviewAnswers,
  methodsFor,
  parseInterviewDate,
} from '../../../src/domain/interview';
import { ApiError, del, get, NetworkError, post, put } from '../api';
import { dropPending, keepPending, takePending } from '../pending';
import { PersonLink } from '../person-link';
import { PlacePicker, placePaths } from '../place-picker';
import { useAll } from '../records';
import { useSession } from '../session';
import { ErrorBox, Field, Page, useLoad, VocabOptions } from '../ui';
import { useVocab } from '../vocab';

type Person = InterviewAnswers['witness'];
type Act = InterviewAnswers['acts'][number];
type Step = (typeof INTERVIEW_STEPS)[number];
interface Draft {
  id: string;
  seq: number;
  updatedAt: string;
  answers: InterviewAnswers;
}
interface Result {
  testimonyId: string;
  eventId: string;
  actIds: string[];
  personIds: Record<string, string>;
}

const AUTOSAVE_MS = 2500;
const person = (key: string): Person => ({
  key,
  givenNames: '',
  firstSurname: '',
  secondSurname: '',
  sex: '',
});
const newAct = (victimKey = ''): Act => ({ victimKey, type: '', methods: [], perpetrators: [] });
const EMPTY: InterviewAnswers = {
  consent: 'courts',
  protection: 'protected',
  language: 'es',
  interviewer: '',
  witness: person('witness'),
  witnessIsVictim: false,
  witnessRelation: '',
  victims: [],
  date: '',
  placeId: '',
  acts: [],
  statement: '',
  step: 'consent',
};

function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...b))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
const fullName = (p: Person) =>
  p.personId
    ? (p.linkedLabel ?? '')
    : [p.givenNames, p.firstSurname, p.secondSurname].filter(Boolean).join(' ');
/** A draft's title shows initials only: enough to tell drafts apart, not to name anyone on screen. */
const initials = (p: Person) =>
  (p.personId ? (p.linkedLabel ?? '').split(/\s+/) : [p.givenNames, p.firstSurname])
    .map((s) => s.trim()[0])
    .filter(Boolean)
    .map((c) => `${c!.toUpperCase()}.`)
    .join(' ');

export function formatFuzzy(d: FuzzyDate | undefined, lang: string): string {
  if (!d || d.precision === 'unknown') return '';
  const loc = lang === 'en' ? 'en-GB' : 'es-VE';
  const one = (v: string) => {
    const [y, m, day] = v.split('-').map(Number) as [number, number?, number?];
    const at = new Date(Date.UTC(y, (m ?? 1) - 1, day ?? 1));
    const opts: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (m) opts.month = 'long';
    if (day) opts.day = 'numeric';
    return new Intl.DateTimeFormat(loc, opts).format(at);
  };
  return d.precision === 'range' ? `${one(d.from)} – ${one(d.to)}` : one(d.value);
}

export function IntakeWizard() {
  const { t, i18n } = useTranslation();
  const { caseId } = useParams();
  const vocab = useVocab();
  const { reauths } = useSession();
  const places = useAll(caseId, 'places');
  const units = useAll(caseId, 'units');
  const drafts = useLoad(() => get<{ items: Draft[] }>(`/api/cases/${caseId}/interviews`), [caseId]);

  const [id, setId] = useState(newId);
  const [started, setStarted] = useState(false);
  const [a, setA] = useState<InterviewAnswers>(EMPTY);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'offline' | 'expired' | 'error'>('idle');
  const [savedAt, setSavedAt] = useState<Date>();
  const [saves, setSaves] = useState(0);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<Result>();
  const [confirmDiscard, setConfirmDiscard] = useState<string>();
  const latest = useRef(a);
  const seq = useRef(0);
  const dirty = useRef(false);
  const saving = useRef(false);
  const queued = useRef(false);
  const timer = useRef<number | undefined>(undefined);

  const url = `/api/cases/${caseId}/interviews/${id}`;
  const save = useCallback(async (): Promise<boolean> => {
    if (!dirty.current) return true;
    if (saving.current) {
      // One save at a time; the change that arrived meanwhile goes right after.
      queued.current = true;
      return false;
    }
    saving.current = true;
    dirty.current = false;
    const snapshot = latest.current;
    seq.current += 1;
    setStatus('saving');
    try {
      await put(url, { seq: seq.current, answers: snapshot });
      dropPending(id);
      setSavedAt(new Date());
      setSaves((n) => n + 1);
      setStatus('saved');
      setError(undefined);
      return true;
    } catch (e) {
      dirty.current = true;
      await keepPending(id, { seq: seq.current, answers: snapshot });
      if (e instanceof NetworkError) setStatus('offline');
      else if (e instanceof ApiError && e.status === 401) setStatus('expired');
      else {
        setStatus('error');
        setError(e);
      }
      return false;
    } finally {
      saving.current = false;
      if (queued.current && dirty.current) {
        queued.current = false;
        window.setTimeout(() => void saveRef.current(), 0);
      }
    }
  }, [url, id]);
  const saveRef = useRef(save);
  saveRef.current = save;

  /** Every change: mark unsaved and save a moment after typing stops. */
  const update = (f: (x: InterviewAnswers) => InterviewAnswers) => {
    // The latest answers are kept in a ref as well, so a save right after a change sends it.
    latest.current = f(latest.current);
    setA(latest.current);
    dirty.current = true;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), AUTOSAVE_MS);
  };
  const set = <K extends keyof InterviewAnswers>(k: K, v: InterviewAnswers[K]) =>
    update((x) => ({ ...x, [k]: v }));

  // Retry what waits: every few seconds, when the network returns, and after signing in again.
  useEffect(() => {
    const retry = () => {
      if (dirty.current) void save();
    };
    const every = window.setInterval(retry, 5000);
    window.addEventListener('online', retry);
    return () => {
      window.clearInterval(every);
      window.removeEventListener('online', retry);
    };
  }, [save]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a re-authentication happened
  useEffect(() => {
    if (reauths > 0 && dirty.current) void save();
  }, [reauths]);
  // Unsaved text: the browser asks before the tab is closed or reloaded.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (started && !done && dirty.current) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [started, done]);

  const go = (step: Step) => {
    update((x) => ({ ...x, step }));
    void save();
    window.scrollTo(0, 0);
  };

  const resume = async (d: Draft) => {
    const waiting = await takePending<{ seq: number; answers: InterviewAnswers }>(d.id);
    setId(d.id);
    seq.current = Math.max(d.seq, waiting?.seq ?? 0);
    latest.current = { ...EMPTY, ...(waiting?.answers ?? d.answers) };
    setA(latest.current);
    dirty.current = Boolean(waiting);
    setStarted(true);
  };
  const discard = async (draftId: string) => {
    setError(undefined);
    try {
      await del(`/api/cases/${caseId}/interviews/${draftId}`);
      dropPending(draftId);
      setConfirmDiscard(undefined);
      drafts.reload();
    } catch (e) {
      setError(e);
    }
  };

  const finish = async () => {
    setError(undefined);
    window.clearTimeout(timer.current);
    try {
      const r = await post<Result>(`${url}/finish`, { answers: latest.current });
      dirty.current = false;
      dropPending(id);
      setDone(r);
    } catch (e) {
      setError(e);
    }
  };

  if (done)
    return (
      <Page title={t('intake.title')}>
        <p className="notice" role="status" data-testid="intake-done">
          {t('intake.done', { count: done.actIds.length })}
        </p>
        <ul>
          <li>
            <Link to={`/c/${caseId}/persons/${done.personIds.witness}`}>{t('intake.seeWitness')}</Link>
          </li>
          <li>
            <Link to={`/c/${caseId}/events/${done.eventId}`}>{t('intake.seeEvent')}</Link>
          </li>
        </ul>
      </Page>
    );

  if (!started)
    return (
      <Page title={t('intake.title')}>
        <p>{t('intake.startIntro')}</p>
        <button type="button" className="primary" onClick={() => setStarted(true)}>
          {t('intake.start')}
        </button>
        {(drafts.data?.items.length ?? 0) > 0 && (
          <section aria-labelledby="drafts-h">
            <h2 id="drafts-h">{t('intake.drafts', { count: drafts.data!.items.length })}</h2>
            <ul className="drafts">
              {drafts.data!.items.map((d) => (
                <li key={d.id} data-testid="draft">
                  <span className="draft-title">
                    {initials(d.answers.witness) || t('intake.noName')} ·{' '}
                    {new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'es-VE', {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    }).format(new Date(d.updatedAt))}{' '}
                    · {t(`intake.step.${d.answers.step}`)}
                  </span>
                  <span className="actions">
                    <button type="button" onClick={() => void resume(d)}>
                      {t('intake.resume')}
                    </button>
                    {confirmDiscard === d.id ? (
                      <span role="alert" className="confirm">
                        {t('intake.discardConfirm')}{' '}
                        <button type="button" className="danger" onClick={() => void discard(d.id)}>
                          {t('intake.discardYes')}
                        </button>{' '}
                        <button type="button" onClick={() => setConfirmDiscard(undefined)}>
                          {t('common.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" onClick={() => setConfirmDiscard(d.id)}>
                        {t('intake.discard')}
                      </button>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <ErrorBox error={error ?? drafts.error} />
      </Page>
    );

  const stepIndex = INTERVIEW_STEPS.indexOf(a.step);
  const victimChoices: Person[] = [...(a.witnessIsVictim ? [a.witness] : []), ...a.victims];
  const parsedDate = a.date.trim() ? parseInterviewDate(a.date) : undefined;
  const personLabel = (p: Person, i: number) => fullName(p) || t('intake.victimN', { n: i + 1 });

  // Ids of persons already linked in this interview: each record is linked once.
  const linkedIds = [a.witness, ...a.victims].map((p) => p.personId).filter((x): x is string => Boolean(x));
  const personFields = (p: Person, on: (p: Person) => void, prefix: string) =>
    p.personId ? (
      <p className="linked-person" data-testid={`${prefix}-linked`}>
        {t('intakeLink.linked', { name: p.linkedLabel ?? p.personId })}{' '}
        <button type="button" onClick={() => on({ ...p, personId: undefined, linkedLabel: undefined })}>
          {t('intakeLink.unlink')}
        </button>
      </p>
    ) : (
      <>
        <div className="grid2">
          <Field label={t('intake.givenNames')}>
            <input
              name={`${prefix}.givenNames`}
              value={p.givenNames}
              onChange={(e) => on({ ...p, givenNames: e.target.value })}
            />
          </Field>
          <Field label={t('intake.firstSurname')}>
            <input
              name={`${prefix}.firstSurname`}
              value={p.firstSurname}
              onChange={(e) => on({ ...p, firstSurname: e.target.value })}
            />
          </Field>
          <Field label={t('intake.secondSurname')}>
            <input
              name={`${prefix}.secondSurname`}
              value={p.secondSurname}
              onChange={(e) => on({ ...p, secondSurname: e.target.value })}
            />
          </Field>
          <Field label={t('persons.sex')}>
            <select name={`${prefix}.sex`} value={p.sex} onChange={(e) => on({ ...p, sex: e.target.value })}>
              <option value="">—</option>
              <VocabOptions vocab={vocab} id="sex" />
            </select>
          </Field>
        </div>
        <PersonLink
          caseId={caseId!}
          name={prefix}
          exclude={linkedIds}
          onPick={(x) => on({ ...p, personId: x.id, linkedLabel: x.label })}
        />
      </>
    );

  const setAct = (i: number, act: Act) =>
    set(
      'acts',
      a.acts.map((x, j) => (j === i ? act : x)),
    );

  return (
    <Page title={t('intake.title')}>
      <ol className="steps" aria-label={t('intake.progress')}>
        {INTERVIEW_STEPS.map((s, i) => (
          <li
            key={s}
            aria-current={i === stepIndex ? 'step' : undefined}
            className={i === stepIndex ? 'current' : ''}
          >
            {t(`intake.step.${s}`)}
          </li>
        ))}
      </ol>
      <form
        className="wizard"
        aria-label={t(`intake.step.${a.step}`)}
        onBlur={() => void save()}
        onSubmit={(e) => {
          e.preventDefault();
          if (a.step === 'review') void finish();
          else go(INTERVIEW_STEPS[stepIndex + 1]!);
        }}
      >
        {a.step === 'consent' && (
          <>
            <p>{t('intake.consentIntro')}</p>
            <Field label={t('intake.consent')}>
              <select name="consent" value={a.consent} onChange={(e) => set('consent', e.target.value)}>
                <VocabOptions vocab={vocab} id="consent_scope" />
              </select>
            </Field>
            <Field label={t('intake.protection')} hint={t('intake.protectionHint')}>
              <select
                name="protection"
                value={a.protection}
                onChange={(e) => set('protection', e.target.value)}
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
        {a.step === 'witness' && (
          <>
            <p>{t('intake.witnessIntro')}</p>
            {personFields(a.witness, (p) => set('witness', p), 'witness')}
            <label className="check">
              <input
                type="checkbox"
                name="witnessIsVictim"
                checked={a.witnessIsVictim}
                onChange={(e) => set('witnessIsVictim', e.target.checked)}
              />
              {t('intake.witnessIsVictim')}
            </label>
            {!a.witnessIsVictim && (
              <Field label={t('intake.relation')}>
                <select
                  name="witnessRelation"
                  value={a.witnessRelation}
                  onChange={(e) => set('witnessRelation', e.target.value)}
                >
                  <option value="">—</option>
                  <VocabOptions vocab={vocab} id="source_connection" />
                </select>
              </Field>
            )}
          </>
        )}
        {a.step === 'victims' && (
          <>
            <p>{a.witnessIsVictim ? t('intake.victimsIntroWitness') : t('intake.victimsIntro')}</p>
            {a.victims.map((v, i) => (
              <fieldset key={v.key} data-testid="victim">
                <legend>{t('intake.victimN', { n: i + 1 + (a.witnessIsVictim ? 1 : 0) })}</legend>
                {personFields(
                  v,
                  (p) =>
                    set(
                      'victims',
                      a.victims.map((x, j) => (j === i ? p : x)),
                    ),
                  `victims.${i}`,
                )}
                <button
                  type="button"
                  onClick={() =>
                    set(
                      'victims',
                      a.victims.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t('intake.remove')}
                </button>
              </fieldset>
            ))}
            <button
              type="button"
              onClick={() => set('victims', [...a.victims, person(`v${Date.now().toString(36)}`)])}
            >
              {t('intake.addVictim')}
            </button>
          </>
        )}
        {a.step === 'incident' && (
          <>
            <Field label={t('intake.date')} hint={t('intake.dateHint')}>
              <input
                name="date"
                value={a.date}
                placeholder={t('intake.datePlaceholder')}
                aria-invalid={Boolean(a.date.trim() && !parsedDate)}
                onChange={(e) => set('date', e.target.value)}
              />
            </Field>
            <p className="small" data-testid="date-read" aria-live="polite">
              {a.date.trim() &&
                (parsedDate
                  ? t('intake.dateRead', { date: formatFuzzy(parsedDate, i18n.language) })
                  : t('intake.dateUnread'))}
            </p>
            <PlacePicker
              label={t('events.place')}
              places={places.data ?? []}
              value={a.placeId}
              onChange={(v) => set('placeId', v)}
            />
          </>
        )}
        {a.step === 'acts' && (
          <>
            <p>{t('intake.actsIntro')}</p>
            {a.acts.map((act, i) => {
              const methods = methodsFor(act.type);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: acts have no identity before they are written
                <fieldset key={i} data-testid="act">
                  <legend>{t('intake.actN', { n: i + 1 })}</legend>
                  <Field label={t('intake.victim')}>
                    <select
                      name={`acts.${i}.victimKey`}
                      value={act.victimKey}
                      onChange={(e) => setAct(i, { ...act, victimKey: e.target.value })}
                      required
                    >
                      <option value="">—</option>
                      {victimChoices.map((v, j) => (
                        <option key={v.key} value={v.key}>
                          {personLabel(v, j)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field label={t('events.actType')}>
                    <select
                      name={`acts.${i}.type`}
                      value={act.type}
                      onChange={(e) => {
                        const allowed = methodsFor(e.target.value);
                        setAct(i, {
                          ...act,
                          type: e.target.value,
                          methods: act.methods.filter((m) => allowed.includes(m)),
                        });
                      }}
                      required
                    >
                      <option value="">—</option>
                      <VocabOptions vocab={vocab} id="act_type" />
                    </select>
                  </Field>
                  {methods.length > 0 && (
                    <fieldset>
                      <legend>{t('events.methods')}</legend>
                      <div className="checks">
                        {methods.map((m) => (
                          <label key={m}>
                            <input
                              type="checkbox"
                              name={`acts.${i}.methods`}
                              value={m}
                              checked={act.methods.includes(m)}
                              onChange={(e) =>
                                setAct(i, {
                                  ...act,
                                  methods: e.target.checked
                                    ? [...act.methods, m]
                                    : act.methods.filter((x) => x !== m),
                                })
                              }
                            />{' '}
                            {vocab.label('violence_method', m)}
                          </label>
                        ))}
                      </div>
                    </fieldset>
                  )}
                  <Field label={t('intake.perpetrator')}>
                    <select
                      name={`acts.${i}.perpetrator`}
                      value={act.perpetrators[0]?.unitId ?? ''}
                      onChange={(e) =>
                        setAct(i, {
                          ...act,
                          perpetrators: e.target.value
                            ? [{ kind: 'unit', unitId: e.target.value, degree: '' }]
                            : [{ kind: 'unknown', degree: '' }],
                        })
                      }
                    >
                      <option value="">{t('intake.perpetratorUnknown')}</option>
                      {(units.data ?? []).map((u) => (
                        <option key={u.id} value={u.id}>
                          {String(u.name)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <button
                    type="button"
                    onClick={() =>
                      set(
                        'acts',
                        a.acts.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t('intake.remove')}
                  </button>
                </fieldset>
              );
            })}
            <button
              type="button"
              onClick={() =>
                set('acts', [...a.acts, newAct(victimChoices.length === 1 ? victimChoices[0]!.key : '')])
              }
            >
              {t('intake.addAct')}
            </button>
          </>
        )}
        {a.step === 'statement' && (
          <Field label={t('intake.statement')} hint={t('intake.statementHint')}>
            <textarea
              name="statement"
              rows={14}
              value={a.statement}
              onChange={(e) => set('statement', e.target.value)}
              required
            />
          </Field>
        )}
        {a.step === 'review' && (
          <dl className="facts">
            <dt>{t('intake.consent')}</dt>
            <dd>{vocab.label('consent_scope', a.consent)}</dd>
            <dt>{t('intake.protection')}</dt>
            <dd>{vocab.label('protection_level', a.protection)}</dd>
            <dt>{t('intake.witness')}</dt>
            <dd>
              {fullName(a.witness) || '—'} (
              {a.witnessIsVictim
                ? vocab.label('source_connection', 'victim')
                : vocab.label('source_connection', a.witnessRelation)}
              )
            </dd>
            <dt>{t('intake.victims', { count: victimChoices.length })}</dt>
            <dd>{victimChoices.map((v, i) => personLabel(v, i)).join('; ') || '—'}</dd>
            <dt>{t('events.date')}</dt>
            <dd>{formatFuzzy(parsedDate, i18n.language) || '—'}</dd>
            <dt>{t('events.place')}</dt>
            <dd>{(a.placeId && placePaths(places.data ?? []).get(a.placeId)) || '—'}</dd>
            <dt>{t('intake.acts', { count: a.acts.length })}</dt>
            <dd>
              <ul>
                {a.acts.map((x, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: acts have no identity before they are written
                  <li key={i}>
                    {vocab.label('act_type', x.type)} —{' '}
                    {personLabel(victimChoices.find((v) => v.key === x.victimKey) ?? person(''), i)}
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('intake.statement')}</dt>
            <dd className="prose statement-preview">{a.statement}</dd>
          </dl>
        )}
        <ErrorBox error={error} />
        <div className="wizard-nav">
          {stepIndex > 0 && (
            <button type="button" onClick={() => go(INTERVIEW_STEPS[stepIndex - 1]!)}>
              {t('common.back')}
            </button>
          )}
          <button type="submit" className="primary">
            {a.step === 'review' ? t('intake.finish') : t('intake.next')}
          </button>
        </div>
      </form>
      {/* Below the buttons: a status line appearing mid-click must not move them. */}
      <p
        className="small muted save-status"
        role="status"
        data-testid="save-status"
        data-state={status}
        data-saves={saves}
      >
        {status === 'saved' &&
          savedAt &&
          t('intake.saved', { time: savedAt.toLocaleTimeString(i18n.language) })}
        {status === 'saving' && t('intake.saving')}
        {status === 'offline' && t('intake.offline')}
        {status === 'expired' && t('intake.expired')}
      </p>
    </Page>
  );
}
