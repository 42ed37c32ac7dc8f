/**
 * An armed group or corps written as a common noun, in lower case, after an article: "los talibanes",
 * "los jemeres rojos", "los antibalaka", "los peshmerga", "los llamados sinchis", "the zaptié". The
 * GUIDE counts them (§6: a group named by its members; a lower-case unit or corps name), but no
 * capitalized run holds them, so neither the rules nor the tagger read them. Counted at stop 43
 * (README "Organizations, stop 43"): every lower-case use of these words after an article in the
 * development rounds and rounds 67, 69 is a gold organization — 9 missed, in 9 texts of 6 rounds
 * (20, 39, 54, 67, 69 and 43), none against. An attributive use ("anti-balaka militias", "un gobierno
 * talibán") has no article before the noun and is left alone.
 */
import type { EntityMention } from './entities.js';
import { KNOWN_ORGS } from './lexicon.js';
import { SpanIndex } from './span-index.js';

/** Groups known by their members' plural, folded (one spelling a line of the world's press). */
const GROUPS = [
  'talibanes',
  'jemeres rojos',
  'antibalaka',
  'anti-balaka',
  'peshmerga',
  'peshmergas',
  'sinchis',
  'zaptie',
  'yanyauid',
  'janjaweed',
  'interahamwe',
  'kaibiles',
  'muyahidines',
  'razakars',
];
/** An article or a "so-called" right before the noun. */
const BEFORE = /(?:^|[^\p{L}])(?:los|las|the|unos|llamados|so-called|called)\s+$/iu;
const WORD = new RegExp(
  String.raw`(?<![\p{L}\p{M}-])(?:${GROUPS.map((g) => g.replace(/ /g, '\\s+')).join('|')})(?![\p{L}\p{M}-])`,
  'gu',
);

/** The lower-case groups of `text` no span of `taken` overlaps (searched with accents off, offsets kept). */
export function bareGroups(text: string, taken: readonly { start: number; end: number }[]): EntityMention[] {
  const haystack = stripAccents(text);
  const index = new SpanIndex([...taken]);
  const out: EntityMention[] = [];
  for (const m of haystack.matchAll(WORD)) {
    const start = m.index!;
    const end = start + m[0].length;
    const written = text.slice(start, end);
    // Lower case only: a capitalized name is the rules' and the tagger's to read.
    if (written !== written.toLowerCase()) continue;
    if (!BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
    if (index.someOverlapping(start, end)) continue;
    const known = KNOWN_ORGS.get(m[0].replace(/[^a-z]+/g, ' ').trim());
    out.push({
      kind: 'organization',
      start,
      end,
      text: written,
      value: known?.name ?? written.replace(/\s+/g, ' '),
      rule: 'bare-group',
    });
  }
  return out;
}

/**
 * Accents off, one character for one: "zaptié" → "zaptie" (the offsets stay the text's). ASCII is its own
 * base and is copied whole; each other character is decomposed once per process (a 300 KB text has a few
 * hundred distinct ones, and decomposing every character of it cost a seventieth of its extraction).
 */
function stripAccents(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    if (text.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    // One character as the string's iterator reads it: a surrogate pair whole, a lone surrogate alone.
    const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + width);
    const base = baseOf(ch);
    if (base !== ch) {
      out += text.slice(copied, i) + base;
      copied = i + width;
    }
    i += width;
  }
  return copied ? out + text.slice(copied) : text;
}

const BASES = new Map<string, string>();
function baseOf(ch: string): string {
  let base = BASES.get(ch);
  if (base === undefined) {
    const stripped = ch.normalize('NFD').replace(/\p{M}+/gu, '');
    base = stripped.length === ch.length ? stripped : ch;
    BASES.set(ch, base);
  }
  return base;
}
