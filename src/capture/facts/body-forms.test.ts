/**
 * A body's short forms tied to its full name (body-forms.ts): names written for this test in the shapes
 * of the development texts (rulings' "the Court", radio transcripts, NGO reports), not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withBodyForms } from './body-forms.js';
import type { EntityMention } from './entities.js';

/** One mention per name, in order, each an organization unless it says "place:" first. */
const mentions = (...names: string[]): EntityMention[] =>
  names.map((n, k) => {
    const place = n.startsWith('place:');
    const text = place ? n.slice(6) : n;
    return {
      kind: place ? 'place' : 'organization',
      start: k * 100,
      end: k * 100 + text.length,
      text,
      value: text,
    };
  });
const values = (...names: string[]) => withBodyForms('', mentions(...names)).map((m) => m.value);

describe('short forms of a body named in full', () => {
  it('ties a head word alone to the one body whose name holds it', () => {
    assert.deepEqual(values('Lakeside Families Archive', 'Archive'), [
      'Lakeside Families Archive',
      'Lakeside Families Archive',
    ]);
    assert.deepEqual(values('Ministerio de Obras Públicas', 'Ministerio'), [
      'Ministerio de Obras Públicas',
      'Ministerio de Obras Públicas',
    ]);
  });

  it('leaves a head word alone when two bodies hold it', () => {
    assert.deepEqual(values('Northern District Court', 'Court of Appeal', 'Court'), [
      'Northern District Court',
      'Court of Appeal',
      'Court',
    ]);
  });

  it('ties the first words when the name goes on with a place or a body word', () => {
    assert.deepEqual(values('Radio Lumo Kindu', 'Radio Lumo'), ['Radio Lumo Kindu', 'Radio Lumo Kindu']);
    assert.deepEqual(values('Silver Delta Corporation', 'Silver Delta'), [
      'Silver Delta Corporation',
      'Silver Delta Corporation',
    ]);
  });

  it('leaves the first words when another name word goes on', () => {
    assert.deepEqual(values('Asamblea Nacional Constituyente', 'Asamblea Nacional'), [
      'Asamblea Nacional Constituyente',
      'Asamblea Nacional',
    ]);
  });

  it('ties the last words after words of the name, not an owner after "de"', () => {
    assert.deepEqual(values('Centro de Derechos Humanos Kalinda', 'Kalinda'), [
      'Centro de Derechos Humanos Kalinda',
      'Centro de Derechos Humanos Kalinda',
    ]);
    assert.deepEqual(values('Danish Ombudsman', 'Ombudsman'), ['Danish Ombudsman', 'Danish Ombudsman']);
    assert.deepEqual(values('Departamento de Archivos de la Policía Nacional', 'Policía Nacional'), [
      'Departamento de Archivos de la Policía Nacional',
      'Policía Nacional',
    ]);
  });

  it('reads the Red Cross as the ICRC where the text names it, and Komnas HAM as the national commission', () => {
    assert.deepEqual(values('ICRC', 'Cruz Roja'), ['ICRC', 'ICRC']);
    assert.deepEqual(values('Cruz Roja'), ['Cruz Roja']);
    assert.deepEqual(values('Komnas HAM', 'National Commission on Human Rights'), [
      'National Commission on Human Rights',
      'National Commission on Human Rights',
    ]);
  });

  it("ties a chamber named by its role to the text's one court, or its one international court", () => {
    assert.deepEqual(values('Special Tribunal for Lebanon', 'Trial Chamber II'), [
      'Special Tribunal for Lebanon',
      'Special Tribunal for Lebanon',
    ]);
    assert.deepEqual(values('Tribunal Europeo de Derechos Humanos', 'Corte Suprema', 'Gran Sala'), [
      'Tribunal Europeo de Derechos Humanos',
      'Corte Suprema',
      'Tribunal Europeo de Derechos Humanos',
    ]);
    assert.deepEqual(values('Corte Suprema', 'Tribunal Superior', 'Trial Chamber'), [
      'Corte Suprema',
      'Tribunal Superior',
      'Trial Chamber',
    ]);
  });

  it("ties a chamber named alone or by its remit to the text's one court or jurisdiction", () => {
    assert.deepEqual(values('Jurisdicción Especial para la Paz', 'Sala de Amnistía o Indulto', 'Sala'), [
      'Jurisdicción Especial para la Paz',
      'Jurisdicción Especial para la Paz',
      'Jurisdicción Especial para la Paz',
    ]);
    assert.deepEqual(
      values('Special Court for Sierra Leone', 'Chamber for Appeals of Detainees', 'Chamber'),
      ['Special Court for Sierra Leone', 'Special Court for Sierra Leone', 'Special Court for Sierra Leone'],
    );
    // A chamber of commerce, a press room, or a chamber beside two courts stays apart.
    assert.deepEqual(values('High Court', 'Chamber of Commerce', 'Sala de Prensa'), [
      'High Court',
      'Chamber of Commerce',
      'Sala de Prensa',
    ]);
    assert.deepEqual(values('Corte Suprema', 'Tribunal Superior', 'Sala'), [
      'Corte Suprema',
      'Tribunal Superior',
      'Sala',
    ]);
  });

  it('ties a press office alone to the body its signature names beside it', () => {
    const text = 'La Fundación Norte denunció el hecho. Oficina de Prensa · Guardia Costera Nacional';
    const at = (name: string): EntityMention => {
      const start = text.indexOf(name);
      return { kind: 'organization', start, end: start + name.length, text: name, value: name };
    };
    const out = withBodyForms(text, [
      at('Fundación Norte'),
      at('Oficina de Prensa'),
      at('Guardia Costera Nacional'),
    ]);
    assert.deepEqual(
      out.map((m) => m.value),
      ['Fundación Norte', 'Guardia Costera Nacional', 'Guardia Costera Nacional'],
    );
    assert.deepEqual(values('Fundación Norte', 'Oficina de Prensa'), [
      'Fundación Norte',
      'Oficina de Prensa',
    ]);
  });

  it('leaves persons and places alone', () => {
    assert.deepEqual(values('place:Kindu', 'Radio Lumo Kindu', 'Radio Lumo'), [
      'Kindu',
      'Radio Lumo Kindu',
      'Radio Lumo Kindu',
    ]);
  });
});

describe("a sala under its court's name in a ruling's heading", () => {
  const heading = (text: string, ...names: string[]) => {
    const found: EntityMention[] = names.map((n) => {
      const start = text.indexOf(n);
      return { kind: 'organization', start, end: start + n.length, text: n, value: n };
    });
    return withBodyForms(text, found).map((m) => m.value);
  };
  it('ties the sala to the court written right above it', () => {
    assert.deepEqual(
      heading(
        'AUDIENCIA PROVINCIAL\nSala de lo Civil\n\nSentencia',
        'AUDIENCIA PROVINCIAL',
        'Sala de lo Civil',
      ),
      ['AUDIENCIA PROVINCIAL', 'AUDIENCIA PROVINCIAL'],
    );
  });
  it('leaves a sala the text names apart from any court', () => {
    assert.deepEqual(
      heading(
        'El Juzgado Tercero de Paz remitió el caso; la Sala Constitucional admitió el amparo.',
        'Juzgado Tercero de Paz',
        'Sala Constitucional',
      ),
      ['Juzgado Tercero de Paz', 'Sala Constitucional'],
    );
  });
});
