import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldName, formPath, nameForms } from '../domain/name-forms.js';
import type { PersonBody } from '../domain/schema.js';
import { pseudonym } from '../security/pseudonym.js';
import { HiddenNames, type NamedPerson } from './hidden-names.js';

const SALT = 'test-salt';
const W = '[withheld]';
const visible = (p: NamedPerson) => p.body.protection === 'public';
const fresh = () => new HiddenNames(SALT, visible, W);

/** Everything the matcher holds, in a canonical order. */
function dump(h: HiddenNames) {
  const { forms, documents } = h.forms.entries();
  return {
    forms: forms.sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    documents: documents.sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    terms: [...h.terms].sort(),
    hidden: h.hidden,
  };
}

const person = (id: string, b: Partial<PersonBody>): NamedPerson => ({
  id,
  body: { protection: 'protected', ...b } as PersonBody,
});

/**
 * The matcher's forms computed the plain way, over all persons at once (as the presenter built it
 * before it was incremental): distinctive surnames from every visible and hidden person, then each
 * hidden person's forms; a form of several hidden persons is withheld.
 */
function reference(all: NamedPerson[]): [string, string][] {
  const hidden = all.filter((p) => !visible(p));
  const seen = new Set<string>();
  for (const p of all)
    if (visible(p)) for (const s of [p.body.firstSurname, p.body.secondSurname]) if (s) seen.add(foldName(s));
  const distinctive = new Set<string>();
  for (const p of hidden) {
    const { firstSurname: s1, secondSurname: s2 } = p.body;
    for (const s of [s1, s2, s1 && s2 ? `${s1} ${s2}` : undefined])
      if (
        s &&
        s.length >= 4 &&
        !foldName(s)
          .split(' ')
          .some((w) => seen.has(w))
      )
        distinctive.add(foldName(s));
  }
  const owners = new Map<string, Set<string>>();
  for (const p of hidden)
    for (const f of nameForms(p.body, distinctive)) {
      const path = formPath(f).join(' ');
      if (!path) continue;
      owners.set(path, (owners.get(path) ?? new Set()).add(pseudonym(SALT, p.id)));
    }
  return [...owners]
    .map(([path, a]): [string, string] => [path, a.size === 1 ? [...a][0]! : W])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe('HiddenNames (incremental hidden-identity matcher)', () => {
  it('hides a protected person’s forms and documents as the pseudonym, and forgets them', () => {
    const h = fresh();
    h.put(
      person('p1', {
        givenNames: 'María José',
        firstSurname: 'Pérez',
        secondSurname: 'Gil',
        documents: [{ number: 'V-12.345.678' } as never],
      }),
    );
    const alias = pseudonym(SALT, 'p1');
    assert.equal(
      h.forms.replace('Vimos a M. Pérez y a Pérez Gil, C.I. 12345678', (v) => v),
      `Vimos a ${alias} y a ${alias}, C.I. ${alias}`,
    );
    assert.ok(h.terms.has('perez'));
    h.put(person('p1', { givenNames: 'María José', firstSurname: 'Pérez', protection: 'public' }));
    assert.equal(h.forms.size, 0);
    assert.equal(h.terms.size, 0);
    assert.equal(h.hidden, 0);
  });

  it('a surname stands alone only while no visible person carries it, and follows that person’s writes', () => {
    const h = fresh();
    h.put(person('p1', { givenNames: 'Ana', firstSurname: 'Zambrano' }));
    assert.notEqual(h.forms.get('Zambrano'), undefined, 'distinctive: hidden alone');
    h.put(person('v1', { givenNames: 'Luis', firstSurname: 'Zambrano', protection: 'public' }));
    assert.equal(h.forms.get('Zambrano'), undefined, 'a visible Zambrano: the surname alone is not hidden');
    assert.notEqual(h.forms.get('Ana Zambrano'), undefined);
    h.put(person('v1', { givenNames: 'Luis', firstSurname: 'Rojas', protection: 'public' }));
    assert.notEqual(h.forms.get('Zambrano'), undefined, 'renamed: distinctive again');
    h.put(person('v1', { givenNames: 'Luis', firstSurname: 'Zambrano', protection: 'public' }));
    h.remove('v1');
    assert.equal(h.forms.get('Zambrano'), pseudonym(SALT, 'p1'));
  });

  it('a form two hidden persons share is withheld, and theirs again when one is no longer hidden', () => {
    const h = fresh();
    h.put(person('p1', { givenNames: 'Ana', firstSurname: 'Rojas' }));
    h.put(person('p2', { givenNames: 'Ana', firstSurname: 'Rojas', secondSurname: 'Mena' }));
    assert.equal(h.forms.get('Ana Rojas'), W);
    assert.equal(h.forms.get('Ana Rojas Mena'), pseudonym(SALT, 'p2'));
    h.put(person('p2', { givenNames: 'Ana', firstSurname: 'Rojas', protection: 'public' }));
    assert.equal(h.forms.get('Ana Rojas'), pseudonym(SALT, 'p1'));
    assert.equal(h.forms.get('Ana Rojas Mena'), undefined);
  });

  it('after any sequence of writes equals a matcher built from scratch from the same persons', () => {
    const given = ['Ana', 'María José', 'Luis', 'Yusleidy', ''];
    const surnames = ['Pérez', 'Gil', 'de la Cruz', 'Zambrano', 'Cruz', 'Rojas', 'Li', ''];
    const body = fc.record({
      givenNames: fc.constantFrom(...given),
      firstSurname: fc.constantFrom(...surnames),
      secondSurname: fc.constantFrom(...surnames),
      aliases: fc.array(fc.constantFrom('el Gocho', 'Yu', 'La Flaca'), { maxLength: 2 }),
      documents: fc.array(fc.constantFrom('V-12.345.678', 'E-8.765.432', '123'), { maxLength: 2 }),
      protection: fc.constantFrom('public', 'restricted', 'protected'),
    });
    const op = fc.oneof(
      { weight: 4, arbitrary: fc.record({ id: fc.integer({ min: 1, max: 8 }), body }) },
      { weight: 1, arbitrary: fc.record({ id: fc.integer({ min: 1, max: 8 }) }) },
    );
    type B = {
      givenNames: string;
      firstSurname: string;
      secondSurname: string;
      aliases: string[];
      documents: string[];
      protection: string;
    };
    const toPerson = (id: number, b: B) =>
      ({
        id: `p${id}`,
        body: {
          ...b,
          givenNames: b.givenNames || undefined,
          firstSurname: b.firstSurname || undefined,
          secondSurname: b.secondSurname || undefined,
          documents: b.documents.map((number) => ({ number })),
        } as unknown as PersonBody,
      }) satisfies NamedPerson;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.integer(), (ops, seed) => {
        const h = fresh();
        const now = new Map<string, NamedPerson>();
        for (const o of ops) {
          if ('body' in o) {
            const p = toPerson(o.id, o.body);
            h.put(p);
            now.set(p.id, p);
          } else {
            h.remove(`p${o.id}`);
            now.delete(`p${o.id}`);
          }
        }
        // Built from scratch, in another order.
        const rebuilt = fresh();
        const ps = [...now.values()];
        for (let i = 0; i < ps.length; i++) {
          const j = Math.abs(seed + i * 7919) % ps.length;
          [ps[i], ps[j]] = [ps[j]!, ps[i]!];
        }
        for (const p of ps) rebuilt.put(p);
        assert.deepEqual(dump(h), dump(rebuilt));
        assert.deepEqual(dump(h).forms, reference([...now.values()]));
      }),
      { numRuns: 300 },
    );
  });
});
