/**
 * Institutions as sites and as bodies (guide §5 "Site vs actor", §6): a named university, hospital,
 * clinic, school, church, mosque, temple, parliament, court house, stadium, hotel or ministry is a place
 * where the text uses it as a site ("students gathered at the gate of Gaston Berger University",
 * "treated at the First University Clinic", "in front of the Parliament of Georgia", "frente al Ministerio
 * de Obras Públicas") and an organization where it acts ("the university said", "Parliament adopted").
 * The rules read such names as organizations; here each mention is judged by the words around it, so
 * one name can come out as both kinds when the text uses it both ways (the gold's dual annotation).
 * Pure: spans in, spans out.
 */
import type { EntityMention } from './entities.js';
import { columnAt, rowAt } from './tables.js';

/** A word of a name's head, whole: not inside another word ("Schoolhouse", "Hotelier"). */
const headWord = (alternatives: string) =>
  new RegExp(String.raw`(?<![\p{L}])(?:${alternatives})(?![\p{L}])`, 'u');
/**
 * Institutions that are bodies first, whose grounds a text may use as a site (universities, schools,
 * ministries): see `BODY_FIRST`.
 */
const BODY_FIRST_HEADS =
  'Universit(?:y|ies|é|i)|Universidad|Polytechnic|College|Colegio|Liceo|School|Escuela|Academy|Ministry|Ministerio';
/** Heads of a building whatever body it belongs to: see `BUILDING_HEAD`. */
const BUILDING_HEADS = String.raw`Hospital|Clinic|Cl[ií]nica|Infirmary|Church|Iglesia|Cathedral|Catedral|Chapel|Capilla|Parroquia|Basilica|Bas[ií]lica|Mosque|Mezquita|Temple|Templo|Synagogue|Sinagoga|Monastery|Stadium|Estadio|Hotel|Court\s*[Hh]ouse`;
/** Heads of a name that can stand for a building as well as a body: the two kinds and a legislature. */
const HEAD = headWord(
  String.raw`${BODY_FIRST_HEADS}|${BUILDING_HEADS}|Parliament|Parlamento|Congreso|Asamblea\s+(?:Nacional|Legislativa)`,
);

/**
 * A clinic or school that is a body by its kind ("Fako Legal Aid Clinic", "Minority Rights Legal Clinic",
 * "Medical Neutrality Clinic" in rounds 39, 40, 54): legal and rights clinics are NGOs, never sites here.
 */
const BODY_KIND = /\b(?:Legal|Law|Rights|Neutrality|Aid)\b/u;

/** Parts of a building and of its grounds: "the gate of", "los pasillos del". */
const PART_EN = String.raw`(?:gates?|steps|entrance|grounds|premises|compound|campus|doors?|walls?|roof|courtyard|car\s+park|parking\s+lot|lobby|corridors?|basement|fence|perimeter|rooftop|yard|wards?|morgue|mortuary)\s+of`;
/**
 * Place prepositions and verbs of place, motion, treatment and assault, before "at/to/in…" or the name.
 * "into", "towards", "around" only after motion: "an inquiry into the Ministry" is the body.
 */
const PREP_EN = String.raw`outside(?:\s+of)?|in\s+front\s+of|near(?:by)?|next\s+to|inside|across\s+from|opposite|behind|(?:drove|driven|ran|broke|burst|forced\s+(?:their|his|her)\s+way|went|moved|poured|came|walked|marched|headed|fled)\s+(?:into|towards?|around)`;
const VERB_EN = String.raw`(?:treated|admitted|hospitali[sz]ed|operated\s+on|born|taken|rushed|brought|transferred|referred|gathered|assembled|rallied|marched|protest(?:ed|ing)|camped|sheltered|sheltering|hid|hiding|trapped|barricaded|stayed|stood|met|meets|meet|meeting|sit-in|vigil|arrived|fled|escaped|evacuated)(?:\s+(?:there|again|later|first))?(?:\s+(?:at|to|in|into|outside|near|from|inside))`;
// "died at" the hospital, not "the bill died in Parliament".
const OBJECT_VERB_EN = String.raw`died\s+(?:at|outside|inside)|stormed|storming|entered|entering|occupied|occupying|besieged|surrounded|surrounding|attacked|raided|raiding|burned|burnt|torched|reached|took\s+over|taking\s+over|overran|shelled|bombed`;
const SITE_EN = new RegExp(
  String.raw`(?<![\p{L}])(?:${PART_EN}|${PREP_EN}|${VERB_EN}|${OBJECT_VERB_EN})\s+(?:the\s+)?$`,
  'iu',
);
const PART_ES = String.raw`(?:puertas?|port[oó]n|portones|entrada|escalinata|explanada|c[uú]pula|recinto|instalaciones|campus|patio|pasillos?|techo|fachada|interior|exterior|inmediaciones|alrededores|morgue|salas?)\s+(?:de|del)`;
const PREP_ES = String.raw`(?:frente|delante|fuera|afuera|dentro|cerca|alrededor)\s+(?:a|de)|junto\s+a|hasta|(?:march\w+|camin\w+|fue|fueron|fuimos|vamos|se\s+dirig\w+|avanz\w+|corri\w+|huy\w+)\s+hacia`;
// "llegó al Congreso" alone is where a bill or a letter goes too: only a march's arrival is a site.
const VERB_ES = String.raw`(?:atendid[oa]s?|internad[oa]s?|ingresad[oa]s?|hospitalizad[oa]s?|trasladad[oa]s?|llevad[oa]s?|operad[oa]s?|refugiad[oa]s?|reunid[oa]s?|concentrad[oa]s?|atrincherad[oa]s?|encerrad[oa]s?|muri[oó]|falleci[oó]|naci[oó]|(?:marcha|manifestaci[oó]n|caravana|columna|multitud|protesta)(?:\s+\S+){0,3}\s+lleg[oó]|llegaron|llegamos|marcharon|marchamos|entraron|entr[oó]|irrumpieron|ingresaron|se\s+refugi(?:[oó]|aron))(?:\s+ya)?\s+(?:en|a)`;
const OBJECT_VERB_ES = '(?:tomaron|ocuparon|asaltaron|incendiaron|quemaron|rodearon|atacaron)';
const SITE_ES = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:${PART_ES}|${PREP_ES}|${VERB_ES})(?:l|\s+la|\s+el|\s+las|\s+los)?|${OBJECT_VERB_ES}(?:\s+(?:el|la|los|las))?|(?:subieron|subi[oó])\s+a\s+la\s+c[uú]pula\s+del)\s+$`,
  'iu',
);
/** Building words after the name: "the Parliament building", "el edificio" is before it in Spanish. */
const BUILDING_AFTER =
  /^['’]?s?\s+(?:building|buildings|gates?|grounds|premises|compound|campus|steps|entrance|car\s+park)\b/iu;

/** Words before the name that make it the body: who works, studies or speaks for it. */
const BODY_BEFORE =
  /(?<![\p{L}])(?:(?:director|rector|dean|president|chancellor|vice-chancellor|professor|lecturer|spokes(?:man|woman|person)|staff|students?|pupils?|graduates?|alumni|members?|authorities|statement|letter|report|decision|order|vote|resolution)\s+(?:at|of|from|for|by)|according\s+to|studie[sd]\s+at|studying\s+at|works?\s+at|worked\s+at|teach(?:es)?\s+at|taught\s+at|attend(?:s|ed)?|enrolled\s+(?:at|in)|(?:director|rector|decano|presidente|vocero|portavoz|estudiantes?|alumn[oa]s?|profesor(?:a|es)?|miembros?|autoridades|comunicado|resoluci[oó]n|decisi[oó]n)\s+(?:de|del|de\s+la))\s+(?:the\s+)?$/iu;
/** Words after the name that make it the body: it speaks, decides or is owned of people. */
const BODY_AFTER =
  /^(?:['’]s?\s+(?!building|buildings|gates?|grounds|premises|compound|campus|steps|entrance|car\s+park|wards?|morgue)|,?\s+(?:which|that)\s+(?:said|says|stated|announced|confirmed|denied|issued|passed|adopted|voted)|\s+(?:has\s+|had\s+|have\s+)?(?:said|says|stated|announced|confirmed|denied|issued|released|published|passed|adopted|voted|approved|rejected|condemned|called|urged|expelled|suspended|dismissed|refused|declined|told|wrote|reported|decided|ordered|demanded|insisted|dijo|afirm[oó]|anunci[oó]|inform[oó]|aprob[oó]|rechaz[oó]|conden[oó]|deneg[oó]|neg[oó]|declar[oó]|emiti[oó]|expuls[oó]|suspendi[oó]|orden[oó]|pidi[oó]|exigi[oó])\b)/iu;

const siteBefore = (text: string, start: number) => {
  const before = text.slice(Math.max(0, start - 60), start);
  return SITE_EN.test(before) || SITE_ES.test(before);
};
const bodyAt = (text: string, m: EntityMention) =>
  BODY_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) ||
  BODY_AFTER.test(text.slice(m.end, m.end + 40));

/**
 * A table's column of where something happened or someone was taken ("where", "arrested at", "held at",
 * "Lugar de detención", "Trasladado a"): an institution in its cell is the site ("No. 2 Bridge, Chinese
 * University of Hong Kong" under "where", round 57).
 */
const SITE_COLUMN =
  /^(?:where|arrested\s+(?:at|in)|place(?:\s+of\s+(?:arrest|detention|incident))?|location|scene|held\s+(?:at|in)|taken\s+to|lugar(?:\s+de(?:\s+la)?\s+(?:detenci[oó]n|captura|los\s+hechos|aprehensi[oó]n))?|d[oó]nde|sitio|visto\s+en|detenid[oa]\s+en|trasladad[oa]\s+a)$/iu;
const inSiteColumn = (text: string, m: EntityMention) => {
  const at = rowAt(text, m.start);
  if (!at || at.row === at.table.header) return false;
  const header = at.table.header.cells[columnAt(text, at.table, at.row, m.start)];
  return header !== undefined && SITE_COLUMN.test(header.text);
};

/** Whether this organization mention names an institution that can be a building ("BSMMU" by its full name). */
const institution = (m: EntityMention) =>
  m.kind === 'organization' && (HEAD.test(m.text) || HEAD.test(m.value)) && !BODY_KIND.test(m.value);

/**
 * Institutions that are bodies first, whose grounds a text may use as a site (universities, schools,
 * ministries): a site mention is a place and the organization stays, one form for both (guide §5, rounds
 * 37, 44, 48: "Hong Kong Polytechnic University", Chibok's school). Older rounds annotate a university
 * "near"/"outside" which protesters gathered as the body only (rounds 8, 11): for these kinds a place
 * needs a part of the grounds or a verb of place, not mere nearness.
 */
const BODY_FIRST = headWord(BODY_FIRST_HEADS);
const NEARNESS =
  /(?<![\p{L}])(?:near(?:by)?|next\s+to|outside(?:\s+of)?|around|opposite|across\s+from|behind|(?:cerca|alrededor|fuera|afuera)\s+(?:de|a)|junto\s+a)(?:\s+(?:the|el|la|los|las))?\s+$|(?:cerca|alrededor|fuera|afuera)\s+del\s+$/iu;
/** A building's head, which makes the whole a building whatever body it belongs to ("Tokoin University Hospital"). */
const BUILDING_HEAD = headWord(BUILDING_HEADS);
/** A legislature: a bill or a case is "taken", "brought" or "referred" to it, which no site cue is. */
const LEGISLATURE = headWord('Parliament|Parlamento|Congreso|Asamblea');
const HANDED =
  /(?<![\p{L}])(?:taken|brought|referred|transferred|sent|llevad[oa]s?|trasladad[oa]s?)\s+(?:to|al|a)(?:\s+(?:the|la|el))?\s+$/iu;
const bodyFirst = (value: string) => BODY_FIRST.test(value) && !BUILDING_HEAD.test(value);
/**
 * "near the Gezira University hospital": a facility noun in lower case after the name makes the
 * institution its owner; the site is the facility, which the facility rules read.
 */
const OWNED_FACILITY = /^\s+(?:teaching\s+)?(?:hospital|clinic|hostel|dormitory|mosque|chapel|library)\b/u;

/**
 * The rules' organizations naming an institution, read as places where the words around make them a
 * site. A building's name (hospital, church, parliament) used only as a site becomes a place, each
 * mention, and the organization goes; where another mention acts as the body, only the site mentions
 * become places, under their own words ("Parliament" near which police waited, "Georgian Parliament"
 * that adopted a law). A body-first institution (`BODY_FIRST`) keeps its organization and gains a
 * place over each site mention.
 */
export function institutionSites(text: string, entities: readonly EntityMention[]): EntityMention[] {
  const site = new Set<EntityMention>();
  const body = new Set<EntityMention>();
  for (const m of entities) {
    if (!institution(m) || OWNED_FACILITY.test(text.slice(m.end, m.end + 30))) continue;
    const before = text.slice(Math.max(0, m.start - 60), m.start);
    const cued =
      (siteBefore(text, m.start) ||
        BUILDING_AFTER.test(text.slice(m.end, m.end + 30)) ||
        inSiteColumn(text, m)) &&
      !(bodyFirst(m.value) && NEARNESS.test(before)) &&
      !(LEGISLATURE.test(m.value) && HANDED.test(before));
    if (cued) site.add(m);
    else if (bodyAt(text, m)) body.add(m);
  }
  if (!site.size) return [...entities];
  const sited = new Set([...site].map((m) => m.value));
  const acting = new Set([...body].map((m) => m.value));
  const placeOf = (m: EntityMention, value: string): EntityMention => ({
    kind: 'place',
    start: m.start,
    end: m.end,
    text: m.text,
    value,
    place: { value, kind: 'locality' },
    rule: 'institution-site',
  });
  const out = entities.flatMap((m) => {
    if (!institution(m) || !sited.has(m.value)) return [m];
    if (bodyFirst(m.value)) return site.has(m) ? [m, placeOf(m, m.value)] : [m];
    const whole = !acting.has(m.value);
    if (!site.has(m) && !whole) return [m];
    return [placeOf(m, whole ? m.value : m.text.replace(/\s+/g, ' '))];
  });
  // "treated at the Tokoin University Hospital (CHU Tokoin)": the place in brackets after it is its short form.
  return out.map((e) => {
    if (e.kind !== 'place' || e.rule === 'institution-site') return e;
    const named = out.find(
      (p) =>
        p.rule === 'institution-site' && /^\s*\($/u.test(text.slice(p.end, e.start)) && text[e.end] === ')',
    );
    return named ? { ...e, value: named.value, place: { value: named.value, kind: 'locality' } } : e;
  });
}
