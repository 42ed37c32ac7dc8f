/**
 * A plain-text file (an article saved without markup, a digest pasted into a file): the first
 * short line is its title (a " | Outlet" tail names the outlet); a "Por:"/"By" line names the
 * author; a "Fuente:"/"Source:" line or a bare address names the outlet; a date in the first lines
 * is its publication date (so relative dates in the text can be resolved).
 */
import type { FuzzyDate } from '../domain/dates.js';
import { InputError } from '../domain/errors.js';
import { editionHead } from './edition-head.js';
import { findDates } from './facts/dates.js';
import { headDateline } from './head-dateline.js';
import { datedByText, dateFrom, type Extracted, headDate, hostOf, titleTail } from './html.js';
import { madeOn } from './made-on-head.js';

/**
 * The day a chat or thread was copied, exported or saved, said in a sentence of its head ("Conversación
 * copiada … el viernes 13 de marzo de 2026", "Conversation copied on 14 March 2025", "Exported 3/4/2025",
 * "exportado el 20/1/25"), or the day a record states itself as of ("Recorded in Kampala, Saturday 21 June
 * 2025", "status as of 1 October 2025", "datos al 3 de mayo de 2024"), or a programme's broadcast label opening a line
 * of its head ("Emisión: miércoles 4 de marzo de 2026, 21:00 a 21:30", "Broadcast: Saturday 30 August 2025, 19:00–19:30":
 * as a label only, since "was broadcast on 3 May" in a sentence dates what it tells), or a judgment's own day in its
 * head ("SUMMARY OF JUDGMENT delivered on 22 October 2025", "Read in open court on 25 October 2024"), or the day a
 * list was last edited or a thread pasted, or a report's data cut-off ("corte al 28 de abril de 2026", "Fecha de
 * cierre de datos: 31 de octubre de 2026"): its "today" and "yesterday" count from that day.
 */
const COPIED =
  /\b(?:copiad[oa]s?|exportad[oa]s?|guardad[oa]s?|descargad[oa]s?|copied|exported|saved|downloaded|archived|archivad[oa]s?|recorded|grabad[oa]s?|entrevista\s+(?:realizada|hecha)|interview\s+(?:conducted|carried\s+out)|pasted|pegad[oa]s?|as\s+of|dated|fechad[oa]s?|delivered|read\s+in\s+open\s+court|handed\s+down|last\s+edited|dictad[oa]|pronunciad[oa]|actualizad[oa]s?\s+al|datos\s+al|(?:con\s+)?corte\s+al|(?:cierre|corte)\s+de\s+datos|data\s+cut-?off)\b|^\s*(?:(?:lugar\s+y\s+)?(?:fecha\s+de\s+)?(?:emisi[oó]n|transmisi[oó]n|grabaci[oó]n)|emitido|transmitido|broadcast|aired|air\s+date|recording)\s*:|^\s*(?:des)?grabaci[oó]n\b/iu;

function copiedOn(lines: readonly string[]): FuzzyDate | undefined {
  for (const l of lines) {
    const cue = COPIED.exec(l);
    // "LOCUTORA (Reina Guardado):": a surname after a given name, not "guardado" (saved).
    if (!cue || (/\p{Lu}\p{Ll}+\s+$/u.test(l.slice(0, cue.index)) && /^\p{Lu}/u.test(cue[0]))) continue;
    // From after the cue: "last edited 8 December 2025" would otherwise read as a page's edit stamp, no date.
    const full = findDates(l.slice(cue.index + cue[0].length), '2000-01-01').find(
      (x) => !x.relative && x.date.precision === 'day' && /\d{4}|\d\/\d{2}$/.test(x.text),
    );
    if (full) return full.date;
  }
  return undefined;
}

/**
 * "Transcribió: Fernando Ical, 12 de octubre de 2025", "Transcribed 3 May 2025": the day a transcript was typed or
 * checked, days after its recording, whose "hoy" and "mañana" the witness said on the recording's day (guide §3:
 * on-air "Hoy" resolves against the recording line). Such a line dates the text only when the head has no recording,
 * broadcast or copy line (rounds 17, 39: a short transcriber's line had outranked the longer "Sesión grabada el …",
 * "Grabación: Lima, martes 3 de marzo de 2026, …").
 */
const TRANSCRIBED =
  /^\s*\[?\s*(?:transcri(?:bi[oó]|t[oa]s?|pci[oó]n)|transcribed|transcript\s+checked|revisad[oa]|traducid[oa]|translated|checked)(?![\p{L}])/iu;

function transcribedOn(lines: readonly string[]): FuzzyDate | undefined {
  for (const l of lines) {
    if (!TRANSCRIBED.test(l) || l.length > 120) continue;
    const d = dateFrom(l) ?? headDate([l]);
    if (d) return d;
  }
  return undefined;
}

/**
 * "——— 14 de abril de 2022 ———", "— 14 de septiembre de 2023 —": a chat's day separator is the day of the messages
 * under it, not of the copy: a relative one further down ("——— Ayer ———") counts from the export line in the head
 * (guide §3), so the first separator dates the text only when the head has no export or copy line (rounds 71, 73:
 * "Exportado el 30/04/2022", "guardada el 30/09/2023" were outranked by the first separator, 3 days read wrong).
 */
const DAY_SEPARATOR = /^\s*[—–=-]+\s*\S.*\S\s*[—–=-]+\s*$/u;

function separatorDay(lines: readonly string[]): FuzzyDate | undefined {
  for (const l of lines) {
    if (!DAY_SEPARATOR.test(l)) continue;
    const inner = l.replace(/^[\s—–=-]+|[\s—–=-]+$/gu, '');
    const d = dateFrom(inner) ?? headDate([inner]);
    if (d) return d;
  }
  return undefined;
}

/**
 * A programme's or hearing's own day in its head, the full date followed by its clock time ("Emisión del
 * martes 25 de noviembre de 2025, 21:00", "Talk It Out", Tuesday 28 July 2026, 7:00–8:00 p.m.", "broadcast
 * 27 June 2025, 19:00"): a time is given only for when the text itself went on air or was held (rounds 12,
 * 14, 15, 16, 19), not for the past it tells.
 */
function scheduledOn(lines: readonly string[]): FuzzyDate | undefined {
  for (const l of lines.filter((x) => x.trim()).slice(0, 5)) {
    // "El 3 de mayo de 2020, a las 14:00, entraron…", "On 3 May 2020, 14:00, …": a sentence of the past, not a head.
    if (/^\s*(?:el|la|on|in|en|desde|since|the|at|a)\s/iu.test(l)) continue;
    const full = findDates(l, '2000-01-01').find(
      (x) =>
        !x.relative &&
        x.date.precision === 'day' &&
        /\d{4}/.test(x.text) &&
        /^,?\s*(?:a\s+las\s+)?\d{1,2}[:.]\d{2}\b/iu.test(l.slice(x.end)),
    );
    if (full) return full.date;
  }
  return undefined;
}

/**
 * The day or month a report, ruling summary or programme says in its head it was published, presented or aired
 * ("A report by the Nile Rights Observatory, published in Geneva on 10 November 2026", "del informe …, presentado
 * en Santiago el 1 de diciembre de 2026", "Chapter 3 of a report by …, published in Freetown, June 2025", "A report
 * by Pravo Svidka, Kyiv, 31 March 2025", "emisión del lunes 28 de septiembre de 2026"), or a head line ending in a
 * dateline sentence ("Síntesis del fallo preparada por la Secretaría. Buenos Aires, 11 de diciembre de 2025."):
 * seven texts of rounds 13, 21, 50, 51 that fell to the capture day. Only when nothing else dates the text, in its
 * first four lines, the date at most 60 characters after the word, with its year.
 */
const PRESENTED =
  /\b(?:published|publicad[oa]|presentad[oa]|issued|released|emisi[oó]n\s+del?|(?:a|of\s+a)\s+report\s+by|un\s+informe\s+(?:de|del)|preparad[oa]\s+por)\b/giu;

function presentedOn(lines: readonly string[]): FuzzyDate | undefined {
  for (const l of lines.filter((x) => x.trim()).slice(0, 4)) {
    for (const cue of l.matchAll(PRESENTED)) {
      const after = l.slice(cue.index + cue[0].length);
      const said = findDates(after, '2000-01-01').find(
        (x) => !x.relative && x.start <= 60 && x.date.precision !== 'year' && /\d{4}/.test(x.text),
      );
      if (said) return said.date;
    }
    // The head line's last sentence a dateline.
    const last = l
      .trim()
      .split(/(?<=\.)\s+(?=\p{Lu})/u)
      .pop();
    if (last && last !== l.trim()) {
      const d = headDate([last.replace(/\.$/, '')]);
      if (d) return d;
    }
  }
  return undefined;
}

export function extractPlainText(raw: string, name = 'the file'): Extracted {
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!/\p{L}{2,}/u.test(text))
    throw new InputError(`${name}: the file holds no readable text; nothing was stored`);
  const lines = text.split('\n').slice(0, 8);
  const first = lines.find((l) => l.trim())?.trim();
  const title = first && first.length <= 200 ? first : undefined;
  let author: string | undefined;
  // A report's edition line first: a section heading under it may hold its story's day (edition-head.ts).
  let published: FuzzyDate | undefined = editionHead(lines);
  let outlet: string | undefined;
  for (const l of lines) {
    const a = /^\s*(?:por|by|autor|author)\s*:?\s+(.{2,120})$/i.exec(l);
    if (a && !author) author = a[1]!.trim();
    // "Fuente: El Pitazo", "Source: https://…", or the address the text was copied from alone on a line.
    const o = /^\s*(?:fuente|source|medio|outlet|publicado en|published in)\s*:\s*(.{2,200})$/i.exec(l);
    const bare = /^\s*(https?:\/\/\S+)\s*$/i.exec(l);
    const said = (o?.[1] ?? bare?.[1])?.trim();
    if (!outlet && said) outlet = hostOf(said) ?? said;
    // A short line that is a date ("12 de marzo de 2025", "Date: 3 May 2024"); not a table's row ("No. | Name |
    // Sentence (10.07.2024)"), whose dates are its cells'.
    const d = /^\s*(?:fecha|date|publicado|published)?\s*:?\s*(.{4,80})$/i.exec(l);
    if (d && !published && !/\|.*\|/.test(l) && !TRANSCRIBED.test(l) && !DAY_SEPARATOR.test(l))
      published = dateFrom(d[1]!) ?? headDate([d[1]!]);
    // A label inside a header line: "Lugar: Atoyac de Álvarez, Guerrero. Fecha: sábado 17 de junio de 2023."
    const labelled = /(?:^|[.;|·]\s+)(?:fecha|date)\s*:\s*([^;|·]{4,60}?)\.?\s*(?:[;|·]|$)/iu.exec(l);
    if (labelled && !published) published = dateFrom(labelled[1]!) ?? headDate([labelled[1]!]);
  }
  published ??= copiedOn(lines) ?? scheduledOn(lines) ?? transcribedOn(lines) ?? separatorDay(lines);
  // A dateline running into the lead ("HARARE, 16 August 2024 – …"), a ruling's act formula, a wire dateline
  // without its year ("Malabo, 27 feb (EFE).-"), a report's month ("Report, September 2025").
  published ??= datedByText(text) ?? presentedOn(lines);
  // Last: the day the text says it was itself held, prepared or recorded (made-on-head.ts).
  published ??= madeOn(lines);
  // Then the day its head line closes on (head-dateline.ts).
  published ??= headDateline(lines);
  return { title, outlet: outlet ?? titleTail(title), author, published, text, comments: [] };
}
