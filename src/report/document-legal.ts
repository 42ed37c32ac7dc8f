/**
 * The report's Article 53(1) blocks (situation and trigger, reasonable basis per crime,
 * admissibility per potential case, interests of justice), the per-incident annex and the
 * glossary of element ids. Built from the content in one language, like document.ts.
 */
import { elementById } from '../law/index.js';
import type { ReportContent } from './content.js';
import { ANNEX_INCIDENTS_PER_CRIME } from './content-legal.js';
import type { Block } from './document.js';
import { citation, count, type Lang, label, num, t } from './i18n.js';

/** "military unit, in command" — a generalised position, in words. */
export function positionText(
  lang: Lang,
  p: { unitKind: string; commander: boolean; years?: string },
): string {
  const unit = label.unitKind(lang, p.unitKind);
  const text = t(lang, p.commander ? 'commanderOf' : 'memberOf', { unit: unit.toLowerCase() });
  return p.years ? `${text} (${p.years})` : text;
}

export function article53Blocks(
  c: ReportContent,
  lang: Lang,
  person: (id: string) => string,
  part: 'situation' | 'basis' | 'cases' | 'interests',
): Block[] {
  const b: Block[] = [];
  const a = c.article53;
  if (part === 'situation') {
    b.push({ k: 'h2', text: t(lang, 'situationTitle') });
    const sit = a.situation;
    if (sit?.referralDate) {
      b.push({
        k: 'p',
        text: t(lang, 'situationLine', {
          name: sit.name,
          icc: sit.iccNumber,
          date: sit.referralDate,
          states: sit.referringStates.map((x) => label.country(lang, x)).join(', '),
          since: sit.crimesSince ?? '—',
        }),
      });
      b.push({
        k: 'table',
        head: [t(lang, 'date'), t(lang, 'step')],
        rows: sit.steps.map((x) => [x.date, x[lang]]),
        widths: [1, 5],
      });
    } else b.push({ k: 'p', text: t(lang, 'noSituation') });
    b.push({ k: 'h2', text: t(lang, 'jurisdictionTitle') });
    if (a.jurisdiction.byReason.length)
      b.push({
        k: 'table',
        head: [t(lang, 'status'), t(lang, 'reason'), t(lang, 'acts')],
        rows: a.jurisdiction.byReason.map((x) => [
          x.status === 'outside' ? t(lang, 'outsideActs') : t(lang, 'uncertainActs'),
          x.status === 'outside' ? label.outside(lang, x.reason) : label.uncertain(lang, x.reason),
          num(lang, x.count),
        ]),
        widths: [3, 4, 1],
      });
    b.push({ k: 'small', text: t(lang, 'uncertainNote') });
  }
  if (part === 'basis') {
    b.push({ k: 'h2', text: t(lang, 'basisTitle') });
    b.push({ k: 'p', text: t(lang, 'basisStandard', { n: c.thresholds.minIndependentSources }) });
    b.push({
      k: 'table',
      head: [
        t(lang, 'crime'),
        t(lang, 'incidentsAll'),
        t(lang, 'withEvidenceCol'),
        t(lang, 'allCorrobCol'),
        t(lang, 'contestedCol'),
        t(lang, 'readingCol'),
      ],
      rows: a.crimes.map((x) => [
        label.crime(lang, x.crimeId) +
          (x.attempts ? ` (${t(lang, 'attempt')}: ${num(lang, x.attempts)})` : ''),
        num(lang, x.incidents),
        num(lang, x.withEvidence),
        num(lang, x.allCorroborated),
        num(lang, x.contested),
        label.basis(lang, x.reading),
      ]),
      widths: [4, 1, 1, 1, 1, 4],
    });
  }
  if (part === 'cases') {
    b.push({ k: 'p', text: t(lang, 'complementarityText') });
    if (a.potentialCases.length)
      b.push({
        k: 'table',
        head: [
          t(lang, 'person'),
          t(lang, 'acts'),
          t(lang, 'nationalActs'),
          t(lang, 'complementarityCol'),
          t(lang, 'indicatorsCol'),
        ],
        rows: a.potentialCases.map((x) => [
          person(x.personId),
          num(lang, x.acts),
          num(lang, x.actsInNationalProceedings),
          label.complementarity(lang, x.status),
          x.indicators.map((i) => label.indicator(lang, i)).join(', ') || '—',
        ]),
        widths: [3, 1, 2, 4, 3],
      });
  }
  if (part === 'interests') {
    b.push({ k: 'h2', text: t(lang, 'interestsTitle') });
    b.push({ k: 'p', text: t(lang, 'interestsText') });
  }
  return b;
}

/** Annex A: per crime, the incidents with evidence, each element with its items and passages. */
export function annexBlocks(c: ReportContent, lang: Lang, person: (id: string) => string): Block[] {
  const b: Block[] = [];
  b.push({ k: 'p', text: t(lang, 'annexIntro', { n: ANNEX_INCIDENTS_PER_CRIME }) });
  for (const cr of c.incidentAnnex) {
    if (cr.rows.length === 0) continue;
    b.push({ k: 'h2', text: label.crime(lang, cr.crimeId) });
    b.push({
      k: 'small',
      text: t(lang, 'incidentsOfTotal', { shown: num(lang, cr.rows.length), total: num(lang, cr.total) }),
    });
    for (const r of cr.rows) {
      const facts = [
        r.date ?? '—',
        r.stateCode ? label.state(r.stateCode) : '—',
        label.actType(lang, r.actType),
        person(r.victimId),
        ...(r.attempt ? [t(lang, 'attempt')] : []),
        ...(r.deprivationDays !== undefined
          ? [t(lang, 'deprivationDays', { days: count(lang, r.deprivationDays, 'day') })]
          : []),
      ];
      b.push({ k: 'h3', text: `${r.actId} — ${facts.join(' · ')}` });
      b.push({
        k: 'table',
        head: [t(lang, 'element'), t(lang, 'status'), t(lang, 'grade'), t(lang, 'evidenceCol')],
        rows: r.elements.map((e) => [
          e.elementId,
          label.status(lang, e.status),
          e.grade || '—',
          e.items.length
            ? e.items.map((i) => `${i.id} (${i.grade})${i.passage ? `: «${i.passage}»` : ''}`).join('; ')
            : '—',
        ]),
        widths: [2, 2, 1, 7],
      });
    }
  }
  return b;
}

/** Annex B: every element id the report cites, with its reference and text. */
export function glossaryBlocks(c: ReportContent, lang: Lang): Block[] {
  const ids = new Set<string>();
  for (const e of c.context.elements) ids.add(e.elementId);
  for (const cr of c.crimes) for (const e of cr.elements) ids.add(e.elementId);
  for (const r of c.responsibility) for (const e of r.elements) ids.add(e.elementId);
  for (const cr of c.incidentAnnex) for (const r of cr.rows) for (const e of r.elements) ids.add(e.elementId);
  const rows = [...ids]
    .sort()
    .map((id) => elementById(id))
    .filter((e) => e !== undefined)
    .map((e) => [e.id, citation(lang, e.ref), e.text[lang]]);
  return [
    { k: 'p', text: t(lang, 'glossaryIntro') },
    { k: 'small', text: t(lang, 'glossaryAbbrev') },
    { k: 'table', head: ['Id', t(lang, 'source'), t(lang, 'element')], rows, widths: [2, 3, 8] },
  ];
}
