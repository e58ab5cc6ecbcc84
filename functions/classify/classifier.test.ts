import test from 'ava';
import { RISK_TERMS } from './brand-safety';
import { BRAND_SAFETY_CATEGORIES, classifyPage, type Classification, type PageInput } from './classifier';
import { loadEvalSet, measure, missedGoals, runEval } from './evaluation';
import type { TermLists } from './matcher';
import { TAXONOMY } from './taxonomy';
import { LEXICON_LANGUAGES, STEMMERS, tokenize } from './text';
import { TOPIC_TERMS } from './topics';

const SPORTS = '483';
const FOOD_AND_DRINK = '210';

function tier1(classification: Classification): string[] {
  return classification.categories.filter((category) => category.tier === 1).map((category) => category.id);
}

function flag(classification: Classification, category: string): string | undefined {
  return classification.brandSafety.flags.find((flagged) => flagged.category === category)?.risk;
}

test('a Spanish football match report is Sports, with a tier 2 category under it', (t) => {
  const result = classifyPage({
    url: 'https://www.diario.example/deportes/futbol/betis-villarreal',
    title: 'El Betis remonta ante el Villarreal con un doblete de su delantero',
    lang: 'es-ES',
    text:
      'El Real Betis se impuso por 3-1 al Villarreal en un Benito Villamarín entregado. Los visitantes se adelantaron con un gol de cabeza ' +
      'tras un saque de esquina, pero el delantero verdiblanco empató antes del descanso con un disparo cruzado y firmó el segundo de ' +
      'penalti. El portero local detuvo un mano a mano en el minuto 80 y el extremo sentenció a la contra. El entrenador destacó la ' +
      'reacción del equipo, que suma tres victorias seguidas y se acerca a los puestos europeos de LaLiga.',
  });
  t.is(result.language, 'es');
  t.is(result.confidence, 'high');
  t.is(tier1(result)[0], SPORTS);
  const child = result.categories.find((category) => category.tier === 2);
  t.is(child === undefined ? undefined : TAXONOMY.get(child.id)?.parent, SPORTS);
  t.is(result.brandSafety.risk, 'none');
});

test('an English recipe is Food & Drink', (t) => {
  const result = classifyPage({
    url: 'https://cooking.example/recipes/slow-cooked-beef-ragu',
    title: 'Slow-cooked beef ragu',
    text:
      'Brown 1kg of beef shin in batches in a heavy casserole with a little olive oil, then set aside. Soften a chopped onion, carrot ' +
      'and celery stick in the same pan, add three sliced garlic cloves and a tablespoon of tomato purée, and cook for two minutes. ' +
      'Pour in a glass of red wine and let it bubble, then add two tins of tomatoes, a bay leaf and the beef. Simmer gently with the ' +
      'lid on for three hours, until the meat falls apart. Shred it with two forks, season and serve with pappardelle and parmesan.',
  });
  t.is(result.language, 'en');
  t.is(tier1(result)[0], FOOD_AND_DRINK);
});

test('a news report of a terror attack is high risk, flagged as terrorism', (t) => {
  const result = classifyPage({
    url: 'https://world.example/news/attack-on-shopping-centre',
    title: 'Gunmen kill 18 in terrorist attack on shopping centre',
    text:
      'At least 18 people were killed and dozens wounded when gunmen and a suicide bomber attacked a crowded shopping centre on ' +
      'Saturday, officials said. The attackers opened fire on shoppers before one of them detonated an explosive vest near the main ' +
      'entrance. Islamic State claimed responsibility for the attack. Security forces ended a six-hour siege late at night, and the ' +
      'government declared three days of mourning.',
  });
  t.is(result.brandSafety.risk, 'high');
  t.is(flag(result, 'terrorism'), 'high');
  t.true(['medium', 'high'].includes(flag(result, 'death-injury') ?? 'none'));
});

test('a news report on a war is a death and injury risk', (t) => {
  const result = classifyPage({
    url: 'https://world.example/conflict/frontline',
    title: 'Shelling kills civilians as offensive intensifies',
    text:
      'Artillery and drone strikes killed at least nine civilians overnight and wounded more than thirty, regional officials said, as ' +
      'troops pushed forward along the front line. Rescue workers pulled bodies from the rubble of a school used as a shelter.',
  });
  t.true(['medium', 'high'].includes(flag(result, 'death-injury') ?? 'none'));
});

test('a cooking page with "shot" and "killer recipe" raises no brand-safety flag', (t) => {
  const result = classifyPage({
    url: 'https://dessert.example/recipes/affogato',
    title: 'Affogato: a killer recipe that takes two minutes',
    text:
      'Put a scoop of good vanilla ice cream in a small glass, pull a shot of espresso and pour it straight over the top. For a ' +
      'grown-up version, add a splash of amaretto. Pull a double shot if you like it strong, and serve with a crisp almond biscuit.',
  });
  t.is(tier1(result)[0], FOOD_AND_DRINK);
  t.is(result.brandSafety.risk, 'none');
  t.deepEqual(result.brandSafety.flags, []);
});

test('a page in a language without a lexicon gets low confidence, its language code and no guessed category', (t) => {
  const dutch = classifyPage({
    url: 'https://nieuws.example/politiek/energiewet',
    title: 'Tweede Kamer neemt nieuwe wet voor duurzame energie aan',
    text:
      'De Tweede Kamer heeft op woensdag een wet aangenomen die de bouw van wind- en zonneparken moet versnellen. Het kabinet wil ' +
      'daarmee de klimaatdoelen halen, de oppositie is kritisch over de kosten voor de consumenten en voor de industrie. Voetbal en ' +
      'de Champions League kwamen in het debat niet aan bod.',
  });
  t.is(dutch.language, 'nl');
  t.is(dutch.confidence, 'low');
  t.deepEqual(dutch.categories, []);

  const japanese = classifyPage({ url: 'https://news.example/jp', title: '東京でサッカーの試合', text: '日本代表は昨夜、東京で行われた試合に勝利した。' });
  t.is(japanese.language, 'ja');
  t.is(japanese.confidence, 'low');
  t.deepEqual(japanese.categories, []);
});

test('the detected language wins over a wrong declared one; the declared one decides short text', (t) => {
  const text = 'The government said on Tuesday that the new rules would come into force next year, after a vote in parliament.';
  t.is(classifyPage({ url: 'https://x.example/a', lang: 'es', text }).language, 'en');
  t.is(classifyPage({ url: 'https://x.example/b', lang: 'es-ES', title: 'Alcaraz, campeón' }).language, 'es');
  t.is(classifyPage({ url: 'https://x.example/c', title: 'Alcaraz' }).language, 'und');
});

test('an empty page has no categories, no risk and language und', (t) => {
  t.deepEqual(classifyPage({ url: '' }), {
    categories: [],
    brandSafety: { risk: 'none', flags: [] },
    language: 'und',
    confidence: 'low',
  });
});

test('malformed, hostile and huge input never throws', (t) => {
  const hostile: unknown[] = [
    null,
    undefined,
    42,
    'a string',
    {},
    { url: 42, title: { nested: true }, keywords: 'not an array', imageAlts: [1, null, 'ok'], lang: 7, text: ['x'] },
    { url: 'http://[::1', title: '\ud800\udc00\ud800 lone surrogates \udfff', text: '\u200d\u200b\ufeff\u202e reversed עברית العربية 🇪🇸🎉' },
    { url: '%E0%A4%A', text: 'ǅ ﬁ Ⅻ ㊿ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ⓦⓘⓓⓔ 𝟙𝟚𝟛 ' + 'é'.normalize('NFD').repeat(1000) },
    { url: 'https://x.example', keywords: Array.from({ length: 10_000 }, () => 'football'), imageAlts: Array.from({ length: 10_000 }, () => 'goal') },
    { url: 'https://x.example', title: 'x'.repeat(1_000_000), text: 'the war on terror '.repeat(300_000) },
  ];
  for (const input of hostile) {
    const result = classifyPage(input as PageInput);
    t.true(Array.isArray(result.categories));
    t.true(['none', 'low', 'medium', 'high'].includes(result.brandSafety.risk));
    t.is(typeof result.language, 'string');
  }
});

test('every result is made of taxonomy categories, best first, each tier 2 under a listed tier 1', (t) => {
  for (const { classification } of runEval(loadEvalSet())) {
    const { categories, brandSafety } = classification;
    t.true(categories.length <= 6);
    categories.forEach((category, i) => {
      const known = TAXONOMY.get(category.id);
      t.is(known?.name, category.name);
      t.is(known?.tier, category.tier);
      t.true(category.score > 0 && category.score <= 1);
      if (i > 0) t.true(category.score <= (categories[i - 1]?.score ?? 1));
      if (category.tier === 2) t.true(categories.some((parent) => parent.id === known?.parent));
    });
    for (const flagged of brandSafety.flags) t.true(BRAND_SAFETY_CATEGORIES.includes(flagged.category));
  }
});

test('no list names the same term twice (inflections stem alike and would hide a weight)', (t) => {
  const lists: [string, TermLists][] = [
    ...Object.entries(TOPIC_TERMS),
    ...Object.entries(RISK_TERMS).flatMap(([category, terms]): [string, TermLists][] => [[`${category} strong`, terms.strong], [`${category} weak`, terms.weak]]),
  ];
  for (const [name, terms] of lists) {
    for (const language of LEXICON_LANGUAGES) {
      const stems = (terms[language] ?? '').split(',').map((term) => {
        const text = term.replace(/=[\d.]+\s*$/, '').trim();
        return text.endsWith('*') ? text : tokenize(text).map(STEMMERS[language]).join(' ');
      });
      const repeated = stems.filter((stem, i) => stem !== '' && stems.indexOf(stem) !== i);
      t.deepEqual(repeated, [], `${name} (${language})`);
    }
  }
});

test('the evaluation set is large, bilingual, varied and has a holdout of at least 30%', (t) => {
  const items = loadEvalSet();
  const english = items.filter((item) => item.lang === 'en').length;
  t.true(items.length >= 120);
  t.true(english >= items.length * 0.4 && english <= items.length * 0.6);
  t.true(new Set(items.map((item) => item.tier1)).size >= 15);
  t.true(items.filter((item) => item.unsafe).length >= 20);
  t.true(items.filter((item) => item.split === 'holdout').length >= items.length * 0.3);
  t.is(new Set(items.map((item) => item.id)).size, items.length);
  for (const item of items) {
    t.true(item.text.length >= 300 && item.text.length <= 1500, item.id);
    t.is(TAXONOMY.get(item.tier1)?.tier, 1, item.id);
  }
});

test('the holdout split meets the accuracy and brand-safety goals', (t) => {
  const holdout = runEval(loadEvalSet().filter((item) => item.split === 'holdout'));
  t.deepEqual(missedGoals(measure(holdout)), []);
});
