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

test('a text cell a spreadsheet would run as a formula is prefixed with a quote and quoted (OWASP); numbers stay numbers', (t) => {
  const cells = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', 'camp-1'];
  t.is(toCsv(['c'], cells.map((c) => [c])), 'c\r\n"\'=HYPERLINK(""http://x"",""y"")"\r\n"\'+1+1"\r\n"\'-2+3"\r\n"\'@SUM(A1)"\r\n"\'\tcmd"\r\n"\'\rcmd"\r\ncamp-1\r\n');
  t.is(toCsv(['n'], [[-1.5]]), 'n\r\n-1.5\r\n');
});
