/**
 * A web page → a readable extraction: title, outlet, author, publication date, language, main
 * text (Mozilla Readability on a linkedom DOM, the reader-view algorithm of Firefox) and the
 * reader comments, each with its author, date, text and place in the reply thread. Comments are
 * taken out of the page before Readability runs, so their words never count as the article's.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type FuzzyDate, parseLooseDate } from '../domain/dates.js';
import { InputError } from '../domain/errors.js';
import { editionHead } from './edition-head.js';
import { findDates, writesYear } from './facts/dates.js';
import { fold, NUMBER_WORDS, WEEKDAYS } from './facts/lexicon.js';

export interface ExtractedComment {
  /** Reading order, 1-based. */
  position: number;
  /** Position of the comment it answers; undefined for a top-level comment. */
  parentPosition?: number;
  depth: number;
  author?: string;
  published?: FuzzyDate;
  text: string;
}

/** "Headline | Outlet": the outlet, when the tail is short and not a sentence (a dash is too often prose). */
export function titleTail(title: string | undefined): string | undefined {
  const m = title && /\s\|\s([^|]{2,60})$/.exec(title);
  const tail = m?.[1]?.trim();
  return tail && tail.split(/\s+/).length <= 6 && !/[.!?]$/.test(tail) ? tail : undefined;
}

/** The host of an address, without "www.". */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) && u.hostname ? u.hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

export interface Extracted {
  title?: string;
  outlet?: string;
  author?: string;
  published?: FuzzyDate;
  /** The page's declared language (html lang, og:locale, JSON-LD), if any. */
  declaredLanguage?: string;
  text: string;
  comments: ExtractedComment[];
}

type El = Element;

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'FORM', 'IFRAME']);

/** Visible text of a node with paragraph breaks between blocks and single spaces inside them. */
export function textOf(node: Node, skip?: (el: El) => boolean): string {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    // One tab for each cell after a row's first, so an empty cell keeps the cells after it under their
    // own column headers (a run of marks folded to one tab shifted them left).
    const t = line
      .replace(/\s+/g, ' ')
      .replace(/ ?\uE000 ?/g, '\t')
      .replace(/^\t/, '')
      .replace(/^ +| +$/g, '')
      .replace(/\t+$/, '');
    if (t.trim()) blocks.push(t);
    line = '';
  };
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      line += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as El;
    if (SKIP.has(el.tagName) || skip?.(el)) return;
    const block = BLOCK.has(el.tagName);
    if (block) flush();
    // Table cells side by side are apart, by a tab as in a pasted sheet: "Location | Pretoria Central
    // Prison" in an infobox is two fields, not the name "Location Pretoria Central Prison". The mark, put
    // where each cell opens, is U+E000 (private use) until the line's spaces are folded.
    if (el.tagName === 'TD' || el.tagName === 'TH') line += '\uE000';
    for (const c of Array.from(el.childNodes)) walk(c);
    if (block) flush();
  };
  walk(node);
  flush();
  return blocks.join('\n\n');
}

const attr = (el: El | null | undefined, name: string) => el?.getAttribute(name)?.trim() || undefined;
const clean = (s: string | undefined | null) => s?.replace(/\s+/g, ' ').trim() || undefined;

/** A publication date from an ISO timestamp (its date part, as the publisher wrote it) or loose text. */
export function dateFrom(value: string | undefined): FuzzyDate | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(value.trim());
  if (iso) return parseLooseDate(iso[1]!);
  const cleaned = value
    .replace(/^(publicado|actualizado|published|updated|posted)\s*(el|on)?\s*:?\s*/i, '')
    .replace(
      /^(lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+/i,
      '',
    )
    .replace(/\s*(?:[-–|·,]|\bat\b|\ba las\b)?\s*\d{1,2}:\d{2}.*$/, '')
    .trim();
  return parseLooseDate(cleaned);
}

/**
 * A dateline ("San Cristóbal, 9 de agosto de 2024", "Caracas, February 5, 2025"): a short line
 * whose only content besides a place is one full date.
 */
function datelineDate(line: string): FuzzyDate | undefined {
  if (line.length > 130) return undefined;
  const found = findDates(line, '2000-01-01').filter((x) => !x.relative && x.date.precision === 'day');
  if (found.length !== 1 || !writesYear(found[0]!.text)) return undefined;
  const rest = `${line.slice(0, found[0]!.start)}${line.slice(found[0]!.end)}`
    .replace(/[\s,.—–·|:/-]+/g, ' ')
    .trim();
  const words = rest.split(' ').filter(Boolean);
  const weekdayNamed = words.some((w) => WEEKDAYS.has(fold(w)));
  if (!weekdayNamed && line.length > 80) return undefined;
  if (words.length <= 4) return found[0]!.date;
  // A letter's date line in its usual shape, whatever names the place: a capitalized head, then a comma, the
  // weekday and the full day closing the line ("Navapolatsk, colonia penitenciaria n.º 1, domingo 11 de enero de
  // 2026"). A sentence writes "el domingo" or "on Sunday", not a comma before it.
  const head = line.slice(0, found[0]!.start);
  if (
    /^\s*\p{Lu}/u.test(head) &&
    !TOLD_IN_HEAD.test(head) &&
    WEEKDAY_CLOSING.test(fold(head)) &&
    /^\s*\.?\s*$/u.test(line.slice(found[0]!.end))
  )
    return found[0]!.date;
  // A longer place and the day's weekday ("Penal de San Pedro, La Paz, domingo 12 de enero de 2025", a
  // letter's date line): capitalized words and their particles only, the weekday aside; a prison or camp
  // is often numbered ("Prisión de Kilo 8, Camagüey", "Unidad 9, La Plata"), a region bracketed after a town
  // ("Puerto Francisco de Orellana (El Coca), viernes 28 de noviembre de 2025").
  // A letter from a barracks names its unit in full ("Cuartel del Batallón de Infantería N.º 8, Paso de los
  // Toros, domingo 8 de marzo de 1981", round 17): up to sixteen words and 130 characters with the weekday, else 8 and 80; "N.º" is a number's mark.
  // A prison letter names its wing or cell by number ("Cárcel Pública de Santiago, galería 5, domingo 7 de abril
  // de 1985", round 20): with the weekday, a lower-case word before a number is the place's.
  // With the weekday, a common noun heading a proper name is the place's too ("Popayán, cárcel de San Isidro, domingo
  // 13 de febrero de 2022", round 57), and a state prison's full name runs to 14 words ("Centro Estatal de
  // Reinserción Social de Sentenciados No. 5, San Cristóbal de las Casas, domingo 8 de junio de 2025", round 40).
  const place = words.filter((w) => !WEEKDAYS.has(fold(w)));
  return place.length <= (weekdayNamed ? 16 : 8) &&
    place.every(
      (w, i) =>
        /^\(?\p{Lu}/u.test(w) ||
        (weekdayNamed && /^\p{Ll}{3,}$/u.test(w) && /^\d{1,3}$/.test(place[i + 1] ?? '')) ||
        (weekdayNamed &&
          /^\p{Ll}{4,}$/u.test(w) &&
          /^(?:de|del)$/iu.test(place[i + 1] ?? '') &&
          /^\p{Lu}/u.test(place[i + 2] ?? '')) ||
        /^(?:\d{1,3}|[º°ª])$/.test(w) ||
        /^(?:de|del|la|las|los|el|y|da|do|dos|das|of|the|on)$/iu.test(w),
    ) &&
    place.some((w) => /^\p{Lu}/u.test(w))
    ? found[0]!.date
    : undefined;
}

/** What closes the head of a letter's date line (folded): a comma and the weekday. */
/** A past tense in that head makes it a sentence ("Los presos escribieron desde la cárcel de Picaleña, domingo …"). */
const TOLD_IN_HEAD = /(?<![\p{L}])\p{Ll}{2,}(?:ó|aron|ieron|aba|aban|ed)(?![\p{L}])/u;
const WEEKDAY_CLOSING = new RegExp(`,\\s*(?:${[...WEEKDAYS.keys()].join('|')})\\s*,?\\s*$`, 'u');

/** The head of a line that a dateline opens: up to a dash, a full stop or an agency's bracket after the year. */
const DATELINE_LEAD = /^(.{6,80}?\d{4})\s*(?:[–—]|-\s|\.[-–—]|\.\s|\.$|\()/u;

/** A table's row (two bars or more) with a date cell in figures ("14/02/2025 | Aurelio Ipia | Toribío | …"). */
const TABLE_ROW =
  /^(?=[^|\n]*\|[^|\n]*\|)(?:.*\|)?\s*(?:\d{1,2}\s*[–-]\s*)?\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\s*(?:\||$)/u;

/**
 * The date heading a text, from its first lines: a dateline, or one part of a line cut by "·" or
 * "|" ("Press Release: 14 March 2025 | ICC-CPI-…", "day 23 · Wednesday 14 May 2025 · Courtroom 34").
 */
export function headDate(lines: readonly string[]): FuzzyDate | undefined {
  for (const l of lines) {
    // A table's row dates its cells, not the text (GUIDE §3, tables).
    if (TABLE_ROW.test(l)) continue;
    const whole = datelineDate(l.trim());
    if (whole) return whole;
    // A dateline opening its paragraph ("HARARE, 16 August 2024 – Simukai calls…", "Madrid, 25 de junio
    // de 2025. Hoy se cumple…"): the words before the dash, the full stop or the agency's bracket.
    const lead = DATELINE_LEAD.exec(l.trim())?.[1];
    // "El 2 de febrero de 2024. La oficina…" opens a sentence, not a dateline: a place opens a dateline.
    // An article before a capitalized word is a place's ("La Paz, 7 may 2025 (Agencia …)", "The Hague, 3 May 2024 –").
    const sentence =
      !lead || /^(?:on|in|en|since|desde|de|del|by|por)\s|^(?:el|la|los|las|the)\s+(?!\p{Lu})/iu.test(lead);
    const opening = sentence ? undefined : datelineDate(lead);
    if (opening) return opening;
    // A release's place with its day in brackets ("GENEVA (18 March 2025) – A group of experts…", "GINEBRA (18 de
    // marzo de 2025) –"), the UN's own dateline.
    const bracketed = /^(\p{Lu}[^()\n]{1,60}?)\s*\(([^()\n]{6,40})\)\s*[–—-]/u.exec(l.trim());
    const inBrackets = bracketed && datelineDate(`${bracketed[1]}, ${bracketed[2]}`);
    if (inBrackets) return inBrackets;
    for (const part of l.split(/\s+[·|]\s+/)) {
      const d = datelineDate(part.trim());
      if (d) return d;
    }
    // A heading's last part after a spaced dash, a place and its day ("Public hearing of victims —
    // Medellín, martes 26 de agosto de 2025"): a place opens it, as a dateline; "… — on 3 May 2024" is a sentence's aside.
    const tail = /\s[—–]\s+([^—–]{6,80})$/u.exec(l.trim())?.[1]?.trim();
    if (
      tail &&
      /^\p{Lu}/u.test(tail) &&
      !/^(?:el|la|los|las|on|in|en|since|desde|de|del|the|by|por)\s/iu.test(tail)
    ) {
      const d = datelineDate(tail);
      if (d) return d;
    }
  }
  return undefined;
}

/**
 * The day a text's own words date it by, for a page or file whose markup and labels give none: a dateline or a
 * "Press Release: <date>" line heading it, a ruling's act formula, a wire dateline without its year, a report's
 * month (html.ts and plain.ts alike).
 */
export function datedByText(text: string): FuzzyDate | undefined {
  const head = text
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 12);
  return (
    editionHead(head.slice(0, 8)) ??
    headDate(head) ??
    actDay(text) ??
    yearlessDateline(text) ??
    monthHead(head.slice(0, 8)) ??
    signedDay(text)
  );
}

/**
 * A common-law ruling's own day in its closing formula, when nothing heads it ("DELIVERED, DATED AND SIGNED AT
 * NAIROBI THIS 23RD DAY OF JULY, 2025", "SIGNED this 2nd day of July, 2018"; rounds 31, 57): in its last 1,500
 * characters, a "dated"/"signed"/"delivered" line with "this … day of" a full date.
 */
function signedDay(text: string): FuzzyDate | undefined {
  const tail = text.slice(-1500);
  for (const line of tail.split('\n').reverse()) {
    if (
      !/\b(?:dated|signed|delivered|given)\b[^\n]{0,80}\bthis\s+\d{1,2}(?:st|nd|rd|th)?\s+day\s+of\b/iu.test(
        line,
      )
    )
      continue;
    const d = findDates(line, '2000-01-01').find(
      (x) => !x.relative && x.date.precision === 'day' && writesYear(x.text),
    );
    if (d) return d.date;
  }
  return undefined;
}

/**
 * A judgment's or record's own day in the act's opening formula, when no dateline heads it ("En la ciudad de
 * Filadelfia, departamento de Boquerón, a los catorce días del mes de noviembre de dos mil veintitrés, el
 * Tribunal…"): "a los N días del mes de" dates only the act that opens with it (round 47).
 */
function actDay(text: string): FuzzyDate | undefined {
  const head = text.slice(0, 1500);
  return findDates(head, '2000-01-01').find(
    (x) =>
      !x.relative &&
      x.date.precision === 'day' &&
      /\bd[ií]as\s+del\s+mes\b/iu.test(x.text) &&
      /\ba\s+los\s+$/iu.test(head.slice(Math.max(0, x.start - 10), x.start)),
  )?.date;
}

/**
 * A wire dateline without its year ("Malabo, 27 feb (EFE).- … denunció este jueves", "ADEN, Yemen, Nov
 * 20 (Agency) – … said on Thursday"): the lead names the dateline's weekday, and the story is not older
 * than the latest year it writes — so the first year from that one on in which that day falls on that
 * weekday (one in each six or seven). Nothing when the lead names no weekday.
 */
function yearlessDateline(text: string): FuzzyDate | undefined {
  const years = [...text.matchAll(/(?<![\d.,])(?:19|20)\d{2}(?![\d.,]\d)/g)].map((m) => Number(m[0]));
  if (!years.length) return undefined;
  const latest = Math.max(...years);
  for (const line of text
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 12)) {
    const head = line.slice(0, 80);
    const d = findDates(head, '2000-06-15').find(
      (x) => !x.relative && x.date.precision === 'day' && !writesYear(x.text),
    );
    // A place (one to five capitalized words, commas, brackets and particles between: "Río de Janeiro") opens the line.
    if (
      !d ||
      !/^\s*\p{Lu}[\p{L}\p{M}'’.-]*(?:[\s,()]+(?:(?:de|del|la|las|los|el|do|da|dos|das|al)\s+)?\p{Lu}[\p{L}\p{M}'’.)-]*){0,4}[\s,]+$/u.test(
        head.slice(0, d.start),
      )
    )
      continue;
    const lead = line
      .slice(d.end)
      .split(/(?<=[.!?])\s+(?=\p{Lu})/u, 2)
      .slice(0, 2)
      .join(' ');
    const named =
      /\b(?:este|on|this)\s+(lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/iu.exec(
        lead,
      )?.[1];
    if (!named) return anniversaryYear(text, d.date);
    const wd = WEEKDAYS.get(fold(named));
    if (d.date.precision !== 'day' || wd === undefined) return undefined;
    const [, mo, day] = d.date.value.split('-').map(Number) as [number, number, number];
    // The first year from the latest written one on in which that day falls on that weekday (a wire story
    // names past years, rarely its own: "Río de Janeiro, 29 oct (ANSA).- … este miércoles" after 2022 is 2025).
    const fits = [0, 1, 2, 3, 4, 5, 6]
      .map((k) => latest + k)
      .filter((y) => {
        const at = new Date(Date.UTC(y, mo - 1, day));
        return at.getUTCDate() === day && at.getUTCDay() === wd;
      });
    if (!fits.length) return undefined;
    return {
      precision: 'day',
      value: `${fits[0]}-${String(mo).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    };
  }
  return undefined;
}

/** "Tres años después de Loliondo", "Five years on from …", "se cumplen diez años", "marks ten years": a count of years. */
const YEARS_ON =
  /(?<![\p{L}\d])(\d{1,2}|\p{L}+(?:\s+y\s+\p{L}+)?)\s+(?:años|years)\s+(?:despu[eé]s|after|on|later|since)\b|\b(?:se\s+cumplen|hace|marks?|marking)\s+(\d{1,2}|\p{L}+(?:\s+y\s+\p{L}+)?)\s+(?:años|years)\b/iu;
/** Spanish tens, for a count written "cuarenta y cuatro" (NUMBER_WORDS holds the units and teens). */
const ES_TENS: ReadonlyMap<string, number> = new Map([
  ['veinte', 20],
  ['treinta', 30],
  ['cuarenta', 40],
  ['cincuenta', 50],
  ['sesenta', 60],
  ['setenta', 70],
  ['ochenta', 80],
  ['noventa', 90],
]);
function yearsCounted(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  const [tens, units] = word.split(/\s+y\s+/);
  if (units === undefined) return NUMBER_WORDS.get(tens!) ?? ES_TENS.get(tens!);
  const t = ES_TENS.get(tens!);
  const u = NUMBER_WORDS.get(units);
  return t !== undefined && u !== undefined && u < 10 ? t + u : undefined;
}

/**
 * A yearless wire dateline whose lead names no weekday, on an anniversary ("Luanda, 30 ene (Prensa Austral).-
 * Cinco años después de que la policía abriera fuego…" over "En la madrugada del 30 de enero de 2021"; "Nairobi, 10
 * jun (…).- Tres años después…" over "El 10 de junio de 2022"): the day the text dates with its year, plus the
 * years its title or lead counts (rounds 14, 29). Nothing without both.
 */
function anniversaryYear(text: string, day: FuzzyDate): FuzzyDate | undefined {
  if (day.precision !== 'day') return undefined;
  const head = text.slice(0, 1200);
  const n = YEARS_ON.exec(head);
  const word = n && fold(n[1] ?? n[2]!);
  const count = word && yearsCounted(word);
  if (!count || count < 1) return undefined;
  const md = day.value.slice(5);
  const all = findDates(text, '2000-06-15').filter((x) => !x.relative && writesYear(x.text));
  let years = new Set(
    all
      .filter((x) => x.date.precision === 'day' && x.value.slice(5) === md)
      .map((x) => Number(x.value.slice(0, 4))),
  );
  // No day of that date with its year: the event counted from in that month ("Diez años del bombardeo… se cumplen
  // mañana… la madrugada del 3 de octubre de 2015" under "Kabul, 2 oct"; "Cuarenta y cuatro años después… en
  // febrero de 1982" under "Hama, 2 feb"; rounds 38, 39), when the month's dates name one year only.
  if (!years.size)
    years = new Set(
      all
        .filter((x) => x.date.precision !== 'year' && x.value.slice(5, 7) === md.slice(0, 2))
        .map((x) => Number(x.value.slice(0, 4))),
    );
  if (years.size !== 1) return undefined;
  return { precision: 'day', value: `${[...years][0]! + count}-${md}` };
}

/** Words a report's or edition's head line gives besides its place and month ("Report, Tbilisi, April 2026"). */
const EDITION_WORD =
  /^(?:report|informe|published|publicado|publicada|revised|revisada|revisado|versión|version|edition|edición|updated|actualizado|actualizada|bulletin|boletín)$/iu;

/** A place of one to four capitalized words, a comma, and the rest of the line: its month and year. */
const PLACE_MONTH =
  /^\p{Lu}[\p{L}.'-]*(?:\s+(?:de|del|la|el)?\s*\p{Lu}[\p{L}.'-]*){0,3},\s+(\p{L}+\s+(?:de\s+)?\d{4})$/u;

/**
 * A report's or edition's month in its head ("Report, September 2025", "Published Jakarta, November 2025",
 * "Versión revisada, Madrid, noviembre de 2026", "Report, Tbilisi, April 2026 — Chapter 3 of 5"): the text
 * is of that month, so its yearless days and months count from it (five reports in rounds 19–35, where the
 * capture day was used). A line, or a part of it between dashes, bars or dots, naming one month with its year,
 * an edition word and otherwise only capitalized words; a title naming the month of its events ("Srebrenica,
 * July 1995") has no edition word.
 */
function monthHead(lines: readonly string[]): FuzzyDate | undefined {
  for (const [i, l] of lines.entries()) {
    // A report's place and month alone on a line under its title ("Popayán, noviembre de 2025", "Xalapa, enero
    // de 2026"; rounds 39, 43): a dateline of the report's own month. Not its first line, which may be a title
    // naming the month of its events ("Srebrenica, July 1995").
    // So is one closing a publisher's line ("Observatorio … · Santander de Quilichao, noviembre de 2025").
    const closing = l
      .trim()
      .split(/\s+[—–·|]\s+/)
      .pop()!;
    const placed = i > 0 ? PLACE_MONTH.exec(closing) : null;
    if (placed) {
      const found = findDates(placed[1]!, '2000-01-01').filter((x) => !x.relative);
      if (found.length === 1 && found[0]!.date.precision === 'month' && writesYear(found[0]!.text))
        return found[0]!.date;
    }
    for (const part of l.trim().split(/\s+[—–·|]\s+/)) {
      if (part.length > 70) continue;
      const found = findDates(part, '2000-01-01').filter((x) => !x.relative);
      if (found.length !== 1 || found[0]!.date.precision !== 'month' || !writesYear(found[0]!.text)) continue;
      const words = `${part.slice(0, found[0]!.start)} ${part.slice(found[0]!.end)}`
        .replace(/[\s,.:;]+/g, ' ')
        .trim()
        .split(' ')
        .filter(Boolean);
      if (
        words.some((w) => EDITION_WORD.test(w)) &&
        words.every(
          // "Publicado en marzo de 2025" (round 41)
          (w) => EDITION_WORD.test(w) || /^\p{Lu}/u.test(w) || /^(?:de|del|la|el|of|the|en|in)$/iu.test(w),
        )
      )
        return found[0]!.date;
    }
  }
  return undefined;
}

// ── JSON-LD and meta ─────────────────────────────────────────────────────────────────────────
interface LdArticle {
  headline?: string;
  author?: string;
  datePublished?: string;
  publisher?: string;
  inLanguage?: string;
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ') || undefined;
  if (v && typeof v === 'object') return nameOf((v as { name?: unknown }).name);
  return undefined;
}

function jsonLd(doc: Document): LdArticle {
  const out: LdArticle = {};
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? '');
    } catch {
      continue; // a broken JSON-LD block is common and not our business
    }
    const nodes: unknown[] = [];
    const collect = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') {
        nodes.push(v);
        const g = (v as Record<string, unknown>)['@graph'];
        if (g) collect(g);
      }
    };
    collect(data);
    for (const n of nodes as Record<string, unknown>[]) {
      const type = String(n['@type'] ?? '');
      if (!/Article|BlogPosting|Report|NewsArticle|WebPage/i.test(type)) continue;
      out.headline ??= typeof n.headline === 'string' ? n.headline : undefined;
      out.author ??= nameOf(n.author);
      out.datePublished ??= typeof n.datePublished === 'string' ? n.datePublished : undefined;
      out.publisher ??= nameOf(n.publisher);
      out.inLanguage ??= typeof n.inLanguage === 'string' ? n.inLanguage : undefined;
    }
  }
  return out;
}

function meta(doc: Document, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const el =
      doc.querySelector(`meta[property="${k}"]`) ??
      doc.querySelector(`meta[name="${k}"]`) ??
      doc.querySelector(`meta[itemprop="${k}"]`);
    const v = attr(el, 'content');
    if (v) return v;
  }
  return undefined;
}

// ── Comments ─────────────────────────────────────────────────────────────────────────────────
const tokensOf = (el: El) =>
  `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
/** Parts of a comment (its author line, its body) and whole lists of comments are not comments. */
const PART =
  /comment[-_]?(author|meta|metadata|content|text|body|date|time|reply|respond|form|count|link|header|footer|avatar|actions|permalink|edit|awaiting|title|number|num|votes|user|name|er)/;
/**
 * A section holding the readers' comments, whatever its blocks are called ("#comentarios > article"); a
 * petition's dated updates and its signers' reasons are read as comments too, each with its own date.
 */
const SECTION =
  /^(?:comments?|comentarios|responses|replies|respuestas|reader-comments|comments-block|comment-list|commentlist|updates|novedades|actualizaciones|reasons|razones|motivos)$/;
const LIST =
  /comments|comment[-_]?(list|thread|section|area|wrap|container|s$)|commentlist|discussion|^(?:responses|replies|respuestas|comentarios|updates|novedades|actualizaciones|reasons|razones|motivos)$/;
/** A reader's response named in other words than "comment": one block of a "responses" list. */
const RESPONSE =
  /^(?:response|reply|respuesta|comentario|update|novedad|actualizacion|reason|razon|motivo)(?:[-_]?(?:item|entry|box|block))?$/;
/** A comment's one line of metadata ("Ana_R · 18 Jul 2024"): its author, then its date. */
const META_SEL = '[class$="-meta"], [class*="-meta "], [class="meta"]';
const isCommentType = (el: El) => /schema\.org\/Comment\b/i.test(el.getAttribute('itemtype') ?? '');

function isListish(el: El): boolean {
  return tokensOf(el).some((t) => LIST.test(t));
}

function isCandidate(el: El): boolean {
  if (isCommentType(el)) return true;
  const toks = tokensOf(el);
  if (toks.some((t) => t.includes('comment') && !PART.test(t) && !LIST.test(t))) return true;
  if (toks.some((t) => RESPONSE.test(t)) && el.parentElement && isListish(el.parentElement)) return true;
  // A bare <article> inside a comments section ("comment-body" articles are parts, handled above).
  if (el.tagName === 'ARTICLE' && !toks.some((t) => t.includes('comment'))) {
    // The section must be a list of comments, not the page (WordPress puts "comments-open" on <body>).
    for (let p = el.parentElement; p && !['BODY', 'HTML', 'MAIN'].includes(p.tagName); p = p.parentElement) {
      if (
        isListish(p) ||
        /comentario/i.test(`${p.getAttribute('id') ?? ''} ${p.getAttribute('class') ?? ''}`)
      )
        return true;
    }
  }
  return false;
}

const AUTHOR_SEL =
  '[itemprop="author"], [class*="author"], [class*="commenter"], [class*="user"], [class*="usuario"], [class*="autor"], [class*="-name"], .fn, .name, .nick, cite, [rel="author"]';
/** In a comment section's block without a marked author, its first bold or cited words are. */
const BOLD_AUTHOR_SEL = 'strong, b';
const TEXT_SEL =
  '[itemprop="text"], [itemprop="commentText"], [class*="comment-content"], [class*="comment-text"], [class*="comment-body"], [class*="comment_body"], .text, .content, .body, .message';
// "hora", "stamp", "sello": a reply's time stamp as Spanish and English threads class it.
const DATE_SEL =
  'time, [itemprop="dateCreated"], [itemprop="datePublished"], [class*="date"], [class*="time"], [class*="when"], [class*="fecha"], [class*="cuando"], [class*="posted"], [class*="publicad"], [class*="hora"], [class*="stamp"], [class*="sello"], small';

function closestCandidate(el: El): El | undefined {
  for (let p: El | null = el; p; p = p.parentElement) if (isCandidate(p)) return p;
  return undefined;
}

/** The bold element a paragraph opens with (only blank text before it), if any. */
function leadingBold(p: El): El | undefined {
  for (const n of Array.from(p.childNodes)) {
    if (n.nodeType === 3 && !(n.textContent ?? '').trim()) continue;
    const el = n as El;
    return n.nodeType === 1 && (el.tagName === 'B' || el.tagName === 'STRONG') ? el : undefined;
  }
  return undefined;
}

function commentUnits(doc: Document): El[] {
  const units: El[] = [];
  const seen = new Set<El>();
  for (const a of Array.from(doc.querySelectorAll(`${AUTHOR_SEL}, ${META_SEL}`))) {
    const u = closestCandidate(a);
    // Whatever its classes say, an element holding the page's headline is the article, not a comment.
    if (u && !seen.has(u) && !u.querySelector('h1')) {
      seen.add(u);
      units.push(u);
    }
  }
  // A comment section's blocks that no author element revealed: each block of the section's
  // repeated kind (article, li, div, dd) is a comment ("#comentarios > article > strong + p").
  const found = units.length;
  for (const sec of Array.from(doc.querySelectorAll('[id], [class]')) as El[]) {
    if (!tokensOf(sec).some((t) => SECTION.test(t)) || sec.querySelector('h1')) continue;
    let blocks = Array.from(sec.children).filter((c) =>
      ['ARTICLE', 'LI', 'DIV', 'DD'].includes(c.tagName),
    ) as El[];
    // A section of bare paragraphs, each led by its author in bold ("<p><b>Rolando P.</b> — text</p>").
    if (!blocks.length)
      blocks = (Array.from(sec.children) as El[]).filter(
        (c) => c.tagName === 'P' && leadingBold(c) !== undefined,
      );
    for (const b of blocks) {
      // In a <dl>, a comment is the <dd> right after its author's <dt> (a second <dd> is its footer).
      if (b.tagName === 'DD' && b.previousElementSibling?.tagName !== 'DT') continue;
      if (seen.has(b) || units.some((u) => u.contains(b) || b.contains(u))) continue;
      if (!textOf(b).trim()) continue;
      seen.add(b);
      units.push(b);
    }
  }
  // querySelectorAll walks in document order, and a comment's author comes before its replies;
  // blocks found by their section are put back in document order among them.
  if (units.length === found) return units;
  const order = new Map(Array.from(doc.querySelectorAll('*')).map((e, i) => [e as El, i]));
  return units.sort((a, b) => order.get(a)! - order.get(b)!);
}

function extractComments(doc: Document): { comments: ExtractedComment[]; roots: El[] } {
  const units = commentUnits(doc);
  const unitSet = new Set(units);
  const ownerOf = (el: El): El | undefined => {
    for (let p: El | null = el; p; p = p.parentElement) if (unitSet.has(p)) return p;
    return undefined;
  };
  const own = (u: El, sel: string) => Array.from(u.querySelectorAll(sel)).filter((e) => ownerOf(e) === u);
  const comments: ExtractedComment[] = [];
  const posOf = new Map<El, number>();
  /**
   * The comment a comment answers: an enclosing comment (nested markup), or — in list markup
   * where a comment and the list of its replies are siblings (WordPress: li > article + ol.children)
   * — the comment sitting beside the branch that holds this one.
   */
  const parentOf = (u: El): El | undefined => {
    let branch: El = u;
    for (let a = u.parentElement; a; branch = a, a = a.parentElement) {
      if (unitSet.has(a)) return a;
      if (branch === u) continue;
      let beside: El | undefined;
      for (const c of Array.from(a.children)) {
        if (c === branch) break;
        if (unitSet.has(c)) beside = c;
      }
      if (beside) return beside;
    }
    return undefined;
  };
  const depthOf = new Map<El, number>();
  for (const u of units) {
    const parent = parentOf(u);
    const depth = parent ? (depthOf.get(parent) ?? 0) + 1 : 0;
    depthOf.set(u, depth);
    // No author element: one metadata line holding "author · date".
    const metaEl = own(u, AUTHOR_SEL)[0] ? undefined : own(u, META_SEL)[0];
    const metaParts = clean(metaEl?.textContent)?.split(/\s+[·•|—–]\s+/);
    // Blogger's "<dt>Ana said...</dt><dd>text</dd>": the author sits just before the block.
    const before = u.previousElementSibling as El | null;
    const authorEl =
      own(u, AUTHOR_SEL)[0] ??
      metaEl ??
      (u.tagName === 'DD' && before?.tagName === 'DT' ? before : undefined) ??
      own(u, BOLD_AUTHOR_SEL)[0];
    const authorName = authorEl?.querySelector('[itemprop="name"]') ?? authorEl;
    // A thread's author line that also stamps the reply ("Ricardo V. @rvelez_cr · 15 sept. 2025"):
    // the name before the dot, the day after it.
    const authorParts = metaEl ? undefined : clean(authorName?.textContent)?.split(/\s+[·•|]\s+/);
    const authorLineDate =
      authorParts && authorParts.length > 1 ? dateFrom(authorParts.slice(1).join(' ')) : undefined;
    const authorLine = authorLineDate ? authorParts![0] : clean(authorName?.textContent);
    const author = (metaEl ? metaParts?.[0] : authorLine)?.replace(
      /\s*(dice|dijo|says|said|wrote|escribió)\s*(?::|\.{3}|…)?$/i,
      '',
    );
    const footer = u.tagName === 'DD' && u.nextElementSibling?.tagName === 'DD' ? u.nextElementSibling : null;
    const dateEl = own(u, DATE_SEL)[0] ?? metaEl ?? (footer as El | null) ?? undefined;
    const marked = dateFrom(
      attr(dateEl, 'datetime') ??
        attr(dateEl, 'content') ??
        (dateEl === metaEl ? metaParts?.slice(1).join(' ') : clean(dateEl?.textContent)),
    );
    // No date element: the author line's stamp, else one in the comment's head outside any element.
    const stamp = marked || dateEl || authorLineDate ? undefined : headStamp(u);
    const published = marked ?? (dateEl ? undefined : (authorLineDate ?? stamp?.day));
    const nested = (el: El) => el !== u && unitSet.has(el);
    // The body of the comment: a text element that does not also hold its author line or date
    // (a "comment-body" wrapper often holds both), the outermost of those.
    const bodies = own(u, TEXT_SEL).filter(
      (e) => !(authorEl && e.contains(authorEl)) && !(dateEl && e.contains(dateEl)),
    );
    const textEls = bodies.filter((e) => !bodies.some((o) => o !== e && o.contains(e)));
    let text = textEls
      .map((e) => textOf(e, nested))
      .filter(Boolean)
      .join('\n\n');
    if (!text) {
      const paras = own(u, 'p').filter(
        (e) => e !== metaEl && e !== dateEl && !(authorEl && e.contains(authorEl)),
      );
      text = paras
        .map((e) => textOf(e, nested))
        .filter(Boolean)
        .join('\n\n');
    }
    if (!text) {
      text = textOf(
        u,
        (el) =>
          nested(el) || el === authorEl || el === dateEl || /reply|responder/i.test(tokensOf(el).join(' ')),
      );
    }
    // "<b>Ana</b> — text": the dash that joined the author to the words is not part of them.
    text = text.replace(/^\s*[—–:-]\s*/, '');
    if (!text) continue;
    const position = comments.length + 1;
    posOf.set(u, position);
    const comment = {
      position,
      parentPosition: parent ? posOf.get(parent) : undefined,
      depth,
      author,
      published,
      text,
    };
    // "9 de marzo a las 08:02": a day without its year, read once the article's own date is known.
    const rawDate = clean(dateEl?.textContent);
    const yearless = published ? undefined : (rawDate ?? stamp?.yearless);
    if (yearless) YEARLESS.set(comment, yearless);
    comments.push(comment);
  }
  const roots = units.filter((u) => !units.some((o) => o !== u && o.contains(u)));
  return { comments, roots };
}

/** Whether an element holds a paragraph of text outside any form. */
function hasParagraphText(el: El): boolean {
  return Array.from(el.querySelectorAll('p')).some((p) => !p.closest('form') && textOf(p).trim() !== '');
}

/**
 * A comment's stamp in its head, outside any element marked as a date: the words before its first paragraph
 * ("<b>Ana</b> @ana · 21 jul. 2025", "<b>Ana</b> <i>13/02/2024 10:21</i>", "<b>Ana</b> dijo... <span>9 de junio
 * de 2025, 10:41</span>", "<span class="t">19/02/2024 08:55</span>"). Its "ayer" and "mañana" count from
 * that day, not the article's (guide §3; replies and comments of rounds 25, 30, 47, 48, 50, 54). A day
 * without its year is given as written, for `commentDay`; a relative stamp ("hace 2 días") gives nothing.
 */
function headStamp(u: El): { day?: FuzzyDate; yearless?: string } {
  let head: string | undefined = '';
  for (const n of Array.from(u.childNodes)) {
    if (n.nodeType === 1 && /^(?:P|DIV|BLOCKQUOTE|UL|OL|TABLE|SECTION|ARTICLE)$/.test((n as El).tagName))
      break;
    head += ` ${n.textContent ?? ''}`;
    // No paragraph after it: the words are the comment's own, not its head ("<p><b>Ana</b> dijo... Estuve
    // allí aquel 30 de marzo. — 24 de marzo de 2026</p>").
    if (n === u.lastChild) head = undefined;
  }
  if (!head) return {};
  const day = findDates(head, '2000-06-15').find((d) => !d.relative && d.date.precision === 'day');
  if (!day) return {};
  return writesYear(day.text) ? { day: day.date } : { yearless: day.text };
}

/** Comments whose date line gave a day without its year, with that line. */
const YEARLESS = new WeakMap<object, string>();

/**
 * A comment's day without its year ("9 de marzo a las 08:02"): comments come on or after the
 * article, within the year after it, so the day is the first such day from the article's date on.
 */
function commentDay(raw: string, article: FuzzyDate | undefined): FuzzyDate | undefined {
  if (article?.precision !== 'day') return undefined;
  const from = new Date(`${article.value}T00:00:00Z`);
  const horizon = new Date(from.getTime() + 362 * 86_400_000).toISOString().slice(0, 10);
  const day = findDates(raw, horizon).find((d) => !d.relative && d.date.precision === 'day');
  return day && day.value >= article.value ? day.date : undefined;
}

/** A DOM for any markup: a fragment without <html> (saved snippets, broken pages) gets one around it. */
function parseDocument(html: string): Document {
  const { document } = parseHTML(html);
  if (document.documentElement?.tagName === 'HTML') return document as unknown as Document;
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

/**
 * A blog's footer or header byline in words: "Posted by Ana Ruiz at 9:03 PM", "Publicado el 17
 * abril, 2024 por Yudith" (outside the comments, which have their own authors).
 */
function postedBy(doc: Document, roots: El[]): string | undefined {
  for (const el of Array.from(doc.querySelectorAll('p, div, span, footer, header')) as El[]) {
    if (el.children.length > 3 || roots.some((r) => r.contains(el))) continue;
    const m =
      // No `i` flag: with it \p{Lu} matches lower case too ("Posted by u/ana" gave the author "u").
      /(?:^|\s)(?:[Pp]osted|[Ww]ritten|[Pp]ublicado|[Ee]scrito)\b[^.]{0,40}?\b(?:[Bb]y|[Pp]or)\s+(\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,3})/u.exec(
        clean(el.textContent) ?? '',
      );
    if (m) return m[1]!.replace(/\s+(?:at|a las|el|on)$/i, '');
  }
  return undefined;
}

/**
 * The page's byline line as written, outside the comments: a byline element ("By X and Y · Place",
 * "Por X"), else the short line naming who posted it ("Posted by X · 15 December 2025"). At most
 * 200 characters, with a capitalized word.
 */
function visibleByline(doc: Document, roots: El[]): string | undefined {
  const fit = (s: string | undefined) => (s && s.length <= 200 && /\p{Lu}\p{Ll}/u.test(s) ? s : undefined);
  const el = (
    Array.from(
      doc.querySelectorAll('.byline, [class*="byline"], [itemprop="author"], [rel="author"], .author'),
    ) as El[]
  ).find((e) => !roots.some((r) => r.contains(e)));
  if (el) return fit(clean(el.textContent));
  for (const e of Array.from(doc.querySelectorAll('p, div, span')) as El[]) {
    if (e.children.length > 3 || roots.some((r) => r.contains(e))) continue;
    const line = clean(e.textContent);
    if (
      line &&
      /^(?:[Pp]osted|[Ww]ritten|[Pp]ublicado|[Ee]scrito)\b[^.]{0,40}?\b(?:by|por)\s+\p{Lu}/u.test(line)
    )
      return fit(line);
  }
  return undefined;
}

/**
 * The short line of the page's body that writes its publication day in full ("Washington, D.C., March 28,
 * 2025", "Por Yusmary Chirinos | Maracaibo, 22 de agosto de 2024", "Thursday, October 3, 2024"): a date of
 * the text, which the reader sees under the headline. Not a blog's "Posted by … · date" header (page
 * metadata) nor an "Updated" line.
 */
function writtenDateline(doc: Document, published: FuzzyDate | undefined): string | undefined {
  if (published?.precision !== 'day' || !doc.body) return undefined;
  for (const el of Array.from(doc.body.querySelectorAll('p, div, time, span')) as El[]) {
    if (el.querySelector('p, div, li, h1, h2, h3, table')) continue;
    const line = clean(el.textContent);
    // The line and the one holding it ("Posted by u/… · <span>2025-05-10 14:02</span>"): no post header.
    const around = clean(el.parentElement?.textContent)?.slice(0, 200) ?? '';
    if (
      !line ||
      line.length > 120 ||
      /\b(?:posted|publicado|written|escrito|updated|actualizado)\b/iu.test(`${line} ${around}`) ||
      el.closest('[class*="meta"]')
    )
      continue;
    const day = findDates(line, published.value).find(
      (d) => !d.relative && d.value === published.value && /\d{4}/.test(d.text),
    );
    if (day) return line;
  }
  return undefined;
}

/** Parses a page and extracts what a reader sees. Refuses a page with no readable text at all. */
export function extractHtml(html: string, name = 'the page'): Extracted {
  const doc = parseDocument(html);
  if (!doc.documentElement || !doc.body)
    throw new InputError(
      `${name}: not an HTML document (no <html>/<body> could be read); nothing was stored`,
    );
  const ld = jsonLd(doc);
  const titleTag = clean(doc.querySelector('title')?.textContent)?.slice(0, 1000);
  const { comments, roots } = extractComments(doc);
  const declaredLanguage =
    attr(doc.documentElement, 'lang') ?? ld.inLanguage ?? meta(doc, 'og:locale', 'language')?.slice(0, 2);
  const timeEl = doc.querySelector(
    'article time[datetime], time[itemprop="datePublished"], time[pubdate], time[datetime]',
  );
  const published =
    dateFrom(
      meta(doc, 'article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'dc.date'),
    ) ??
    dateFrom(ld.datePublished) ??
    dateFrom(attr(timeEl, 'datetime')) ??
    dateFrom(clean(doc.querySelector('[class*="date"], [class*="fecha"]')?.textContent)) ??
    // No date in the markup: what the visible text's own words date it by.
    datedByText(textOf(doc.body));
  const author =
    clean(ld.author) ??
    meta(doc, 'author', 'article:author', 'dc.creator') ??
    clean(
      Array.from(
        doc.querySelectorAll('[rel="author"], [itemprop="author"], .byline, .author, [class*="byline"]'),
      ).find((e) => !roots.some((r) => r.contains(e)))?.textContent,
    )?.replace(/^(por|by)\s*:?\s+/i, '') ??
    postedBy(doc, roots);
  // The byline as the reader sees it ("By Neema Kisanga and Tom Ardley · Dar es Salaam", "Posted by
  // X · date"): the persons it names are persons of the text (an author named only in <meta> is not).
  const byline = visibleByline(doc, roots);
  // A page saved from a browser often lacks og:site_name: the title's " | Outlet" tail, else the
  // host of the address it was saved from (the browser's "saved from url" mark, canonical, og:url).
  const outlet =
    meta(doc, 'og:site_name', 'application-name', 'publisher') ??
    clean(ld.publisher) ??
    titleTail(titleTag) ??
    hostOf(
      /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1] ??
        attr(doc.querySelector('link[rel="canonical"]'), 'href') ??
        meta(doc, 'og:url'),
    );
  // Comments and their lists are removed before Readability sees the page.
  for (const r of roots) r.remove();
  // A comment-like list none of whose blocks could be read as a comment keeps its words in the
  // article (its text is not lost), unless it has no paragraph at all (an empty thread, a form).
  for (const el of Array.from(doc.querySelectorAll('[id], [class]')) as El[])
    if (isListish(el) && (roots.some((r) => el.contains(r)) || !hasParagraphText(el))) el.remove();
  // Site chrome (banners, menus, footers) is not the article; Readability sometimes keeps a masthead.
  for (const el of Array.from(
    doc.querySelectorAll('nav, aside, footer, header, [role="banner"], [role="navigation"]'),
  ))
    if (!el.closest('article') || el.tagName === 'NAV') el.remove();
  // The article's written dateline ("Maracaibo, 22 de agosto de 2024", "8 November 2023"), read before
  // Readability, which often drops it with the byline.
  const dateline = writtenDateline(doc, published);
  // An unclosed heading can swallow the page: a "headline" longer than a headline is not one.
  const h1 = clean(doc.querySelector('h1')?.textContent);
  const headline =
    clean(ld.headline) ?? meta(doc, 'og:title') ?? (h1 && h1.length <= 300 ? h1 : undefined) ?? titleTag;
  let text = '';
  try {
    const art = new Readability(doc as unknown as Document, { charThreshold: 200 }).parse();
    if (art?.content) text = textOf(parseHTML(`<html><body>${art.content}</body></html>`).document.body);
  } catch {
    text = '';
  }
  if (text.length < 80) {
    // Readability gives up on short pages; the body's visible text is then the best reading.
    const again = parseDocument(html);
    const { roots: r2 } = extractComments(again);
    for (const r of r2) r.remove();
    for (const el of Array.from(again.querySelectorAll('nav, header, footer, aside'))) el.remove();
    const bodyText = again.body ? textOf(again.body) : '';
    if (bodyText.length > text.length) text = bodyText;
  }
  // The headline opens the text unless Readability kept it already.
  if (dateline && !text.includes(dateline)) {
    const head = headline && text.startsWith(headline) ? headline : '';
    text = `${head}${head ? '\n\n' : ''}${dateline}\n\n${text.slice(head.length).trim()}`.trim();
  }
  // Readability drops the byline with the page's header: it follows the headline, as on the page.
  if (byline && !text.includes(byline)) {
    const head = headline && text.startsWith(headline) ? headline : '';
    text = `${head}${head ? '\n\n' : ''}${byline}\n\n${text.slice(head.length).trim()}`.trim();
  }
  if (headline && !text.startsWith(headline)) text = `${headline}\n\n${text}`.trim();
  if (!/\p{L}{2,}/u.test(text) || text.replace(/\s/g, '').length < 20) {
    throw new InputError(
      `${name}: no readable text could be extracted (malformed or empty HTML); nothing was stored`,
      [{ field: 'html', message: 'no text content' }],
    );
  }
  for (const c of comments) {
    const raw = c.published ? undefined : YEARLESS.get(c);
    if (raw) c.published = commentDay(raw, published);
  }
  return {
    title: headline ?? titleTag,
    outlet,
    author: author && author.length <= 300 ? author : undefined,
    published,
    declaredLanguage,
    text,
    comments,
  };
}
