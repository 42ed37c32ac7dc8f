/**
 * A body named by its remits runs on over a comma list: "Ministerio de Asuntos Exteriores, Unión Europea
 * y Cooperación", "Ministry of Justice, Legal and Parliamentary Affairs", "Comisión para el Acceso a la
 * Verdad, el Esclarecimiento Histórico y el Impulso a la Justicia". The name-span rules stop at the first
 * comma, leaving the body cut and its remits read as bodies of their own ("Unión Europea",
 * "Cooperación"). Counted at stop 43 (README "Organizations, stop 43"): 24 such lists after a ministry,
 * commission, court or directorate in the development rounds and rounds 67, 69, 22 of them one gold name.
 *
 * A list of bodies is not a list of remits: its last member is a body ("Ministerio de Defensa, Policía
 * Nacional y Ejército"), its members carry names of their own ("Dirección General de Búsqueda de Personas
 * Desaparecidas"), or they are persons or places ("Court of Bamako Amadou Guindo, Seydou Togo and …").
 */
import type { EntityMention } from './entities.js';
import { fold, GIVEN_NAMES } from './lexicon.js';
import { ORG_WORDS } from './orgs.js';

const CAP = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
const LINK = '(?:de|del|contra|a|la|el|en|las|los|sobre|of|for|the|on|against)';
/** One remit: a capitalized phrase of up to five words, an article before it ("el Patrimonio"). */
const ITEM = String.raw`(?:(?:el|la|los|las|the)\s+)?${CAP}(?:[ \t]+(?:${LINK}[ \t]+)*${CAP}){0,4}`;
/** ", Unión Europea y Cooperación" right after the name: one comma or more, then the last remit after "y"/"and". */
const REMITS = new RegExp(
  String.raw`^((?:,[ \t]+${ITEM})+),?[ \t]+(?:y|e|and|&)[ \t]+(${ITEM})(?![\p{L}\p{M}\p{N}])`,
  'u',
);
/** The name ends on a remit of its own: "Ministerio de Asuntos Exteriores", "Ministry of the Interior". */
const OWN_REMIT = new RegExp(String.raw`\s(?:de|del|para|of|for|on)\s+${ITEM}$`, 'u');
/** A body's initials: "MTESS", "TRRC". */
const INITIALS = /^\p{Lu}[\p{Lu}\d.-]{1,9}$/u;
const PREPOSITION = /\s(?:de|del|of)\s/u;
/** The remits themselves name no body: they hold no body word ("Policía", "Tribunal"). */
const namesABody = (item: string) => item.split(/\s+/).some((w) => ORG_WORDS.has(fold(w)));

/** The end of the remit list after an organization's name, or undefined when none follows. */
export function remitListEnd(text: string, org: { end: number; text: string }): number | undefined {
  if (!OWN_REMIT.test(org.text)) return undefined;
  const m = REMITS.exec(text.slice(org.end, org.end + 200));
  if (!m) return undefined;
  const middle = m[1]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const last = m[2]!;
  if (namesABody(last)) return undefined;
  // "UN Group of Experts, Zaida Catalán and Michael Sharp": persons, not remits.
  if (
    [...middle, last].some((s) =>
      GIVEN_NAMES.has(fold(s.replace(/^(?:el|la|los|las|the)\s+/i, '').split(/\s+/)[0]!)),
    )
  )
    return undefined;
  // "Unión Europea" may sit among remits; "Dirección General de Búsqueda de …" is a body of its own.
  if (middle.some((s) => namesABody(s) && PREPOSITION.test(` ${s} `))) return undefined;
  return org.end + m[0].length;
}

/**
 * The rules' organizations run on over their remit lists; the bodies and persons read inside the
 * longer name are dropped (places inside it stay: a place inside an organization's name is a place).
 */
export function withRemitLists(text: string, entities: EntityMention[]): EntityMention[] {
  const grown = new Map<EntityMention, EntityMention>();
  for (const e of entities) {
    if (e.kind !== 'organization') continue;
    const end = remitListEnd(text, e);
    if (end === undefined) continue;
    // Places, or persons, read among the remits or ending the name: a list of names, not of remits
    // ("Court of Bamako Amadou Guindo, Seydou Togo and …"). One person is a misread remit ("Parliamentary Affairs").
    const among = entities.filter((o) => o.kind !== 'organization' && o.start >= e.end - 1 && o.start < end);
    const endsOnPlace = entities.some((o) => o.kind === 'place' && o.end === e.end && o.start > e.start);
    if (endsOnPlace || among.some((o) => o.kind === 'place') || among.length > 1) continue;
    const t = text.slice(e.start, end);
    grown.set(e, { ...e, end, text: t, value: t.replace(/\s+/g, ' '), rule: 'remit-list' });
  }
  if (!grown.size) return entities;
  const longer = [...grown.values()];
  // The values of the cut readings: an acronym the rules tied to one ("MTESS" to "Empleo y Seguridad
  // Social (MTESS)") is the longer name's.
  const renamed = new Map<string, string>();
  const out: EntityMention[] = [];
  for (const e of entities) {
    const g = grown.get(e);
    if (g) {
      renamed.set(fold(e.value), g.value);
      out.push(g);
    } else if (e.kind === 'place') out.push(e);
    else {
      const over = longer.find((l) => l.start <= e.start && e.start < l.end);
      if (!over) out.push(e);
      else if (e.kind === 'organization') renamed.set(fold(e.value), over.value);
      if (over && e.end > over.end) {
        // "…, la Reconciliación y las Reparaciones (TRRC)": the last remit's span holds the body's
        // initials; they stay, a form of the longer name.
        const m = /^\s*\(([^()]+)\)$/u.exec(text.slice(over.end, e.end));
        if (!m || !INITIALS.test(m[1]!)) continue;
        const start = e.end - 1 - m[1]!.length;
        out.push({ ...e, start, end: e.end - 1, text: m[1]!, value: over.value });
      }
    }
  }
  return out.map((e) =>
    e.kind === 'organization' && INITIALS.test(e.text) && renamed.has(fold(e.value))
      ? { ...e, value: renamed.get(fold(e.value))! }
      : e,
  );
}

/**
 * "Ministerio de Asuntos Exteriores, Unión Europea y Cooperación" … "el registro del Ministerio de Asuntos
 * Exteriores": the name cut at its first remit, elsewhere in the text, is the same body (after the tagger,
 * which reads no values). One entity, not a second one the documenter must merge.
 */
export function withRemitShortForms(entities: EntityMention[]): EntityMention[] {
  const long = new Map<string, string>();
  for (const e of entities) {
    if (e.kind !== 'organization') continue;
    const cut = e.value.split(',')[0]!;
    if (cut.length < e.value.length && OWN_REMIT.test(cut) && REMITS.test(e.value.slice(cut.length)))
      long.set(fold(cut.trim()), e.value);
  }
  if (!long.size) return entities;
  return entities.map((e) =>
    e.kind === 'organization' && long.has(fold(e.value)) ? { ...e, value: long.get(fold(e.value))! } : e,
  );
}
