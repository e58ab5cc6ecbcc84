import test from 'ava';
import { MAY_DECOMPOSE, STEMMERS, fold, stemEnglish, stemSpanish, tokenize } from './text';

const LATIN_DIACRITICS = /[\u0300-\u036f]/g;

test('words are split on whitespace, punctuation and symbols of any script, never inside a word', (t) => {
  t.deepEqual(tokenize('Ñandú, “quoted”—dash… 3.5%: año-nuevo ¿qué? «ok» 東京タワー 👍🏽 l’équipe'), ['nandu', 'quoted', 'dash', '3', '5', 'ano', 'nuevo', 'que', 'ok', '東京タワー', 'l', 'equipe']);
  t.deepEqual(tokenize('\ufeffzero\u00a0width\u2009thin\u3000ideographic\tend'), ['zero', 'width', 'thin', 'ideographic', 'end']);
  t.deepEqual(tokenize(''), []);
  t.deepEqual(tokenize('  ,;  '), []);
});

test('every code unit is a separator or a word character exactly as the documented class says', (t) => {
  // eslint-disable-next-line no-misleading-character-class -- the class is of UTF-16 code units: lone surrogates and variation selectors on purpose
  const words = /[^\s!-/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u2bff\u3000-\u303f\ud800-\udfff\ufe00-\ufe0f\ufe30-\ufe4f\uff00-\uff0f\ufff0-\uffff]+/g;
  const wrong: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const text = `a${String.fromCharCode(c)}b`;
    if (JSON.stringify(tokenize(text)) !== JSON.stringify(fold(text).match(words) ?? [])) wrong.push(c.toString(16));
  }
  t.deepEqual(wrong, []);
});

test('text that skips normalisation folds to the same tokens as if it had been normalised', (t) => {
  const differ: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (MAY_DECOMPOSE.test(ch.toLowerCase())) continue;
    const normalised = `x${ch}y`.toLowerCase().normalize('NFD').replace(LATIN_DIACRITICS, '');
    if (JSON.stringify(tokenize(`x${ch}y`)) !== JSON.stringify(tokenize(normalised))) differ.push(c.toString(16));
  }
  t.deepEqual(differ, []);
  t.is(fold('Año NUEVO, “Café”'), 'ano nuevo, “cafe”');
});

test('the memoised stemmers answer as the stemmers do, however often asked, long words too', (t) => {
  const words = tokenize('running runs ran baked baking bakes carreras corriendo rápidamente internationalisation internacionalización');
  for (let round = 0; round < 3; round++) {
    t.deepEqual(words.map(STEMMERS.en), words.map(stemEnglish));
    t.deepEqual(words.map(STEMMERS.es), words.map(stemSpanish));
  }
});
