/**
 * Names written surname first in a list's name column: "Rivas Aguilar, José Mauricio", "Safi, Gul
 * Ahmad", "Chávez viuda de Godoy, Irma Leticia" — how registers, victim lists and spreadsheets pasted
 * from NGOs write them (every pasted table of persons in rounds 18, 24, 31, 33, 34 and 38–42). Read as
 * running text they are two persons or a person and a stray given name; here they are one person,
 * suggested under the name as it is said ("José Mauricio Rivas Aguilar"). Pure.
 */
import type { EntityMention } from './entities.js';
import { fold } from './lexicon.js';
import { addressedName, fitsAddress } from './person-spans.js';
import { tablesIn } from './tables.js';

/** Headers of columns that hold persons' names ("Apellidos, nombre", "Name", "Víctima", "Detainee"). */
const NAME_HEADER =
  /(?<!\p{L})(?:names?|surnames?|full\s+name|victims?|detainees?|deceased|person|nombres?|apellidos?|v[ií]ctimas?|detenid[oa]s?|fallecid[oa]s?|desaparecid[oa]s?|persona)(?!\p{L})/iu;

/**
 * A place preposition closing a header: "Detenido/a en", "Detained at", "Fallecido en" name where, and
 * the column's "Villa Mella, Santo Domingo" is a place and its town, not a name surname first (round 62).
 */
const PLACE_AFTER = /(?<!\p{L})(?:en|in|at|desde|from|near)\s*:?\s*$/iu;

const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const PARTICLE = String.raw`(?:de|del|de\s+la|de\s+los|de\s+las|la|vda\.?\s+de|viuda\s+de|y|e|van|von|der|da|das|do|dos|di|al|el|bin|ibn)`;
/** The surnames, a comma, the given names, then maybe a nickname in quotes or brackets (after a comma too). */
const INVERTED = new RegExp(
  String.raw`^(${WORD}(?:\s+(?:${PARTICLE}\s+)?${WORD})*),\s+(${WORD}(?:\s+(?:${PARTICLE}\s+)?${WORD})*)\s*(?:(?:,\s*)?(?:["“«(].*)|)$`,
  'u',
);
/** The quoted nickname that may follow the given names: '"Chaparro"', '("Tucu")', '«el Gocho»', ', «la Seño Dora»'. */
const TAIL_NICKNAME = /^\s*,?\s*\(?\s*(?:"([^"]+)"|“([^”]+)”|«([^»]+)»)\s*\)?\s*$/u;

/**
 * The spans of names written surname first in the name columns of the text's tables (tables.ts),
 * with the name as it is said.
 */
export interface InvertedName {
  start: number;
  end: number;
  /** The name as it is said: given names, then surnames. */
  value: string;
  given: string;
  surnames: string;
  /** The nickname quoted after the given names, where its span lies, if the cell writes one. */
  nickname?: { start: number; end: number; text: string };
}

export function invertedTableNames(text: string): InvertedName[] {
  const out: InvertedName[] = [];
  for (const table of tablesIn(text)) {
    const columns = table.header.cells.flatMap((c, k) =>
      NAME_HEADER.test(c.text) && !PLACE_AFTER.test(c.text) ? [k] : [],
    );
    if (!columns.length) continue;
    for (const row of table.rows)
      for (const k of columns) {
        const cell = row.cells[k];
        const m = cell && INVERTED.exec(cell.text);
        if (!m) continue;
        const surnames = m[1]!.replace(/\s+/g, ' ');
        const given = m[2]!.replace(/\s+/g, ' ');
        const end = cell.start + m[1]!.length + cell.text.slice(m[1]!.length).indexOf(m[2]!) + m[2]!.length;
        const tail = TAIL_NICKNAME.exec(cell.text.slice(end - cell.start));
        const nick = tail?.[1] ?? tail?.[2] ?? tail?.[3];
        const nickAt = nick === undefined ? -1 : cell.text.indexOf(nick, end - cell.start) + cell.start;
        out.push({
          start: cell.start,
          end,
          value: `${given} ${surnames}`,
          given,
          surnames,
          ...(nick !== undefined
            ? { nickname: { start: nickAt, end: nickAt + nick.length, text: nick } }
            : {}),
        });
      }
  }
  return out;
}

/**
 * The entities with each surname-first name of a table read as one person: the persons (and stray
 * places or organizations the words were read as) inside its span give way to it, and a mention
 * elsewhere whose value is its surnames or its given names alone is tied to it when it is the only
 * such name of the text.
 */
export function withInvertedNames(text: string, entities: readonly EntityMention[]): EntityMention[] {
  const names = invertedTableNames(text);
  if (!names.length) return [...entities];
  const inside = (e: EntityMention) => names.some((n) => e.start >= n.start && e.end <= n.end);
  const kept = entities.filter((e) => !inside(e));
  const parts = new Map<string, string[]>();
  const add = (p: string, value: string) => {
    const list = parts.get(p) ?? [];
    if (!list.includes(value)) parts.set(p, [...list, value]);
  };
  for (const n of names) for (const p of [n.given, n.surnames]) add(p, n.value);
  // "doña Irma", "Mrs Gitau" of "Chávez viuda de Godoy, Irma Leticia" and "Gitau, Esther Wambui": the
  // name after a form of address is the first given name or the surnames of one row (person-spans.ts).
  const byAddress = new Map<string, { value: string; given: string }[]>();
  for (const n of names) {
    const given = fold(n.given.split(/\s+/)[0]!);
    for (const p of new Set([given, fold(n.surnames)]))
      byAddress.set(p, [...(byAddress.get(p) ?? []), { value: n.value, given }]);
  }
  const addressed = (value: string): string[] | undefined => {
    const a = addressedName(fold(value).split(/\s+/));
    if (!a) return undefined;
    const rows = (byAddress.get(a.name) ?? []).filter(
      (r) => fitsAddress(a.sex, r.given) && (!a.given || r.given === a.name),
    );
    return [...new Set(rows.map((r) => r.value))];
  };
  const nicknamed = nicknameOwners(names, kept);
  const tied = kept.map((e) => {
    const full =
      e.kind === 'person' ? (nicknamed.get(e.value) ?? parts.get(e.value) ?? addressed(e.value)) : undefined;
    return full?.length === 1 ? { ...e, value: full[0]! } : e;
  });
  const added: EntityMention[] = names.map((n) => ({
    kind: 'person',
    start: n.start,
    end: n.end,
    text: text.slice(n.start, n.end),
    value: n.value,
    rule: 'table-name',
  }));
  return [...tied, ...added].sort((a, b) => a.start - b.start);
}

/** A nickname's words as the rules may have read them: no article, no form of address ("el Gocho" → "gocho"). */
const nickKey = (t: string) =>
  fold(t)
    .replace(/^(?:el|la|los|las|the)\s+/u, '')
    .trim();
/** Its keys: the nickname, and the name after its article and title ("la Licenciada Bety" → "bety"). */
function nickKeys(t: string): string[] {
  const titled = /^(?:el|la)\s+\p{Lu}\p{Ll}+\s+(\p{Lu}[\p{L}\p{M}'’-]+)$/u.exec(t.trim());
  return titled ? [nickKey(t), fold(titled[1]!)] : [nickKey(t)];
}

/**
 * 'Useche, Wilmer «el Gocho»', 'Gutiérrez, Marvin Antonio "Chaparro"', 'Sanei, Ali-Reza ("Ali Kouchik")':
 * the nickname a list cell quotes after the given names is that row's person, wherever the text uses
 * it. Read alone, the rules and the tagger made it a person of its own (rounds 41–78: 20 such
 * nicknames in 15 texts, en and es). Value of a person read inside the quotes, or written as the
 * nickname (without its article or title) → the row's value; a nickname two rows share ties to neither.
 */
function nicknameOwners(
  names: readonly InvertedName[],
  entities: readonly EntityMention[],
): Map<string, string[]> {
  const byNick = new Map<string, string[]>();
  for (const n of names)
    if (n.nickname)
      for (const k of nickKeys(n.nickname.text))
        byNick.set(k, [...new Set([...(byNick.get(k) ?? []), n.value])]);
  const out = new Map<string, string[]>();
  if (!byNick.size) return out;
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    const inQuotes = names.find((n) => n.nickname && e.start >= n.nickname.start && e.end <= n.nickname.end);
    const owners = inQuotes ? [inQuotes.value] : byNick.get(nickKey(e.value));
    if (owners) out.set(e.value, owners);
  }
  return out;
}
