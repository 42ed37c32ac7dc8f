/**
 * Page reading without a store: comment markups (nested divs, bare <article>s in a comments
 * section), metadata sources, gzip bodies kept as served, time limits, charset decisions.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import type { FuzzyDate } from '../domain/dates.js';
import { InputError } from '../domain/errors.js';
import { decodeBytes } from './decode.js';
import { extractDocument } from './extract.js';
import { extractFacts } from './facts/index.js';
import { fetchPage, isPrivateAddress } from './fetch.js';
import { extractHtml, textOf } from './html.js';
import { detectLanguage } from './language.js';
import { extractPlainText } from './plain.js';

const para = 'El texto principal del artículo habla de la detención de un dirigente en la ciudad. '.repeat(6);

describe('comments in common markups', () => {
  it('nested div.comment with replies inside', () => {
    const ex = extractHtml(`<html><body><article><h1>Título</h1><p>${para}</p></article>
      <div id="comments">
        <div class="comment"><span class="author">Ana</span><time datetime="2024-05-02">2 mayo</time><p>Primero.</p>
          <div class="replies">
            <div class="comment"><span class="author">Beto</span><p>Respuesta a Ana.</p>
              <div class="comment"><span class="author">Ana</span><p>Respuesta a Beto.</p></div>
            </div>
          </div>
        </div>
        <div class="comment"><span class="author">Carla</span><p>Otro hilo.</p></div>
      </div></body></html>`);
    assert.deepEqual(
      ex.comments.map((c) => [c.position, c.depth, c.parentPosition, c.author, c.text]),
      [
        [1, 0, undefined, 'Ana', 'Primero.'],
        [2, 1, 1, 'Beto', 'Respuesta a Ana.'],
        [3, 2, 2, 'Ana', 'Respuesta a Beto.'],
        [4, 0, undefined, 'Carla', 'Otro hilo.'],
      ],
    );
    assert.deepEqual(ex.comments[0]!.published, { precision: 'day', value: '2024-05-02' });
    assert.ok(!ex.text.includes('Respuesta'), 'comments are not part of the main text');
  });

  it('bare <article>s in a comments section, flat', () => {
    const ex = extractHtml(`<html><body><main><p>${para}</p></main>
      <section id="comentarios"><article><cite>Luis</cite><p>Uno.</p></article><article><cite>Rosa</cite><p>Dos.</p></article></section>
      </body></html>`);
    assert.deepEqual(
      ex.comments.map((c) => [c.depth, c.author, c.text]),
      [
        [0, 'Luis', 'Uno.'],
        [0, 'Rosa', 'Dos.'],
      ],
    );
  });

  it('reader "responses" with one "author · date" line, not called comments (issue 23, round 4)', () => {
    const ex = extractHtml(`<html><body><article><h1>Titular</h1><p>${para}</p></article>
      <div class="replies" id="replies"><h4>Replies</h4>
        <div class="reply"><p class="reply-meta">marta_g · 3 Mar 2024</p><p class="reply-text">Estuve allí.</p></div>
        <div class="reply"><p class="reply-meta">J. Soto | 4 March 2024</p><p class="reply-text">Yo también.</p></div>
      </div></body></html>`);
    assert.deepEqual(
      ex.comments.map((c) => [
        c.author,
        c.published && 'value' in c.published ? c.published.value : undefined,
        c.text,
      ]),
      [
        ['marta_g', '2024-03-03', 'Estuve allí.'],
        ['J. Soto', '2024-03-04', 'Yo también.'],
      ],
    );
    assert.doesNotMatch(ex.text, /Estuve allí/);
  });

  it('a reply stamped in its author line or in a "hora"/"stamp"/"sello" element is dated by it (issue 23, stop 39)', () => {
    const ex = extractHtml(`<html><body><article><h1>Titular</h1><p>${para}</p></article>
      <div class="respuestas">
        <div class="respuesta"><p class="autor">Ricardo V. @rvelez_cr · 15 sept. 2025</p><p>Ayer hicimos vigilia.</p></div>
        <div class="comentario"><b>jpferreira</b> <span class="hora">30/07/2026 08:02</span><p>Ayer estuve allí.</p></div>
        <div class="comentario"><b>ana</b> <span class="sello">Publicado el 03/02/2026</span><p>Hoy nos recibió.</p></div>
      </div></body></html>`);
    assert.deepEqual(
      ex.comments.map((c) => [
        c.author,
        c.published && 'value' in c.published ? c.published.value : undefined,
      ]),
      [
        ['Ricardo V. @rvelez_cr', '2025-09-15'],
        ['jpferreira', '2026-07-30'],
        ['ana', '2026-02-03'],
      ],
    );
  });

  it("a stamp in a comment's head outside any date element dates it (issue 23, stop 39 second wave, rounds 25, 30, 47, 48, 50, 54)", () => {
    const ex = extractHtml(`<html><body><article><h1>Titular</h1><p>${para}</p></article>
      <div class="comentarios">
        <div class="comentario"><b>Lucía M.</b> @lumarquez · 22 jul. 2025<p>Ayer lo leímos en clase.</p></div>
        <div class="comentario"><b>Carmen V.</b> <i>14/02/2024 08:40</i><p>Ayer en la noche publicaron la lista.</p></div>
        <div class="comentario"><b>Inés R.</b> dijo... <span>10 de junio de 2025, 19:02</span>
        <p>Ayer pasé por el alambrado.</p></div>
        <div class="comentario"><b>Rafa</b> dijo... Estuve en la plaza aquel 30 de marzo de 1980.</div>
      </div></body></html>`);
    assert.deepEqual(
      ex.comments.map((c) => [
        c.author,
        c.published && 'value' in c.published ? c.published.value : undefined,
      ]),
      [
        ['Lucía M.', '2025-07-22'],
        ['Carmen V.', '2024-02-14'],
        ['Inés R.', '2025-06-10'],
        ['Rafa', undefined],
      ],
    );
  });

  it("a yearless stamp in a reply's head is the first such day from the article's on", () => {
    const ex =
      extractHtml(`<html><head><meta property="article:published_time" content="2025-09-11"></head><body><article><h1>Hilo</h1><p>${para}</p></article>
      <section class="replies">
        <div class="reply"><span class="handle">@memoria</span> <span class="t">12 sept.</span><p>Ayer leímos los nombres.</p></div>
      </section></body></html>`);
    assert.deepEqual(
      ex.comments.map((c) => (c.published && 'value' in c.published ? c.published.value : undefined)),
      ['2025-09-12'],
    );
  });

  it('blocks of a comment section with no author markup; Blogger dt/dd pairs (issue 23, round 4)', () => {
    const ex = extractHtml(`<html><body><article><h1>Titular</h1><p>${para}</p></article>
      <div id="comentarios"><h3>Comentarios</h3>
        <article><strong>Pepa R.</strong> <small>02/03/2024 10:15</small><p>Gracias por contarlo.</p></article>
        <article><strong>nico_77</strong> <small>03/03/2024 08:00</small><p>Hay que seguir.</p></article>
      </div></body></html>`);
    assert.deepEqual(
      ex.comments.map((c) => [
        c.author,
        c.published && 'value' in c.published ? c.published.value : undefined,
        c.text,
      ]),
      [
        ['Pepa R.', '2024-03-02', 'Gracias por contarlo.'],
        ['nico_77', '2024-03-03', 'Hay que seguir.'],
      ],
    );
    const blog = extractHtml(`<html><body><article><h1>Post</h1><p>${para}</p></article>
      <div class="comments" id="comments"><h4>2 comments:</h4><dl id="comments-block">
        <dt class="comment-author">Ann K. said...</dt><dd class="comment-body"><p>First one.</p></dd>
        <dd class="comment-footer">March 5, 2024 at 9:12 AM</dd>
        <dt class="comment-author">bob_t said...</dt><dd class="comment-body"><p>Second one.</p></dd>
        <dd class="comment-footer">March 6, 2024 at 1:40 PM</dd>
      </dl></div></body></html>`);
    assert.deepEqual(
      blog.comments.map((c) => [
        c.author,
        c.published && 'value' in c.published ? c.published.value : undefined,
        c.text,
      ]),
      [
        ['Ann K.', '2024-03-05', 'First one.'],
        ['bob_t', '2024-03-06', 'Second one.'],
      ],
    );
  });

  it('a blog byline in words names the author; a comment greeting the author by given name names that person (issue 23, round 4)', () => {
    const page = `<html><body><article><h1>Notes</h1><p>${para}</p>
      <div class="post-footer">Posted by Lucia Ferrand at 9:03 PM · 1 comment</div></article>
      <div class="comments" id="comments"><dl id="comments-block">
        <dt class="comment-author">kw said...</dt><dd class="comment-body"><p>Thank you Lucia, well said.</p></dd>
      </dl></div></body></html>`;
    assert.equal(extractHtml(page).author, 'Lucia Ferrand');
    // A user handle after "Posted by" is no capitalised name: no author (it was "u").
    const handle = page.replace('Posted by Lucia Ferrand', 'posted by u/lucia_f');
    assert.notEqual(extractHtml(handle).author, 'u');
    const doc = extractDocument(Buffer.from(page), {
      contentType: 'text/html',
      capturedAt: '2024-05-01T00:00:00Z',
      name: 'blog.html',
    });
    assert.deepEqual(
      doc.comments[0]!.facts.filter((f) => f.kind === 'person').map((f) => [f.value, f.text]),
      [['Lucia Ferrand', 'Lucia']],
    );
  });

  it('the article is never taken for a comment, whatever the page’s classes', () => {
    const ex = extractHtml(`<html><body class="single comments-open"><article class="post"><h1>Titular</h1>
      <p class="byline"><span class="author">Redacción</span></p><p>${para}</p></article>
      <ol class="comment-list"><li class="comment"><cite>Ana</cite><p>Un comentario.</p></li></ol></body></html>`);
    assert.deepEqual(
      ex.comments.map((c) => c.author),
      ['Ana'],
    );
    assert.match(ex.text, /detención de un dirigente/);
  });
});

describe('metadata', () => {
  it('JSON-LD first, then meta, then <time>; outlet from og:site_name', () => {
    const ex = extractHtml(`<html lang="es"><head><meta property="og:site_name" content="El Medio">
      <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Titular","author":[{"name":"A. Pérez"},{"name":"B. Ruiz"}],"datePublished":"2023-11-05T23:30:00-04:00"}]}</script>
      <script type="application/ld+json">{ not json</script></head>
      <body><p>${para}</p></body></html>`);
    assert.equal(ex.title, 'Titular');
    assert.equal(ex.author, 'A. Pérez, B. Ruiz');
    assert.deepEqual(
      ex.published,
      { precision: 'day', value: '2023-11-05' },
      'the date as the publisher wrote it',
    );
    assert.equal(ex.outlet, 'El Medio');
    assert.equal(ex.declaredLanguage, 'es');
    assert.ok(ex.text.startsWith('Titular\n\n'));
  });
  it('a date in Spanish words in a byline', () => {
    const ex = extractHtml(
      `<html><body><p class="fecha">Publicado el martes, 12 de marzo de 2024 - 10:15</p><p>${para}</p></body></html>`,
    );
    assert.deepEqual(ex.published, { precision: 'day', value: '2024-03-12' });
  });
  it('language by function words', () => {
    assert.equal(detectLanguage('The prisoner was taken to the headquarters of the police on Monday.'), 'en');
    assert.equal(detectLanguage('El preso fue trasladado a la sede de la policía el lunes.'), 'es');
    assert.equal(detectLanguage('Caracas 2024'), 'und');
    assert.equal(detectLanguage('Caracas 2024', 'es-VE'), 'es');
  });
});

describe('charset', () => {
  const text = 'Detención de Núñez en Mérida';
  it('header, meta, BOM, detection; a declared charset the bytes contradict is refused', () => {
    assert.equal(
      decodeBytes(iconv.encode(text, 'latin1'), { contentType: 'text/plain; charset=ISO-8859-1' }).text,
      text,
    );
    const meta = iconv.encode(`<meta charset="windows-1252"><p>${text}</p>`, 'win1252');
    assert.equal(decodeBytes(meta, { html: true }).charset, 'windows-1252');
    assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text, text);
    assert.equal(decodeBytes(Buffer.from(text)).by, 'detected');
    assert.throws(
      () => decodeBytes(iconv.encode(text, 'latin1'), { contentType: 'text/html; charset=utf-8' }),
      (e: Error) => e instanceof InputError && /not valid UTF-8/.test(e.message),
    );
    assert.throws(
      () => decodeBytes(Buffer.from(text), { contentType: 'text/html; charset=klingon' }),
      /unknown character encoding "klingon"/,
    );
    assert.equal(
      decodeBytes(iconv.encode(text, 'latin1'), {
        contentType: 'text/html; charset=utf-8',
        override: 'latin1',
      }).text,
      text,
    );
  });
});

describe('fetch', () => {
  it('keeps a gzip body as served and hands over the decoded payload', async () => {
    const html = `<html><body><p>${para}</p></body></html>`;
    const gz = gzipSync(html);
    const server = createServer((_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Encoding': 'gzip',
        'Content-Length': gz.length,
      });
      res.end(gz);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const r = await fetchPage(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      assert.deepEqual(Buffer.from(r.final.response.body), gz);
      assert.equal(Buffer.from(r.payload).toString(), html);
    } finally {
      server.close();
    }
  });
  it('gives up after the time limit with a clear message', async () => {
    const server = createServer(() => {}); // never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      await assert.rejects(
        fetchPage(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { timeoutMs: 300 }),
        /unreachable: no complete answer within 300 ms; nothing was stored/,
      );
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
  it('private addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '192.168.0.9',
      '172.20.1.1',
      '169.254.1.1',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
    ])
      assert.ok(isPrivateAddress(a), a);
    for (const a of ['8.8.8.8', '172.32.0.1', '2606:4700::1111']) assert.ok(!isPrivateAddress(a), a);
  });
});

describe('a wire dateline without its year (issue 23, round 6)', () => {
  const para = 'Los familiares pidieron información a la fiscalía durante toda la mañana.';
  it('the year in which the day falls on the weekday its lead names', () => {
    // 2023-03-09 is a Thursday; 2022-03-09 a Wednesday.
    const t = extractPlainText(
      `Detenidos en Bata\n\nBata, 9 mar (EFE).- La policía detuvo este jueves a dos periodistas que cubrían la protesta de 2022.\n\n${para}`,
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2023-03-09' });
    const e = extractPlainText(
      `Journalists held\n\nBATA, Equatorial Guinea, Mar 9 (Agency) – Police detained two reporters on Thursday, a year after the 2022 vote.\n\n${para}`,
    );
    assert.deepEqual(e.published, { precision: 'day', value: '2023-03-09' });
  });
  it('the first fitting year from the latest one written, "Río de Janeiro"-like places included (round 7 development)', () => {
    // 2025-05-14 is a Wednesday; in 2020–2024 14 May is no Wednesday.
    const t = extractPlainText(
      `Protesta en Porto\n\nSão João del Rei, 14 may (EFE).- Cientos de vecinos marcharon este miércoles para recordar la masacre de 2020.\n\n${para}`,
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2025-05-14' });
  });
  it('no year when the lead names no weekday', () => {
    const t = extractPlainText(
      `Detenidos en Bata\n\nBata, 9 mar (EFE).- La policía detuvo a dos periodistas en 2022.\n\n${para}`,
    );
    assert.equal(t.published, undefined);
  });
});

describe('saved pages and text files: outlet heuristics', () => {
  const para =
    'Funcionarios detuvieron al dirigente vecinal en su casa y lo trasladaron a una sede policial. '.repeat(
      4,
    );
  it('a browser-saved page without og:site_name: the title tail, else the address it was saved from', () => {
    const tail = extractHtml(
      `<html><head><title>Detienen a dirigente | Diario del Lago</title></head><body><article><p>${para}</p></article></body></html>`,
    );
    assert.equal(tail.outlet, 'Diario del Lago');
    const saved = extractHtml(
      `<!DOCTYPE html>\n<!-- saved from url=(0038)https://www.elfaro.example/nota/123 -->\n<html><head><title>Detienen a dirigente</title></head><body><article><p>${para}</p></article></body></html>`,
    );
    assert.equal(saved.outlet, 'elfaro.example');
    const none = extractHtml(
      `<html><head><title>Detienen a dirigente - piden su liberación</title></head><body><article><p>${para}</p></article></body></html>`,
    );
    assert.equal(none.outlet, undefined, 'a dash in a headline is not an outlet');
  });
  it('a text file: "Fuente:" line or a bare address names the outlet', () => {
    const a = extractPlainText(
      `Detienen a dirigente\nFuente: https://www.elfaro.example/nota/123\n\n${para}`,
    );
    assert.equal(a.outlet, 'elfaro.example');
    const b = extractPlainText(`Detienen a dirigente\nFuente: Radio Fe y Alegría\n\n${para}`);
    assert.equal(b.outlet, 'Radio Fe y Alegría');
    const c = extractPlainText(`Detienen a dirigente\n\n${para}`);
    assert.equal(c.outlet, undefined);
  });
});

describe('the day a plain text counts from (issue 23, round 5)', () => {
  it('a chat copied or exported on a day, said in a sentence of its head', () => {
    const es = extractPlainText(
      'WhatsApp · grupo "Vecinos"\nChat exportado por la coordinadora el lunes 6 de mayo de 2024 para el archivo.\n\n— Ayer —\n[9:00] Ana: Llegamos.',
    );
    assert.deepEqual(es.published, { precision: 'day', value: '2024-05-06' });
    const en = extractPlainText('Group chat\nConversation copied on 2 March 2023 by a member.\n\nBen: hello');
    assert.deepEqual(en.published, { precision: 'day', value: '2023-03-02' });
    const none = extractPlainText('Informe\nEl 2 de marzo de 2023 hubo detenciones en Caracas.\n\nTexto.');
    assert.equal(none.published, undefined, 'a date in a sentence without a copy verb is an event');
  });
  it('a record stating the day it was made or holds as of; a chat exported on a two-digit-year day (round 7 development)', () => {
    const rec = extractPlainText(
      'Testimony\nRecorded in Nairobi, Kenya, Tuesday 4 March 2025, 09:10–10:30\n\nQ: Where were you?',
    );
    assert.deepEqual(rec.published, { precision: 'day', value: '2025-03-04' });
    const list = extractPlainText(
      'Detainees\nCompiled by the network, status as of 2 May 2024\n\n1 | A. B. | 30',
    );
    assert.deepEqual(list.published, { precision: 'day', value: '2024-05-02' });
    // A table's header row with a date in a cell is no date line (stop 35).
    const table = extractPlainText(
      'Detainees\nStatus as of 2 May 2024, compiled by the network for its partners; not for publication.\n\nNo. | Name | Sentenced (10.07.2023) | Notes\n1 | A. B. | life | none',
    );
    assert.deepEqual(table.published, { precision: 'day', value: '2024-05-02' });
    const chat = extractPlainText(
      'Chat del grupo, exportado el 9/3/24 por una integrante.\n\n8/3/24, 10:00 - Ana: hola',
    );
    assert.deepEqual(chat.published, { precision: 'day', value: '2024-03-09' });
  });
  it('a section line with dots before the date: "MUNDO · CHILE · martes 14 de octubre de 2025"', () => {
    const w = extractPlainText('MUNDO · CHILE · martes 14 de octubre de 2025\nTitular\n\nTexto de la nota.');
    assert.deepEqual(w.published, { precision: 'day', value: '2025-10-14' });
  });
});

describe('a page without a date in its markup (issue 23, round 5)', () => {
  const body =
    'La oficina documentó detenciones arbitrarias en tres provincias durante el último trimestre. '.repeat(4);
  it('takes the dateline heading its text', () => {
    const p = extractHtml(
      `<html><head><title>Comunicado</title></head><body><article><h1>Comunicado</h1><p>Lima, 2 de febrero de 2024</p><p>${body}</p></article></body></html>`,
    );
    assert.deepEqual(p.published, { precision: 'day', value: '2024-02-02' });
  });
  it('takes one part of a line cut by "|" or "·"', () => {
    const p = extractHtml(
      `<html><head><title>Release</title></head><body><div>Press Release: 3 June 2023 | REF-2023-77</div><article><p>${body}</p></article></body></html>`,
    );
    assert.deepEqual(p.published, { precision: 'day', value: '2023-06-03' });
  });
  it('a dateline opening its paragraph, before a dash or a full stop (round 7 development)', () => {
    const dash = extractHtml(
      `<html><head><title>Statement</title></head><body><article><p><strong>LUSAKA, 4 March 2024</strong> – The network calls for the release of the detained students.</p><p>${body}</p></article></body></html>`,
    );
    assert.deepEqual(dash.published, { precision: 'day', value: '2024-03-04' });
    const stop = extractHtml(
      `<html><head><title>Nota</title></head><body><article><p>Bogotá, 9 de mayo de 2023. Hoy las familias vuelven a la plaza.</p><p>${body}</p></article></body></html>`,
    );
    assert.deepEqual(stop.published, { precision: 'day', value: '2023-05-09' });
    const sentence = extractHtml(
      `<html><head><title>Informe</title></head><body><article><p>El 2 de febrero de 2024. Ese día la oficina abrió una causa.</p><p>${body}</p></article></body></html>`,
    );
    assert.equal(sentence.published, undefined);
  });
  it('not a date inside a sentence', () => {
    const p = extractHtml(
      `<html><head><title>Informe</title></head><body><article><p>El 2 de febrero de 2024 la oficina abrió una causa por las detenciones.</p><p>${body}</p></article></body></html>`,
    );
    assert.equal(p.published, undefined);
  });
});

describe('comments dated without a year (issue 23, round 5)', () => {
  it('a "commenter" is the comment\'s author, not a comment; its "9 de marzo a las 08:02" takes the year from the article on', () => {
    const p = extractHtml(
      `<html><head><title>Post</title><meta name="date" content="2025-12-30"></head><body><article><h1>Post</h1><p>${'Hoy cruzaron la frontera cientos de familias con niños pequeños. '.repeat(4)}</p></article>
<div class="comments"><div class="comment"><span class="commenter">Ana Pérez</span> <span class="comment-time">2 de enero a las 08:02</span><p>Ayer llegaron más lanchas al muelle.</p></div></div></body></html>`,
    );
    assert.equal(p.comments.length, 1);
    assert.equal(p.comments[0]!.author, 'Ana Pérez');
    assert.equal(p.comments[0]!.text, 'Ayer llegaron más lanchas al muelle.');
    assert.deepEqual(p.comments[0]!.published, { precision: 'day', value: '2026-01-02' });
  });
});

describe('a dateline running into the lead (issue 23, round 7)', () => {
  it('a place, a full date and a dash or a stop: the day of publication (plain text and a page)', () => {
    const t = extractPlainText(
      'Activists held\n\nPRESS RELEASE\n\nHARARE, 16 August 2024 – The network calls on the authorities to release them.',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2024-08-16' });
    const e = extractPlainText(
      'Un año después\n\nNOTA DE PRENSA\n\nMadrid, 25 de junio de 2025. Hoy se cumple un año desde las protestas.',
    );
    assert.deepEqual(e.published, { precision: 'day', value: '2025-06-25' });
    const h = extractHtml(
      '<html><body><h1>Activists held</h1><p>HARARE, 16 August 2024 – The network calls on the authorities.</p></body></html>',
    );
    assert.deepEqual(h.published, { precision: 'day', value: '2024-08-16' });
  });
  it("a heading's last part after a spaced dash, a place and its day (stop 35)", () => {
    const es = extractPlainText(
      'TRIBUNAL REGIONAL\nAudiencia de testigos — Cusco, jueves 4 de abril de 2024\n\nTESTIGO: Ayer me citaron otra vez.',
    );
    assert.deepEqual(es.published, { precision: 'day', value: '2024-04-04' });
    const en = extractPlainText(
      'Hearing transcript\nSession of the panel – Freetown, 9 June 2023\n\nThe chair opened.',
    );
    assert.deepEqual(en.published, { precision: 'day', value: '2023-06-09' });
    const aside = extractPlainText(
      'Activists held\n\nThey were held for weeks — in Lusaka, 16 August 2024 — without charge.',
    );
    assert.equal(aside.published, undefined);
  });
  it('not a date inside a sentence, nor one after words that are no place', () => {
    const t = extractPlainText(
      'Activists held\n\nThe police arrested them on 16 August 2024 – and kept them for weeks.',
    );
    assert.equal(t.published, undefined);
  });
});

describe("a programme's broadcast label (issue 23, stop 33)", () => {
  it('"Emisión:"/"Broadcast:" opening a head line, times after the day: the day relative dates count from', () => {
    const es = extractPlainText(
      'TRANSCRIPCIÓN — programa semanal\nEmisión: jueves 5 de marzo de 2026, 20:00 a 20:30\n\n[00:00:10] CONDUCTOR: Ayer se reunió la comisión.',
    );
    assert.deepEqual(es.published, { precision: 'day', value: '2026-03-05' });
    const en = extractPlainText(
      'TRANSCRIPT — weekly programme\nBroadcast: Saturday 6 September 2025, 19:00–19:30 (local time)\n\n[00:00:15] HOST: Welcome.',
    );
    assert.deepEqual(en.published, { precision: 'day', value: '2025-09-06' });
    const told = extractPlainText(
      'Report\nThe video, broadcast on 3 May 2020 by a local channel, shows the raid.\n\nText.',
    );
    assert.equal(told.published, undefined, '"broadcast" in a sentence dates what it tells');
  });
});

describe("a letter's date line, a label inside a header line, a petition's dated updates (issue 23, stop 34)", () => {
  it("a place of several words and the weekday before a full date: the letter's day", () => {
    const t = extractPlainText(
      'Carta desde la cárcel\n\nCentro Penitenciario de Santa Ana, Chalatenango, martes 4 de marzo de 2025\n\nQuerida madre: el lunes me cambiaron de celda.',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2025-03-04' });
  });
  it('"Fecha:" after another label in one line', () => {
    const t = extractPlainText(
      'Testimonio\nLugar: San Miguel, Morazán. Fecha: viernes 9 de mayo de 2025.\n\nENTREVISTADORA: ¿Cuándo volvió?',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2025-05-09' });
  });
  it("a petition's updates and its signers' reasons are comments, each update with its posted day", () => {
    const p = extractHtml(
      `<html><head><title>Free him</title><meta name="date" content="2025-05-20"></head><body><div class="petition"><h1>Free him</h1><div class="text"><p>${'My brother was taken from his home by soldiers and is held without charge. '.repeat(4)}</p></div>
<div class="updates"><h3>Updates</h3><div class="update"><span class="posted">Posted 12 May 2025</span><p>Yesterday the court refused bail.</p></div></div>
<div class="reasons"><h3>Reasons for signing</h3><div class="reason"><span class="name">Ana R.</span><p>He is my neighbour.</p></div></div></div></body></html>`,
    );
    assert.equal(p.comments.length, 2);
    assert.deepEqual(p.comments[0]!.published, { precision: 'day', value: '2025-05-12' });
    assert.equal(p.comments[0]!.text, 'Yesterday the court refused bail.');
    assert.equal(p.comments[1]!.author, 'Ana R.');
    assert.ok(!p.text.includes('refused bail'));
  });
  it("reasons written as bare paragraphs, each led by its signer in bold, are comments; a dated update's date line is not its text", () => {
    const p = extractHtml(
      `<html><head><title>Devuélvanlos</title></head><body><main><h1>Devuélvanlos</h1><p>${'Mi abuelo fue enterrado en una fosa común y nunca nos dijeron dónde. '.repeat(4)}</p>
<section class="novedades"><h3>Novedades</h3><div class="novedad"><p class="fecha-novedad">Publicado el 02/12/2025</p><p>Nos recibió la fiscal.</p></div></section>
<section class="razones"><h3>Razones para firmar</h3><p><b>Rolando P.</b> — Mi tío desapareció ese día en Colón.</p><p><strong>Ana</strong>: Firmo por mi madre.</p></section></main></body></html>`,
    );
    assert.deepEqual(
      p.comments.map((c) => [c.author, c.text]),
      [
        [undefined, 'Nos recibió la fiscal.'],
        ['Rolando P.', 'Mi tío desapareció ese día en Colón.'],
        ['Ana', 'Firmo por mi madre.'],
      ],
    );
  });
  it('a comment-like list whose blocks cannot be read as comments keeps its words in the article; an empty one goes', () => {
    const p = extractHtml(
      `<html><body><article><h1>Carta</h1><p>${'Escribo desde la cárcel para contar lo que vimos aquella noche en el patio. '.repeat(4)}</p>
<section class="razones"><h3>Razones</h3><p>Porque nadie más lo dirá en Tocoa.</p></section>
<div class="comments"><form><p>Deja tu comentario</p></form></div></article></body></html>`,
    );
    assert.equal(p.comments.length, 0);
    assert.ok(p.text.includes('Porque nadie más lo dirá en Tocoa.'), p.text);
    assert.ok(!p.text.includes('Deja tu comentario'), p.text);
  });
  it("an infobox's cells are apart in the text, by a tab as in a pasted sheet (stop 39)", () => {
    const { document } = parseHTML(
      '<html><body><table><tr><th>Date</th><td>12 November 1991</td></tr><tr><td> Location </td><td>Pretoria  Central Prison</td></tr></table></body></html>',
    );
    assert.equal(
      textOf(document.body as unknown as Node),
      'Date\t12 November 1991\n\nLocation\tPretoria Central Prison',
    );
    // A label cell is no part of the name in the next cell.
    const places = extractFacts(textOf(document.body as unknown as Node), { reference: '2025-01-01' })
      .filter((f) => f.kind === 'place')
      .map((f) => f.value);
    assert.ok(!places.some((p) => /^Location/.test(p)), places.join(', '));
  });
  it('an empty cell keeps the cells after it under their own headers (stop 40)', () => {
    const { document } = parseHTML(
      '<html><body><table><tr><th>Name</th><th>Alias</th><th>Held at</th></tr>' +
        '<tr><td>Rivas Aguilar, José</td><td></td><td>Bellavista</td></tr>' +
        '<tr><td></td><td>el Flaco</td><td> </td></tr></table></body></html>',
    );
    assert.equal(
      textOf(document.body as unknown as Node),
      'Name\tAlias\tHeld at\n\nRivas Aguilar, José\t\tBellavista\n\n\tel Flaco',
    );
  });
});

describe('the written dateline under the headline (issue 23, stop 34)', () => {
  it('a dateline line Readability drops is kept after the headline; a post header is not', () => {
    const body = '<p>Families gathered at the parish to read the list of the missing once more.</p>'.repeat(
      6,
    );
    const p = extractHtml(
      `<html><head><meta name="date" content="2023-11-08"></head><body><article><h1>Still counting</h1><p class="byline">By Hanna Desta in Mekelle</p><p class="dateline">8 November 2023</p><div class="entry-content">${body}</div></article></body></html>`,
    );
    assert.match(p.text, /^Still counting\n\nBy Hanna Desta in Mekelle\n\n8 November 2023\n\n/);
    const q = extractHtml(
      `<html><head><meta name="date" content="2025-05-10"></head><body><article><h1>Help</h1><p class="meta">Posted by u/ana · <span class="ts">2025-05-10 14:02</span></p><div class="post">${body}</div></article></body></html>`,
    );
    assert.ok(!q.text.includes('2025-05-10'));
  });
  it('the byline the page shows follows the headline (Readability drops it); an author only in <meta> does not', () => {
    const body = '<p>Families gathered at the parish to read the list of the missing once more.</p>'.repeat(
      6,
    );
    const shown = extractHtml(
      `<html><head><meta name="author" content="Ana Ruiz"></head><body><header><p class="byline">By Ana Ruiz and Tom Reed · Goma</p></header><article><h1>Still counting</h1><div class="entry-content">${body}</div></article></body></html>`,
    );
    assert.match(shown.text, /^Still counting\n\nBy Ana Ruiz and Tom Reed · Goma\n\nFamilies/);
    const meta = extractHtml(
      `<html><head><meta name="author" content="Ana Ruiz"></head><body><article><h1>Still counting</h1><div class="entry-content">${body}</div></article></body></html>`,
    );
    assert.equal(meta.author, 'Ana Ruiz');
    assert.ok(!meta.text.includes('Ana Ruiz'));
  });
});

describe("a letter's date line naming a numbered prison (stop 36)", () => {
  it('the date line under a transcriber’s note dates the letter, the number in the place aside', () => {
    const t = extractPlainText(
      '[Nota: carta copiada para el archivo el 3 de mayo de 2024.]\n\nCárcel de Mujeres 2, Santa Ana, 14 de febrero de 1999\n\nQuerido hermano:\n\nAyer me dejaron ver a la abogada.',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '1999-02-14' });
  });
  it('a line of numbers and a date is no place and its date', () => {
    const t = extractPlainText(
      'Informe\n\n12 34 56 7 8, 14 de febrero de 1999\n\nTexto del informe sin otra fecha.',
    );
    assert.equal(t.published, undefined);
  });
});

describe("a letter's long date line and a list's data cut-off (stop 37)", () => {
  it("a barracks named in full, with the weekday, dates the letter under a donor's note", () => {
    const t = extractPlainText(
      'Carta donada al archivo por su hija, en Montevideo, el 1 de setiembre de 2025.\n\nCuartel del Batallón de Infantería N.º 8, Paso de los Toros, domingo 8 de marzo de 1981\n\nQuerida vieja:\n\nAyer me avisaron.',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '1981-03-08' });
  });
  it('without the weekday, a long line of capitalized words is no date line', () => {
    const t = extractPlainText(
      'Nota\n\nCuartel del Batallón de Infantería Mecanizada N.º 8 de la División Norte, Paso de los Toros, 8 de marzo de 1981\n\nTexto.',
    );
    assert.equal(t.published, undefined);
  });
  it('"corte al" a day is the day a list states itself as of', () => {
    const t = extractPlainText(
      'PERSONAS DADAS POR DESAPARECIDAS\nHoja de seguimiento — corte al 28 de abril de 2026 (quinto aniversario)\n\nN.º | Nombre | Fecha\n1 | Ana | 03/05/2021',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2026-04-28' });
  });
});

describe('the day a text counts from, in heads the rules had not met (issue 23, stop 36, rounds 12–19)', () => {
  it("a programme's head line giving its day and clock time, with or without a label", () => {
    const es = extractPlainText(
      'TRANSCRIPCIÓN — Programa "Memoria", emitido el miércoles 9 de julio de 2025, 22:00\n\n[00:00:05] CONDUCTORA: Ayer se reunió la comisión.',
    );
    assert.deepEqual(es.published, { precision: 'day', value: '2025-07-09' });
    const en = extractPlainText(
      'COMMUNITY RADIO 96.3 FM — "Talk It Out", Tuesday 28 July 2026, 7:00–8:00 p.m.\n\n[19:01] HOST: Good evening.',
    );
    assert.deepEqual(en.published, { precision: 'day', value: '2026-07-28' });
    const told = extractPlainText(
      'Informe\nEl 3 de mayo de 2020, a las 14:00, soldados entraron en la aldea.\n\nTexto.',
    );
    assert.equal(told.published, undefined, 'a sentence opening on a dated hour tells the past');
  });
  it("a judgment's delivery, a thread pasted on a day, a list last edited", () => {
    const j = extractPlainText(
      'IN THE HIGH COURT\nSUMMARY OF JUDGMENT delivered on 22 October 2025 (issued by the Registrar)\n\n1. The Court today found…',
    );
    assert.deepEqual(j.published, { precision: 'day', value: '2025-10-22' });
    const read = extractPlainText(
      'PROVINCIAL COURT\nORDER\nRead in open court on 25 October 2024\n\n1. The Plaintiffs…',
    );
    assert.deepEqual(read.published, { precision: 'day', value: '2024-10-25' });
    const pasted = extractPlainText(
      'Signal group\nPasted for the documentation file on 30 March 2025 by the admin.\n\n— 28 March —\n[13:02] A: hello',
    );
    assert.deepEqual(pasted.published, { precision: 'day', value: '2025-03-30' });
    const edited = extractPlainText(
      'DEATHS IN CUSTODY — WORKING LIST\nCompiled by the custody desk · last edited 8 December 2025 · not for publication\n\nNo.\tName',
    );
    assert.deepEqual(edited.published, { precision: 'day', value: '2025-12-08' });
    const cut = extractPlainText(
      'Informe anual\nMadrid, noviembre de 2026. Fecha de cierre de datos: 31 de octubre de 2026.\n\n3.1 Marco',
    );
    assert.deepEqual(cut.published, { precision: 'day', value: '2026-10-31' });
  });
  it('a dateline whose place opens with an article or holds a bracketed region, or ends in ".–"', () => {
    const laPaz = extractPlainText(
      'BOLIVIA (Reportaje)\nTítulo largo\n\nLa Paz, 7 may 2025 (Agencia Andina de Noticias del Sur). – Las familias de los dos jóvenes muertos volvieron ayer a la plaza principal de la ciudad para exigir justicia.',
    );
    assert.deepEqual(laPaz.published, { precision: 'day', value: '2025-05-07' });
    const lima = extractPlainText(
      'Nota de prensa\n\nLima, 20 de noviembre de 2025.– La Primera Sala Penal de Apelaciones Nacional declaró infundado el pedido de la defensa del exagente.',
    );
    assert.deepEqual(lima.published, { precision: 'day', value: '2025-11-20' });
    const coca = extractPlainText(
      'VERSIÓN ESTENOGRÁFICA\nPuerto Francisco de Orellana (El Coca), viernes 28 de noviembre de 2025\n\nMODERADORA: Buenos días.',
    );
    assert.deepEqual(coca.published, { precision: 'day', value: '2025-11-28' });
  });
  it("a ruling's dateline in words", () => {
    const t = extractPlainText(
      'Iquique, catorce de noviembre de dos mil veinticinco.\n\nVISTOS:\n\nSe instruyó esta causa.',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2025-11-14' });
  });
});

describe('the day a text counts from, in heads met in rounds 14–35 (issue 23, stop 38)', () => {
  it('a joint dateline ("New York / Mexico City, 15 May 2026 —") and a release\'s bracketed day ("GENEVA (18 March 2025) –")', () => {
    const joint = extractHtml(
      `<html><body><p class="dateline">New York / Mexico City, 15 May 2026 — The group today called on the prosecutors to reopen the case.</p><p>${para}</p></body></html>`,
    );
    assert.deepEqual(joint.published, { precision: 'day', value: '2026-05-15' });
    const un = extractHtml(
      `<html><body><p>GINEBRA (18 de marzo de 2025) – Un grupo de expertos expresó hoy su alarma.</p><p>${para}</p></body></html>`,
    );
    assert.deepEqual(un.published, { precision: 'day', value: '2025-03-18' });
    const told = extractHtml(
      `<html><body><p>The army (which took the town on 3 May 2024) – witnesses said – left.</p><p>${para}</p></body></html>`,
    );
    assert.equal(told.published, undefined, 'a sentence with a bracketed date is no dateline');
  });
  it("a prison letter's date line naming its wing by number, under a transcriber's note", () => {
    const t = extractPlainText(
      '[Transcripción para el archivo, Santiago, 3 de marzo de 2025. Carta manuscrita donada por la familia.]\n\nCárcel Pública de Santiago, galería 5, domingo 7 de abril de 1985\n\nQuerida Teresa:\n\nEl sábado 30 supimos lo de los compañeros.',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '1985-04-07' });
  });
  it("a letter's date line closing on a comma, the weekday and the day, whatever names the place (stop 42)", () => {
    const colony = extractPlainText(
      'Carta recibida el 3 de febrero de 2026 por una red de apoyo, en Barcelona, y traducida del ruso.\n\nNavapolatsk, colonia penitenciaria n.º 1, domingo 11 de enero de 2026\n\nQuerida Montse:\n\nTu carta del 12 de diciembre llegó el jueves.',
    );
    assert.deepEqual(colony.published, { precision: 'day', value: '2026-01-11' });
    const english = extractPlainText(
      'Dry dock, hold three, cell block by the pumps, Sunday, 4 May 2025\n\nDear Anna,\n\nWe ate.',
    );
    assert.deepEqual(english.published, { precision: 'day', value: '2025-05-04' });
    const told = extractPlainText(
      'Lo detuvieron cuando salía del trabajo, el domingo 11 de enero de 2026\n\nNadie lo vio después.',
    );
    assert.equal(told.published, undefined, 'a sentence with "el domingo" is no date line');
  });
  it('a recording\'s head line, labelled with its place or opening on "Grabación" / "Desgrabación"', () => {
    const label = extractPlainText(
      'ARCHIVO ORAL — Entrevista n.º 31\nTestigo: Doña Marta\nLugar y fecha de grabación: Sayaxché, Petén, 21 de junio de 2025\n\nENTREVISTADORA: ¿Qué recuerda?',
    );
    assert.deepEqual(label.published, { precision: 'day', value: '2025-06-21' });
    const open = extractPlainText(
      'ARCHIVO ORAL DE LA TIERRA\nGrabación EC-03, asentamiento 17 de Abril, Pará, 15 de abril de 2026. Duración: 1 h 38 min.\n\n[00:01:05] LB: ¿De dónde salió la marcha?',
    );
    assert.deepEqual(open.published, { precision: 'day', value: '2026-04-15' });
    const radio = extractPlainText(
      'FM LA QUEBRADA 94.7\nDesgrabación del programa del sábado 16 de enero de 2021, bloque de las 9:30 (Jujuy)\n\n[09:31] NILDA: Hoy se cumplen cinco años.',
    );
    assert.deepEqual(radio.published, { precision: 'day', value: '2021-01-16' });
  });
  it("a transcript's recording day over the day its transcriber typed it; that day only when nothing else dates it", () => {
    const session = extractPlainText(
      'TRANSCRIPCIÓN DE TESTIMONIO\nSesión grabada el sábado 4 de abril de 2026 en la aldea, Cobán, Alta Verapaz, con intérprete\nTestigo: doña Marta, 70 años\nTranscribió: Ana Pop, 11 de abril de 2026\n\n[00:00:05] ENTREVISTADORA: Hoy se cumplen veinte años.',
    );
    assert.deepEqual(session.published, { precision: 'day', value: '2026-04-04' });
    const alone = extractPlainText(
      'TRANSCRIPCIÓN DE TESTIMONIO\nTestigo: doña Marta, 70 años\nTranscribió: Ana Pop, 11 de abril de 2026\n\n[00:00:05] TESTIGO: Yo vivía en Cobán.',
    );
    assert.deepEqual(alone.published, { precision: 'day', value: '2026-04-11' });
    const interview = extractPlainText(
      'TESTIMONIO\n\nRecogido en Lima por el archivo. Nacido en 1980 en Huanta. Entrevista realizada en quechua el 9 de mayo de 2025, traducida al castellano por el equipo.\n\nHoy hace diez años que salí de allí.',
    );
    assert.deepEqual(interview.published, { precision: 'day', value: '2025-05-09' });
  });
  it("a chat's export line over its first day separator; the separator only when no export line dates it", () => {
    const exported = extractPlainText(
      'Telegram · Familia\nExportado el 30/04/2022 por Olena para el archivo.\n\n——— 14 de abril de 2022 ———\n[08:12] Olena: Buenos días.\n\n——— Ayer ———\n[10:15] Olena: Nada nuevo.',
    );
    assert.deepEqual(exported.published, { precision: 'day', value: '2022-04-30' });
    const bare = extractPlainText(
      'Telegram · Familia\n\n——— 14 de abril de 2022 ———\n[08:12] Olena: Buenos días.\n\n——— Ayer ———\n[10:15] Olena: Nada nuevo.',
    );
    assert.deepEqual(bare.published, { precision: 'day', value: '2022-04-14' });
  });
  it("a report's or edition's month in its head; not a title naming its events' month", () => {
    for (const [head, month] of [
      ['Report, September 2025', '2025-09'],
      ['Report, Tbilisi, April 2026 — Chapter 3 of 5', '2026-04'],
      ['Published Jakarta, November 2025', '2025-11'],
      ['Versión revisada, Madrid, noviembre de 2026', '2026-11'],
    ] as const) {
      const t = extractPlainText(
        `NORTHERN WATCH\n"Caught Between Two Fires"\n${head}\n\n3.1 Background\n\nOn 3 March three were released.`,
      );
      assert.deepEqual(t.published, { precision: 'month', value: month }, head);
    }
    const title = extractPlainText('Srebrenica, July 1995\n\nOn 11 July the town fell.');
    assert.equal(title.published, undefined);
  });
  it('a report\'s place and month alone under its title, and "Publicado en marzo de 2025" (stop 38 second wave, rounds 39, 41, 43)', () => {
    for (const [head, month] of [
      ['Popayán, noviembre de 2025', '2025-11'],
      ['San Cristóbal de Las Casas, enero de 2026', '2026-01'],
      ['Informe «Defender a quien defiende» · Publicado en marzo de 2025', '2025-03'],
    ] as const) {
      const t = extractPlainText(
        `CORPORACIÓN SALUD Y TERRITORIO\n${head}\n\nCapítulo 2. Contexto\n\nEl 3 de marzo liberaron a tres.`,
      );
      assert.deepEqual(t.published, { precision: 'month', value: month }, head);
    }
    const chapter = extractPlainText(
      'CEDELAG\nCapítulo 3. Río Blanco, enero de 1907: lo que el Estado nunca contó\n\nLos obreros pararon el día 7.',
    );
    assert.equal(chapter.published, undefined, 'a chapter title naming the month of its events');
  });
  it("a publisher's line closing on its place and month, not a table row's date (stop 42, rounds 29, 58)", () => {
    const t = extractPlainText(
      'INFORME ANUAL 2025 SOBRE AGRESIONES\nRed de Defensoras del Sur · Tumaco, octubre de 2025\n\nCAPÍTULO 2\n\nFecha | Nombre | Municipio\n---|---|---\n03/04/2025 | Eliana Q. | Barbacoas\n\nEl 5 de agosto la guardia retuvo a dos.',
    );
    assert.deepEqual(t.published, { precision: 'month', value: '2025-10' });
  });
  it('a given name and a surname that is also a cue word ("Reina Guardado") is not a copy line (stop 42, round 21)', () => {
    const t = extractPlainText(
      'RADIO VALLE — Programa "Voces"\nEmisión del martes 3 de junio de 2025, 19:00. Transcripción hecha por el colectivo de la radio el 5 de junio de 2025.\n\n[00:00] LOCUTORA (Reina Guardado): Buenas noches. Aquel 3 de junio de 1981 llegaron los soldados.',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2025-06-03' });
  });
  it('a yearless wire dateline on an anniversary the lead counts ("Cinco años después"), without a weekday', () => {
    const t = extractPlainText(
      'ANGOLA-DERECHOS HUMANOS\nCinco años después de Cafunfo, las viudas siguen sin cuerpos\n\nLuanda, 30 ene (Prensa Austral).- Cinco años después de que la policía abriera fuego contra una manifestación, ninguna familia ha recibido los restos.\n\nEn la madrugada del 30 de enero de 2021, cientos de personas se dirigían a la comisaría.',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2026-01-30' });
    const none = extractPlainText(
      'ANGOLA\nLas viudas siguen sin cuerpos\n\nLuanda, 30 ene (Prensa Austral).- Ninguna familia ha recibido los restos.\n\nEn la madrugada del 30 de enero de 2021, cientos de personas se dirigían a la comisaría.',
    );
    assert.equal(none.published, undefined, 'without a count of years the year is unknown');
  });
  it('the count in tens and units, from an event of the same month but another day (stop 40 third wave)', () => {
    const t = extractPlainText(
      'PERÚ-MEMORIA (Crónica)\n\nHuancayo, 5 may (Agencia Andina del Sur).- Treinta y dos años después de que una patrulla arrasara el caserío, las familias volvieron a la quebrada.\n\nLa madrugada del 7 de mayo de 1994 los soldados llegaron por el río.',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2026-05-05' });
    const two = extractPlainText(
      'PERÚ-MEMORIA (Crónica)\n\nHuancayo, 5 may (Agencia Andina del Sur).- Diez años después de la masacre, las familias volvieron.\n\nEl 7 de mayo de 1994 llegaron; el 9 de mayo de 2002 volvieron.',
    );
    assert.equal(two.published, undefined, 'two years in that month: which one is counted from is unknown');
  });
});

describe('the day a ruling counts from, written in words (issue 23, stop 39 second wave, rounds 47, 53, 54)', () => {
  it('a dateline repeating the day and year in figures ("Bogotá, D. C., dieciocho (18) de noviembre de dos mil veinte (2020)")', () => {
    const t = extractPlainText(
      'TRIBUNAL SUPERIOR DEL DISTRITO JUDICIAL\nSALA PENAL\n\nBarranquilla, veintiséis (26) de octubre de dos mil veintiséis (2026)\n\nI. HECHOS\n\nLa defensa apeló el 27 de marzo.',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2026-10-26' });
  });
  it('the act\'s formula opening a judgment ("a los catorce días del mes de noviembre de dos mil veintitrés")', () => {
    const t = extractPlainText(
      'PODER JUDICIAL\n\nSENTENCIA DEFINITIVA N.º 57\n\nEn la ciudad de Filadelfia, departamento de Boquerón, a los catorce días del mes de\nnoviembre de dos mil veintitrés, el Tribunal de Sentencia, en la causa seguida a los procesados,\n\nRESULTA:\n\nQue en las audiencias del 16 al 20 de octubre pasado declararon los testigos.',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2023-11-14' });
    const told = extractPlainText(
      'PODER JUDICIAL\n\nSENTENCIA DEFINITIVA N.º 57\n\nEl Tribunal recordó que el catorce de noviembre de dos mil veintitrés declararon los testigos, en la causa seguida a los procesados.',
    );
    assert.equal(told.published, undefined, 'a day the ruling tells, not its own');
  });
});

describe('a letter from a prison named by its common noun; a report dated by its own head (issue 23, stop 40 second wave)', () => {
  it("a place opening with a common noun before a proper name, with the weekday, is the letter's date line", () => {
    const t = extractPlainText(
      'ARCHIVO DE CARTAS\nTranscripción de una carta entregada a su familia el 20 de marzo de 2023.\n\nIbagué, cárcel de Picaleña, domingo 12 de marzo de 2023\n\nMamá:\n\nEl jueves vino el abogado.',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2023-03-12' });
    const long = extractPlainText(
      'Nota del archivo\n\nCentro Federal de Readaptación Social Número 1 de Alta Seguridad, Almoloya de Juárez, martes 4 de abril de 2017\n\nQuerida:\n\nAyer vino el licenciado.',
    );
    assert.deepEqual(long.published, { precision: 'day', value: '2017-04-04' });
  });
  it('a lower-case word not heading a proper name keeps a sentence from being a date line', () => {
    const t = extractPlainText(
      'Nota\n\nLos presos escribieron desde la cárcel de Picaleña, domingo 12 de marzo de 2023\n\nTexto sin otra fecha.',
    );
    assert.equal(t.published, undefined);
  });
  it('a report or summary says in its head where and when it was published or presented', () => {
    const cases: [string, FuzzyDate][] = [
      [
        'CHAPTER 2. THE CAMP\n\nFrom: Walls of Silence. A report by the Sahel Rights Desk, published in Dakar on 4 February 2026.\n\n2.1 The site\n\nThe camp was opened in 2019.',
        { precision: 'day', value: '2026-02-04' },
      ],
      [
        'CAPÍTULO 1\n\nDel informe "Memoria viva", de la Mesa de Memoria, presentado en Rosario el 3 de julio de 2025.\n\nEl sitio funcionó entre 1976 y 1979.',
        { precision: 'day', value: '2025-07-03' },
      ],
      [
        'BACKGROUND\nChapter 1 of a report by the Lake Rights Group (LRG), published in Kampala, May 2024\n\nThe trial opened in 2021.',
        { precision: 'month', value: '2024-05' },
      ],
      [
        'CORTE SUPREMA\nSíntesis de la sentencia preparada por la Oficina de Prensa. Lima, 9 de octubre de 2024.\n\nI. Los hechos',
        { precision: 'day', value: '2024-10-09' },
      ],
    ];
    for (const [text, day] of cases)
      assert.deepEqual(extractPlainText(text).published, day, text.slice(0, 40));
  });
  it('a head that only tells of a past publication 60 characters or more before its date is not dated by it', () => {
    const t = extractPlainText(
      'NOTES\nThe first list was published by the families and the parish priests of the three villages in March 2019.\n\nText.',
    );
    assert.equal(t.published, undefined);
  });
});

describe("a ruling's closing formula dates it (issue 23, stop 40 second wave, rounds 31, 57)", () => {
  it('"DELIVERED, DATED AND SIGNED … THIS 23RD DAY OF JULY, 2025" is its day when nothing heads it', () => {
    const t = extractPlainText(
      'IN THE HIGH COURT AT KISUMU\n\nRULING\n\n1. The applicant was arrested on 3 March 2024 and held until 9 March.\n\nDELIVERED, DATED AND SIGNED AT KISUMU THIS 14TH DAY OF MAY, 2024.\n\nJUDGE',
    );
    assert.deepEqual(t.published, { precision: 'day', value: '2024-05-14' });
    const told = extractPlainText(
      'NOTES\n\nThe court sat on the 4th day of May, 2024, and heard the parties.\n\nEnd.',
    );
    assert.equal(told.published, undefined, 'a day the text tells, with no signing word');
  });
});
