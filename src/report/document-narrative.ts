/**
 * Blocks of the authored sections and of the victims, sexual and gender-based crimes and children
 * sections, in one language, from the content (and, in the confidential edition, the identity
 * annex's authored text). Built like document.ts; no I/O.
 */
import { ACT_TYPES } from '../domain/vocabularies.js';
import type { IdentityAnnex, ReportContent } from './content.js';
import type { NarrativeContent } from './content-narrative.js';
import type { Cell } from './content-victims.js';
import type { Block } from './document.js';
import { type Lang, label, num, t } from './i18n.js';
import { type AuthoredKey, ta } from './i18n-authored.js';

type Section = NarrativeContent['section'];

/**
 * The text of a section in this language, or in the other one with a note when only that exists.
 * The confidential edition reads the annex's text first (it may name protected persons).
 */
function pick(
  c: ReportContent,
  annex: IdentityAnnex | undefined,
  section: Section,
  lang: Lang,
  member?: string,
): { n: NarrativeContent; foreign: boolean } | undefined {
  const match = (xs: readonly NarrativeContent[] | undefined, l: Lang) =>
    xs?.find((n) => n.section === section && n.lang === l && n.member === member);
  const other: Lang = lang === 'es' ? 'en' : 'es';
  for (const l of [lang, other]) {
    const n = match(annex?.narratives, l) ?? match(c.narratives, l);
    if (n) return { n, foreign: l !== lang };
  }
  return undefined;
}

function textBlocks(lang: Lang, n: NarrativeContent, foreign: boolean): Block[] {
  const b: Block[] = [];
  if (foreign) b.push({ k: 'small', text: ta(lang, 'otherLanguage') });
  for (const para of n.text.split(/\n\s*\n/)) if (para.trim()) b.push({ k: 'p', text: para.trim() });
  for (const id of n.unresolved ?? []) b.push({ k: 'small', text: ta(lang, 'unresolved', { id }) });
  if (n.sources.length) {
    b.push({ k: 'small', text: `${ta(lang, 'sourcesCited')}:` });
    for (const s of n.sources) {
      const head = `[${s.n}] ${label.itemKind(lang, s.kind)} ${s.id} — ${s.title ? `«${s.title}»` : t(lang, 'withheld')}`;
      const quotes = s.passages.map((p) => `«${p}»`).join(' … ');
      b.push({ k: 'small', text: quotes ? `${head}: ${quotes}` : head });
    }
  }
  return b;
}

/** One authored section under its own heading; nothing when it was not written. */
export function narrativeBlocks(
  c: ReportContent,
  annex: IdentityAnnex | undefined,
  lang: Lang,
  section: Exclude<Section, 'declaration'>,
): Block[] {
  const found = pick(c, annex, section, lang);
  if (!found)
    return section === 'recommendations'
      ? [
          { k: 'h2', text: ta(lang, section) },
          { k: 'p', text: ta(lang, 'noRecommendations') },
        ]
      : [];
  return [{ k: 'h2', text: ta(lang, section as AuthoredKey) }, ...textBlocks(lang, found.n, found.foreign)];
}

/** Every panel member's declaration of independence and conflicts of interest (or its absence). */
export function declarationBlocks(c: ReportContent, lang: Lang): Block[] {
  if (c.panel.members.length === 0) return [];
  const b: Block[] = [{ k: 'h2', text: ta(lang, 'declaration') }];
  for (const m of c.panel.members) {
    const found = pick(c, undefined, 'declaration', lang, m.username);
    if (!found) {
      b.push({ k: 'p', text: ta(lang, 'noDeclaration', { member: m.name }) });
      continue;
    }
    b.push({ k: 'h3', text: `${m.name} (${label.role(lang, m.role)})` });
    b.push(...textBlocks(lang, found.n, found.foreign));
  }
  return b;
}

export function victimsBlocks(c: ReportContent, lang: Lang): Block[] {
  const v = c.victims;
  if (!v) return [];
  const k = v.threshold;
  const cell = (x: Cell | undefined) => (x === null ? ta(lang, 'fewer', { k }) : num(lang, x ?? 0));
  const sexHead = [ta(lang, 'female'), ta(lang, 'male'), ta(lang, 'otherUnknown')];
  const b: Block[] = [];
  b.push({ k: 'p', text: ta(lang, 'victimsIntro', { victims: cell(v.victims), k }) });
  b.push({ k: 'h2', text: ta(lang, 'bySexTitle') });
  b.push({ k: 'table', head: sexHead, rows: [v.bySex.map(cell)], widths: [1, 1, 1] });
  b.push({
    k: 'table',
    head: [ta(lang, 'child'), ta(lang, 'adult'), ta(lang, 'ageUnknown')],
    rows: [v.byAge.map(cell)],
    widths: [1, 1, 1],
  });
  b.push({ k: 'h2', text: ta(lang, 'byActTitle') });
  b.push({
    k: 'table',
    head: [ta(lang, 'actSuffered'), ...sexHead, ta(lang, 'child')],
    rows: v.byActType.map((r) => [label.actType(lang, r.key), ...r.cells.map(cell)]),
    widths: [4, 1, 1, 1, 1],
  });
  b.push({ k: 'h2', text: ta(lang, 'detentionTitle') });
  b.push({ k: 'p', text: ta(lang, 'detentionIntro', { persons: cell(v.detention.persons) }) });
  const bands = ['d0-2', 'd3-30', 'd31-180', 'd181-365', 'y1+', 'ongoing'] as const;
  b.push({
    k: 'table',
    head: [ta(lang, 'length'), ta(lang, 'persons')],
    rows: bands.map((key, i) => [ta(lang, key), cell(v.detention.bands[i])]),
    widths: [3, 1],
  });
  if (v.detention.medianDays !== undefined)
    b.push({ k: 'small', text: ta(lang, 'median', { days: num(lang, v.detention.medianDays) }) });

  b.push({ k: 'h2', text: ta(lang, 'sSgbc') });
  b.push({
    k: 'p',
    text: ta(lang, 'sgbcIntro', { victims: cell(v.sgbc.victims), children: cell(v.sgbc.children) }),
  });
  if (v.sgbc.byForm.length) {
    b.push({
      k: 'table',
      head: [ta(lang, 'form'), ...sexHead],
      rows: v.sgbc.byForm.map((r) => [
        ACT_TYPES.has(r.key) ? label.actType(lang, r.key) : label.method(lang, r.key),
        ...r.cells.map(cell),
      ]),
      widths: [4, 1, 1, 1],
    });
  }

  b.push({ k: 'h2', text: ta(lang, 'sChildren') });
  b.push({ k: 'p', text: ta(lang, 'childrenIntro', { victims: cell(v.children.victims) }) });
  b.push({ k: 'table', head: sexHead, rows: [v.children.bySex.map(cell)], widths: [1, 1, 1] });
  if (v.children.byActType.length)
    b.push({
      k: 'table',
      head: [ta(lang, 'actSuffered'), ta(lang, 'persons')],
      rows: v.children.byActType.map((r) => [label.actType(lang, r.key), ...r.cells.map(cell)]),
      widths: [4, 1],
    });
  return b;
}
