import { createRequire } from 'node:module';
import { formatFuzzyDate } from '../domain/dates.js';
import { InputError } from '../domain/errors.js';
import { sha256Hex } from '../domain/hashing.js';
import type { PersonBody } from '../domain/schema.js';
import type { InformationItemBody, SuggestionBody } from '../domain/schema-capture.js';
import type { CaseStore, StoredRecord } from '../store/case-store.js';
import { type ExtractedDocument, extractDocument, isHtmlType } from './extract.js';
import type { CaseOrg } from './facts/entities.js';
import type { Fact } from './facts/index.js';
import { type FetchOptions, fetchPage, parseCaptureUrl } from './fetch.js';
import { candidatesFor, type KnownPerson, knownPerson } from './link-persons.js';
import { warcOfExchanges, warcOfFile } from './warc.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
/** The tool named in every collection record. */
export const TOOL = `testigo/${pkg.version}`;

export type CaptureInput =
  | { kind: 'url'; url: string }
  | { kind: 'file'; fileName: string; bytes: Uint8Array; mediaType?: string };

export interface CaptureOptions extends FetchOptions {
  /** The actor in the audit log (`user:<id>`, `cli:<login>`). */
  actor: string;
  /** The collector named in the collection record (default: the actor). */
  collector?: string;
  /** Override of the character encoding (when a page declares a wrong one). */
  charset?: string;
  /** Protection of the article item (default public for a web page, restricted for a file). */
  protection?: 'public' | 'restricted' | 'protected';
  /** Protection of comment items (default restricted: commenters did not publish to a case file). */
  commentProtection?: 'public' | 'restricted' | 'protected';
  /**
   * The documented persons a name read in the text may be compared with: only those the caller may
   * see in full, or a misspelled protected name would come back as that person's id (an oracle).
   * Absent: every person of the case (the command line, run by the holder of the case key).
   */
  mayLinkPerson?: (person: { id: string; protection: string }) => boolean;
}

export interface SuggestionOut {
  id: string;
  kind: Fact['kind'];
  text: string;
  start: number;
  end: number;
  value: string;
  role?: string;
  placeCode?: string;
  date?: string;
  actType?: string;
  methods?: string[];
  candidatePersonIds?: { personId: string; score: number }[];
  /** Every span naming the same entity (persons, organizations, places); offsets into the item's text. */
  mentions?: { start: number; end: number }[];
}

/** What `testigo capture --format json` prints per input (DESIGN §4; extra keys extend it). */
export interface CaptureReport {
  source: string;
  status: 'new' | 'changed' | 'unchanged';
  /** SHA-256 of the evidence file (the WARC) as stored. */
  sha256: string;
  /** SHA-256 of the bytes served (or of the file read). */
  payloadSha256: string;
  evidenceId: string;
  itemId: string;
  previousVersionId?: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  language: string;
  charset?: string;
  comments: number;
  suggestions: SuggestionOut[];
  /** Per comment, with the comment's author as its source (`sourceId`: an `online` source). */
  commentSuggestions: (SuggestionOut & { comment: number; itemId: string; sourceId?: string })[];
}

const guessMedia = (name: string) =>
  /\.x?html?$/i.test(name) ? 'text/html' : /\.(txt|text|md)$/i.test(name) ? 'text/plain' : undefined;

async function knownPersons(
  store: CaseStore,
  caseId: string,
  may: CaptureOptions['mayLinkPerson'],
): Promise<KnownPerson[]> {
  const out: KnownPerson[] = [];
  for await (const p of store.iterate('person', caseId)) {
    const body = p.body as PersonBody;
    if (may && !may({ id: p.id, protection: body.protection })) continue;
    out.push(...knownPerson(p.id, body));
  }
  return out;
}

function suggestionBody(
  item: StoredRecord<'informationItem'>,
  f: Fact,
  persons: readonly KnownPerson[],
): SuggestionBody {
  return {
    itemId: item.id,
    protection: item.body.protection,
    kind: f.kind,
    text: f.text.slice(0, 5000),
    start: f.start,
    end: f.end,
    role: f.role,
    value: f.value.slice(0, 1000),
    placeCode: f.placeCode,
    placeKind: f.placeKind,
    date: f.date,
    actType: f.actType,
    methods: f.methods ?? [],
    detentionStatus: f.detentionStatus,
    persons: f.persons ?? [],
    places: f.places ?? [],
    unitKind: f.unitKind,
    ...(f.mentions ? { mentions: f.mentions.slice(0, 2000).map(({ start, end }) => ({ start, end })) } : {}),
    candidatePersonIds: f.kind === 'person' ? candidatesFor(f.value, persons) : [],
    status: 'pending',
  };
}

function out(rec: StoredRecord<'suggestion'>): SuggestionOut {
  const b = rec.body;
  return {
    id: rec.id,
    kind: b.kind,
    text: b.text,
    start: b.start,
    end: b.end,
    value: b.value,
    ...(b.role ? { role: b.role } : {}),
    ...(b.placeCode ? { placeCode: b.placeCode } : {}),
    ...(b.date ? { date: formatFuzzyDate(b.date) } : {}),
    ...(b.actType ? { actType: b.actType } : {}),
    ...(b.methods.length ? { methods: b.methods } : {}),
    ...(b.candidatePersonIds.length ? { candidatePersonIds: b.candidatePersonIds } : {}),
    ...(b.mentions ? { mentions: b.mentions } : {}),
  };
}

const sha256 = sha256Hex;

/** The latest capture of the same address (or file name): the item no later version points back to. */
async function latestVersion(
  store: CaseStore,
  caseId: string,
  key: { url?: string; fileName?: string },
): Promise<StoredRecord<'informationItem'> | undefined> {
  const candidates: StoredRecord<'informationItem'>[] = [];
  if (key.url) {
    for (const t of ['article', 'text'] as const)
      candidates.push(
        ...(await store.list('informationItem', caseId, {
          where: { itemType: t, url: key.url },
          limit: 10_000,
        })),
      );
  } else {
    for await (const r of store.iterate('informationItem', caseId))
      if (r.body.itemType !== 'comment' && !r.body.url && r.body.fileName === key.fileName)
        candidates.push(r);
  }
  const superseded = new Set(candidates.map((c) => c.body.previousVersionId).filter(Boolean));
  return candidates
    .filter((c) => !superseded.has(c.id))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0];
}

/**
 * Finds a source by name and independence group, or creates it (inside the caller's transaction).
 * `known` caches the case's sources of that kind for the length of one capture.
 */
async function sourceFor(
  s: CaseStore,
  caseId: string,
  body: {
    name: string;
    kind: 'media' | 'online';
    independenceGroup: string;
    protection: string;
    notes: string;
  },
  actor: string,
  known: Map<string, Map<string, string>>,
): Promise<string> {
  let byKey = known.get(body.kind);
  if (!byKey) {
    byKey = new Map();
    for (const r of await s.list('source', caseId, { where: { kind: body.kind }, limit: 100_000 }))
      byKey.set(`${r.body.name}\u0000${r.body.independenceGroup ?? ''}`, r.id);
    known.set(body.kind, byKey);
  }
  const key = `${body.name}\u0000${body.independenceGroup}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const rec = await s.create('source', caseId, { ...body, reliability: 'F' }, actor);
  byKey.set(key, rec.id);
  return rec.id;
}

export async function capture(
  store: CaseStore,
  caseId: string,
  input: CaptureInput,
  opts: CaptureOptions,
): Promise<CaptureReport> {
  await store.resolveCaseId(caseId);
  const at = new Date().toISOString();
  const collector = opts.collector ?? opts.actor;
  // 1. Acquire and check — nothing is written before the content has passed every check.
  let payload: Uint8Array;
  let contentType: string;
  let url: string | undefined;
  let fileName: string | undefined;
  let makeWarc: (c: Parameters<typeof warcOfFile>[3]) => Promise<Uint8Array>;
  let sourceLabel: string;
  let servedSha: string;
  if (input.kind === 'url') {
    const requested = parseCaptureUrl(input.url);
    const res = await fetchPage(requested.href, { ...opts, userAgent: `${TOOL} (evidence capture)` });
    payload = res.payload;
    contentType = res.contentType;
    url = requested.href;
    sourceLabel = input.url;
    makeWarc = (c) =>
      warcOfExchanges(res.exchanges, { ...c, extra: { ...c.extra, 'final-url': res.final.url } });
    // The hash of record is of the bytes as served (still compressed, if the server compressed).
    servedSha = res.sha256;
  } else {
    fileName = input.fileName.split(/[\\/]/).pop()!;
    sourceLabel = input.fileName;
    contentType = input.mediaType ?? guessMedia(fileName) ?? '';
    if (!contentType || !/^(text\/html|application\/xhtml\+xml|text\/plain)/i.test(contentType)) {
      throw new InputError(
        `${fileName}: only saved web pages (.html) and plain-text files (.txt) can be captured; nothing was stored`,
      );
    }
    if (input.bytes.length === 0) throw new InputError(`${fileName} is empty; nothing was stored`);
    if (input.bytes.length > (opts.maxBytes ?? 10 * 1024 * 1024))
      throw new InputError(
        `${fileName} is over the ${opts.maxBytes ?? 10 * 1024 * 1024}-byte limit; nothing was stored`,
      );
    payload = input.bytes;
    const media = isHtmlType(contentType) ? 'text/html' : 'text/plain';
    makeWarc = (c) => warcOfFile(input.bytes, fileName!, media, c);
    servedSha = sha256(input.bytes);
  }
  // The case's own units are organizations the text may name ("la Brigada 12", "CONAS").
  const knownOrgs: CaseOrg[] = [];
  for await (const u of store.iterate('unit', caseId))
    knownOrgs.push({ name: u.body.name, acronym: u.body.acronym, unitKind: u.body.kind });
  const doc: ExtractedDocument = extractDocument(payload, {
    contentType,
    capturedAt: at,
    charset: opts.charset,
    name: sourceLabel,
    knownOrgs,
  });

  // 2. Same content as the latest capture of this address: say so, write nothing but an audit line.
  const previous = await latestVersion(store, caseId, { url, fileName });
  if (previous && previous.body.contentSha256 === servedSha) {
    await store.audit({
      actor: opts.actor,
      action: 'capture-unchanged',
      entity: 'information-items',
      entityId: previous.id,
      caseId,
      after: { source: sourceLabel, sha256: servedSha, at },
    });
    return reportOf(store, caseId, previous, 'unchanged', sourceLabel);
  }

  // 3. Preserve: the WARC with its collection record.
  const warc = await makeWarc({
    collector,
    tool: TOOL,
    at,
    target: url ?? fileName!,
    sha256: servedSha,
    method: url
      ? 'HTTP GET of the address given (redirects followed, no crawling, no subresources)'
      : 'saved file read as given',
    extra: { charset: doc.charset, format: doc.format },
  });
  const warcSha = sha256(warc);
  const persons = await knownPersons(store, caseId, opts.mayLinkPerson);
  const host = url ? new URL(url).host : undefined;
  const title = doc.title ?? url ?? fileName!;

  // 4. Record, in one transaction.
  const item = await store.transaction(async (s) => {
    const known = new Map<string, Map<string, string>>();
    const evidence = await s.addEvidence(
      caseId,
      warc,
      {
        title: `Web capture: ${title}`.slice(0, 500),
        kind: 'web_capture',
        sha256: warcSha,
        mediaType: 'application/warc',
        fileName: `${(host ?? fileName!).replace(/[^\w.-]+/g, '_')}-${at.replace(/[:.]/g, '')}.warc`,
        acquisition: {
          by: collector,
          at,
          method: url
            ? 'web capture (WARC 1.1): HTTP GET, no crawling'
            : 'capture of a saved file (WARC 1.1 resource)',
          from: url ?? fileName,
          tool: TOOL,
        },
        consent: 'internal',
        protection: 'restricted',
        graphic: false,
        supports: { eventIds: [], actIds: [], personIds: [] },
      },
      opts.actor,
    );
    const outletSource =
      doc.outlet || host
        ? await sourceFor(
            s,
            caseId,
            {
              name: (doc.outlet ?? host!).slice(0, 300),
              kind: 'media',
              independenceGroup: `outlet:${host ?? doc.outlet}`,
              protection: 'public',
              notes: `Online outlet, first captured from ${url ?? fileName} on ${at}. Reliability not yet judged (F).`,
            },
            opts.actor,
            known,
          )
        : undefined;
    const itemBody: InformationItemBody = {
      itemType: doc.format === 'html' ? 'article' : 'text',
      evidenceId: evidence.id,
      url,
      fileName,
      title: doc.title?.slice(0, 1000),
      outlet: doc.outlet?.slice(0, 300),
      author: doc.author?.slice(0, 300),
      published: doc.published,
      language: doc.language,
      text: doc.text,
      sourceId: outletSource,
      previousVersionId: previous?.id,
      contentSha256: servedSha,
      capturedAt: at,
      protection: opts.protection ?? (url ? 'public' : 'restricted'),
      supports: { eventIds: [], actIds: [], personIds: [] },
      notes:
        doc.reference.from === 'captured'
          ? 'No publication date found: relative dates were resolved against the capture date.'
          : undefined,
    };
    const article = await s.create('informationItem', caseId, itemBody, opts.actor);
    for (const f of doc.facts)
      await s.create('suggestion', caseId, suggestionBody(article, f, persons), opts.actor);
    const byPosition = new Map<number, string>();
    for (const c of doc.comments) {
      const author = c.author?.slice(0, 300) || 'anonymous commenter';
      // Comments on one thread share one origin group: they never corroborate each other until a
      // documenter links a commenter to an independent origin (by changing the source's group).
      const authorSource = await sourceFor(
        s,
        caseId,
        {
          name: author,
          kind: 'online',
          independenceGroup: `comments:${url ?? fileName}`,
          protection: 'restricted',
          notes: `Reader comment author (unverified online identity) under ${url ?? fileName}.`,
        },
        opts.actor,
        known,
      );
      const comment = await s.create(
        'informationItem',
        caseId,
        {
          itemType: 'comment',
          evidenceId: evidence.id,
          url,
          fileName,
          author,
          published: c.published,
          language: c.language,
          text: c.text,
          parentItemId: c.parentPosition ? byPosition.get(c.parentPosition) : article.id,
          depth: c.depth,
          threadPosition: c.position,
          sourceId: authorSource,
          contentSha256: servedSha,
          capturedAt: at,
          protection: opts.commentProtection ?? 'restricted',
          supports: { eventIds: [], actIds: [], personIds: [] },
        } satisfies InformationItemBody,
        opts.actor,
      );
      byPosition.set(c.position, comment.id);
      for (const f of c.facts)
        await s.create('suggestion', caseId, suggestionBody(comment, f, persons), opts.actor);
    }
    return article;
  });
  return reportOf(store, caseId, item, previous ? 'changed' : 'new', sourceLabel, doc.charset);
}

/** The report of a stored capture (also for an unchanged one: its suggestions as they stand). */
export async function reportOf(
  store: CaseStore,
  caseId: string,
  item: StoredRecord<'informationItem'>,
  status: CaptureReport['status'],
  source: string,
  charset?: string,
): Promise<CaptureReport> {
  const evidence = await store.require('evidence', item.body.evidenceId);
  const comments = (
    await store.list('informationItem', caseId, { where: { evidenceId: evidence.id }, limit: 100_000 })
  )
    .filter((c) => c.body.itemType === 'comment')
    .sort((a, b) => (a.body.threadPosition ?? 0) - (b.body.threadPosition ?? 0));
  const suggestionsOf = async (itemId: string) =>
    (await store.list('suggestion', caseId, { where: { itemId }, limit: 100_000, sort: 'created' })).sort(
      (a, b) => a.body.start - b.body.start,
    );
  const commentSuggestions: CaptureReport['commentSuggestions'] = [];
  for (const c of comments)
    for (const sg of await suggestionsOf(c.id))
      commentSuggestions.push({
        comment: c.body.threadPosition ?? 0,
        itemId: c.id,
        ...(c.body.sourceId ? { sourceId: c.body.sourceId } : {}),
        ...out(sg),
      });
  return {
    source,
    status,
    sha256: evidence.body.sha256,
    payloadSha256: item.body.contentSha256,
    evidenceId: evidence.id,
    itemId: item.id,
    ...(item.body.previousVersionId ? { previousVersionId: item.body.previousVersionId } : {}),
    title: item.body.title ?? null,
    outlet: item.body.outlet ?? null,
    author: item.body.author ?? null,
    published: formatFuzzyDate(item.body.published) || null,
    language: item.body.language,
    ...(charset ? { charset } : {}),
    comments: comments.length,
    suggestions: (await suggestionsOf(item.id)).map(out),
    commentSuggestions,
  };
}
