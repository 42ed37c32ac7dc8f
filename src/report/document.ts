/**
 * The report as a sequence of blocks (headings, paragraphs, tables, charts), built once from the
 * content in one language; the HTML and PDF renderers only lay the blocks out. Structured like
 * the OAS panel report of 2018 and an Article 15 communication.
 */
import { bandLine, type Chart, estimateChart, rankBars, timeBars } from './charts.js';
import type { IdentityAnnex, ReportContent } from './content.js';
import { annexBlocks, article53Blocks, glossaryBlocks, positionText } from './document-legal.js';
import { declarationBlocks, narrativeBlocks, victimsBlocks } from './document-narrative.js';
import { count, type Lang, label, num, t } from './i18n.js';
import { ta } from './i18n-authored.js';

export type Block =
  | { k: 'title'; text: string; sub: string }
  | { k: 'banner'; text: string; tone: 'confidential' | 'public' | 'draft' }
  | { k: 'h1' | 'h2' | 'h3'; text: string }
  | { k: 'p'; text: string }
  | { k: 'small'; text: string }
  | { k: 'table'; head: readonly string[]; rows: readonly (readonly string[])[]; widths?: readonly number[] }
  | { k: 'chart'; chart: Chart }
  | { k: 'break' };

export interface SignatureLine {
  member: string;
  name: string;
  signedAt: string;
  fingerprint: string;
  valid: boolean;
}

export interface DocumentOptions {
  lang: Lang;
  edition: 'confidential' | 'public';
  contentSha256: string;
  version?: number;
  signatures: readonly SignatureLine[];
  annex?: IdentityAnnex;
}

const pct = (x: number) => Math.round(x * 1000) / 10;

/** What every section builds from: the content, the options, and the formatters they share. */
interface Ctx {
  c: ReportContent;
  o: DocumentOptions;
  lang: Lang;
  /** A person's pseudonym, with the name beside it in the confidential edition. */
  person: (id: string) => string;
  items: (ids: readonly string[], max?: number) => string;
  statusCounts: (s: Record<string, number>) => string;
  w: ReportContent['context']['widespread'];
  pp: ReportContent['politicalPrisoners'];
}

/**
 * The report's sections in order, each by name. Chapters are numbered and annexes lettered from
 * their place in this list (a chapter left out of one report, such as victims and harm for content
 * that has none, keeps its number, so the others keep theirs); the heading is written here, the
 * section's builder writes what follows it.
 */
export const SECTIONS: readonly Section[] = [
  { id: 'summary', numbering: 'chapter', title: (l) => t(l, 'secSummary'), build: summary },
  { id: 'methodology', numbering: 'chapter', title: (l) => t(l, 'secMethodology'), build: methodology },
  { id: 'limitations', numbering: 'chapter', title: (l) => t(l, 'secLimitations'), build: limitations },
  { id: 'context', numbering: 'chapter', title: (l) => t(l, 'secContext'), build: context },
  { id: 'findings', numbering: 'chapter', title: (l) => t(l, 'secFindings'), build: findings },
  { id: 'statistics', numbering: 'chapter', title: (l) => t(l, 'secStatistics'), build: statistics },
  {
    id: 'victims',
    numbering: 'chapter',
    title: (l) => ta(l, 'secVictims'),
    build: (x, b) => b.push(...victimsBlocks(x.c, x.lang)),
    when: (x) => x.c.victims !== undefined,
  },
  {
    id: 'responsibility',
    numbering: 'chapter',
    title: (l) => t(l, 'secResponsibility'),
    build: responsibility,
  },
  { id: 'article53', numbering: 'chapter', title: (l) => t(l, 'secArticle53'), build: article53 },
  { id: 'panel', numbering: 'chapter', title: (l) => t(l, 'secPanel'), build: panel },
  {
    id: 'incidents',
    numbering: 'annex',
    title: (l) => t(l, 'secIncidents'),
    build: (x, b) => b.push(...annexBlocks(x.c, x.lang, x.person)),
    pageBreak: true,
  },
  {
    id: 'glossary',
    numbering: 'annex',
    title: (l) => t(l, 'secGlossary'),
    build: (x, b) => b.push(...glossaryBlocks(x.c, x.lang)),
  },
  { id: 'evidenceIndex', numbering: 'annex', title: (l) => t(l, 'secEvidenceIndex'), build: evidenceIndex },
  {
    id: 'identities',
    numbering: 'none',
    title: (l) => t(l, 'secIdentities'),
    build: identities,
    when: (x) => Object.keys(x.o.annex?.persons ?? {}).length > 0,
  },
];

export interface Section {
  id: string;
  numbering: 'chapter' | 'annex' | 'none';
  title: (lang: Lang) => string;
  build: (x: Ctx, b: Block[]) => void;
  /** Left out when false (its number is kept). */
  when?: (x: Ctx) => boolean;
  pageBreak?: boolean;
}

const ANNEX_LETTERS = 'ABCDEFGHIJ';

/** Each section's heading in this language: "4. Context…", "Annex B. Glossary…", or the title alone. */
export function sectionHeadings(lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  let chapter = 0;
  let annex = 0;
  for (const s of SECTIONS) {
    const title = s.title(lang);
    if (s.numbering === 'chapter') out.set(s.id, `${++chapter}. ${title}`);
    else if (s.numbering === 'annex')
      out.set(s.id, `${t(lang, 'annexWord')} ${ANNEX_LETTERS[annex++]}. ${title}`);
    else out.set(s.id, title);
  }
  return out;
}

export function buildDocument(c: ReportContent, o: DocumentOptions): Block[] {
  const { lang } = o;
  const b: Block[] = [];
  const x: Ctx = {
    c,
    o,
    lang,
    person: (id) =>
      o.annex?.persons[id] ? `${o.annex.persons[id]} (${c.persons[id]})` : (c.persons[id] ?? id),
    items: (ids, max = 6) =>
      ids.length === 0
        ? '—'
        : ids.slice(0, max).join(', ') + (ids.length > max ? ` (+${ids.length - max})` : ''),
    statusCounts: (s) =>
      `${s.corroborated ?? 0} / ${s['single-source'] ?? 0} / ${s.contested ?? 0} / ${s['no-evidence'] ?? 0}`,
    w: c.context.widespread,
    pp: c.politicalPrisoners,
  };

  b.push({ k: 'banner', text: t(lang, o.edition === 'public' ? 'public' : 'confidential'), tone: o.edition });
  b.push({ k: 'title', text: c.title, sub: `${t(lang, 'reportTitle')} — ${t(lang, 'subtitle')}` });
  const valid = o.signatures.filter((s) => s.valid).length;
  if (valid < c.panel.requiredSignatures) b.push({ k: 'banner', text: t(lang, 'draft'), tone: 'draft' });
  b.push({
    k: 'small',
    text: `${t(lang, 'contentHash')}: ${o.contentSha256}${o.version ? ` · ${t(lang, 'version')} ${o.version}` : ''} · ${c.lawVersion}`,
  });
  if (c.caseKeyFingerprint) b.push({ k: 'small', text: `${t(lang, 'caseKey')}: ${c.caseKeyFingerprint}` });
  b.push({ k: 'p', text: t(lang, 'notice') });

  const headings = sectionHeadings(lang);
  for (const s of SECTIONS) {
    if (s.when && !s.when(x)) continue;
    if (s.pageBreak) b.push({ k: 'break' });
    b.push({ k: 'h1', text: headings.get(s.id)! });
    s.build(x, b);
  }
  return b;
}

function summary({ c, o, lang, w, pp }: Ctx, b: Block[]): void {
  b.push({
    k: 'p',
    text: t(lang, 'summaryLine', {
      acts: num(lang, w.acts),
      victims: num(lang, w.documentedVictims),
      states: w.states,
      from: w.firstDate ?? '—',
      to: w.lastDate ?? '—',
    }),
  });
  if (w.estimate?.converged === false)
    b.push({
      k: 'p',
      text: t(lang, 'estimateNotConverged', {
        method: w.estimate.method,
        observed: num(lang, w.estimate.observed),
      }),
    });
  else if (w.estimate)
    b.push({
      k: 'p',
      text: t(lang, 'estimateLine', {
        method: w.estimate.method,
        estimate: num(lang, w.estimate.estimate),
        level: Math.round(w.estimate.level * 100),
        lo: num(lang, w.estimate.interval[0]),
        hi: num(lang, w.estimate.interval[1]),
        observed: num(lang, w.estimate.observed),
      }),
    });
  for (const cr of c.crimes)
    b.push({
      k: 'p',
      text: t(lang, 'crimeLine', {
        crime: label.crime(lang, cr.crimeId),
        incidents: count(lang, cr.incidents, 'incident'),
        victims: count(lang, cr.victims, 'victim'),
        full: num(lang, cr.incidentsAllCorroborated),
      }),
    });
  if (c.crimes.length) b.push({ k: 'small', text: t(lang, 'crimeCaveat') });
  b.push({
    k: 'p',
    text: t(lang, 'prisonersLine', {
      day: pp.asOf.day,
      certain: num(lang, pp.asOf.certain),
      possible: num(lang, pp.asOf.possible),
      peak: num(lang, pp.peak?.certain ?? 0),
      peakDay: pp.peak?.day ?? '—',
    }),
  });
  if (c.description) b.push({ k: 'p', text: c.description });
  b.push(...narrativeBlocks(c, o.annex, lang, 'background'));
}

function methodology({ c, o, lang }: Ctx, b: Block[]): void {
  b.push({
    k: 'p',
    text: t(lang, 'thresholdsLine', {
      n: c.thresholds.minIndependentSources,
      r: c.thresholds.minReliability,
      c: c.thresholds.maxCredibility,
    }),
  });
  const m = c.methodology;
  b.push({
    k: 'p',
    text: t(lang, 'materials', {
      testimonies: num(lang, m.testimonies),
      evidence: num(lang, m.evidence),
      items: num(lang, m.informationItems),
      hearings: num(lang, m.hearings),
      links: num(lang, m.elementLinks),
    }),
  });
  b.push({
    k: 'table',
    head: [t(lang, 'sources'), '#'],
    rows: m.sourcesByKind.map((x) => [label.sourceKind(lang, x.key), num(lang, x.count)]),
    widths: [3, 1],
  });
  b.push({
    k: 'table',
    head: [t(lang, 'reliability'), '#'],
    rows: m.sourcesByReliability.map((x) => [x.key, num(lang, x.count)]),
    widths: [3, 1],
  });
  b.push({ k: 'p', text: t(lang, 'methodText') });
  b.push({ k: 'p', text: t(lang, 'verificationText') });
  b.push(...narrativeBlocks(c, o.annex, lang, 'methodology'));
}

function limitations({ c, o, lang }: Ctx, b: Block[]): void {
  b.push({ k: 'p', text: t(lang, 'limitsText') });
  b.push(...narrativeBlocks(c, o.annex, lang, 'limitations'));
}

function context({ c, o, lang, items, w }: Ctx, b: Block[]): void {
  b.push(...narrativeBlocks(c, o.annex, lang, 'attack'));
  b.push({
    k: 'p',
    text: t(lang, 'widespread', {
      victims: num(lang, w.documentedVictims),
      states: w.states,
      months: w.months,
    }),
  });
  const sy = c.context.systematic;
  b.push({
    k: 'p',
    text: t(lang, 'systematic', {
      share: num(lang, pct(sy.recurrentShare), 1),
      s: sy.minStates,
      p: sy.minPeriods,
    }),
  });
  b.push({
    k: 'table',
    head: [t(lang, 'feature'), t(lang, 'acts'), t(lang, 'states'), t(lang, 'years')],
    rows: sy.top.map((f) => [
      `${f.feature === 'method' ? label.method(lang, f.id) : f.label}${f.recurrent ? ' ●' : ''}`,
      String(f.acts),
      String(f.states),
      String(f.periods),
    ]),
    widths: [4, 1, 1, 1],
  });
  b.push({ k: 'p', text: t(lang, 'policyLine', { n: c.context.policyInvolvements }) });
  b.push({
    k: 'table',
    head: [
      t(lang, 'element'),
      t(lang, 'status'),
      t(lang, 'sourcesCol'),
      t(lang, 'grade'),
      t(lang, 'evidenceCol'),
    ],
    rows: c.context.elements.map((e) => [
      label.element(lang, e.elementId),
      label.status(lang, e.status),
      String(e.corroboration),
      e.grade || '—',
      items(e.items),
    ]),
    widths: [5, 2, 1, 1, 3],
  });
}

function findings({ c, lang, person, items, statusCounts }: Ctx, b: Block[]): void {
  for (const cr of c.crimes) {
    b.push({ k: 'h2', text: label.crime(lang, cr.crimeId) });
    b.push({
      k: 'table',
      head: [t(lang, 'element'), t(lang, 'incidentsCol'), t(lang, 'grade'), t(lang, 'evidenceCol')],
      rows: cr.elements.map((e) => [
        label.element(lang, e.elementId),
        statusCounts(e.incidents),
        e.bestGrade || '—',
        items(e.items),
      ]),
      widths: [5, 2, 1, 3],
    });
    b.push({ k: 'h3', text: t(lang, 'sample') });
    b.push({
      k: 'table',
      head: [t(lang, 'act'), t(lang, 'date'), t(lang, 'state'), t(lang, 'victim'), t(lang, 'status')],
      rows: cr.sample.map((s) => [
        s.actId,
        s.date ?? '—',
        s.stateCode ? label.state(s.stateCode) : '—',
        person(s.victimId),
        s.statuses.map((x) => label.status(lang, x)).join(' · '),
      ]),
      widths: [3, 2, 2, 3, 5],
    });
    if (cr.incidents > cr.sample.length)
      b.push({ k: 'small', text: t(lang, 'more', { n: cr.incidents - cr.sample.length }) });
  }
}

function statistics({ lang, w, pp }: Ctx, b: Block[]): void {
  if (w.estimate?.converged === false)
    b.push({
      k: 'p',
      text: t(lang, 'estimateNotConverged', {
        method: w.estimate.method,
        observed: num(lang, w.estimate.observed),
      }),
    });
  else if (w.estimate)
    b.push({
      k: 'chart',
      chart: estimateChart(
        t(lang, 'chartEstimate'),
        { documented: t(lang, 'documented'), estimated: t(lang, 'estimated') },
        w.estimate.observed,
        w.estimate.estimate,
        w.estimate.interval,
      ),
    });
  else b.push({ k: 'p', text: t(lang, 'noEstimate') });
  // Saved with the estimate: how much it depends on its assumptions and on record linkage.
  for (const text of [w.estimate?.sensitivityText, w.estimate?.linkageText])
    if (text && w.estimate?.converged !== false) b.push({ k: 'p', text: text[lang] });
  b.push({ k: 'chart', chart: timeBars(t(lang, 'chartMonth'), w.byMonth) });
  b.push({ k: 'chart', chart: rankBars(t(lang, 'chartState'), w.byState, (k) => label.state(k), 24) });
  b.push({ k: 'chart', chart: rankBars(t(lang, 'chartType'), w.byActType, (k) => label.actType(lang, k)) });
  b.push({ k: 'chart', chart: bandLine(t(lang, 'chartPrisoners'), pp.series) });
}

function responsibility({ c, o, lang, person, items }: Ctx, b: Block[]): void {
  for (const r of c.responsibility) {
    b.push({ k: 'h2', text: person(r.personId) });
    b.push({
      k: 'p',
      text: `${t(lang, 'modes')}: ${r.modes.map((x) => label.mode(lang, x)).join('; ') || '—'}. ${t(lang, 'directActs')}: ${r.direct}. ${t(lang, 'commandActs')}: ${r.command}.`,
    });
    const exact = o.annex?.positions?.[r.personId] ?? r.positions;
    if (exact.length) b.push({ k: 'small', text: `${t(lang, 'positions')}: ${exact.join(' · ')}` });
    else if (r.positionsGeneral?.length)
      b.push({
        k: 'small',
        text: `${t(lang, 'positionsGeneral')}: ${r.positionsGeneral.map((x) => positionText(lang, x)).join(' · ')}`,
      });
    const withEvidence = r.elements.filter((e) => e.status !== 'no-evidence');
    const without = r.elements.filter((e) => e.status === 'no-evidence');
    if (withEvidence.length)
      b.push({
        k: 'table',
        head: [
          t(lang, 'element'),
          t(lang, 'status'),
          t(lang, 'sourcesCol'),
          t(lang, 'grade'),
          t(lang, 'evidenceCol'),
        ],
        rows: withEvidence.map((e) => [
          label.element(lang, e.elementId),
          label.status(lang, e.status),
          String(e.corroboration),
          e.grade || '—',
          items(e.items),
        ]),
        widths: [5, 2, 1, 1, 3],
      });
    if (without.length)
      b.push({
        k: 'small',
        text: `${t(lang, 'noEvidenceYet')}: ${without.map((e) => e.elementId).join(', ')}`,
      });
  }

  if (c.suspectsWithoutEvidence > 0)
    b.push({
      k: 'p',
      text: t(lang, 'suspectsWithoutEvidence', { n: count(lang, c.suspectsWithoutEvidence, 'person') }),
    });
}

function article53({ c, lang, person }: Ctx, b: Block[]): void {
  b.push(...article53Blocks(c, lang, person, 'situation'));
  const j = c.jurisdiction;
  b.push({
    k: 'p',
    text: t(lang, 'jurisdictionLine', {
      country: label.country(lang, j.country),
      eif: j.entryIntoForce ?? '—',
      inside: num(lang, j.acts.inside),
      outside: num(lang, j.acts.outside),
      uncertain: num(lang, j.acts.uncertain),
    }),
  });
  if (j.outside.length)
    b.push({
      k: 'table',
      head: [t(lang, 'outsideActs'), t(lang, 'date'), t(lang, 'reason')],
      rows: j.outside.slice(0, 40).map((x) => [x.actId, x.date ?? '—', label.outside(lang, x.reason)]),
      widths: [3, 2, 3],
    });
  b.push(...article53Blocks(c, lang, person, 'basis'));
  b.push({ k: 'h2', text: t(lang, 'admissibilityTitle') });
  const ad = c.admissibility;
  b.push({
    k: 'p',
    text: t(lang, 'admissibilityLine', {
      n: ad.proceedings.length,
      acts: num(lang, ad.actsWithoutProceedings),
      persons: num(lang, ad.suspectsWithoutProceedings),
    }),
  });
  if (ad.proceedings.length)
    b.push({
      k: 'table',
      head: [t(lang, 'authority'), t(lang, 'status'), t(lang, 'acts'), t(lang, 'indicatorsCol')],
      rows: ad.proceedings.map((p) => [
        `${p.authority} (${label.country(lang, p.country)})`,
        label.proceedingStatus(lang, p.status),
        String(p.acts),
        p.indicators.map((x) => label.indicator(lang, x)).join(', '),
      ]),
      widths: [3, 2, 1, 3],
    });
  b.push(...article53Blocks(c, lang, person, 'cases'));
  const g = c.gravity;
  b.push({ k: 'h2', text: t(lang, 'gravityTitle') });
  b.push({ k: 'h3', text: t(lang, 'gravityScale') });
  b.push({
    k: 'p',
    text: t(lang, 'scaleLine', {
      victims: num(lang, g.scale.victims),
      acts: num(lang, g.scale.acts),
      states: g.scale.states,
      months: g.scale.months,
    }),
  });
  b.push({ k: 'h3', text: t(lang, 'gravityNature') });
  b.push({
    k: 'p',
    text: t(lang, 'natureLine', {
      killings: num(lang, g.nature.killings),
      sexual: num(lang, g.nature.sexualViolence),
      killingsRec: num(lang, g.nature.killingsRecorded),
      sexualRec: num(lang, g.nature.sexualViolenceRecorded),
      children: num(lang, g.nature.childVictims),
    }),
  });
  b.push({ k: 'h3', text: t(lang, 'gravityManner') });
  b.push({
    k: 'p',
    text: t(lang, 'mannerLine', {
      share: num(lang, pct(g.manner.stateAgentShare), 1),
      policy: num(lang, g.manner.policyItems),
    }),
  });
  if (g.manner.byMethod.length)
    b.push({
      k: 'chart',
      chart: rankBars(t(lang, 'gravityManner'), g.manner.byMethod, (k) => label.method(lang, k), 10),
    });
  b.push({ k: 'h3', text: t(lang, 'gravityImpact') });
  b.push({
    k: 'p',
    text: t(lang, 'impactLine', {
      peak: num(lang, g.impact.peakPoliticalPrisoners ?? 0),
      exiled: g.impact.exiled,
      disappeared: g.impact.disappeared,
      detained: num(lang, g.impact.detainedPersons),
    }),
  });
  b.push(...article53Blocks(c, lang, person, 'interests'));
}

function panel({ c, o, lang }: Ctx, b: Block[]): void {
  b.push({ k: 'p', text: t(lang, 'mandateText') });
  if (c.panel.members.length)
    b.push({
      k: 'table',
      head: [t(lang, 'members'), t(lang, 'role'), 'Ed25519'],
      rows: c.panel.members.map((x) => [
        x.name,
        label.role(lang, x.role),
        x.fingerprint ? x.fingerprint.slice(0, 32) : '—',
      ]),
      widths: [3, 1, 4],
    });
  if (c.panel.opinions.length === 0) b.push({ k: 'p', text: t(lang, 'noOpinions') });
  else
    b.push({
      k: 'table',
      head: [t(lang, 'finding'), t(lang, 'member'), t(lang, 'position'), t(lang, 'reasons')],
      rows: c.panel.opinions.map((x) => [
        label.target(lang, x.target),
        c.panel.members.find((mm) => mm.username === x.member)?.name ?? x.member,
        label.position(lang, x.position),
        x.reasons ?? '',
      ]),
      widths: [4, 2, 2, 5],
    });
  b.push(...declarationBlocks(c, lang));
  b.push(...narrativeBlocks(c, o.annex, lang, 'recommendations'));
  b.push({ k: 'h2', text: t(lang, 'signatures') });
  if (o.signatures.length === 0) b.push({ k: 'p', text: t(lang, 'noSignatures') });
  else
    b.push({
      k: 'table',
      head: [t(lang, 'member'), t(lang, 'date'), 'Ed25519', ''],
      rows: o.signatures.map((s) => [
        s.name,
        s.signedAt,
        s.fingerprint.slice(0, 32),
        s.valid ? '✓' : t(lang, 'voidSig'),
      ]),
      widths: [3, 3, 4, 1],
    });
}

function evidenceIndex({ c, o, lang }: Ctx, b: Block[]): void {
  b.push({
    k: 'table',
    head: [t(lang, 'item'), t(lang, 'kind'), t(lang, 'title'), 'SHA-256', t(lang, 'cited')],
    rows: c.annex.map((x) => [
      x.id,
      label.itemKind(lang, x.kind),
      o.annex?.items[x.id] ?? x.title ?? t(lang, 'withheld'),
      x.sha256 ?? '—',
      String(x.cited),
    ]),
    widths: [3, 2, 4, 6, 1],
  });
}

function identities({ c, o, lang }: Ctx, b: Block[]): void {
  if (!o.annex) return;
  b.push({
    k: 'table',
    head: [t(lang, 'pseudonym'), t(lang, 'name')],
    rows: Object.entries(o.annex.persons)
      .filter(([id]) => c.persons[id])
      .map(([id, name]) => [c.persons[id]!, name]),
    widths: [1, 2],
  });
}
