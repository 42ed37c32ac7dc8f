/**
 * A chat member or e-mail correspondent named inside another message ("Mercy go to the hospital",
 * "Nairi, él manejaba…", "Irfan sahab, Sana,"): a person (guide § chats: "a sender named inside
 * another member's message is a person"). The sender label itself stays a source (senders.ts); its
 * first word, written again in the body, is the name, even where no rule or the tagger read it, or
 * read it as a place ("lo de Caro en Banfield"). Counted on the development rounds: 9 such names
 * missed in 8 rounds (12, 16, 17, 33, 50, 52, 61, 62), 3 in rounds 67 and 69. Pure apart from
 * mutating the facts handed in.
 */
import type { Fact } from './index.js';
import { fold, GIVEN_NAMES, ORG_HEADS, STOP_CAPS } from './lexicon.js';
import { libraryLexicon } from './names.js';
import { ORG_WORDS } from './orgs.js';
import { bareAddress } from './person-spans.js';
import { senderSpans } from './senders.js';
import { SpanIndex } from './span-index.js';

/** A label shaped as a person's name: one to four capitalized words or initials, an address after. */
const PERSON_LABEL =
  /^(\p{Lu}[\p{Ll}\p{M}'’-]+)(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’-]*\.?){0,3}(?:[ \t]*<[^>\n]*>)?$/u;
/** A chat's system line ("Yusmary creó el grupo", "Yared added Tomas"): the sender again, no mention. */
const SYSTEM_AFTER =
  /^(?:[ \t]+\p{Lu}\.)?[ \t]+(?:cre[oó]|created|added|a[nñ]adi[oó]|left|sali[oó]|cambi[oó]|changed|joined|se uni[oó]|removed|elimin[oó])(?![\p{L}\p{M}])/u;
/** An e-mail's header line: its labels are often a desk or team ("De: Incidencia", "To: Field researcher, Kigali"). */
const HEADER_LINE = /^[ \t]*(?:From|To|Cc|Bcc|Reply-To|De|Para|CC|CCO)[ \t]*:/u;
/** Kinship words a chat member may be called by ("Nanay", "Mami"): no one's name (guide § persons). */
const KIN = new Set(
  'nanay tatay inay itay mami papi mom mum dad mommy daddy abuela abuelo tia tio'.split(' '),
);

/** Whether a word may be a person's given name: a stock given name, or a word the lexicon knows as nothing else. */
function nameLike(word: string): boolean {
  const norm = fold(word);
  if (STOP_CAPS.has(norm) || ORG_HEADS.has(norm) || ORG_WORDS.has(norm) || KIN.has(norm) || bareAddress(norm))
    return false;
  if (GIVEN_NAMES.has(norm)) return true;
  const tag = libraryLexicon()[norm];
  return tag === undefined || (Array.isArray(tag) ? tag : [tag]).some((x) => /Name$|^Person$/.test(x));
}

const lexiconName = (word: string) => {
  const tag = libraryLexicon()[fold(word)];
  return tag !== undefined && (Array.isArray(tag) ? tag : [tag]).some((x) => /Name$|^Person$/.test(x));
};

/** The first words of the person-shaped sender labels of `text` ("Mercy", "Sana" of "Sana Wani <…>"). */
export function senderNames(text: string): { names: Set<string>; spans: { start: number; end: number }[] } {
  const spans = senderSpans(text);
  const names = new Set<string>();
  for (const s of spans) {
    const header = HEADER_LINE.test(text.slice(text.lastIndexOf('\n', s.start) + 1, s.start));
    // Recipients are parted by ";"; after a comma comes a role ("Field researcher, Kigali").
    for (const label of text.slice(s.start, s.end).split(';')) {
      const part = label.split(',')[0]!.trim();
      const m = PERSON_LABEL.exec(part);
      if (!m || !nameLike(m[1]!)) continue;
      // A header's one-word label is a name only when the lexicon knows it as one.
      if (header && !/\s\p{Lu}/u.test(part.replace(/<[^>]*>/, '')) && !lexiconName(m[1]!)) continue;
      names.add(m[1]!);
    }
  }
  return { names, spans };
}

/** Adds, as persons, the senders' names written in the messages of `text` (see above). */
export function withSenderNames(text: string, facts: Fact[]): void {
  const { names, spans } = senderNames(text);
  if (!names.size) return;
  // Each mention of a person, place or body, with its fact: looked up by span, not scanned.
  const index = new SpanIndex(
    facts
      .filter((f) => f.kind === 'person' || f.kind === 'place' || f.kind === 'organization')
      .flatMap((f) => (f.mentions ?? [f]).map((m) => ({ start: m.start, end: m.end, fact: f }))),
  );
  const senders = new SpanIndex(spans);
  // One scan of the text's capitalized words, not one per name (a long export has many senders).
  const found = new Map<string, { start: number; end: number; text: string }[]>();
  for (const m of text.matchAll(/(?<![\p{L}\p{M}'’-])\p{Lu}[\p{Ll}\p{M}'’-]+(?![\p{L}\p{M}])/gu)) {
    const name = m[0];
    if (!names.has(name)) continue;
    const start = m.index!;
    const end = start + name.length;
    if (senders.someOverlapping(start, end)) continue;
    if (SYSTEM_AFTER.test(text.slice(end, end + 16))) continue;
    const over = index.overlapping(start, end);
    if (over.some((x) => x.fact.kind === 'person')) continue;
    // Inside a longer name of a place or body ("Nam Pin Wai"): that name's word.
    if (over.some((x) => x.end - x.start > name.length)) continue;
    // A one-word place or body read on the name itself gives it up ("Caro" of "lo de Caro").
    for (const { fact: f } of over) {
      f.mentions = (f.mentions ?? []).filter((x) => !(x.start === start && x.end === end));
      if (f.mentions[0])
        Object.assign(f, { start: f.mentions[0].start, end: f.mentions[0].end, text: f.mentions[0].text });
    }
    found.set(name, [...(found.get(name) ?? []), { start, end, text: name }]);
  }
  const persons = new Map(facts.filter((f) => f.kind === 'person').map((f) => [fold(f.value), f]));
  for (const [name, mentions] of found) {
    const person = persons.get(fold(name));
    if (person) person.mentions = [...(person.mentions ?? []), ...mentions].sort((a, b) => a.start - b.start);
    else facts.push({ kind: 'person', ...mentions[0]!, value: name, mentions });
  }
  // A place or body left with no mention is no longer suggested.
  for (let i = facts.length - 1; i >= 0; i--) {
    const f = facts[i]!;
    if (f.kind !== 'date' && f.kind !== 'event' && f.mentions && f.mentions.length === 0) facts.splice(i, 1);
  }
  facts.sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
}
