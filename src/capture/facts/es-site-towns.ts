/**
 * A Spanish lower-case site named by its town, the town after the noun ("la cárcel de Temuco", "la
 * comisaría central de Bata", "el penal de mujeres de Alto Comedero", "la región de Amhara"): the
 * Spanish side of `siteAfterTown` (site-towns.ts, "Niamey civil prison"). The rules read the town alone;
 * the gold writes the site's phrase, with the town as a form (guide §5, D18) or without it.
 *
 * Counted at stop 43 over the Spanish development rounds (12 on, 63 and 65): 186 gold places are such a
 * phrase; the rules read the town and miss the phrase for 94 of them (74 texts, 29 rounds). Where the town
 * is never written alone (48): the phrase joins the town's entity as one more form, so the entry matches
 * whether the gold wrote the phrase, the town or both (11 phrases annotated alone were missed; 37 with the
 * town as a form were matched through it). Where the town is written alone too (46), the gold keeps the
 * phrase apart 25 times and as the town's form 19: left to a later rule (README, stop 43).
 */
import type { Fact } from './index.js';
import { fold } from './lexicon.js';

/** Nouns of a site, building, landmark or unit that Spanish names "de" its town. */
const ES_SITE_NOUN = [
  'c[aá]rcel|prisi[oó]n|penal|penitenciar[ií]a|comisar[ií]a|cuartel|destacamento|fortaleza|presidio',
  'campo|campamento|centro|hospital|cl[ií]nica|dispensario|posta|aeropuerto|base|terminal|estaci[oó]n',
  'puerto|muelle|laguna|lago|represa|embalse|quebrada|sierra|ca[nñ][oó]n|valle|cerro|montes?|estrecho',
  'regi[oó]n|distrito|[oó]blast|wilaya|gobernaci[oó]n|alcald[ií]a|delegaci[oó]n|municipio|resguardo',
  'plaza|rotonda|glorieta|calzada|rambla|estadio|parroquia|mercado|escuela|liceo|fosa|portal',
].join('|');

/**
 * Right before a town's mention: the noun, up to two lower-case words or "de" and a lower-case word
 * ("pública", "de mujeres", "de refugiados"), then "de"/"del" — on the mention's line.
 */
const SITE_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{M}])((?:${ES_SITE_NOUN})(?:[ \u00a0]+(?:de[ \u00a0]+)?\p{Ll}[\p{Ll}\p{M}]*){0,2}?[ \u00a0]+(?:de|del)[ \u00a0]+)$`,
  'u',
);
/** Words the noun's adjectives may not be: a joining word or an article ends the site's phrase. */
const NOT_ADJECTIVE = /^(?:y|o|en|a|al|con|por|para|que|la|el|los|las|un|una|su|sus|se)$/u;

/** The site a town's mention closes ("cárcel pública de Bata" for "Bata"), or undefined. */
export function siteBeforeTown(
  text: string,
  mention: { start: number; end: number; text: string },
): { start: number; end: number; text: string } | undefined {
  if (!/^\p{Lu}/u.test(mention.text)) return undefined;
  const before = SITE_BEFORE.exec(text.slice(Math.max(0, mention.start - 60), mention.start));
  if (!before) return undefined;
  const words = before[1]!.trim().split(/\s+/u).slice(1, -1);
  if (words.some((w) => w !== 'de' && NOT_ADJECTIVE.test(w))) return undefined;
  const start = mention.start - before[1]!.length;
  return { start, end: mention.end, text: text.slice(start, mention.end) };
}

/** Every name a place fact is written in, folded. */
const namesOf = (f: Fact) =>
  [f.value, ...(f.mentions ?? [f]).map((m) => m.text)].map((n) => fold(n.replace(/\s+/g, ' ')));

/**
 * The place facts, the site phrase a town's mentions close added to the town's mentions where every
 * mention of the town stands in such a phrase (the town never written alone) and no other place of the
 * text is named by the phrase. Facts are changed in place; the list is returned.
 */
export function withSitesBeforeTowns(text: string, facts: Fact[]): Fact[] {
  const places = facts.filter((f) => f.kind === 'place');
  if (!places.length) return facts;
  const taken = new Set(places.flatMap(namesOf));
  for (const f of places) {
    const mentions = f.mentions ?? [{ start: f.start, end: f.end, text: f.text }];
    const sites = mentions.map((m) => siteBeforeTown(text, m));
    // The town written alone somewhere: the gold keeps the site apart or not, with no mark to tell.
    if (sites.some((s) => !s) || (f.mentions ?? []).length === 0) continue;
    const added = sites.filter((s) => s && !taken.has(fold(s.text.replace(/\s+/g, ' '))));
    if (!added.length) continue;
    f.mentions = [...mentions, ...(added as NonNullable<(typeof sites)[number]>[])].sort(
      (a, b) => a.start - b.start || b.end - a.end,
    );
  }
  return facts;
}
