/**
 * Pages as the publisher tag reads them (title, description, keywords, language, the article's
 * first few kilobytes, image alts), written as real articles: one a reader would file under
 * Travel with nothing a brand would avoid, and two that a brand-safety reviewer keeps ads off
 * (a fatal stabbing, in English; a drug-trafficking bust, in Spanish).
 */

/** The `page` object of an ad request, less its URL. */
export interface PageContent {
  title: string;
  description: string;
  keywords: string[];
  lang: string;
  text: string;
  imageAlts: string[];
}

export const TRAVEL_PAGE: PageContent = {
  title: 'Three slow days in Porto: port lodges, tiled churches and the Douro at dusk',
  description: 'Where to stay, eat and wander on a long weekend in Portugal’s second city, and how to get there without flying.',
  keywords: ['porto', 'portugal', 'city break', 'weekend'],
  lang: 'en',
  imageAlts: ['The Dom Luís I bridge over the Douro at sunset', 'Blue and white azulejo tiles on a church front'],
  text: [
    'Porto rewards the traveller who refuses to hurry. The city tumbles down granite hillsides to the Douro, and almost every street seems to end in a staircase, a viewpoint or a café with three tables on the pavement.',
    'We arrived on the overnight train from Madrid and checked into a small guesthouse in Ribeira, a room with a balcony over the river for a little under ninety euros a night in April. Book ahead for summer, when the old quarter fills with tour groups and prices nearly double.',
    'Start early at the Bolhão market, reopened after a long restoration, where stallholders sell salt cod, cherries and tins of sardines wrapped like sweets. Walk uphill to the Clérigos tower for the view, then lose an afternoon among the blue-and-white tiles of the Capela das Almas and São Bento station, whose entrance hall tells the history of the country in twenty thousand azulejos.',
    'Cross the double-decker Dom Luís I bridge on foot to Vila Nova de Gaia, where the port lodges open their cellars for tastings. A guided visit costs between fifteen and thirty euros and usually ends with a glass of tawny on a terrace above the water. Come back at dusk, when the light turns the whole riverfront gold.',
    'For dinner, skip the restaurants with picture menus on the quay and climb two streets to a tasca serving grilled octopus, green wine and the famous francesinha, a sandwich built for people who have walked all day. Trams 1 and 22 are worth riding once for the creaking wooden carriages alone; the metro is faster for getting to the beaches at Matosinhos.',
    'Getting there: direct trains run from Lisbon in under three hours, and the airport is twenty minutes from the centre by metro. A 24-hour Andante card covers buses, trams and the metro. Three days is enough to see the city; five lets you add a boat trip up the Douro valley to the vineyards and quintas upstream.',
  ].join('\n\n'),
};

export const STABBING_PAGE: PageContent = {
  title: 'Teenager stabbed to death outside station as police hunt masked attackers',
  description: 'A 17-year-old died at the scene after a group armed with knives chased him through a crowded ticket hall on Saturday night.',
  keywords: ['stabbing', 'knife crime', 'murder investigation'],
  lang: 'en',
  imageAlts: ['Police tape and forensic officers outside the station entrance'],
  text: [
    'A murder investigation has been launched after a 17-year-old boy was stabbed to death outside a railway station on Saturday night, in what detectives described as a targeted attack.',
    'Witnesses said a group of four or five masked men chased the teenager through the ticket hall shortly after 10pm before attacking him on the pavement outside. Commuters tried to stem the bleeding until paramedics arrived, but he was pronounced dead at the scene. A second young man was taken to hospital with knife wounds to his arms and is in a stable condition.',
    'Detective Chief Inspector Sarah Doyle said the attackers fled on foot towards the canal and may have dumped their weapons and clothing. “This was a horrific and violent killing in front of dozens of people, including children,” she said. “Someone knows who did this. I would urge anyone with footage from the station or the surrounding streets to come forward.”',
    'Forensic officers remained at the scene on Sunday and the station entrance was closed for most of the day. Flowers and handwritten notes had been left against the railings by lunchtime.',
    'The victim’s family said in a statement that he was a talented footballer who had just started an apprenticeship. It is the fourth fatal stabbing of a teenager in the city this year, and community leaders have called for more youth workers and patrols after a spate of gang-related violence.',
    'Two men, aged 19 and 21, were arrested on suspicion of murder on Sunday evening and remain in custody. Police have been granted extra stop and search powers in the area until Tuesday.',
  ].join('\n\n'),
};

export const DRUG_BUST_PAGE: PageContent = {
  title: 'Cae una red que introducía cocaína en el puerto de Algeciras escondida en cajas de plátanos',
  description: 'La Guardia Civil se incauta de 1.200 kilos de cocaína y detiene a 14 personas en Cádiz, Málaga y Madrid.',
  keywords: ['narcotráfico', 'cocaína', 'Guardia Civil', 'Algeciras'],
  lang: 'es',
  imageAlts: ['Agentes junto a los fardos de cocaína incautados en el puerto'],
  text: [
    'La Guardia Civil ha desarticulado una organización dedicada a introducir cocaína en Europa a través del puerto de Algeciras, ocultando la droga entre cajas de plátanos procedentes de Ecuador. En la operación, desarrollada durante más de un año, los agentes se han incautado de 1.200 kilos de cocaína, 300.000 euros en efectivo y varias armas de fuego.',
    'Según fuentes de la investigación, la red contaba con trabajadores del puerto que retiraban los fardos de los contenedores antes de que pasaran los controles. La droga se almacenaba en naves de polígonos de Los Barrios y se distribuía después a grupos de traficantes de Málaga y Madrid, que la vendían al por menor.',
    'Los catorce detenidos, entre ellos el presunto cabecilla, un empresario de la comarca con antecedentes por narcotráfico, están acusados de delitos contra la salud pública, blanqueo de capitales, tenencia ilícita de armas y pertenencia a organización criminal. El juez ha decretado prisión provisional para nueve de ellos.',
    'En los registros se hallaron también básculas de precisión, sustancias para adulterar la droga y una prensa hidráulica para fabricar ladrillos de cocaína. Los investigadores calculan que la mercancía habría alcanzado en la calle un valor superior a los 70 millones de euros.',
    'El Campo de Gibraltar sigue siendo una de las principales puertas de entrada de hachís y cocaína en la península. Las asociaciones de vecinos reclaman desde hace años más medios para combatir a los clanes, que utilizan lanchas rápidas y almacenes en zonas residenciales.',
  ].join('\n\n'),
};
