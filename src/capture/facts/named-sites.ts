/**
 * A site named by a name and a lower-case noun, after a word of place ("at the Tugu monument", "near
 * the Al-Qahira castle", "to the Ngaliema clinic", "on Bolotnaya embankment", "blocking Chamran
 * highway"), where no rule and no tagger read anything: a place (guide §5: named sites and buildings,
 * D18). Counted at stop 42 in the English development texts: of such phrases nobody read, after a
 * preposition, 33 are gold places (whole, or the town alone once), 5 not — a people's word ("the
 * Lebanese border town", "the Fulani quarter", "the Catholic chapel") and a family's house, which the
 * checks below refuse. Read after the tagger, so its features do not change.
 */
import type { EntityMention } from './entities.js';
import { isEnglishMonthName, SITE_NOUNS } from './lexicon.js';
import { localityAt } from './places.js';
import { SpanIndex } from './span-index.js';
import { isPeoplesWord } from './world.js';

/** A word of a name: "Myasnikyan", "Al-Qahira", "Nord-Ost", "St.", "Jude's", "TV" (a full stop only after a short title). */
const WORD = String.raw`(?:(?:St|Mt|Ft)\.|(?:(?:al|el|an|as|ad|ash)-)?\p{Lu}[\p{L}\p{M}'’-]*)`;
/** Words of place before it ("at the", "near the", "on", "blocking"). */
const CUE =
  '(?:at|around|near|by|from|in|on|to|into|inside|outside|opposite|behind|beside|towards?|past|about|after|of|facing|blocking)';
/**
 * A cue, a name and a site noun of the shared list (lexicon.ts). Not a unit's noun ("district",
 * "region"), which site-towns.ts adds: after a word of place a unit's name is read by the gazetteers
 * and the cue rules, and "the Lebanese border town" names no place.
 */
const SITE = new RegExp(
  String.raw`\b${CUE}\s+(?:the\s+(?:(?:old|former|new)\s+)?)?(${WORD}(?:\s+${WORD}){0,3})(\s+(?:\p{Ll}+\s+)?(?:${SITE_NOUNS}))(?![\p{L}\p{M}\d'’-])`,
  'gu',
);
/**
 * A numbered settlement, street, camp or block ("Village 22", "Street 93", "camp 14", "Block 32",
 * "Highway 66", "Mile 68", "KM4", "Section 209", "Ward 7", "Branch 215", "plot 301"): places in the
 * English development gold wherever nothing read them (16 of 16 in 11 texts of 10 rounds); not a
 * lower-case block, ward, cell or section (a prison's part or a law's: guide D22, none of 14 a gold
 * place), nor a court's branch ("Regional Trial Court, Branch 221").
 */
const NUMBERED =
  /(?<![\p{L}\p{M}\d'’-])(?:(?:Village|Street|Block|Ward|Highway|Route|Mile|Section|Branch)\s+|camp\s+|plot\s+|KM\s*)\d{1,4}(?![\p{L}\d]|[.,]\d)/gu;
/** A court's or a tribunal's branch ("Court's Branch 26", "Branch 15 of the Revolutionary Court"): no site. */
const COURT_BEFORE = /(?:Court|Court['’]s|RTC|Tribunal)[,\s]*$/u;
const COURT_AFTER = /^\s+of\s+(?:the\s+)?\p{Lu}[^.\n]{0,40}?(?:Court|Tribunal)/u;

export function namedSites(
  text: string,
  entities: readonly { start: number; end: number }[],
): EntityMention[] {
  if (!/\p{Lu}/u.test(text)) return [];
  const taken = new SpanIndex(entities);
  const out: EntityMention[] = [];
  for (const m of text.matchAll(SITE)) {
    const name = m[1]!;
    const tail = m[2]!;
    if (/\bfamily\s/u.test(tail)) continue;
    const first = name.split(/\s+/u)[0]!;
    // A people's or a faith's word is no name ("the Lebanese border town", "the Catholic chapel"), nor
    // a month closing a date's name ("the 6th of October bridge": the date opens the name, not the cue).
    if (isPeoplesWord(first) || isEnglishMonthName(first)) continue;
    const end = m.index! + m[0].length;
    const start = end - tail.length - name.length;
    if (taken.someOverlapping(start, end)) continue;
    out.push({ ...localityAt(text, start, end), rule: 'named-site' });
  }
  for (const m of text.matchAll(NUMBERED)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (taken.someOverlapping(start, end)) continue;
    if (
      m[0].startsWith('Branch') &&
      (COURT_BEFORE.test(text.slice(Math.max(0, start - 30), start)) ||
        COURT_AFTER.test(text.slice(end, end + 60)))
    )
      continue;
    out.push({ ...localityAt(text, start, end), rule: 'named-site' });
  }
  return out.sort((a, b) => a.start - b.start);
}
