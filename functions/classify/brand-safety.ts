/**
 * Brand safety: GARM-style risk categories, their lexicons (English and Spanish here, French,
 * Italian, German and Portuguese in `lexicons/`), and the rules that turn matched evidence into a
 * risk level per category.
 *
 * Every category has `strong` terms (they mean the risk on their own: "terrorist", "cocaína")
 * and `weak` ones that only count once a strong term is present ("attack", "disparo"), so a
 * football report's "shot" and "ataque" raise nothing. Innocent phrases ("shot of espresso",
 * "killer recipe") consume their words before any of this is matched. A negation ("no drugs
 * were found", "sans blessés") cancels the risk terms just after it, and a court report (trial,
 * verdict, sentence) reports crime rather than showing it, so its crime stays low risk.
 */
import { ADDED_LEXICONS, ADDED_LANGUAGES, type RiskTermStrings } from './lexicons';
import type { TermLists } from './matcher';
import type { LexiconLanguage } from './text';

/** The brand-safety categories Tagline reports (the GARM Brand Safety Floor's usual set). */
export const BRAND_SAFETY_CATEGORIES = [
  'adult',
  'arms',
  'crime',
  'death-injury',
  'drugs',
  'hate-speech',
  'obscenity',
  'piracy',
  'terrorism',
  'spam',
  'sensitive-social-issues',
] as const;

/** One brand-safety category. */
export type BrandSafetyCategory = (typeof BRAND_SAFETY_CATEGORIES)[number];

/** A category's risk; `none` is never reported as a flag. */
export type Risk = 'none' | 'low' | 'medium' | 'high';

/** One flagged category. */
export interface BrandSafetyFlag {
  category: BrandSafetyCategory;
  risk: Exclude<Risk, 'none'>;
}

/** The page's overall risk (its worst flag) and the flags, worst first. */
export interface BrandSafety {
  risk: Risk;
  flags: BrandSafetyFlag[];
}

interface RiskTerms {
  readonly strong: TermLists;
  readonly weak: TermLists;
}

const EN_ES_RISK_TERMS: Readonly<Record<BrandSafetyCategory, RiskTerms>> = {
  adult: {
    strong: {
      en: 'porn=4, porno=4, pornography=4, pornographic=4, sex tape=4, sex video=4, xxx=4, explicit video=3, explicit photos=3, nude=3, nudity=3, naked=2, having sex=3, no-strings sex=4, milf=4, horny=4, webcam girls=3, live cams=3, camgirl=4, erotic=2, erotica=3, adult websites=3, adult site=3, adult content=2, onlyfans=3, strip club=3, stripper=3, fetish=3, bdsm=4, orgasm=4, threesome=3, sexual intercourse=3, escorts=3, hardcore videos=4, casual encounters=2, hook up tonight=3',
      es: 'porno=4, pornografia=4, pornografico=4, video sexual=4, video porno=4, xxx=4, desnudo=2, sexo explicito=4, contenido sexual=3, relaciones sexuales=2, erotico=2, masajistas eroticas=4, chicas escort=4, escorts=3, prostitucion=2, prostitutas=2, sexo completo=4, parejas liberales=3, chicas calientes=3, cachondas=4, onlyfans=3, club de alterne=3, striptease=3, fetiche=3, contenido intimo=2, video intimo=2, porno amateur=4',
    },
    weak: {
      en: 'sex=1, sexual=0.5, sexy=1, hookup=1, hook up=1, explicit=1, escort=1, over 18=1, uncensored=1.5, naughty=1.5, intimate=0.5, leaked=0.5',
      es: 'sexo=1, sexual=0.5, escort=1.5, contactos=0.5, webcam=1, webcams=1, mayores de 18=1, sin censura=1.5, calientes=1, intimo=0.5, filtrado=0.5, discreto=0.5',
    },
  },
  arms: {
    strong: {
      en: 'firearm=3, rifle=3, assault rifle=4, semi-automatic=3, handgun=3, pistol=2.5, shotgun=3, ar-15=4, ak-47=4, kalashnikov=4, ammunition=3, ammo=3, rounds of ammunition=3, calibre=2.5, caliber=2.5, 9mm=2, round magazine=3, gun shop=3, gun store=3, gunsmith=3, firearms dealer=3, gun dealer=3, concealed carry=4, suppressor=3, silencer=2, grenade=3, machine gun=3, submachine gun=4, arms trafficking=4, arms dealer=3, weapons smuggling=4, red dot sight=2, 5.56=3',
      es: 'arma de fuego=3, fusil=3, fusil de asalto=4, rifle=3, escopeta=3, subfusil=4, ametralladora=3, kalashnikov=4, municion=3, cartuchos=2, calibre=2, trafico de armas=4, trafico ilegal de armas=4, armeria=3, licencia de armas=3, mira telescopica=2, granadas de mano=3, silenciador=3, armas de guerra=4, semiautomatica=3, pistolas=2.5',
    },
    weak: {
      en: 'weapon=1.5, gun=1.5, trigger=0.5, shoot=0.5, shot=0.3, shooters=0.5, bullets=1.5, armed=0.5, magazine=0.5, scope=0.5, recoil=1, barrel=0.3',
      es: 'arma=1.5, disparos=0.5, disparar=0.7, disparo al aire=1.5, tiro=0.3, balas=1.5, armado=0.5, culata=1.5, canon=0.3, cerrojo=0.5, retroceso=0.5, granada=0.3',
    },
  },
  crime: {
    strong: {
      en: 'murder=3, murderer=3, homicide=3, stabbing=3, stabbed to death=4, shot dead=4, robbery=2.5, armed robbery=3, armed gang=3, burglary=2, kidnapping=3, sexual assault=3, rape=4, human trafficking=4, organised crime=3, organized crime=3, gangster=3, hitman=3, knife attack=3, fatal stabbing=4, extortion=3, domestic violence=3, crime scene=3, knife wounds=3, robbers=2.5, smuggling ring=3, criminal gangs=3, home invasion=3, mugging=2.5, carjacking=3, at knifepoint=3, at gunpoint=3, violent robbery=3',
      es: 'asesinato=3, asesinada=3, asesinar=3, homicidio=3, punaladas=3, a punaladas=4, apunalado=3, atraco=2.5, atracadores=3, a mano armada=3, a punta de pistola=3, secuestro=3, secuestrado=3, agresion sexual=3, violacion=2, violencia de genero=3, violencia machista=3, malos tratos=3, crimen organizado=3, organizacion criminal=3, sicario=3, trata de personas=4, extorsion=3, tiroteo=3, bandas criminales=3, asalto=2.5, asaltantes=2.5, asaltaron=2.5, robo con violencia=3, robo violento=3, allanamiento de morada=3, a golpes=2, navajazo=3, reyerta=2.5',
    },
    weak: {
      en: 'police=0.5, arrested=1, suspect=1, victim=0.5, gang=1, stolen=0.7, theft=1, fraud=1, prison=1, jail=1, crime=1, criminal=1, killer=1, killing=1, charged with=1, detectives=0.7, masked=1.5, beaten=1.5, tied up=1.5, balaclavas=1.5, threatening=0.5, cctv=0.5, fled=0.5, violence=1, assault=1, smuggling=1, trafficking=1, illegal=0.5',
      es: 'policia=0.5, detenido=1, sospechoso=1, victima=0.5, banda=0.5, robo=1, robado=0.7, estafa=1, carcel=1, prision=1, crimen=1, delito=1, delincuentes=1, agresor=1.5, agresion=1, encapuchados=1.5, ladrones=1, violencia=1, golpes=0.5, huyeron=0.5, asesino=1.5, ilegal=0.5, punetazos=1.5, propinaron=1, ataron=1, machetes=1.5',
    },
  },
  'death-injury': {
    strong: {
      en: 'killed=2.5, were killed=3, death toll=3, dead bodies=3, bodies were=3, bodies lying=3, bodies from=3, body was found=3, body found=3, corpse=3, fatalities=3, fatal=2, wounded=2.5, casualties=2.5, massacre=4, slaughter=3, bloodshed=3, gruesome=3, mutilated=4, beheaded=4, decapitated=4, crushed to death=4, burned alive=4, pronounced dead=3, fatal crash=3, lost their lives=3, civilian deaths=3, mass grave=4, suicide=2.5, stabbed to death=3, shot dead=3, people died=2.5, found dead=3, left dead=3, were dead=2, are dead=2, crush injuries=3',
      es: 'muertos=2.5, fallecidos=2.5, victimas mortales=3, cadaver=3, cuerpo sin vida=3, heridos=2, heridas graves=2.5, perdieron la vida=3, masacre=4, matanza=4, bano de sangre=4, degollado=4, decapitado=4, murieron=2.5, mataron=2.5, mato=2, mortal=1.5, accidente mortal=3, suicidio=2.5, fosa comun=4, fallecieron=2.5, murio=1.5',
    },
    weak: {
      en: 'died=1, death=1, dead=1, bodies=1, injured=1, injuries=0.7, victims=1, rubble=1, blood=0.5, dying=1, survivors=0.5, hurt=0.3',
      es: 'muerte=1, lesion=0.3, lesionado=0.3, victimas=1, escombros=0.7, heridas=1, sangre=0.7, fallecer=1, supervivientes=0.5',
    },
  },
  drugs: {
    strong: {
      en: 'cocaine=3, heroin=3, fentanyl=3, methamphetamine=3, meth=3, crack cocaine=4, crystal meth=4, ecstasy=2.5, mdma=3, ketamine=2.5, lsd=3, opioid=2, overdose=3, drug dealer=4, drug trafficking=4, drugs seizure=3, drug cartel=4, narcotics=3, marijuana=2, getting high=3, street value=3, xylazine=3, naloxone=2, methadone=2, buprenorphine=2, drug use=2, drug addiction=2, addicts=2, street drug=3, trafficking organisation=3, drug haul=3, cocaine haul=4, psilocybin=3, magic mushrooms=4, shrooms=3, microdosing=2, dmt=3, mescaline=3, trip reports=3',
      es: 'cocaina=3, heroina=2, fentanilo=3, metanfetamina=3, cocaina rosa=4, tusi=3, extasis=2, mdma=3, ketamina=2.5, lsd=3, opiaceos=2, opioides=2, sobredosis=3, narcotrafico=4, narcotraficante=4, narco=3, narcolancha=4, hachis=3, marihuana=2, porro=2, alijo=3, fardos=2, traficantes de droga=4, droga=2, drogas sinteticas=3, consumo de drogas=3, punto de venta de droga=3, laboratorio clandestino=3, psilocibina=3, setas alucinogenas=4, hongos alucinogenos=4, setas magicas=4, microdosis=2, colocarse=3, cogollos=3, thc=3',
    },
    weak: {
      en: 'drug=1, cannabis=1.5, weed=0.5, dealers=1.5, cartel=1.5, vaping=1, e-cigarette=1, cigarette=0.7, tobacco=0.7, alcohol=0.5, drunk=1, binge drinking=2, addiction=1, needles=0.7, psychedelic=1.5, trip=0.5',
      es: 'cannabis=1.5, camellos=1.5, vapeo=1, tabaco=0.7, alcohol=0.5, borrachera=1, botellon=1.5, adicciones=1, consumidor=1, intoxicaciones=1, sustancia=0.5',
    },
  },
  'hate-speech': {
    strong: {
      en: 'hate speech=3, hate crime=3, racist=2.5, racism=2, racial slur=3, slurs=2, neo-nazi=4, neo-nazis=4, white supremacist=4, white supremacy=4, white power=4, antisemitic=3, antisemitism=3, islamophobic=3, islamophobia=3, homophobic=3, homophobia=3, transphobic=3, xenophobic=3, xenophobia=3, ethnic cleansing=4, incitement to racial hatred=4, racial hatred=3, monkey chants=4, ku klux klan=4, kkk=4, nazi salutes=4, master race=4, subhuman=4, replace the white race=4, great replacement=4, bigot=2, bigotry=2, inferior race=4, inferior people=3, breed like rats=4, parasitic tribe=4, race traitors=4, backward religion=3, white race=3, our race=2, these invaders=3, drive them out=2.5, go back where they came from=3, control the banks=2, control the media=2, zionist occupied=4, zog=4',
      es: 'discurso de odio=3, delito de odio=3, racista=2.5, racismo=2, insultos racistas=4, canticos racistas=4, gritos de mono=4, neonazi=4, supremacista=3, antisemita=3, antisemitismo=3, islamofobia=3, homofobo=3, homofobia=3, transfobia=3, xenofobo=3, xenofobia=3, limpieza etnica=4, simbologia neonazi=4, odio racial=3, incitacion al odio=4, sudaca=4, saludo nazi=4, raza inferior=4, son inferiores=3, son una plaga=3, echarlos a todos=3, nos sustituyan=2.5, gran reemplazo=4, menas=3, panchitos=3',
    },
    weak: {
      en: 'nazi=1.5, vermin=1.5, invasion=0.5, invaders=1.5, parasites=1.5, parasitic=1.5, filth=1, hatred=1, hate=0.5, extremist=0.5, chanting=0.5, torches=0.5, globalists=1, traitors=0.5, foreigners=0.5, expelled=0.5, by any means necessary=1.5, not like us=1.5',
      es: 'nazi=1.5, moros=1.5, odio=1, inmigrantes=0.3, invasion=0.5, invasores=1.5, invadiendo=1.5, parasitos=1.5, plaga=0.5, inferiores=1, echarlos=1, traidores=0.5, ultras=1, radicales=0.7, pancartas=0.3',
    },
  },
  obscenity: {
    strong: {
      en: 'fuck=4, motherfucker=4, shit=3, bullshit=3, asshole=3, arsehole=3, bastard=2.5, bitch=2.5, cunt=4, prick=2, wanker=3, twat=3, piss off=2',
      es: 'joder=3, jodido=3, mierda=3, puta=3, puto=3, gilipollas=3, cabron=3, hijo de puta=4, me cago en=3, cojones=3, carajo=2, pendejo=3, chingar=3, chingada=3, maricon=4, cono=2.5',
    },
    weak: {
      en: 'crap=1, damn=0.5, bloody=0.5, pissed=1, dick=1, hell=0.3, idiots=0.5',
      es: 'capullo=1.5, hostias=1.5, imbecil=1.5, idiota=1, polla=1.5, zorra=1.5, verga=1.5',
    },
  },
  piracy: {
    strong: {
      en: 'torrent=3, magnet link=3, torrent magnet=4, warez=4, keygen=4, cracked games=4, cracked software=4, full movie=2.5, online free=2, free download=2, download free=2, watch free=2.5, free streaming=2, putlocker=4, 123movies=4, pirate site=4, pirated=3, hdrip=4, web-dl=3, bdrip=4, camrip=4, dual audio=2, illegal streaming=2',
      es: 'torrent=3, descargar gratis=2, descarga directa=2.5, ver online gratis=3, ver gratis=2, gratis online=2, online gratis=2, pelicula completa=2.5, listas iptv=4, ver futbol gratis=4, partidos gratis=3, futbol gratis=3, sin pagar suscripcion=3, canales de pago=2',
    },
    weak: {
      en: 'piracy=1, iptv=1.5, no sign up=1, mirror=0.5, ad blocker=0.5, new domain=1, stream=0.3, subtitles=0.5, links=0.3',
      es: 'iptv=1.5, sin pagar=1, sin cortes=0.5, enlaces=0.5, espejo=0.3, apk=1, pirata=1.5, pirateria=1, nuevo dominio=1, bloqueador de anuncios=0.5, series completas=1, peliculas de estreno=1',
    },
  },
  terrorism: {
    strong: {
      en: 'terrorist=3, terrorism=3, terror attack=4, terrorist attack=4, terror plot=4, jihadist=3, jihad=3, islamic state=3, isis=3, al qaeda=3, suicide bomber=4, suicide bombing=4, car bomb=4, explosive vest=4, suicide vest=4, improvised explosive=3, radicalised=2.5, radicalized=2.5, counter-terrorism=2, extremist group=2.5, claimed responsibility=2.5, pledged allegiance=2, beheading=3, hostages=2, taken hostage=3, bombing=2, bomber=2.5',
      es: 'terrorista=3, terrorismo=3, atentado terrorista=4, atentado=2.5, yihadista=3, yihad=3, estado islamico=3, daesh=3, al qaeda=3, terrorista suicida=4, cinturon de explosivos=4, coche bomba=4, artefacto explosivo=3, radicalizado=2.5, celula yihadista=4, alerta antiterrorista=3, antiterrorista=2, reivindico el atentado=3, rehenes=2, ataques terroristas=4',
    },
    weak: {
      en: 'bomb=1.5, blast=1, explosion=1, explosives=1.5, attack=0.5, militant=1, extremist=1, propaganda=0.5, radicalisation=1, plot=0.3',
      es: 'reivindico=1.5, bomba=1.5, explosion=1, explosivos=1.5, ataque=0.5, propaganda=0.5, radicalizacion=1',
      any: 'eta=1',
    },
  },
  spam: {
    strong: {
      en: 'click here=2, act now=2.5, risk free=2, banks hate=4, doctors hate=4, doctors are stunned=4, do not want you to know=3, don t want you to know=3, make money from home=3, earn money from home=3, making 8, 000 dollars=2, get rich quick=4, quit their jobs=2, quit your job=2, trading robot=4, trading bot=3, double your money=4, free spins=3, casino bonus=3, no deposit bonus=4, weight loss pills=3, burn fat while you sleep=4, offer expires=2.5, expires at midnight=3, before it is too late=2, before it s too late=2, strictly limited=2, overwhelming demand=2.5, secret system=3, guaranteed returns=3, win rate=1.5',
      es: 'haz clic aqui=3, haga clic aqui=3, pincha aqui=2, oferta exclusiva=2, 100 garantizado=3, los medicos estan sorprendidos=4, medicos estan sorprendidos=4, no quieren que conozcas=3, no quieren que sepas=3, gana dinero desde casa=4, ganar dinero desde casa=4, hazte rico=3, sin dieta ni ejercicio=4, pierde 10 kilos=3, antes de que se agote=3, quedan solo=2, pide ya=2, compra ya=2, devolvemos tu dinero=2, robot de trading=4, tiradas gratis=3, bono de casino=3, bono sin deposito=4, oportunidad unica=2, envio discreto=2, quema la grasa=2, quema grasa=2, capsulas milagrosas=4',
    },
    weak: {
      en: 'guaranteed=1, miracle=1.5, secret=0.3, limited time=1, order now=1.5, buy now=1, sign up=0.3, millionaires=1, 100=0.1',
      es: 'garantizado=1, milagro=1.5, milagrosa=2, solo hoy=1.5, sin esfuerzo=1, cambiar tu vida=1, sin receta=1, sorprendidos=0.5',
    },
  },
  'sensitive-social-issues': {
    strong: {
      en: 'abortion=3, anti-abortion=3, pro-life=3, pro-choice=3, roe v wade=3, euthanasia=3, assisted dying=3, assisted suicide=3, death penalty=2.5, capital punishment=2.5, gun control=2.5, same-sex marriage=2, gay marriage=2, transgender rights=2, conversion therapy=3, illegal immigrants=2, mass deportation=2, border wall=2, racial justice=2, black lives matter=2, police brutality=2, bodily autonomy=2, the unborn=2, foetus=2, fetus=2',
      es: 'aborto=3, interrupcion voluntaria del embarazo=3, provida=3, pro vida=3, antiabortista=3, derecho a decidir=2, eutanasia=3, muerte asistida=3, suicidio asistido=3, pena de muerte=2.5, matrimonio homosexual=2, matrimonio igualitario=2, ley trans=2, terapias de conversion=3, inmigracion ilegal=2, inmigrantes ilegales=2, objecion de conciencia=2, cultura de la muerte=2',
    },
    weak: {
      en: 'immigration=0.5, migrants=0.5, refugees=0.3, culture war=1, protests=0.3, women s rights=0.5, lgbtq=1, deportations=1',
      es: 'inmigracion=0.5, inmigrantes=0.3, menores migrantes=1, manifestacion=0.3, feministas=0.5, deportaciones=1',
    },
  },
};

const EN_ES_INNOCENT_PHRASES: TermLists = {
  en: 'shot of espresso, espresso shot, double shot, shot glass, killer recipe, killer feature, killer app, killer backhand, killer instinct, killer heels, photo shoot, portrait shoot, shooting star, bath bomb, the bomb, to die for, drop dead, dead heat, death valley, kill time, back from the dead, from the dead, dead tired, bullet points, bullet point, glue gun, nail gun, staple gun, water pistol, starting gun, penalty shoot-out, penalty shootout, shoot-out, big guns, fire sale, crack an egg, crack open, drug trial, drug trials, breast cancer, sex education, dressed to kill, killing it, price war, war on waste, box office bomb, dead end, dead ball, cold war, star wars, smoking gun, shot in one, long shots, static shots, killer whale, killer whales, bomb cyclone, gunpowder plot, guy fawkes, bath bombs, shoot for the stars, shoot the breeze, dead sea, day of the dead, dead of night, kill switch, war of words, trade war, war on cancer, fight cancer, blow-dry, blow dry, heart attack, panic attack, secret weapon, knockout stage, knockout stages, shot at the title, shots on target, penalty shot',
  es: 'pistola de silicona, pistola de agua, bomba de humo, bomba calorica, de muerte, receta de muerte, esta de muerte, disparo a puerta, tiro a puerta, tiro libre, tiros libres, matar el tiempo, matar el gusanillo, golpe de calor, golpes de efecto, golpe de efecto, golpe ganador, golpes ganadores, ataque de risa, disparo cruzado, a tiro de, cancer de mama, ensayo clinico, tiro al plato, bomba de relojeria, fuego amigo, guerra de precios, campo de tiro, ballena asesina, ballenas asesinas, ciclon bomba, bomba de calor, bombas de calor, bomba de agua, bomba de insulina, dia de los muertos, mar muerto, punto muerto, tiempo muerto, pistola de pintura, pistola de calor, arma secreta, ataque al corazon, ataque de panico, ataque de ansiedad, guerra comercial, guerra de cifras, matar dos pajaros, disparo a puerta, disparos a puerta, fase de eliminatorias',
};

function withAddedLanguages(lists: TermLists, pick: (language: (typeof ADDED_LANGUAGES)[number]) => string): TermLists {
  const merged: { -readonly [language in keyof TermLists]: string } = { ...lists };
  for (const language of ADDED_LANGUAGES) merged[language] = pick(language);
  return merged;
}

function riskTerms(category: BrandSafetyCategory, pick: (terms: RiskTermStrings) => string, lists: TermLists): TermLists {
  return withAddedLanguages(lists, (language) => pick(ADDED_LEXICONS[language].risk[category]));
}

/** Strong and weak terms per category, in every language. */
export const RISK_TERMS: Readonly<Record<BrandSafetyCategory, RiskTerms>> = Object.fromEntries(
  BRAND_SAFETY_CATEGORIES.map((category) => {
    const { strong, weak } = EN_ES_RISK_TERMS[category];
    return [category, { strong: riskTerms(category, (terms) => terms.strong, strong), weak: riskTerms(category, (terms) => terms.weak, weak) }];
  }),
) as Record<BrandSafetyCategory, RiskTerms>;

/**
 * Phrases whose risky-looking words are innocent. They are matched before anything else and
 * consume their words, so "killer recipe" is neither crime nor death.
 */
export const INNOCENT_PHRASES: TermLists = withAddedLanguages(EN_ES_INNOCENT_PHRASES, (language) => ADDED_LEXICONS[language].innocent);

/** Words that negate what follows them ("no", "sin", "sans", "senza", "kein", "sem"). */
export const NEGATION_WORDS: Readonly<Record<LexiconLanguage, string>> = {
  en: 'no not never without none nobody neither nor didn wasn weren isn aren hasn haven',
  es: 'no sin nunca ni ningun ninguna ninguno nadie jamas',
  fr: ADDED_LEXICONS.fr.negation,
  it: ADDED_LEXICONS.it.negation,
  de: ADDED_LEXICONS.de.negation,
  pt: ADDED_LEXICONS.pt.negation,
};

/** The categories a negation cancels: "no injuries", "no weapons", but "no deposit bonus" is still spam. */
export const NEGATABLE_CATEGORIES: ReadonlySet<BrandSafetyCategory> = new Set(['arms', 'crime', 'death-injury', 'drugs', 'terrorism']);

/** How many words after a negation word it reaches. */
export const NEGATION_WINDOW = 3;

/** Terms of court reporting: a trial, a verdict, a sentence, the prosecution. */
export const REPORTING_TERMS: TermLists = withAddedLanguages(
  {
    en: 'court=1.5, trial=1.5, jury=2, judge=1.5, sentenced=2, sentencing=2, convicted=2, conviction=1.5, acquitted=2, verdict=2, prosecutor=1.5, prosecution=1.5, prosecutors=1.5, the defence=1.5, defendant=2, pleaded guilty=2, pleaded not guilty=2, found guilty=2, crown court=2, magistrates=2, appeal=1, testified=1.5, testimony=1.5, jailed=1.5, years in prison=1.5, life sentence=2',
    es: 'juicio=2, tribunal=1.5, juzgado=2, juez=1.5, jueza=1.5, jurado=1.5, condenado=2, condena=1.5, condenada=2, absuelto=2, absuelta=2, sentencia=2, fiscal=1.5, fiscalia=1.5, acusado=1.5, acusada=1.5, la defensa=1.5, audiencia provincial=2, declaro=1, testigos=1, anos de prision=1.5, anos de carcel=1.5, recurso=1, vista oral=2',
  },
  (language) => ADDED_LEXICONS[language].reporting,
);

// Fiction and games talk about murder and guns without being about them, and sport, medicine,
// travel and religion talk about injury and death: where one of these topics leads the page, those
// categories count for much less. News (crime, war, disasters) is never discounted.
const FICTION_AND_GAMES = ['42', 'JLBCU7', '680']; // Books and Literature, Entertainment, Video Gaming
const BODY_AND_SOUL = ['286', '223', '483', '653', '453']; // Medical, Healthy Living, Sports, Travel, Religion
const DISCOUNTED_CONTEXTS: Readonly<Partial<Record<BrandSafetyCategory, readonly string[]>>> = {
  crime: FICTION_AND_GAMES,
  'death-injury': [...FICTION_AND_GAMES, ...BODY_AND_SOUL],
  arms: ['680', '210'], // Video Gaming, Food & Drink ("a shot of rum")
  terrorism: FICTION_AND_GAMES,
};
const CONTEXT_DISCOUNT = 0.4;

// A court report reports these; GARM rates news treatment of them low risk.
const REPORTED_CATEGORIES: ReadonlySet<BrandSafetyCategory> = new Set(['crime', 'drugs', 'arms', 'death-injury']);
const REPORTING_MIN = 5;
const REPORTING_SHARE = 0.5;

const LOW = 1.5;
const MEDIUM = 5;
const HIGH = 10;
const WEAK_ONLY_LOW = 3;
const RISK_ORDER: Readonly<Record<Risk, number>> = { none: 0, low: 1, medium: 2, high: 3 };

function riskOf(strong: number, weak: number): Risk {
  if (strong === 0) return weak >= WEAK_ONLY_LOW ? 'low' : 'none';
  const score = strong + weak;
  if (score >= HIGH) return 'high';
  if (score >= MEDIUM) return 'medium';
  return score >= LOW ? 'low' : 'none';
}

/**
 * Turns per-category evidence into flags. `strong[i]` and `weak[i]` belong to
 * `BRAND_SAFETY_CATEGORIES[i]`; `topTopic` is the page's leading tier 1 category, if any;
 * `reporting` the evidence of court reporting (trial, verdict, sentence).
 */
export function assessBrandSafety(strong: ArrayLike<number>, weak: ArrayLike<number>, topTopic: string | undefined, reporting = 0): BrandSafety {
  const flags: BrandSafetyFlag[] = [];
  const crime = strong[BRAND_SAFETY_CATEGORIES.indexOf('crime')] ?? 0;
  const reported = reporting >= REPORTING_MIN && reporting >= crime * REPORTING_SHARE;
  BRAND_SAFETY_CATEGORIES.forEach((category, i) => {
    const discount = topTopic !== undefined && DISCOUNTED_CONTEXTS[category]?.includes(topTopic) ? CONTEXT_DISCOUNT : 1;
    let risk = riskOf((strong[i] ?? 0) * discount, (weak[i] ?? 0) * discount);
    if (reported && REPORTED_CATEGORIES.has(category) && RISK_ORDER[risk] > RISK_ORDER.low) risk = 'low';
    if (risk !== 'none') flags.push({ category, risk });
  });
  flags.sort((a, b) => RISK_ORDER[b.risk] - RISK_ORDER[a.risk]);
  return { risk: flags[0]?.risk ?? 'none', flags };
}
