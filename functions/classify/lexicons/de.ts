/**
 * German lexicon: topics by IAB taxonomy id, brand safety, negation and court reporting.
 * German writes compounds as one word (`Bundesligaspiel`, `Aktienkurs`), so frequent first parts
 * are prefix terms (`bundesliga*`), which count where no whole word matched.
 */
import type { LanguageLexicon } from './lexicon';

export const GERMAN: LanguageLexicon = {
  topics: {
    // Sports
    '483': 'sport=2, sportler=2, sportlerin=2, athlet=2, athletin=2, mannschaft=1, team=0.6, spiel=1, meisterschaft=1.5, turnier=1.5, trainer=1.5, trainerin=1.5, bundestrainer=2.5, spielerin=1, fans=1, stadion=2, sieg=0.7, niederlage=0.7, finale=0.5, halbfinale=2, viertelfinale=2, medaille=1.5, pokal=1, schiedsrichter=2, tabelle=1.5, saison=0.5, spieltag=2.5, ergebnis=0.3, weltmeister=2, titel=0.3, gegner=0.7, kabine=1, halbzeit=2, abstieg=2, handball=3, volleyball=3, rugby=3, schwimmen=2, leichtathletik=3, marathon=2, skifahren=2, ski=1.5, judo=3, boxen=3, golf=3, olympia=3, olympische spiele=3, olympisch=1.5, weltrekord=2, wettkampf=2, sport*=1, meisterschaft*=1',
    '533': 'fussball=2.5, tor=1, tore=1, torwart=2.5, torhuter=2.5, keeper=1.5, sturmer=2, mittelfeld=2, abwehr=1, verteidiger=1.5, innenverteidiger=2.5, elfmeter=2.5, strafstoss=2.5, freistoss=2.5, ecke=0.7, eckball=2.5, abseits=2.5, gelbe karte=2.5, rote karte=2.5, platzverweis=2, bundesliga=3, champions league=3, dfb-pokal=3, weltmeisterschaft=1, wm=1.5, em=1, transfer=1, transferfenster=3, ball=0.5, kopfball=2.5, schuss=0.5, ausgleich=1.5, doppelpack=2.5, fankurve=2.5, bayern=2.5, dortmund=2, schalke=3, bvb=3, fc bayern=3, fussball*=2, bundesliga*=2, tor*=0.3',
    '539': 'tennis=3, tennisspieler=3, tennisspielerin=3, aufschlag=2, breakball=3, matchball=3, tiebreak=3, tie-break=3, vorhand=3, ruckhand=3, stopp=0.5, sandplatz=3, rasen=0.7, centre court=2.5, gesetzt=1.5, schlager=1, satz=1, atp=2.5, wta=2.5, wimbledon=3, tennis*=2',
    '547': 'basketball=3, korb=2, rebounds=2.5, assists=1, spielmacher=1.5, center=0.5, dunk=3, freiwurf=3, dreier=2.5, viertel=0.5, schlussviertel=3, verlangerung=1, nba=3, euroleague=3, basketball*=2',
    '492': 'radsport=3, radprofi=3, radrennfahrer=3, peloton=3, feld=0.3, gelbes trikot=3, ausreisser=2, ausreissergruppe=3, zeitfahren=3, etappe=1.5, sprinter=2, bergfahrer=2, anstieg=1, pass=0.3, fahrrad=1.5, rad=0.7, gesamtwertung=2.5, tour de france=3, etappe*=1, rad*=0.5',
    '518': 'formel 1=3, grosser preis=2.5, pole position=3, pole=2, fahrer=1, schnellste runde=3, boxenstopp=3, boxengasse=3, rennstrecke=2, qualifying=2, startaufstellung=3, podium=1.5, uberholmanover=3, rennstall=3, motogp=3, rallye=2, motorsport=3, formel*=1',
    // Food & Drink
    '210': 'kochen=1.5, rezept=2, kochin=2, gericht=0.7, mahlzeit=1, menu=0.7, zutat=2, geschmack=1.5, lecker=2, kostlich=2, ofen=1.5, backofen=2, pfanne=2, topf=1.5, essloffel=2, teeloffel=2, prise=2, salz=0.5, pfeffer=1.5, knoblauch=1.5, zwiebel=1.5, butter=1.5, olivenol=1.5, sahne=1.5, mehl=2, zucker=0.7, eier=1, ei=0.7, kase=1.5, brot=1, hahnchen=1.5, rindfleisch=1.5, schweinefleisch=1.5, lamm=1, fisch=0.7, gemuse=1, nudeln=1.5, pasta=1.5, reis=1, sosse=1.5, sauce=1.5, anbraten=2, koecheln=2, kocheln=2, vorheizen=2, wurzen=2, abschmecken=2.5, garen=2, frisch=0.3, fruhstuck=1, mittagessen=1, abendessen=1, dessert=1.5, nachtisch=2, suppe=1.5, salat=1, kartoffeln=1.5, knusprig=1.5, gewurze=1.5, kuche=0.5, rezept*=1.5',
    '217': 'backen=2.5, gebacken=1.5, kuchen=2, torte=2, teig=2, hefe=2, hefeteig=3, platzchen=2.5, kekse=2, schokolade=1, konditor=3, konditorei=3, baiser=2, backform=3, backerei=2, brotchen=1.5, sauerteig=3, streusel=3, kuchen*=1, back*=0.7',
    '218': 'restaurant=3, gasthaus=3, wirtshaus=3, bistro=2, degustationsmenu=3, weinkarte=2, kellner=2, michelin-stern=3, sternekoch=3, sterne=0.5, gault millau=3, rechnung=0.5, gedeck=2, reservierung=0.5, gaste=0.5, gastronomie=2, restaurant*=1.5',
    '211': 'wein=2, bier=2, whisky=2, cocktail=2, sekt=2, champagner=2, weinkeller=2, weingut=3, weinberg=2, winzer=3, rebsorte=3, riesling=3, jahrgang=2, verkostung=2, sommelier=3, rotwein=2, weisswein=2, tannine=3, im abgang=3, in der nase=2, brauerei=3, craft beer=3, spirituosen=3, wein*=1.5, bier*=1',
    '222': 'kaffee=1.5, espresso=3, cappuccino=3, barista=3, tee=1.5, saft=1, smoothie=2, rosterei=3, kaffeebohnen=3, siebtrager=3, kaffeemaschine=2.5, kaffee*=1',
    // Business and Finance
    '52': 'unternehmen=1, firma=1, konzern=1.5, wirtschaft=2, wirtschaftlich=1.5, markte=1, umsatz=3, gewinn=2, nettogewinn=3, ergebnis=0.5, quartal=1.5, halbjahr=1.5, aktionare=2, aktie=1.5, aktienkurs=3, borse=2, dax=3, borsengang=3, anleger=2, investoren=1.5, investition=1, analysten=1.5, dividende=2, fusion=1.5, ubernahme=1.5, vorstandschef=3, vorstand=1.5, finanzvorstand=3, geschaftsfuhrer=2, ceo=2, wachstum=0.7, inflation=2, bip=3, bruttoinlandsprodukt=3, rezession=2, arbeitslosigkeit=2, zinsen=1.5, leitzins=3, notenbank=2, ezb=2, exporte=1.5, zolle=2, industrie=1, branche=1, hersteller=1, werk=0.7, beschaftigte=1, mitarbeiter=0.7, gewerkschaft=2, streik=2, stellenabbau=3, entlassungen=2.5, umstrukturierung=2.5, milliarden euro=1, millionen euro=1, kunden=0.5, konkurrenz=1, wettbewerber=1.5, marktanteil=2.5, kosten=1, marge=1.5, startup=2, start-up=2, finanzierungsrunde=3, risikokapital=3, bewertung=1, wall street=2, olpreis=2, barrel=2, tochtergesellschaft=2.5, tochter=0.5, konzernchef=3, mittelstand=2.5, aktien*=1.5, borsen*=1.5, umsatz*=1.5, konzern*=1, wirtschafts*=1.5, unternehmens*=1, gewinn*=1, finanz*=0.7',
    '80': 'konjunktur=3, inflation=2, inflationsrate=3, bip=3, rezession=2, arbeitslosenquote=3, arbeitslosigkeit=2, notenbank=2, leitzins=3, zinsen=1, defizit=1.5, staatsschulden=2, schuldenbremse=3, wirtschaftswachstum=3, verbraucherpreise=3, statistisches bundesamt=3, destatis=3, ifo=3, kaufkraft=2, konjunktur*=2',
    // Technology & Computing
    '596': 'technologie=2, technik=1.5, digital=1, digitalisierung=2.5, software=2, hardware=2, app=1.5, anwendung=1, gerat=1, internet=1, computer=2, laptop=3, notebook=2.5, kunstliche intelligenz=3, ki=2, algorithmus=2, daten=0.7, prozessor=2, chip=2, smartphone=3, handy=2, bildschirm=1, display=1.5, akku=1.5, update=2, betriebssystem=3, cybersicherheit=3, hacker=2, hackerangriff=3, cloud=1.5, server=1, entwickler=2, programmierer=2.5, code=1, tablet=1.5, netzwerk=0.5, wlan=2, 5g=2, glasfaser=2, halbleiter=3, iphone=3, android=3, google=1, apple=1, microsoft=2, samsung=2, openai=3, chatgpt=3, nvidia=3, software*=1.5, daten*=0.7, computer*=1, digital*=1, online*=0.5, tech*=1, smartphone*=1.5',
    '597': 'kunstliche intelligenz=3, ki=2, maschinelles lernen=3, neuronales netz=3, sprachmodell=3, chatbot=3, generative=2, ki-modell=3, ki*=0.3',
    '632': 'smartphone=3, kopfhorer=2.5, smartwatch=3, kamera=1.5, akkulaufzeit=3, schnellladen=3, sensor=1, oled=3, oberklasse=1.5, flaggschiff=2',
    // Travel
    '653': 'reise=2, urlaub=2, tourist=2, tourismus=2, reiseziel=3, aufenthalt=1, ausflug=2, reiseroute=3, hotel=1.5, flug=1, flughafen=1.5, fluggesellschaft=2, airline=2, reisepass=2, gepack=2, koffer=1.5, strand=1.5, wandern=1, wanderung=1, altstadt=2, sehenswurdigkeiten=3, sehenswert=2, kreuzfahrt=2.5, camping=2, pension=0.5, ferienwohnung=2.5, nachtzug=3, urlaubs*=1.5, reise*=1.5, ferien*=1, hotel*=1',
    // Politics
    '386': 'politik=2, politisch=2, regierung=1.5, minister=2, ministerin=2, bundeskanzler=3, kanzler=2.5, kanzlerin=2.5, bundesprasident=3, prasident=0.7, bundestag=3, bundesrat=2.5, parlament=3, landtag=2.5, abgeordnete=2, gesetzentwurf=2.5, gesetz=1, abstimmung=1.5, wahl=2, umfrage=1.5, kandidat=1.5, wahlkampf=3, partei=1.5, opposition=1.5, koalition=2.5, ampel=1.5, reform=1, burgermeister=1.5, stadtrat=2, gemeinderat=2, diplomatie=2, gipfel=1, eu=0.5, europaische union=1.5, brussel=1, eu-kommission=2.5, cdu=3, csu=3, spd=3, grune=1.5, fdp=3, afd=3, linke=1, politik*=1.5, regierungs*=1.5, wahl*=1, partei*=1, koalitions*=1.5, bundes*=0.5',
    '387': 'wahl=3, wahlerinnen=2, urne=2, umfrage=2, kandidat=1.5, wahlbeteiligung=3, wahllokal=3, stichwahl=3, bundestagswahl=3, landtagswahl=3, kommunalwahl=3, europawahl=3, hochrechnung=3, wahl*=1.5',
    // Medical Health
    '286': 'gesundheit=1, krankheit=2, patient=2, patientin=2, arzt=2, arztin=2, krankenhaus=2, klinik=2, behandlung=2, therapie=2, medikament=2, symptome=2, diagnose=2, chirurgie=2.5, chirurg=2.5, operation=1.5, pflege=1, pflegekrafte=2, krebs=2, tumor=2.5, diabetes=3, impfstoff=2.5, impfung=2.5, virus=1.5, infektion=2, epidemie=2, klinische studie=3, studie=0.3, blutdruck=3, cholesterin=2, schmerzen=1.5, notaufnahme=2.5, rezept=0.3, apotheke=1.5, kardiologe=3, onkologie=3, alzheimer=3, depression=1.5, psychische gesundheit=2, hausarzt=3, krankenkasse=2.5, grippe=2, covid=2, kranken*=1.5, gesundheits*=1, medizin*=1.5',
    // Healthy Living
    '223': 'wohlbefinden=2, gesund=1, fitness=2.5, bewegung=1.5, training=1, ernahrung=1.5, ernahrungsberater=3, ernahrungsberaterin=3, diat=1.5, abnehmen=2.5, gewicht verlieren=2.5, kalorien=2, eiweiss=2, proteine=2, ballaststoffe=2, vitamine=2, schlaf=1, meditation=2, yoga=2.5, pilates=3, krafttraining=2.5, fitnessstudio=2.5, joggen=2, laufen=0.7, spazieren=1.5, stress=1, trinken=0.5, ausgewogen=1.5, gewohnheiten=1, intervallfasten=3, dehnen=2.5, dehnubungen=3, fitness*=1.5',
    // Entertainment
    '324': 'film=2, kino=2.5, regisseur=2.5, regisseurin=2.5, schauspieler=2, schauspielerin=2, drehbuch=2, spielfilm=3, trailer=2.5, kinokasse=3, einspielergebnis=3, im kino=2, kinostart=3, berlinale=3, oscar=2.5, komodie=1, thriller=2, dokumentarfilm=2, dreharbeiten=2, film*=1, kino*=1.5',
    '338': 'musik=2, lied=2, song=2, sanger=2, sangerin=2, album=2, konzert=2, tournee=2, band=1.5, rapper=3, rap=2, rock=1.5, jazz=2, single=1.5, musikvideo=3, festival=1, buhne=1, gitarre=1, titel=0.3, streaming=0.7, spotify=2, charts=2, musik*=1.5',
    '640': 'serie=2, staffel=2.5, folge=1, fernsehen=2, tv=1, sendung=2, sender=1, netflix=2.5, streamingdienst=2, reality-show=3, moderator=1.5, moderatorin=1.5, einschaltquote=3, quote=0.5, ard=2.5, zdf=3, tatort=3, primetime=2, serien*=1, fernseh*=1.5',
    // Automotive
    '1': 'auto=2, automobil=2.5, fahrzeug=1.5, autobauer=3, autohersteller=3, motor=1.5, fahren=0.5, elektroauto=3, e-auto=3, hybrid=1.5, reichweite=1.5, ladesaule=3, ladestation=2.5, laden=0.3, probefahrt=3, getriebe=2.5, ps=1.5, suv=3, limousine=2.5, kleinwagen=3, kombi=2, autohaus=3, handler=0.5, kraftstoff=2, benzin=1.5, diesel=2, verbrauch=1, reifen=2, werkstatt=2, fuhrerschein=2.5, tuv=3, vw=3, volkswagen=3, bmw=3, mercedes=3, audi=3, porsche=3, opel=3, tesla=2.5, toyota=2.5, motorrad=2, auto*=1.5, fahrzeug*=1.5, elektroauto*=1.5',
    // Real Estate
    '441': 'immobilie=3, wohnung=2, haus=1, miete=2.5, vermieter=2.5, eigentumer=1.5, kauf=0.5, kaufpreis=2, quadratmeter=2, quadratmeterpreis=3, makler=3, maklerin=3, notar=2, baufinanzierung=3, hypothek=2.5, kredit=0.5, mietvertrag=3, wohngemeinschaft=2, wg=1.5, ferienhaus=2, bautrager=2, neubau=2, wohnraum=2.5, mietpreisbremse=3, immobilien*=2, miet*=1.5, wohnungs*=1.5, wohn*=0.5',
    // Personal Finance
    '391': 'sparen=2.5, ersparnisse=2.5, sparkonto=3, tagesgeld=3, festgeld=3, haushaltsbuch=3, budget=1, geld=1, bank=1, girokonto=3, kreditkarte=2.5, kredit=1.5, schulden=1.5, steuern=2, steuererklarung=3, einkommensteuer=3, rente=1.5, altersvorsorge=3, versicherung=1.5, lebensversicherung=3, krankenversicherung=2, geldanlage=3, anlegen=1.5, etf=3, depot=2.5, zinsen=1, rendite=2, gebuhren=1.5, kontofuhrungsgebuhren=3, nebenkosten=2, stromrechnung=3, verbraucherzentrale=2, spar*=1, steuer*=1',
    // Science
    '464': 'wissenschaft=2, wissenschaftler=2, wissenschaftlerin=2, forscher=1.5, forscherin=1.5, forschung=1, studie=0.7, labor=1.5, experiment=1.5, entdeckung=1.5, physik=2, chemie=2, biologie=2, genetik=2.5, dna=2.5, art=0.3, arten=1, fossil=3, fossilien=3, dinosaurier=3, evolution=1, weltraum=2, all=0.3, astronomie=3, astronom=3, teleskop=3, planet=2.5, galaxie=3, sterne=1, nasa=3, esa=2, satellit=1.5, klima=1.5, klimawandel=2.5, erderwarmung=2.5, artenvielfalt=2.5, biodiversitat=2.5, okosystem=2, ozeane=1, fachzeitschrift=2, max-planck-institut=3, veroffentlicht=1, forschungs*=1.5, wissenschafts*=1.5',
    // Home & Garden
    '274': 'garten=2, gartenarbeit=3, pflanzen=1.5, gemusegarten=3, beet=2.5, aussaat=3, giessen=2, rasen=1.5, kompost=3, zuhause=0.5, einrichtung=2, deko=2, dekoration=2, wohnzimmer=1.5, kuche=0.3, badezimmer=2, heimwerker=3, renovierung=2, renovieren=2, streichen=1.5, wand=0.7, mobel=1.5, sofa=2, regal=1.5, dammung=2, heizung=1, haushaltsgerate=2.5, balkon=1.5, terrasse=1.5, garten*=1.5, wohnzimmer*=1',
    // Style & Fashion
    '552': 'mode=2, trend=1.5, kollektion=2, modenschau=3, laufsteg=3, designer=2, designerin=2, haute couture=3, kleidung=2, kleid=2, rock=0.3, hose=1.5, jacke=1.5, mantel=1.5, schuhe=1.5, sneaker=1, tasche=1, accessoires=1.5, look=2, stil=1, make-up=2.5, schminke=2.5, beauty=2, kosmetik=2.5, hautpflege=3, creme=1, haut=1, haare=1.5, friseur=2, parfum=2, fashion week=3, model=1.5, outfit=2.5, mode*=1.5',
    // Video Gaming
    '680': 'videospiel=3, computerspiel=3, spiel=0.5, gameplay=3, konsole=2.5, controller=2.5, playstation=3, ps5=3, xbox=3, nintendo=3, switch=1.5, steam=2.5, pc=0.7, grafik=1.5, level=1, boss=1, quest=2, mission=1, charakter=1, mehrspieler=3, multiplayer=3, story-modus=3, entwicklerstudio=3, publisher=1.5, esport=3, e-sport=3, gamer=3, rollenspiel=3, rpg=3, open world=3, offene welt=3, dlc=3, patch=1.5, fortnite=3, zelda=3, mario=2, gamescom=3, videospiel*=2, gaming*=2',
    // Pets
    '422': 'haustier=3, hund=2.5, welpe=3, katze=2.5, katzchen=3, tierarzt=3, tierarztin=3, futter=1.5, trockenfutter=3, leine=2.5, rasse=0.7, hundeschule=3, fellpflege=3, katzenklo=3, tierheim=3, adoption=1, aquarium=2, kaninchen=1.5, vogel=1, herrchen=3, frauchen=3, fell=2, schnauze=2, pfoten=2, hunde*=2, katzen*=2, tier*=0.5',
    // Education
    '132': 'bildung=2, schule=2, schulerinnen=2, lehrer=2, lehrerin=2, lehrkrafte=2.5, gymnasium=2.5, grundschule=3, realschule=3, universitat=2, hochschule=2, studierende=2.5, studenten=2, abitur=3, prufung=1.5, noten=1, schuljahr=3, klasse=1, lehrplan=3, kultusministerium=3, unterricht=2, padagogik=3, hausaufgaben=3, abschluss=1, studium=2, bachelor=1.5, master=1.5, kita=2, schul*=1.5, bildungs*=1.5, lehrer*=1.5',
    // Careers
    '123': 'job=2, jobs=2, beruf=2, karriere=2, stellenangebot=3, stellenanzeige=3, bewerbung=3, bewerber=2.5, lebenslauf=3, anschreiben=3, vorstellungsgesprach=3, gehalt=1.5, homeoffice=3, fachkrafte=2, fachkraftemangel=3, kompetenzen=1.5, fuhrungskraft=2, kollegen=1.5, buro=0.7, praktikum=2.5, ausbildung=2, azubi=3, kundigung=2, befordert=1.5, weiterbildung=2.5, arbeitsagentur=3, arbeitgeber=2, arbeitnehmer=1.5, berufs*=1.5, karriere*=1.5, job*=1',
    // Family and Relationships
    '186': 'familie=1.5, eltern=1.5, kinder=1, baby=2, schwangerschaft=2, mutter=1, vater=1, erziehung=2, elternzeit=3, paar=1.5, partnerschaft=2, ehe=1, scheidung=2.5, trennung=1.5, verliebt=1.5, single=2, dating-app=3, beziehung=1.5, jugendliche=1.5, teenager=1.5, grosseltern=2, partner=1.5, streit=1, geschwister=2, familien*=1.5, eltern*=1.5',
    // Books and Literature
    '42': 'buch=2, roman=2.5, schriftsteller=2.5, schriftstellerin=2.5, autor=1.5, autorin=2, lesen=1, leser=1.5, leserin=1.5, verlag=2, buchhandlung=2.5, literatur=3, literarisch=2.5, lyrik=3, gedicht=3, erzahlung=2, kapitel=1.5, seiten=1, buchpreis=3, buchmesse=3, comic=2.5, krimi=2, bestseller=2, figur=0.5, handlung=1, roman*=1.5, buch*=1, literatur*=1.5',
    // Religion & Spirituality
    '453': 'religion=2.5, kirche=2, papst=3, vatikan=3, katholisch=2.5, katholiken=2.5, christlich=2.5, christen=2.5, evangelisch=2.5, glaube=2, gebet=2.5, gottesdienst=3, messe=0.5, priester=2.5, pfarrer=2.5, bischof=3, bistum=3, islam=2.5, muslime=2.5, muslimisch=2.5, moschee=3, ramadan=3, imam=3, juden=2, judisch=2, synagoge=3, buddhismus=3, spiritualitat=3, spirituell=2, pilger=3, pilgerreise=3, bibel=3, koran=3, gott=1.5, glaubige=2, horoskop=3, astrologie=3, kirchen*=1.5',
    // Hobbies & Interests
    '239': 'hobby=3, freizeit=2, sammeln=2, sammler=3, sammlung=1, brettspiele=3, puzzle=2.5, schach=2.5, stricken=3, hakeln=3, nahen=2, fotografie=2, fotograf=1.5, modellbau=3, angeln=2, basteln=3, handgemacht=2.5, werkstatt=0.5, zeichnen=2, ahnenforschung=3, instrument=1.5, gitarre=1, klavier=1, vogelbeobachtung=3, hobby*=1.5',
    // Fine Art
    '201': 'kunst=1.5, kunstler=2, kunstlerin=2, ausstellung=2.5, museum=2, galerie=2, maler=3, malerin=3, malerei=2.5, gemalde=3, bild=0.5, skulptur=3, bildhauer=3, werk=1.5, leinwand=2, zeitgenossische kunst=3, retrospektive=3, kurator=2.5, kuratorin=2.5, vernissage=3, theater=2.5, inszenierung=2.5, buhne=1, oper=3, tanz=2, ballett=3, choreograf=3, documenta=3, kunst*=1.5',
    // Attractions
    '150': 'freizeitpark=3, attraktionen=2, achterbahn=3, fahrgeschafte=3, zoo=3, tierpark=3, aquarium=2, museum=1.5, schloss=1.5, burg=1.5, denkmal=2, fuhrung=2, eintrittskarten=2, tickets=1, eintritt=1, europa-park=3, phantasialand=3, warteschlange=2, besucher=1.5, botanischer garten=3, welterbe=3',
    // Events
    '8VZQHL': 'messe=2, festival=1.5, konferenz=2, kongress=2, aussteller=3, zeremonie=1.5, preisverleihung=3, gala=2, veranstaltung=2, programm=0.5, tickets=0.7, anmeldung=1.5, ausgabe=0.5, stand=0.5, veranstalter=2, besucher=0.5, messe*=1.5',
    // Holidays
    '1KXCLD': 'weihnachten=3, silvester=3, neujahr=3, heiligabend=3, valentinstag=3, ostern=3, halloween=3, feiertag=3, tag der deutschen einheit=3, festtage=3, geschenke=1, weihnachtsbaum=3, adventskalender=3, advent=2.5, weihnachtsmarkt=3, karneval=2.5, fasching=3, muttertag=3, vatertag=3, weihnachts*=2',
    // Personal Celebrations & Life Events
    '163': 'geburtstag=2.5, hochzeit=2.5, braut=2.5, brautigam=3, verlobung=3, taufe=2.5, beerdigung=3, trauerfeier=3, geburt=1.5, einladung=1, feier=1, abschlussfeier=3, ruhestand=2, gaste=1, trauzeugen=2, catering=1.5, hochzeitsplaner=3, brautkleid=3, konfirmation=3, hochzeits*=2, geburtstags*=2',
    // Pop Culture
    '432': 'promi=3, star=2, influencer=2.5, influencerin=2.5, instagram=1.5, tiktok=1.5, soziale medien=1, klatsch=3, geruchte=2, liebes-aus=3, trennung=0.7, roter teppich=2.5, paparazzi=3, fans=1, skandal=1.5, viral=2, meme=3, reality-star=3, boulevard=2.5',
    // Shopping
    '473': 'shopping=3, schlussverkauf=3, rabatt=2, angebot=1.5, schnappchen=3, gutschein=2.5, gutscheincode=3, black friday=3, einkaufen=2, geschaft=1, laden=0.5, bestellung=1, versand=1.5, versandkostenfrei=3, warenkorb=2.5, online-shop=3, onlinehandel=2.5, amazon=2, preisvergleich=3, verbraucher=1, supermarkt=2, ruckversand=3, outlet=2.5, rabatt*=1.5',
    // Law
    '383': 'recht=1.5, rechtlich=2, gesetz=1, justiz=1.5, gericht=1.5, bundesgerichtshof=3, bgh=3, bundesverfassungsgericht=3, verfassungsgericht=3, anwalt=2, anwaltin=2, rechtsanwalt=2.5, richter=1, rechtsprechung=3, verfahren=1.5, klage=1.5, beschwerde=1, bgb=3, strafgesetzbuch=2, urteil=1.5, rechtsstreit=3, verfassung=2, datenschutz=2, dsgvo=3, vertrag=0.7, rechts*=1, gerichts*=1',
    // Crime
    '380': 'verbrechen=2, kriminell=2, kriminalitat=3, straftat=2, polizei=1, polizisten=1.5, beamte=1, ermittlungen=1.5, ermittler=2, festgenommen=2.5, festnahme=2.5, verdachtiger=2, tatverdachtiger=2.5, opfer=1, diebstahl=2, einbruch=3, raub=3, uberfall=3, korperverletzung=3, mord=2.5, totschlag=3, drogenhandel=2.5, betrug=3, gefangnis=1.5, haftbefehl=3, razzia=3, durchsuchung=2, staatsanwaltschaft=1.5, clan=1.5, polizei*=1.5, kriminal*=1.5',
    // Disasters
    '381': 'katastrophe=2.5, naturkatastrophe=3, erdbeben=3, uberschwemmung=3, hochwasser=3, flut=2.5, sturm=2, orkan=3, hurrikan=3, wirbelsturm=3, tornado=3, brand=1.5, waldbrand=3, evakuiert=2.5, evakuierung=2, rettungskrafte=2, feuerwehr=2, katastrophenschutz=3, schaden=1, unwetter=3, unwetterwarnung=3, erdrutsch=3, vulkanausbruch=3, vulkan=2.5, tsunami=3, durre=2, hochwasser*=2, unwetter*=2',
    // War and Conflicts
    '389': 'krieg=2.5, konflikt=2, armee=2, militar=2, militarisch=2, soldaten=2.5, truppen=2.5, front=1, offensive=2, angriffe=1, luftangriffe=3, bombardierung=2.5, raketen=2.5, drohnen=1.5, waffenstillstand=3, waffenruhe=3, nato=2.5, invasion=2, besatzung=1.5, artillerie=3, kampfe=2.5, gefechte=3, ukraine=1.5, russland=1, gaza=1.5, israel=1, hamas=2, bundeswehr=2.5, verteidigung=1, fluchtlinge=1, verhandlungen=0.7, panzer=2.5, kriegs*=2, militar*=1.5',
  },
  risk: {
    adult: {
      strong: 'porno=4, pornografie=4, pornografisch=4, sexvideo=4, xxx=4, expliziter sex=4, nackt=2, nacktbilder=3, nacktheit=3, erwachseneninhalte=3, erotik=2, erotisch=2, escort=3, escortservice=4, callgirl=4, sexcam=4, camgirl=4, onlyfans=3, stripclub=3, stripperin=3, fetisch=3, orgasmus=4, seitensprung=2, sexkontakte=4, geile=3, sexdates=4',
      weak: 'sex=1, sexuell=0.5, sexy=1, heiss=0.5, intim=0.5, ab 18=1, unzensiert=1.5, diskret=0.5, versaut=2',
    },
    arms: {
      strong: 'schusswaffe=3, gewehr=3, sturmgewehr=4, pistole=2.5, revolver=3, kalaschnikow=4, munition=3, kaliber=2, maschinenpistole=4, maschinengewehr=3, waffenhandel=4, waffenhandler=3, waffengeschaft=3, waffenschein=3, granate=3, handgranate=3, schalldampfer=3, zielfernrohr=2, kriegswaffen=4, halbautomatisch=3',
      weak: 'waffe=1.5, schuss=0.5, schiessen=0.7, kugeln=1, patronen=1.5, bewaffnet=0.5, abzug=0.3, magazin=0.3, lauf=0.2',
    },
    crime: {
      strong: 'mord=3, ermordet=3, totschlag=3, erstochen=3, messerangriff=3, messerstecherei=3, raububerfall=3, bewaffneter uberfall=3, entfuhrung=3, entfuhrt=3, vergewaltigung=3, sexueller ubergriff=3, hausliche gewalt=3, femizid=3, organisierte kriminalitat=3, auftragsmorder=3, menschenhandel=4, erpressung=3, schutzgelderpressung=3, schiesserei=3, einbrecher=2.5, brutal zusammengeschlagen=3, zusammengeschlagen=2.5, vorgehaltener waffe=3, massenschlagerei=2.5',
      weak: 'polizei=0.5, festgenommen=1, verdachtiger=1, opfer=0.5, bande=0.5, diebstahl=0.7, gestohlen=0.7, betrug=1, gefangnis=1, verbrechen=1, krimineller=1, straftat=1, tater=1.5, taterin=1.5, angreifer=1.5, angriff=0.7, maskiert=1.5, diebe=1, gewalt=1, schlage=0.5, geflohen=0.5, morder=1.5, illegal=0.5, bedroht=0.5, gefesselt=1.5',
    },
    'death-injury': {
      strong: 'totete=2.5, getotet=2.5, tote=2.5, todesopfer=3, verstorben=2, gestorben=2, leiche=3, schwer verletzt=3, schwerverletzte=3, verletzte=2, massaker=4, blutbad=4, gemetzel=4, enthauptet=4, verstummelt=4, ums leben gekommen=3, kamen ums leben=3, kam ums leben=3, todlicher unfall=3, todlich verunglückt=3, suizid=2.5, selbstmord=2.5, massengrab=4, tot aufgefunden=3, leblos=2.5, opferzahl=3',
      weak: 'tod=1, tot=1, sterben=1, starben=1.5, verletzt=1, verletzungen=0.7, opfer=0.7, trummer=1, blut=0.7, uberlebende=0.5, ins krankenhaus=0.5, tragodie=0.5',
    },
    drugs: {
      strong: 'kokain=3, heroin=3, fentanyl=3, methamphetamin=3, crystal meth=4, crack=3, ecstasy=2.5, mdma=3, ketamin=2.5, lsd=3, uberdosis=3, drogenhandel=4, drogenhandler=4, drogendealer=4, dealer=2, betaubungsmittel=3, rauschgift=3, drogenkartell=4, kartell=1.5, haschisch=3, marihuana=2, joint=1.5, kiffen=3, drogensucht=2.5, drogenabhangig=2.5, drogenfund=3, drogen beschlagnahmt=3, magic mushrooms=4, psilocybin=3, microdosing=2, cannabisplantage=3, thc=3',
      weak: 'drogen=1.5, cannabis=1.5, gras=0.5, vapen=1, tabak=0.7, alkohol=0.5, betrunken=1, sucht=1, abhangigkeit=0.7, konsumenten=0.7, high=1, zugedrohnt=2',
    },
    'hate-speech': {
      strong: 'hassrede=3, volksverhetzung=4, hassverbrechen=3, rassistisch=2.5, rassismus=2, rassistische beleidigungen=4, affenlaute=4, neonazi=4, rechtsextremist=3, antisemitisch=3, antisemitismus=3, islamfeindlich=3, islamophobie=3, homophob=3, homophobie=3, transfeindlich=3, fremdenfeindlich=3, fremdenfeindlichkeit=3, ethnische sauberung=4, rassenhass=3, hitlergruss=4, minderwertige rasse=4, grosser austausch=4, untermenschen=4, weisse rasse=3, uberfremdung=3, auslander raus=4, schickt sie zuruck=3',
      weak: 'nazi=1.5, hass=1, invasion=0.5, eindringlinge=1.5, parasiten=1.5, ungeziefer=1.5, verrater=0.5, auslander=0.3, migranten=0.3, extremisten=0.5',
    },
    obscenity: {
      strong: 'scheisse=3, fick=4, fick dich=4, arschloch=3, wichser=3, hurensohn=4, hure=3, fotze=4, verdammte scheisse=4, halt die fresse=3, mistkerl=2.5, bastard=2.5, schlampe=3, verpiss dich=3',
      weak: 'mist=1, arsch=1.5, verdammt=0.5, idiot=0.5, blod=0.5, depp=1, fresse=1',
    },
    piracy: {
      strong: 'torrent=3, magnet-link=3, gratis download=2, kostenlos herunterladen=2.5, ganzer film=2.5, kostenlos streamen=2.5, kostenlos schauen=2.5, kostenlos anschauen=2.5, ohne abo=2, illegales iptv=4, iptv-abo=3, gecrackt=4, crack=1.5, keygen=4, warez=4, piratenseite=4, raubkopie=4, kinox=4, burning series=4',
      weak: 'iptv=1.5, piraterie=1, ohne anmeldung=1, neue domain=1, werbeblocker=0.5, mirror=0.3, links=0.3, german dub=1',
    },
    terrorism: {
      strong: 'terrorist=3, terrorismus=3, terroranschlag=4, anschlag=2.5, dschihadist=3, islamist=2.5, dschihad=3, islamischer staat=3, is-terrorist=4, al-kaida=3, selbstmordattentater=4, selbstmordanschlag=4, sprengstoffgurtel=4, autobombe=4, sprengsatz=3, radikalisiert=2.5, terrorabwehr=2, bekannte sich=1.5, geiseln=2, geiselnahme=3, gefahrder=2.5',
      weak: 'bombe=1.5, explosion=1, sprengstoff=1.5, angriff=0.5, propaganda=0.5, radikalisierung=1, attentater=1.5',
    },
    spam: {
      strong: 'hier klicken=3, klicken sie hier=3, geld verdienen von zu hause=4, reich werden=3, schnelles geld=3, exklusives angebot=2, 100 garantiert=3, arzte hassen=4, banken hassen=4, wollen nicht dass sie wissen=3, 10 kilo abnehmen=3, ohne diat und sport=4, fettverbrennung=2, wunderpillen=4, jetzt bestellen=2, nur noch heute=2, begrenztes angebot=2, trading-roboter=4, trading-bot=3, verdoppeln sie ihr geld=4, casino-bonus=3, freispiele=3, bonus ohne einzahlung=4, einmalige gelegenheit=2',
      weak: 'garantiert=1, wunder=1.5, wundermittel=2, nur heute=1.5, muhelos=1, ihr leben verandern=1, rezeptfrei=1, unglaublich=0.5',
    },
    'sensitive-social-issues': {
      strong: 'abtreibung=3, schwangerschaftsabbruch=3, paragraf 218=3, abtreibungsgegner=3, lebensschutzer=3, sterbehilfe=3, assistierter suizid=3, todesstrafe=2.5, ehe fur alle=2, gleichgeschlechtliche ehe=2, konversionstherapie=3, illegale einwanderung=2, abschiebungen=1.5, selbstbestimmungsgesetz=3',
      weak: 'einwanderung=0.5, migration=0.5, gefluchtete=0.3, demonstration=0.3, feministinnen=0.5, lgbtq=1, geschlechtsidentitat=1',
    },
  },
  innocent: 'im visier, ins visier, schuss aufs tor, torschuss, torschusse, elfmeterschiessen, freistoss, kalorienbombe, warmepumpe, herzinfarkt, panikattacke, geheimwaffe, die zeit totschlagen, totlachen, zum totlachen, todmude, heissklebepistole, wasserpistole, preiskampf, preiskrieg, handelskrieg, schneekanone, totes meer, stillleben, bogenschiessen, muskelverletzung, killer-feature, bombenstimmung, bombenwetter, startschuss',
  negation: 'nicht kein keine keinen keinem keiner keines ohne nie niemals niemand weder nichts',
  reporting: 'prozess=2, gericht=1.5, landgericht=2, amtsgericht=2, richter=1.5, richterin=1.5, schoffen=2, verurteilt=2, verurteilung=2, freigesprochen=2, freispruch=2, urteil=2, urteilsverkundung=2, plädoyer=2, staatsanwalt=1.5, staatsanwaltin=1.5, anklage=1.5, verteidigung=1, verteidiger=1.5, angeklagte=2, angeklagter=2, angeklagten=2, verhandlung=1.5, jahre haft=2, haftstrafe=2, lebenslang=2, zeugen=1, ausgesagt=1.5, revision=1.5, berufung=0.7',
};
