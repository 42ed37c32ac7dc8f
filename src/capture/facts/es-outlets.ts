/**
 * A news outlet the rules read as a town after "en" ("Salió en El Carabobeño", "dicen en Ecuavisa y en
 * Teleamazonas", "Lo leí en Clarín"): in Spanish the outlet and the town take the same preposition, and
 * an unknown capitalized name after "en" reads as a place. What tells them apart is the clause: a word
 * of publishing or telling before "en" (salió, publicó, leí, dijo, la nota, el artículo) or a media noun
 * before the name ("el periódico Granma", "el noticiero de Caracol"). Counted at stop 42 over the
 * Spanish development rounds (README "Spanish organizations, stop 42"): 27 missed organizations the
 * rules gave as places, 14 of them after such a cue, in 12 rounds and 12 texts, mostly chats.
 * Only a weak reading becomes the outlet (a run of capitalized words or a town read in context), never
 * a place the gazetteer knows: "dijo en Ginebra" keeps Geneva.
 */
import type { EntityMention } from './entities.js';
import { lookupPlace } from './places.js';

/** Readings of the rules a clause may overturn: a bare capitalized run, a town read by its context. */
const WEAK = new Set(['run', 'town-in-context']);

/**
 * A word of publishing or telling, then up to three words, then "en" right before the name:
 * "Salió la nota en", "salió otra vez en", "lo que dicen en", "dijo en", "Nota de ayer en". Not across
 * "que": "me dijeron que lo enterraron en La Peste" tells where, not who.
 */
const TOLD_IN =
  /(?:^|[^\p{L}])(?:sali[óo]|salieron|sale|publica(?:ron|do|da|n)?|public[óo]|le[íi]|leímos|dijo|dijeron|dicen|dice|contó|informó|informa|reportó|transmiti[óo]|nota|notas|artículo|columna|reportaje|entrevista)(?:\s+(?!que\b)[\p{L}\p{M}\p{N}]+){0,3}\s+en\s+$/iu;
/** A media noun right before the name: "el periódico Granma", "la revista Hoy" — even a known place's name. */
const MEDIA_BEFORE =
  /(?:^|[^\p{L}])(?:peri[óo]dico|diario|revista|semanario|noticiero|telediario|emisora)\s+$/iu;
/** "el noticiero de Caracol": an unknown name only ("el diario de Cartagena" is the town's). */
const MEDIA_OF = /(?:^|[^\p{L}])(?:noticiero|telediario)\s+de\s+$/iu;
/** "en Caracol dijeron": the outlet as the place things were said, the verb after it. */
const TOLD_AFTER = /^\s+(?:dijeron|dicen|dijo|sacaron|publicó|publicaron|informó|pasaron)(?![\p{L}])/iu;
/** "en NTN24 y en El Carabobeño": a second outlet coordinated with the first. */
const AND_IN = /^\s+(?:y|o)\s+en\s+$/u;

const CLAUSE = 60;

/** The clause before a name, back to the last full stop, colon or line break (at most CLAUSE characters). */
function clauseBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - CLAUSE), start);
  return ` ${before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n'), before.lastIndexOf(':')) + 1)}`;
}

const weakPlace = (e: EntityMention) => e.kind === 'place' && WEAK.has(e.rule ?? '');

/**
 * The entities with each unknown weak place after a cue of publishing turned into an organization,
 * and the place coordinated after it ("y en …") too. Spanish texts only: the cues are Spanish words.
 */
export function outletsReadAsPlaces(text: string, entities: readonly EntityMention[]): EntityMention[] {
  const out = [...entities];
  let previous: EntityMention | undefined;
  for (let i = 0; i < out.length; i++) {
    const e = out[i];
    if (weakPlace(e)) {
      const clause = clauseBefore(text, e.start);
      const cued =
        MEDIA_BEFORE.test(clause) ||
        (lookupPlace(e.text) === undefined &&
          (TOLD_IN.test(clause) ||
            MEDIA_OF.test(clause) ||
            TOLD_AFTER.test(text.slice(e.end, e.end + 20)) ||
            (previous !== undefined && AND_IN.test(text.slice(previous.end, e.start)))));
      if (cued) {
        const outlet: EntityMention = {
          kind: 'organization',
          start: e.start,
          end: e.end,
          text: e.text,
          value: e.value,
          unitKind: 'other',
          rule: 'outlet',
        };
        out[i] = outlet;
        previous = outlet;
        continue;
      }
    }
    previous = e.kind === 'organization' ? e : undefined;
  }
  return out;
}

/**
 * A television channel named by its number ("camarógrafo de Canal 36", "lo vimos por el Canal 8"):
 * capitalized "Canal" and a number is no waterway and no town. Counted at stop 42 over the Spanish
 * development rounds: 6 of 6 written were gold organizations the rules missed (6 rounds, 6 texts).
 */
const NUMBERED_CHANNEL = /(?<![\p{L}\p{N}])Canal\s+\d{1,3}(?![\p{L}\p{N}])/gu;

/** The entities with each numbered channel no rule read added as an organization, in text order. */
export function withNumberedChannels(text: string, entities: readonly EntityMention[]): EntityMention[] {
  const added: EntityMention[] = [];
  for (const m of text.matchAll(NUMBERED_CHANNEL)) {
    const start = m.index;
    const end = start + m[0].length;
    if (entities.some((e) => e.start < end && start < e.end)) continue;
    const name = m[0].replace(/\s+/g, ' ');
    added.push({
      kind: 'organization',
      start,
      end,
      text: m[0],
      value: name,
      unitKind: 'other',
      rule: 'numbered-channel',
    });
  }
  return added.length ? [...entities, ...added].sort((a, b) => a.start - b.start) : [...entities];
}
