/**
 * The person a nickname is given to, where the text says so in a sentence rather than right after the
 * name ("Mahad Ali Warsame, who many of you know as "Mahad Raadiye"", "Abdallahi Mbareck, the one the
 * young ones call "Lebeyd"", "Esa noche perdí a mi amigo Mustafa. Le decíamos «el Poeta»", "Haidar
 * Abbas Kadhim, «Abu Tuk», nacido en 2000"). person-spans.ts' nicknameOf reads only a cue right after
 * the name; read alone, these nicknames were persons of their own (rounds 12–74: 26 such splits in 24
 * texts, en and es). The cue decides, not the words: a verb of calling or knowing as, the nearest
 * person before it in its sentence, or, when the cue opens its sentence with "him" / "le", the one
 * person of the sentence before. Not after "a guard they called" (an indefinite: a new person). Pure.
 */

/** Where a mention lies in the text. */
interface Span {
  start: number;
  end: number;
}

/** A cue of calling at the end of the words before the nickname (its opening quote kept apart). */
const CALLED_CUE = new RegExp(
  [
    // "known in the quarter as", "whom all of you knew as", "knows him as", "known by the nickname".
    String.raw`(?<![\p{L}\p{M}])(?:known|knew|know|knows)\s+(?:(?:him|her)\s+)?(?:[\p{L}\p{M}'’-]+\s+){0,5}?(?:as|by\s+(?:his|her|the)\s+(?:nickname|nom\s+de\s+guerre))`,
    // "People called him", "we called him".
    String.raw`(?<![\p{L}\p{M}])(?:call|calls|called)\s+(?:him|her)`,
    // "who he calls "X"", "called "X" by everyone": a quote is needed ("a boy called Ali" names him).
    String.raw`(?<![\p{L}\p{M}])(?:call|calls|called)(?=\s*["“])`,
    // "Le decíamos", "lo llamamos", "a quien todos llamaban", "conocida por sus amigos como".
    String.raw`(?<![\p{L}\p{M}])(?:[Ll][eao]s?\s+(?:dec[ií]amos|dec[ií]an|dicen|llam[aá]bamos|llamaban|llamamos|llaman|apodaban)|a\s+quien\s+(?:\p{Ll}+\s+)?(?:llamaban|dec[ií]an|llam[aá]bamos|dec[ií]amos)|conocid[oa]\s+(?:[\p{Ll}\p{M}]+\s+){0,4}?como)`,
  ].join('|'),
  'u',
);
/** The cue, its quote and maybe the nickname's article, ending where the nickname starts. */
const CUE_AT_END = new RegExp(String.raw`(?:${CALLED_CUE.source})\s*(["“«]?)\s*(?:(?:el|la)\s+)?$`, 'u');
/** "Name, «Abu Tuk», nacido": a quoted nickname set off by commas right after the name. */
const APPOSITIVE = /[\p{L}\p{M}]\.?,\s*["“«]$/u;

const SENTENCE_END = /[.!?…]["”»)]?\s|\n/u;
/** An indefinite before the cue brings a new person: "beaten by a guard they called "Kebede"", "uno que le decían «el Rubio»". */
const INDEFINITE = /(?<![\p{L}\p{M}])(?:a|an|un|una|uno|alguien)\s+["“«]?\p{L}/u;
/**
 * Nor after another person brought in between: "Her husband, Sellathurai Murugesu, and her son, known
 * in the movement as", "Tanvir's colleague, the freelancer known as".
 */
const OTHER_BETWEEN = /['’]s(?![\p{L}\p{M}])|(?<![\p{L}\p{M}])(?:and|or|but|nor|y|e|o|pero)(?![\p{L}\p{M}])/u;
/** "we never called him Tohti": a name denied. */
const DENIED = /(?<![\p{L}\p{M}])(?:never|not|no|nunca|jamás)\s+(?:[\p{L}\p{M}]+\s+)?$/u;
const PRONOUN_CUE = /(?<![\p{L}\p{M}])(?:him|her|[Ll][eao]s?)\s/u;

/** Where the sentence holding `at` starts (after the last sentence end before it). */
function sentenceStart(text: string, at: number): number {
  const from = Math.max(0, at - 300);
  const head = text.slice(from, at);
  let start = from;
  for (const m of head.matchAll(new RegExp(SENTENCE_END.source, 'gu'))) start = from + m.index + m[0].length;
  return start;
}

/** The person `s` is a nickname of, by a cue of calling before it (see the module's comment). */
export function calledOwner<T extends Span & { value: string }>(
  text: string,
  s: Span,
  persons: readonly T[],
): T | undefined {
  const start = sentenceStart(text, s.start);
  const head = text.slice(start, s.start);
  const closes = (quote: string) => !quote || /^["”»]/u.test(text.slice(s.end));
  // "Khattiya Sawasdiphol, "Seh Daeng", was shot": the name ends at the comma, the quote closes before a comma.
  if (APPOSITIVE.test(head) && /^["”»]\s*[,)]/u.test(text.slice(s.end))) {
    const comma = head.lastIndexOf(',') + start;
    return persons.find((p) => (p.end === comma || p.end === comma - 1) && p.value !== (s as T).value);
  }
  const cue = CUE_AT_END.exec(head);
  if (!cue || !closes(cue[1] ?? '')) return undefined;
  const cueStart = start + cue.index;
  if (DENIED.test(text.slice(start, cueStart))) return undefined;
  const before = persons.filter((p) => p.start >= start && p.end <= cueStart && p.value !== (s as T).value);
  if (before.length) {
    const owner = before.reduce((a, b) => (b.end > a.end ? b : a));
    const between = text.slice(owner.end, cueStart);
    return INDEFINITE.test(between) || OTHER_BETWEEN.test(between) ? undefined : owner;
  }
  // "Esa noche perdí a mi amigo Mustafa. Le decíamos «el Poeta»": the one person of the sentence before.
  // Only a cue opening its sentence ("People called him", "Le decíamos"), not "Nos contó que allí le decían".
  const opening = text.slice(start, cueStart).trim();
  if (!PRONOUN_CUE.test(cue[0]) || opening.split(/\s+/u).length > 3 || INDEFINITE.test(opening))
    return undefined;
  const prev = sentenceStart(text, Math.max(0, start - 1));
  const last = persons.filter((p) => p.start >= prev && p.end <= start);
  return new Set(last.map((p) => p.value)).size === 1 ? last[0] : undefined;
}
