/**
 * The report's authored sections: one plain textarea per section, edition and language, with a
 * citation picker that inserts `[@id]` for a testimony or evidence item. The list of items comes
 * from the records API (as this member may read them: withheld titles stay withheld); the report
 * decides per edition what a citation shows. Confidential-edition text: cleared members only.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, put, type Rec, type Page as RecPage } from '../api';
import { can, useSession } from '../session';
import { ErrorBox, Field, useLoad } from '../ui';

const SECTIONS = ['background', 'attack', 'methodology', 'limitations', 'recommendations', 'declaration'];

interface Narrative {
  id: string;
  section: string;
  edition: string;
  lang: string;
  member?: string;
  text: string;
  revision: number;
  author: string;
}

export function NarrativeEditor({ caseId, cleared }: { caseId: string; cleared: boolean }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [section, setSection] = useState('background');
  const [edition, setEdition] = useState('public');
  const [lang, setLang] = useState('es');
  const [text, setText] = useState('');
  const [pick, setPick] = useState('');
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const area = useRef<HTMLTextAreaElement>(null);
  const list = useLoad(() => get<{ items: Narrative[] }>(`/api/cases/${caseId}/narratives`), [caseId]);
  const items = useLoad(async () => {
    const [tes, evi] = await Promise.all([
      get<RecPage>(`/api/cases/${caseId}/records/testimonies?limit=500`),
      get<RecPage>(`/api/cases/${caseId}/records/evidence?limit=500`),
    ]);
    return [
      // A title the member may not read stays withheld (shown in the interface's language).
      ...tes.items.map((r: Rec) => ({
        id: r.id,
        kind: 'testimony',
        title: r.withheld ? '' : String(r.title ?? ''),
      })),
      ...evi.items.map((r: Rec) => ({
        id: r.id,
        kind: 'evidence',
        title: r.withheld ? '' : String(r.title ?? ''),
      })),
    ];
  }, [caseId]);
  const edition_ = section === 'declaration' ? 'public' : edition;
  const current = list.data?.items.find(
    (n) =>
      n.section === section &&
      n.edition === edition_ &&
      n.lang === lang &&
      (section === 'declaration' ? n.member === me?.user.username : !n.member),
  );
  useEffect(() => setText(current?.text ?? ''), [current]);

  const insert = () => {
    if (!pick) return;
    const el = area.current;
    const at = el?.selectionStart ?? text.length;
    setText(`${text.slice(0, at)}[@${pick}]${text.slice(el?.selectionEnd ?? at)}`);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const r = await put<Narrative>(`/api/cases/${caseId}/narratives`, {
        section,
        edition: edition_,
        lang,
        text,
      });
      setNotice(t('narratives.saved', { n: r.revision }));
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  if (!can(me, caseId, 'review')) return null;
  return (
    <section className="card" aria-labelledby="narratives-title">
      <h2 id="narratives-title">{t('narratives.title')}</h2>
      <p className="small">{t('narratives.intro')}</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={error ?? list.error} />
      <form onSubmit={save}>
        <Field label={t('narratives.section')}>
          <select name="section" value={section} onChange={(e) => setSection(e.target.value)}>
            {SECTIONS.map((s) => (
              <option key={s} value={s}>
                {t(`narratives.sections.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        {section === 'declaration' && <p className="small muted">{t('narratives.declarationHint')}</p>}
        <Field label={t('narratives.edition')}>
          <select
            name="edition"
            value={edition_}
            onChange={(e) => setEdition(e.target.value)}
            disabled={section === 'declaration'}
          >
            {(cleared ? ['public', 'confidential'] : ['public']).map((x) => (
              <option key={x} value={x}>
                {t(`narratives.editions.${x}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('narratives.lang')}>
          <select name="lang" value={lang} onChange={(e) => setLang(e.target.value)}>
            {['es', 'en'].map((x) => (
              <option key={x} value={x}>
                {t(`narratives.langs.${x}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('narratives.text')}>
          <textarea
            ref={area}
            name="narrative"
            rows={10}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <p className="small muted">
          {current
            ? t('narratives.revision', { n: current.revision, author: current.author })
            : t('narratives.unsaved')}
        </p>
        <Field label={t('narratives.cite')}>
          <select name="cite" value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">{t('narratives.citeNone')}</option>
            {(items.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {`${t(`narratives.kinds.${x.kind}`)} ${x.id} — ${x.title || t('common.withheld')}`}
              </option>
            ))}
          </select>
        </Field>
        <button type="button" onClick={insert} disabled={!pick}>
          {t('narratives.insert')}
        </button>{' '}
        <button type="submit" className="primary">
          {t('narratives.save')}
        </button>
      </form>
    </section>
  );
}
