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

export function buildDocument(c: ReportContent, o: DocumentOptions): Block[] {
  const { lang } = o;
  const b: Block[] = [];
  const person = (id: string) =>
    o.annex?.persons[id] ? `${o.annex.persons[id]} (${c.persons[id]})` : (c.persons[id] ?? id);
  const items = (ids: readonly string[], max = 6) =>
    ids.length === 0
      ? '—'
      : ids.slice(0, max).join(', ') + (ids.length > max ? ` (+${ids.length - max})` : '');
  const statusCounts = (s: Record<string, number>) =>
    `${s.corroborated ?? 0} / ${s['single-source'] ?? 0} / ${s.contested ?? 0} / ${s['no-evidence'] ?? 0}`;

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

  // 1. Executive summary
  const w = c.context.widespread;
  b.push({ k: 'h1', text: t(lang, 's1') });
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
  const pp = c.politicalPrisoners;
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

  // 2. Methodology and sources
  b.push({ k: 'h1', text: t(lang, 's2') });
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

  // 3. Limitations
  b.push({ k: 'h1', text: t(lang, 'sLimits') });
  b.push({ k: 'p', text: t(lang, 'limitsText') });
  b.push(...narrativeBlocks(c, o.annex, lang, 'limitations'));

  // 3. Context
  b.push({ k: 'h1', text: t(lang, 's3') });
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

  // 4. Findings per crime
  b.push({ k: 'h1', text: t(lang, 's4') });
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

  // 5. Statistics
  b.push({ k: 'h1', text: t(lang, 's5') });
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

  // Victims and harm, sexual and gender-based crimes, children
  b.push(...victimsBlocks(c, lang));

  // Responsibility
  b.push({ k: 'h1', text: t(lang, 's6') });
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

  // 8. Article 53(1)
  b.push({ k: 'h1', text: t(lang, 's7') });
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

  // 8. Panel
  b.push({ k: 'h1', text: t(lang, 's8') });
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

  // Annexes: incidents, glossary, index of evidence
  b.push(...annexBlocks(c, lang, person));
  b.push(...glossaryBlocks(c, lang));
  b.push({ k: 'h1', text: t(lang, 's9') });
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
  if (o.annex && Object.keys(o.annex.persons).length) {
    b.push({ k: 'h1', text: t(lang, 's10') });
    b.push({
      k: 'table',
      head: [t(lang, 'pseudonym'), t(lang, 'name')],
      rows: Object.entries(o.annex.persons)
        .filter(([id]) => c.persons[id])
        .map(([id, name]) => [c.persons[id]!, name]),
      widths: [1, 2],
    });
  }
  return b;
}
