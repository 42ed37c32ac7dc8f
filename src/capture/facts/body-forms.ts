/**
 * Short forms of a body the text also names in full, tied to it after the tagger (the last pass on
 * organizations' values): a second entity for one body is a false positive and leaves the documenter
 * two bodies. Counted at stop 44 over the development rounds (HISTORY.md, "Organizations on new
 * writers"): 294 organizations split in two or more entities, in 40 rounds. The classes tied here:
 * - the body's head word alone, "the Court", "the Archive", "the Circle", "el Ministerio": the one
 *   body of the text whose name holds that word (GUIDE §6: a body and its chamber are one entry);
 * - the name's first words, its last word(s) a place or a body word ("Radio Moto" of "Radio Moto
 *   Butembo", "Union Carbide" of "Union Carbide Corporation"), which pairShortForms leaves apart
 *   because a capitalised word goes on ("Asamblea Nacional" is not the "Asamblea Nacional Constituyente");
 * - the name's last words after words of its own ("Tierra y Memoria" of "Colectivo Arqueológico Tierra y
 *   Memoria", "Viasna" of "Centro de Derechos Humanos Viasna", "Ombudsman" of "Greek Ombudsman"), not a
 *   body named as the owner after "of"/"de" ("Policía Nacional" of "Departamento … de la Policía Nacional");
 * - "Red Cross" / "Cruz Roja" alone where the text names the ICRC (GUIDE §6: "the Red Cross" is the ICRC);
 * - "Komnas HAM" and Indonesia's National Commission on Human Rights, its translation;
 * - a chamber named by its role or rank ("Trial Chamber II", "Grand Chamber", "Sala de Primera Instancia")
 *   and the text's one court, or its one international court (GUIDE §6; 16 gold entries hold the chamber
 *   with its court, 2 alone, rounds 12–74);
 * - a press office alone and the body its signature names beside it (25 gold entries hold a press office
 *   with its body, 4 alone).
 */
import type { EntityMention } from './entities.js';
import { fold } from './lexicon.js';
import { ORG_WORDS } from './orgs.js';
import { lookupPlace } from './places.js';

const CONNECTORS = new Set('of the for on and de del la las los y e para el en in'.split(' '));
/** Words that end a medium's or a firm's name after its proper words ("Radio Moto FM", "Golden Loom Textiles"). */
const NAME_ENDS = new Set(
  'fm am radio tv textiles leasing corporation company inc ltd university'.split(' '),
);
const ICRC = /^(?:icrc|cicr|international committee of the red cross|comite internacional de la cruz roja)\b/;
const RED_CROSS = /^(?:cruz roja|red cross)$/;
const KOMNAS = /^komnas ham$/;
const NATIONAL_COMMISSION =
  /^(?:(?:indonesia'?s |indonesian )?national commission on human rights|comision nacional de (?:los )?derechos humanos(?: de indonesia)?)$/;

/** A court's chamber named by its role or rank ("Trial Chamber II", "Grand Chamber", "Second Section", "Gran Sala"). */
const CHAMBER =
  /^(?:(?:pre-?trial|trial|appeals?|grand|supreme court|first|second|third|fourth|fifth) (?:chamber|section)|gran sala|sala de (?:primera instancia|apelaciones|cuestiones preliminares)|seccion (?:primera|segunda|tercera|cuarta|quinta))(?: [ivx]+| \d+)?$/;
const COURT_WORDS = new Set(
  'court courts tribunal corte cour chambers salas jurisdiction jurisdiccion'.split(' '),
);
/**
 * A chamber named alone or by its remit ("the Chamber", "la Sala", "Chamber for the Acknowledgment of Truth",
 * "Sala de Reconocimiento de Verdad"), tied like a CHAMBER to the text's one court or jurisdiction (GUIDE §6).
 * Counted at stop 49 on the development rounds: 13 such chambers split from their court or left alone in 7
 * rounds (30, 52, 72, 78, 91, 92, 94). Not "Chamber of …" ("Chamber of Commerce", "of Deputies") nor "Sala de
 * lo …" (a heading's sala, SALA below).
 */
const CHAMBER_BY_REMIT = /^(?:chamber|sala|chamber for .+|sala de (?!lo )(?!prensa\b).+)$/;
/**
 * A Spanish court's chamber named alone ("Sala Penal", "Décima Sala", "Sala de lo Contencioso-Administrativo",
 * "Sala II"): one entry with its court (GUIDE §6; 19 gold entries hold a sala with its court, rounds 14–78,
 * 7 hold one alone). Tied only to the court a ruling's heading writes right above it: the text's one court
 * would also tie "Sala Constitucional" to a lower court it reviews (2 of 7 alone broken, stop 45).
 */
const SALA =
  /^(?:(?:primera|segunda|tercera|cuarta|quinta|sexta|septima|octava|novena|decima) )?sala(?: (?:[ivx]+|penal|civil|laboral|constitucional|de lo [a-z-]+|de justicia y paz))?$/;
const SALA_COURT_WORDS = new Set([...COURT_WORDS, 'camara', 'audiencia']);
/** Words of an international court's name, which holds such chambers. */
const INTERNATIONAL = new Set(
  'international internacional european europeo special especial extraordinary extraordinarias'.split(' '),
);

/** A body's press office named alone ("Dirección de Relaciones Públicas", "Press Service Department"). */
const PRESS_OFFICE =
  /^(?:(?:direccion|oficina|departamento|gabinete|unidad|jefatura) (?:de |del )?(?:relaciones publicas|comunicacion|comunicaciones|prensa|informacion)(?: social| institucional| estrategicas| y comunicacion)?|(?:press|public relations|communications?|media)(?: service)? (?:office|department|unit|division|bureau))$/;

const bare = (value: string) => value.replace(/\s*\([^)]*\)$/, '');
const wordsOf = (value: string) =>
  fold(bare(value))
    .split(/[\s'’]+/)
    .filter(Boolean);

export interface Body {
  value: string;
  words: string[];
  raw: string[];
}

/** Whether `short` opens `long` and what follows in `long` is a place or a word names end with. */
export function opens(short: string[], long: Body): boolean {
  if (long.words.length <= short.length || !short.every((w, i) => long.words[i] === w)) return false;
  const rest = long.raw.slice(short.length);
  const next = fold(rest[0] ?? '');
  if (CONNECTORS.has(next)) return short.length > 1;
  return ORG_WORDS.has(next) || NAME_ENDS.has(next) || lookupPlace(rest.join(' ')) !== undefined;
}

/** Whether `short` closes `long` after words of its own (not after "of"/"de": an owner, a remit). */
export function closes(short: string[], long: Body): boolean {
  const k = long.words.length - short.length;
  if (k <= 0 || !short.every((w, i) => long.words[k + i] === w)) return false;
  return !CONNECTORS.has(long.words[k - 1]!);
}

/** The longest of `names` when each of them is words of it, else undefined. */
function oneBody(names: Body[]): Body | undefined {
  if (!names.length) return undefined;
  const longest = names.reduce((a, b) => (b.words.length > a.words.length ? b : a));
  const inside = (a: string[]) => ` ${longest.words.join(' ')} `.includes(` ${a.join(' ')} `);
  return names.every((n) => inside(n.words)) ? longest : undefined;
}

/** The value each organization's value is tied to, if any. */
function tiesOf(
  bodies: Body[],
  signedFor: ReadonlyMap<string, string>,
  headedBy: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const ties = new Map<string, string>();
  const icrc = bodies.find((b) => ICRC.test(b.words.join(' ')));
  const commission = bodies.find((b) => NATIONAL_COMMISSION.test(b.words.join(' ')));
  const courts = bodies.filter(
    (b) =>
      b.words.some((w) => COURT_WORDS.has(w)) &&
      !CHAMBER.test(b.words.join(' ')) &&
      !CHAMBER_BY_REMIT.test(b.words.join(' ')),
  );
  const international = courts.filter((b) => b.words.some((w) => INTERNATIONAL.has(w)));
  const court = courts.length === 1 ? courts[0] : international.length === 1 ? international[0] : undefined;
  for (const b of bodies) {
    const folded = b.words.join(' ');
    const issuer = PRESS_OFFICE.test(folded) ? signedFor.get(b.value) : undefined;
    if (issuer) {
      ties.set(b.value, issuer);
      continue;
    }
    const salaOf = SALA.test(folded) ? headedBy.get(b.value) : undefined;
    if (salaOf) {
      ties.set(b.value, salaOf);
      continue;
    }
    if (court && (CHAMBER.test(folded) || CHAMBER_BY_REMIT.test(folded))) {
      ties.set(b.value, court.value);
      continue;
    }
    if (icrc && RED_CROSS.test(folded)) {
      ties.set(b.value, icrc.value);
      continue;
    }
    if (commission && KOMNAS.test(folded)) {
      ties.set(b.value, commission.value);
      continue;
    }
    if (/^\p{Lu}{2,}$/u.test(bare(b.value))) continue; // acronyms: pairAcronyms' business
    const others = bodies.filter((o) => o !== b && o.words.length > b.words.length);
    // "the Court": the one body whose name holds the word (or names that are each part of the longest);
    // with two courts named, which one is meant is the reader's guess.
    const head = b.words.length === 1 && ORG_WORDS.has(b.words[0]!);
    const tie = oneBody(
      others.filter((o) => (head ? o.words.includes(b.words[0]!) : opens(b.words, o) || closes(b.words, o))),
    );
    if (tie) ties.set(b.value, tie.value);
  }
  return ties;
}

/** Only spaces and a separator between two names: "Dirección de Relaciones Públicas · Policía Nacional". */
const SIGNATURE_GAP = /^[\s·|,—–-]{1,6}$/u;

/**
 * Each press office's body where a signature writes them side by side ("Dirección de Comunicación Social
 * Comando de Operaciones de Defensa Interna", "Gabinete de Prensa · Ministerio de …"): the office alone
 * is the body that signs (GUIDE §6), and the body beside it is which one.
 */
function signatures(text: string, entities: readonly EntityMention[]): Map<string, string> {
  const orgs = entities.filter((e) => e.kind === 'organization').sort((a, b) => a.start - b.start);
  const out = new Map<string, string>();
  orgs.forEach((o, k) => {
    if (out.has(o.value) || !PRESS_OFFICE.test(wordsOf(o.value).join(' '))) return;
    const next = orgs[k + 1];
    const prev = orgs[k - 1];
    if (next && next.value !== o.value && SIGNATURE_GAP.test(text.slice(o.end, next.start)))
      out.set(o.value, next.value);
    else if (prev && prev.value !== o.value && SIGNATURE_GAP.test(text.slice(prev.end, o.start)))
      out.set(o.value, prev.value);
  });
  return out;
}

/** Each sala written right under a court's name, as a ruling's heading writes them ("AUDIENCIA NACIONAL / Sala de lo …"). */
function headings(text: string, entities: readonly EntityMention[]): Map<string, string> {
  const orgs = entities.filter((e) => e.kind === 'organization').sort((a, b) => a.start - b.start);
  const out = new Map<string, string>();
  orgs.forEach((o, k) => {
    const prev = orgs[k - 1];
    if (out.has(o.value) || !prev || prev.value === o.value || !SALA.test(wordsOf(o.value).join(' '))) return;
    if (!wordsOf(prev.value).some((w) => SALA_COURT_WORDS.has(w))) return;
    if (SIGNATURE_GAP.test(text.slice(prev.end, o.start))) out.set(o.value, prev.value);
  });
  return out;
}

/** The organizations of `entities` with their short forms' values set to the full name's (in place). */
export function withBodyForms(text: string, entities: EntityMention[]): EntityMention[] {
  const byValue = new Map<string, Body>();
  for (const e of entities) {
    if (e.kind !== 'organization') continue;
    const b = byValue.get(e.value) ?? { value: e.value, words: wordsOf(e.value), raw: [] };
    if (!b.raw.length)
      b.raw = bare(e.value)
        .split(/[\s'’]+/)
        .filter(Boolean);
    byValue.set(e.value, b);
  }
  if (byValue.size < 2) return entities;
  const ties = tiesOf(
    [...byValue.values()].filter((b) => b.words.length),
    signatures(text, entities),
    headings(text, entities),
  );
  if (!ties.size) return entities;
  const final = (v: string) => {
    for (let k = 0; k < 4 && ties.has(v); k++) v = ties.get(v)!;
    return v;
  };
  for (const e of entities) if (e.kind === 'organization' && ties.has(e.value)) e.value = final(e.value);
  return entities;
}
