/**
 * Bytes of a page or a text file → everything a capture records about its content: decoded
 * text, title, outlet, author, publication date, language, the comments, and the facts found in
 * the main text and in each comment (relative dates of a comment resolved against the comment's
 * own date, else the article's). Pure: no store, no network.
 */
import { bounds, type FuzzyDate } from '../domain/dates.js';
import { decodeBytes } from './decode.js';
import { pairAcrossComments } from './facts/acronyms.js';
import { withAddressMentions } from './facts/address-mentions.js';
import { tieCommentBodies } from './facts/comment-bodies.js';
import type { CaseOrg } from './facts/entities.js';
import { extractFacts, type Fact, type FactOptions } from './facts/index.js';
import { infoboxDays } from './facts/infobox-anchor.js';
import { tiePagePersons } from './facts/page-persons.js';
import { withSenderNames } from './facts/sender-names.js';
import { type ExtractedComment, extractHtml } from './html.js';
import { detectLanguage } from './language.js';
import { extractPlainText } from './plain.js';
import { withTextCache } from './text-cache.js';

export interface DocumentComment extends ExtractedComment {
  language: 'es' | 'en' | 'und';
  facts: Fact[];
}

export interface ExtractedDocument {
  format: 'html' | 'text';
  charset: string;
  title?: string;
  outlet?: string;
  author?: string;
  published?: FuzzyDate;
  language: 'es' | 'en' | 'und';
  text: string;
  facts: Fact[];
  comments: DocumentComment[];
  /** The day relative dates were counted from, and why. */
  reference: { day: string; from: 'published' | 'captured' | 'event' };
}

/** Media types read as HTML; anything else given here is read as plain text. */
export function isHtmlType(mediaType: string): boolean {
  return /^(text\/html|application\/xhtml\+xml)$/i.test(mediaType.split(';')[0]!.trim());
}

/** The day a publication date stands for, when it names one day. */
function dayOf(d: FuzzyDate | undefined): string | undefined {
  return d?.precision === 'day' ? d.value : undefined;
}

/**
 * The options a comment's facts are read with: its relative dates count from its own day, else the
 * article's; a comment that names a person of the article by surname alone ("Good for Ledezma") names
 * that person, as does one addressing the article's author by given name ("Thank you Hannah").
 */
export function commentOptions(
  articleFacts: readonly Fact[],
  author: string | undefined,
  comments: readonly { published?: FuzzyDate }[],
  article: FactOptions,
): FactOptions[] {
  const knownNames = [
    ...new Set([
      ...articleFacts.filter((f) => f.kind === 'person' && /\s/.test(f.value)).map((f) => f.value),
      ...(author && /^\p{Lu}\p{L}+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){1,3}$/u.test(author) ? [author] : []),
    ]),
  ];
  return comments.map((c) => ({
    ...article,
    reference: dayOf(c.published) ?? article.reference,
    undated: dayOf(c.published) ? false : article.undated,
    eventDay: dayOf(c.published) ? false : article.eventDay,
    knownNames,
  }));
}

/**
 * The facts of an article and of each of its comments, as extractDocument reads them (and the tagger's
 * corpus, with the tagger it is given): an acronym the article defined names the same organization in
 * a comment, and a person the page names in full is the same person in a comment naming part of it
 * or in a text writing a short form of the given name.
 */
export function articleAndCommentFacts(
  text: string,
  comments: readonly { text: string; published?: FuzzyDate }[],
  author: string | undefined,
  article: FactOptions,
): { facts: Fact[]; commentFacts: Fact[][] } {
  const facts = extractFacts(text, article);
  const opts = commentOptions(facts, author, comments, article);
  const commentFacts = comments.map((c, i) => extractFacts(c.text, opts[i]!));
  pairAcrossComments(facts, commentFacts);
  // "PNP", "Segob", "la Asamblea Nacional" in a comment: another form of one body the page names (comment-bodies.ts).
  tieCommentBodies(facts, commentFacts);
  // "Naseer" in a comment is the article's "Naseer Ahmad Bajwa"; "Vasanth" is "Vasanthan …" (page-persons.ts).
  tiePagePersons(facts, commentFacts);
  // "Mrs. Han", "tía Anahit": a person's mentions hold the form of address written with them, its
  // value the name (facts/address-mentions.ts); last, so that no tie above reads the changed values.
  withAddressMentions(text, facts);
  // "Mercy go to KNH": a chat member's or correspondent's name written in a message (facts/sender-names.ts).
  withSenderNames(text, facts);
  for (const [i, c] of comments.entries()) withAddressMentions(c.text, commentFacts[i]!);
  return { facts, commentFacts };
}

/** A document read (decoded; its article, comments, metadata and reference day found) before any facts. */
export interface ReadDocument extends Omit<ExtractedDocument, 'facts' | 'comments'> {
  comments: (ExtractedComment & { language: 'es' | 'en' | 'und' })[];
}

/** Decodes and reads a document without extracting facts (the tagger's training reads only this). */
export function readDocument(
  bytes: Uint8Array,
  opts: { contentType: string; capturedAt: string; charset?: string; name?: string },
): ReadDocument {
  const html = isHtmlType(opts.contentType);
  const decoded = decodeBytes(bytes, {
    contentType: opts.contentType,
    html,
    override: opts.charset,
    name: opts.name,
  });
  const ex = html ? extractHtml(decoded.text, opts.name) : extractPlainText(decoded.text, opts.name);
  let publishedDay = dayOf(ex.published) ?? bounds(ex.published)?.[1];
  // An encyclopedia page's box dates its event, not the page (facts/infobox-anchor.ts): the event day is what its
  // yearless days are read near; a box dating only a birth leaves the page undated.
  const box = infoboxDays(ex.text);
  const boxDated = box && (!publishedDay || !!box.event || box.days.includes(publishedDay));
  if (boxDated) publishedDay = undefined;
  const reference =
    boxDated && box.event
      ? { day: box.event, from: 'event' as const }
      : publishedDay
        ? { day: publishedDay, from: 'published' as const }
        : { day: opts.capturedAt.slice(0, 10), from: 'captured' as const };
  return {
    format: html ? 'html' : 'text',
    charset: decoded.charset,
    title: ex.title,
    outlet: ex.outlet,
    author: ex.author,
    published: ex.published,
    language: detectLanguage(ex.text, ex.declaredLanguage),
    text: ex.text,
    comments: ex.comments.map((c) => ({ ...c, language: detectLanguage(c.text, ex.declaredLanguage) })),
    reference,
  };
}

/** The options a read document's article is extracted with: its dates count from its reference day. */
export function documentOptions(doc: ReadDocument, knownOrgs?: readonly CaseOrg[]): FactOptions {
  return {
    reference: doc.reference.day,
    undated: doc.reference.from === 'captured',
    eventDay: doc.reference.from === 'event',
    knownOrgs,
  };
}

export function extractDocument(
  bytes: Uint8Array,
  opts: {
    contentType: string;
    capturedAt: string;
    charset?: string;
    name?: string;
    /** The case file's own units (names, acronyms), recognized as organizations. */
    knownOrgs?: readonly CaseOrg[];
  },
): ExtractedDocument {
  // One cache for the document's texts, let go when it is read (text-cache.ts).
  return withTextCache(() => documentOf(bytes, opts));
}

function documentOf(bytes: Uint8Array, opts: Parameters<typeof extractDocument>[1]): ExtractedDocument {
  const doc = readDocument(bytes, opts);
  const { facts, commentFacts } = articleAndCommentFacts(
    doc.text,
    doc.comments,
    doc.author,
    documentOptions(doc, opts.knownOrgs),
  );
  // The fields in their established order (a stored document's JSON keeps it).
  return {
    format: doc.format,
    charset: doc.charset,
    title: doc.title,
    outlet: doc.outlet,
    author: doc.author,
    published: doc.published,
    language: doc.language,
    text: doc.text,
    facts,
    comments: doc.comments.map((c, i) => ({ ...c, facts: commentFacts[i]! })),
    reference: doc.reference,
  };
}
