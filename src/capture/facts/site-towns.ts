/**
 * The town inside a site's name as a form of the site ("Kakuma camp" → "Kakuma", "Rebeuss prison" →
 * "Rebeuss", "Kariakoo market" → "Kariakoo", "la iglesia de Hialeah" → "Hialeah"): guide D18 and §5
 * make a lower-case prison, camp, hospital, market, river… named by its town one place entry, the
 * phrase first and the town a form, and many rounds give the town alone. Counted at stop 42 over our
 * English development sites "Name + lower-case noun" (README "Places, stop 42"): the gold holds the
 * town as a form of the site 73 times, the town alone 68, the site alone 62, two entries 23 — so the
 * town joins the site's entity as one more mention (its span inside the site's), never an entity of
 * its own: that would split the 73. Not where another place of the text already holds the town's
 * name (a town written alone, its own fact): the form would tie two entities to one name.
 *
 * The other way too: a town's mention the rules read alone, opening a lower-case site or unit
 * ("Niamey" of "Niamey civil prison", "Mogilev" of "Mogilev region"), takes the whole phrase as one
 * more form, so the entry matches whether the gold wrote the phrase, the town or both in one entry.
 */
import type { Fact } from './index.js';
import { fold, SITE_NOUNS } from './lexicon.js';

/** A capitalized word of a name: "Kakuma", "Croix-des-Bossales", "KP", "Mai". Not a possessive ("Karaman's"). */
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}-]*(?<!['’]s)`;
/** Words that join or open a phrase and so are no site noun: "Bay of Pigs", "Trinidad and Tobago". */
const NOT_NOUN = /^(?:of|and|or|de|del|y|the|la|el|for|in|on|at|to|from)$/u;
/**
 * English: a name, then one to three lower-case words closing the mention ("Kakuma refugee camp",
 * "Byculla women's prison", "Arghandab river").
 */
const EN_SITE = new RegExp(
  String.raw`^(?:the\s+)?(${NAME_WORD}(?:\s+${NAME_WORD}){0,2})((?:\s+\p{Ll}[\p{Ll}'’-]*){1,3})$`,
  'u',
);
/** Spanish: one to three lower-case words, "de"/"del" and a name ("iglesia de Santiago", "plaza de Lavapiés"). */
const ES_SITE = new RegExp(
  String.raw`^(?:(?:el|la|los|las)\s+)?((?:\p{Ll}[\p{Ll}\p{M}]*\s+){1,3}(?:de|del)\s+)((?:(?:El|La|Los|Las|San|Santa)\s+)?${NAME_WORD}(?:\s+(?:de\s+)?${NAME_WORD}){0,2})$`,
  'u',
);

/**
 * Nouns of a site or a unit a town's name opens in lower case ("Nicosia airport", "Niamey civil prison",
 * "Kyrenia district", "Mandura road", "Lekki toll gate"): places, the whole or the town (guide D18, §5).
 * Not a body's noun ("police", "court", "office", "government"): those name who acts.
 */
const SITE_NOUN = [
  SITE_NOUNS,
  // Units and settlements a town's name opens ("Mogilev region", "Kyrenia district", "Kakuma town"):
  // the town is the unit's name, so the phrase is one more form of it; no site, so not in the shared
  // list (named-sites.ts reads sites only).
  'district|region|province|county|prefecture|municipality|governorate|township|subdistrict',
  'village|hamlet|town|neighbou?rhood|estate|settlement',
].join('|');
/**
 * After a place's mention, on its line: up to two lower-case words and a site noun ("civil prison",
 * "college ground", "lake camp"), then no more of a name.
 */
const SITE_AFTER = new RegExp(
  String.raw`^[ \u00a0]+((?:\p{Ll}[\p{Ll}'’-]*[ \u00a0]+){0,2}?(?:${SITE_NOUN}))(?![\p{L}\d'’-])(?![ \u00a0]+\p{Lu})`,
  'u',
);

/** The town's [start, end) inside a mention of a site, or undefined when the mention is no such phrase. */
export function townInSite(mention: {
  start: number;
  text: string;
}): { start: number; end: number } | undefined {
  const en = EN_SITE.exec(mention.text);
  if (en) {
    const nouns = en[2]!.trim().split(/\s+/u);
    if (nouns.some((w) => NOT_NOUN.test(w))) return undefined;
    const start = mention.start + en[0].length - en[2]!.length - en[1]!.length;
    return { start, end: start + en[1]!.length };
  }
  const es = ES_SITE.exec(mention.text);
  if (es) {
    const nouns = es[1]!.trim().split(/\s+/u).slice(0, -1);
    if (nouns.some((w) => NOT_NOUN.test(w))) return undefined;
    const start = mention.start + es[0].length - es[2]!.length;
    return { start, end: start + es[2]!.length };
  }
  return undefined;
}

/** The site a town's mention opens in lower case ("Nicosia" of "Nicosia airport"), or undefined. */
export function siteAfterTown(
  text: string,
  mention: { start: number; end: number; text: string },
): { start: number; end: number; text: string } | undefined {
  if (!/^\p{Lu}/u.test(mention.text) || /\s\p{Ll}+$/u.test(mention.text)) return undefined;
  const after = SITE_AFTER.exec(text.slice(mention.end, mention.end + 60));
  if (!after || after[1]!.split(/\s+/u).some((w) => NOT_NOUN.test(w))) return undefined;
  const end = mention.end + after[0].length;
  return { start: mention.start, end, text: text.slice(mention.start, end) };
}

/**
 * The place facts, each site's town added to its mentions (in text order) where no other place fact
 * of the text names that town. Facts are changed in place (their mention lists); the list is returned.
 */
export function withSiteTowns(text: string, facts: Fact[]): Fact[] {
  const places = facts.filter((f) => f.kind === 'place');
  if (!places.length) return facts;
  const names = new Map<string, Set<Fact>>();
  for (const f of places)
    for (const n of [f.value, ...(f.mentions ?? [f]).map((m) => m.text)]) {
      const key = fold(n.replace(/\s+/g, ' '));
      const owners = names.get(key) ?? new Set();
      owners.add(f);
      names.set(key, owners);
    }
  for (const f of places) {
    const mentions = f.mentions ?? [{ start: f.start, end: f.end, text: f.text }];
    const added: { start: number; end: number; text: string }[] = [];
    for (const m of mentions) {
      const site = siteAfterTown(text, m);
      // "Niamey" of "Niamey civil prison": the whole phrase is one more form of the place, where no
      // other place of the text is named so.
      if (site && !names.has(fold(site.text.replace(/\s+/g, ' ')))) added.push(site);
      const town = townInSite(m);
      if (!town) continue;
      const name = text.slice(town.start, town.end);
      const key = fold(name.replace(/\s+/g, ' '));
      // Already a form of this site ("Evin" and "Evin prison"), or another place's name, also with its
      // article ("puente del Tarajal" beside "El Tarajal").
      if (['', 'el ', 'la ', 'los ', 'las ', 'the '].some((a) => names.has(a + key))) continue;
      added.push({ ...town, text: name });
    }
    if (!added.length) continue;
    f.mentions = [...mentions, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
  }
  return facts;
}
