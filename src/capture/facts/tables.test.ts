import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { textOf } from '../html.js';
import { columnAt, rowAt, type Table, tablesOf } from './tables.js';

/** Each table as its header's cells and its rows' cells, by their text. */
const shape = (tables: Table[]) =>
  tables.map((t) => [
    t.separator,
    t.header.cells.map((c) => c.text),
    ...t.rows.map((r) => r.cells.map((c) => c.text)),
  ]);

describe('tables pasted as text', () => {
  it('reads a "|" table with outer bars and its "---" rule, and ends it where the rows stop', () => {
    const text =
      'Lista:\n| N.º | Nombre | Municipio |\n|---|:---|---:|\n| 1 | Ana Ruiz | Sucre |\n| 2 | Luis Gil | Mariño |\nFin.';
    assert.deepEqual(shape(tablesOf(text)), [
      ['|', ['N.º', 'Nombre', 'Municipio'], ['1', 'Ana Ruiz', 'Sucre'], ['2', 'Luis Gil', 'Mariño']],
    ]);
  });
  it('reads a "|" table without outer bars, and gives each cell its offsets in the text', () => {
    const text = 'Name | Age | Home\nAna Ruiz |  27 | Ombaku\n';
    const [table] = tablesOf(text);
    assert.deepEqual(shape([table!]), [['|', ['Name', 'Age', 'Home'], ['Ana Ruiz', '27', 'Ombaku']]]);
    for (const c of [...table!.header.cells, ...table!.rows[0]!.cells])
      assert.equal(text.slice(c.start, c.end), c.text);
  });
  it('reads a sheet pasted with tabs, an empty cell kept in its column', () => {
    const text = 'ID\tName\tFrom\nA-1\t\tKarachi\nA-2\tSafi, Gul Ahmad\tQuetta';
    assert.deepEqual(shape(tablesOf(text)), [
      ['\t', ['ID', 'Name', 'From'], ['A-1', '', 'Karachi'], ['A-2', 'Safi, Gul Ahmad', 'Quetta']],
    ]);
  });
  it('keeps ragged rows as they are, and a header with no rows is a table', () => {
    assert.deepEqual(shape(tablesOf('a | b | c | d\n1 | 2 | 3\n| 1 | 2 |\n1 | 2 | 3 | 4 | 5\n')), [
      ['|', ['a', 'b', 'c', 'd'], ['1', '2', '3'], ['1', '2'], ['1', '2', '3', '4', '5']],
    ]);
    assert.deepEqual(shape(tablesOf('Intro.\n\nName | Age | Place\n\nThe end.')), [
      ['|', ['Name', 'Age', 'Place']],
    ]);
  });
  it('reads no table from one separator ("Headline | Outlet", an infobox label and its value) nor from rules alone', () => {
    assert.deepEqual(
      tablesOf('Massacre in the village | The Daily\nLocation\tPretoria Central Prison\n---|---|---\n'),
      [],
    );
  });
  it('reads CRLF lines without the CR in a cell', () => {
    const text = '| Name | Age | City |\r\n|---|---|---|\r\n| Ana | 27 | Lima |\r\n';
    const [table] = tablesOf(text);
    assert.deepEqual(shape([table!]), [['|', ['Name', 'Age', 'City'], ['Ana', '27', 'Lima']]]);
    assert.equal(text.slice(table!.rows[0]!.start, table!.rows[0]!.end), '| Ana | 27 | Lima |');
  });
  it('keeps two tables apart by a blank line apart, and a table with a new separator apart', () => {
    assert.deepEqual(
      shape(tablesOf('Report | Amnesty | 2024\n\nd | e | f\n4 | 5 | 6')).map((t) => t[1]),
      [
        ['Report', 'Amnesty', '2024'],
        ['d', 'e', 'f'],
      ],
    );
    const text = 'a | b | c\n1 | 2 | 3\n\nd | e | f\n4 | 5 | 6\nx\ty\tz\n7\t8\t9';
    assert.deepEqual(
      shape(tablesOf(text)).map((t) => t[1]),
      [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
        ['x', 'y', 'z'],
      ],
    );
  });
  it('reads an HTML table as html.ts writes it (each row its own paragraph, cells apart by tabs) as one table', () => {
    const { document } = parseHTML(
      '<html><body><p>Before.</p><table><tr><th>Name</th><th>Age</th><th>Municipality</th></tr><tr><td>Ana Ruiz</td><td>27</td><td>Ombaku</td></tr><tr><td>Marta Gil</td><td>40</td><td>Bolívar</td></tr></table><p>After.</p></body></html>',
    );
    assert.deepEqual(shape(tablesOf(textOf(document.body))), [
      ['\t', ['Name', 'Age', 'Municipality'], ['Ana Ruiz', '27', 'Ombaku'], ['Marta Gil', '40', 'Bolívar']],
    ]);
  });
  it('finds the row and the column an offset stands in', () => {
    const text = 'Note.\n| # | Name | Held at |\n|---|---|---|\n| 1 | Ana Ruiz | Evin |\n';
    const at = rowAt(text, text.indexOf('Evin'));
    assert.ok(at && at.row === at.table.rows[0]);
    assert.equal(
      at.table.header.cells[columnAt(text, at.table, at.row, text.indexOf('Evin'))]!.text,
      'Held at',
    );
    assert.equal(rowAt(text, text.indexOf('Note')), undefined);
  });
});
