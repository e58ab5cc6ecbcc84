import test from 'ava';
import { prefersCsv, toCsv } from './csv';

test('fields with commas, quotes or line breaks are quoted, quotes doubled, lines end in CRLF', (t) => {
  t.is(toCsv(['a', 'b'], [['plain', 'with,comma'], ['say "hi"', 'two\nlines'], [1.5, 0]]), 'a,b\r\nplain,"with,comma"\r\n"say ""hi""","two\nlines"\r\n1.5,0\r\n');
});

test('Accept negotiation honours q-values and defaults to JSON', (t) => {
  t.true(prefersCsv('text/csv'));
  t.true(prefersCsv('text/csv, */*;q=0.1'));
  t.true(prefersCsv('application/json;q=0.5, text/csv'));
  t.false(prefersCsv(undefined));
  t.false(prefersCsv('*/*'));
  t.false(prefersCsv('application/json, text/csv'));
  t.false(prefersCsv('text/csv;q=0, application/json'));
});
