/**
 * Topic lexicon: weighted terms for IAB Content Taxonomy 3.1 categories, English and Spanish
 * here, French, Italian, German and Portuguese in `lexicons/`.
 * Tier 1 entries hold the vocabulary of the whole area, tier 2 entries what singles out one
 * subcategory; a tier 1 category's evidence is its own plus its children's. Weights: 3 for a
 * term that all but decides the topic, 2 for a strong cue, 1 for a usual one, below 1 for words
 * that are shared with other topics. Syntax in `matcher.ts`.
 */
import { ADDED_LANGUAGES, ADDED_LEXICONS } from './lexicons';
import type { TermLists } from './matcher';

const EN_ES_TOPIC_TERMS: Readonly<Record<string, TermLists>> = {
  // Sports
  '483': {
    en: 'sport=2, athlete=2, team=0.6, teammate=1.5, match=0.8, league=1.5, season=0.5, championship=1.5, tournament=1.5, coach=1, head coach=2, player=0.8, fans=0.5, stadium=2, scored=1, victory=0.5, defeat=0.7, final=0.5, semi-final=2, quarter-final=2, medal=1.5, cup=0.5, referee=2, standings=2, fixture=1.5, title race=2, race=0.5, handball=3, padel=3, world champion=1.5, personal best=1.5, the leaders=1, relegation=2, won=0.3, beat=0.3, home side=2, visitors=0.3, kick-off=2, full-time=1, half-time=2, the break=0.5, winners=0.5',
    es: 'deporte=2, deportivo=1.5, deportista=2, atleta=2, equipo=0.6, liga=1.5, temporada=0.5, campeonato=1.5, torneo=1.5, entrenador=1.5, jugador=1, aficion=0.7, aficionados=0.5, estadio=2, victoria=0.7, derrota=0.7, final=0.5, semifinal=2, cuartos de final=2, medalla=1.5, copa=0.5, arbitro=2, colegiado=2, clasificacion=0.7, jornada=0.6, marcador=1.5, goleada=2, balonmano=3, padel=3, campeon=1, lider=0.5, descenso=1, rival=0.7, partido=0.6, remontada=1.5, remonta=1, rueda de prensa=0.7, mundial=0.7, titulo=0.3',
  },
  '533': {
    en: 'football=1.2, soccer=3, goal=1, goalkeeper=2.5, keeper=1, striker=2.5, midfielder=2.5, midfield=1.5, defender=1, centre-back=2.5, centre-half=2.5, full-back=2, winger=2, penalty=1, free kick=2.5, corner=0.7, offside=2.5, premier league=3, champions league=3, europa league=3, la liga=3, laliga=3, serie a=2, bundesliga=3, fa cup=3, world cup=2, clean sheet=2.5, yellow card=2.5, red card=2.5, injury time=2, stoppage time=2.5, own goal=2.5, hat-trick=2.5, transfer window=2.5, uefa=2.5, fifa=2.5, back four=2, volley=0.7, header=0.5, equaliser=2.5, equalizer=2.5, manager=0.5, substitute=1.5, tapped in=2, top corner=2, far post=2, near post=2, one-two=1, dribble=1.5, nil=1, relegation zone=2',
    es: 'futbol=2, futbolista=2.5, gol=2, portero=2, guardameta=2.5, delantero=2, centrocampista=2.5, mediocampista=2.5, defensa central=2.5, lateral=1, extremo=1, penalti=2.5, tiro libre=2, saque de esquina=2.5, corner=1, fuera de juego=2.5, primera division=1.5, segunda division=1.5, liga de campeones=3, champions=2, copa del rey=3, tarjeta amarilla=2.5, tarjeta roja=2.5, expulsado=1, expulsion=1, balon=1, remate=1.5, cabezazo=2.5, once inicial=2.5, alineacion=1.5, descenso=0.5, rojiblanco=2, azulgrana=2.5, colchonero=2.5, madridista=2.5, barcelonista=2.5, blaugrana=2.5, derbi=2, contragolpe=2, contra=0.3, area=0.5, frontal=1, palo=0.7, larguero=2, asistencia=0.7, parada=0.7, grada=1, hinchas=1.5, ultras=1, aficion=0.5, mister=1, fichaje=2, mercado de fichajes=3',
    any: 'real madrid=3, atletico de madrid=3, fc barcelona=3, barca=2.5, bernabeu=3, camp nou=3, metropolitano=1, mestalla=3, betis=3, osasuna=3, athletic club=3, sevilla fc=3, villarreal=2, real sociedad=3, manchester united=3, manchester city=3, liverpool=1, arsenal=1, chelsea=1.5, tottenham=2, bayern=2.5, juventus=3, psg=2, simeone=2.5, ancelotti=2.5, guardiola=2.5, mbappe=2.5, vinicius=2.5, griezmann=2.5, lewandowski=2.5, messi=2.5, ronaldo=1.5, oblak=3, rudiger=2.5, lamine yamal=3, bellingham=2.5, haaland=2.5',
  },
  '539': {
    en: 'tennis=3, grand slam=2, serve=0.7, first serve=2, second serve=2, break point=2.5, match point=2.5, set point=2.5, tie-break=2.5, tiebreak=2.5, forehand=3, backhand=3, drop shot=2.5, ace=1, deuce=2.5, centre court=2.5, clay court=2.5, grass court=2.5, baseline=1, seeded=1, racket=2, racquet=2, winners=0.5, the decider=1.5, qualifier=0.5, sets=0.5',
    es: 'tenis=3, tenista=3, saque=1.5, bola de break=3, punto de partido=2.5, bola de partido=2.5, pelota de partido=2.5, tie break=2.5, desempate=0.7, derecha=0.5, reves=1.5, dejada=2.5, tierra batida=3, pista central=1.5, pista dura=2.5, raqueta=2, cabeza de serie=2.5, golpes ganadores=2.5, resto=0.5, red=0.3, sets=1, set=0.7, juego=0.3',
    any: 'wimbledon=3, roland garros=3, us open=2, australian open=3, open de australia=3, atp=2.5, wta=2.5, copa davis=3, davis cup=3, nadal=2.5, alcaraz=3, sinner=2.5, djokovic=3, federer=2.5, zverev=2.5, medvedev=2.5, swiatek=3, sabalenka=3',
  },
  '547': {
    en: 'basketball=3, three-pointer=3, free throw=2.5, rebounds=2.5, assists=1, dunk=2.5, point guard=3, shooting guard=3, power forward=3, jumper=1, play-in=2.5, in the paint=2, buzzer=1.5, tip-off=2.5, fourth quarter=2, third quarter=2, overtime=0.7, western conference=2.5, eastern conference=2.5, bench=0.5, the field=0.3',
    es: 'baloncesto=3, basket=2.5, triples=1.5, tiro libre=0.7, rebote=2.5, canasta=2.5, pivot=2, alero=2, base=0.3, ultimo cuarto=2, primer cuarto=2, tercer cuarto=2, perdidas de balon=2.5, tapon=2, play in=2.5, pabellon=1.5, parcial=1.5, zona=0.3, pintura=0.3, banquillo=0.7',
    any: 'nba=3, euroleague=3, euroliga=3, acb=3, liga endesa=3, lakers=3, celtics=3, pelicans=2.5, golden state=2.5, warriors=1, real madrid baloncesto=3, valencia basket=3, olympiacos=2.5, partizan=2, panathinaikos=2.5, fenerbahce=1.5',
  },
  '492': {
    en: 'cycling=3, cyclist=3, peloton=3, yellow jersey=3, breakaway=2, time trial=3, sprinter=1.5, general classification=3, stage=0.5, climb=0.7, ascent=1, summit=0.5, mountain stage=2.5, king of the mountains=3, bike=0.7, bicycle=1.5, rest day=1.5, riders=1, attacked=0.5',
    es: 'ciclismo=3, ciclista=3, peloton=3, maillot amarillo=3, maillot rojo=3, maillot=2, fuga=0.7, contrarreloj=3, etapa=1, velocista=2, clasificacion general=2.5, gregario=3, rampa=1, puerto de montana=2, cima=0.7, subida=0.5, bicicleta=1.5, corredor=0.5, coloso=1, ataque=0.3, meta=0.5',
    any: 'tour de france=3, tour de francia=3, vuelta a espana=3, giro d italia=3, giro de italia=3, la vuelta=2, tourmalet=3, angliru=3, alpe d huez=3, pogacar=3, vingegaard=3, roglic=3, ayuso=2, evenepoel=3, uae=1, visma=2.5',
  },
  '518': {
    en: 'formula 1=3, formula one=3, grand prix=2.5, pole position=3, pole=1, fastest lap=3, lap=1, pit stop=3, pit lane=3, circuit=1, qualifying=1, grid=0.7, podium=1.5, racing driver=2.5, rally=1, world championship=0.5, constructors=2, overtake=1.5, overtook=1.5, chicane=3, last lap=2, motorsport=3',
    es: 'formula 1=3, gran premio=2.5, pole=2, vuelta rapida=2.5, parada en boxes=3, boxes=1.5, circuito=1.5, parrilla de salida=3, parrilla=0.7, podio=1.5, piloto=1.5, curva=0.7, frenada=1.5, mundial de motociclismo=3, motociclismo=3, carrera al sprint=3, ultima vuelta=2, adelantamiento=2, adelanto=0.5, caidas=0.5, automovilismo=3',
    any: 'f1=3, motogp=3, moto2=3, moto3=3, nascar=3, le mans=2, dakar=2, marquez=2, bagnaia=3, jorge martin=2.5, verstappen=3, hamilton=1.5, alonso=1, sainz=1, jerez=1, montmelo=2.5',
  },
  '512': {
    en: 'golf=3, golfer=3, masters=1, birdie=3, birdies=3, bogey=3, eagle=0.5, under par=3, over par=2, putt=3, putting=1.5, green=0.3, fairway=3, bunker=1.5, tee=1.5, caddie=3, hole=0.5, green jacket=3, open championship=2, par=0.7, round=0.3, major=0.5, cut=0.3, strokes=1.5',
    es: 'golf=3, golfista=3, hoyo=2, birdie=3, bogey=3, bajo par=3, sobre par=2, putt=3, green=1, bunker=1.5, tee=1.5, caddie=3, golpes=0.3',
    any: 'pga=3, ryder cup=3, augusta=2.5, lpga=3, dp world tour=3, jon rahm=3, scheffler=3, mcilroy=3',
  },
  '484': {
    en: 'american football=3, quarterback=3, touchdown=3, wide receiver=3, running back=2, field goal=2.5, end zone=2.5, linebacker=3, gridiron=3',
    es: 'futbol americano=3, quarterback=3, touchdown=3',
    any: 'nfl=3, super bowl=3',
  },
  '545': { en: 'baseball=3, pitcher=2, home run=3, inning=3, batter=1.5, world series=3', es: 'beisbol=3, jonron=3, pitcher=2, lanzador=1.5', any: 'mlb=3, yankees=3, dodgers=3' },
  '491': { en: 'cricket=2, wicket=3, batsman=3, bowler=2, test match=2.5, test series=2, the ashes=3', es: 'criquet=3', any: 'ipl=2' },
  '527': { en: 'rugby=3, six nations=3, scrum=3, line-out=2.5, fly-half=3, try line=2, tries=0.7', es: 'rugby=3, seis naciones=3, melee=2', any: 'all blacks=3' },
  '515': { en: 'ice hockey=3, puck=3, stanley cup=3', es: 'hockey hielo=3, hockey sobre hielo=3', any: 'nhl=3' },
  '485': { en: 'boxing=3, boxer=1.5, heavyweight=2, knockout=2, title fight=2.5, bout=1.5', es: 'boxeo=3, boxeador=3, peso pesado=2, nocaut=3, ko=1, cinturon mundial=2.5' },
  '520': { en: 'martial arts=3, karate=3, judo=3, taekwondo=3, jiu-jitsu=3, kickboxing=3', es: 'artes marciales=3, karate=3, judo=3, taekwondo=3', any: 'ufc=3, mma=3' },
  '537': { en: 'swimming=2, swimmer=2, freestyle=1.5, breaststroke=3, backstroke=3, butterfly=0.3, world aquatics=3', es: 'natacion=2.5, nadador=2.5, estilo libre=2, braza=2, espalda=0.3, mariposa=0.5' },
  '540': {
    en: 'athletics=2, track and field=3, sprint=1, marathon=2, 100 metres=2, high jump=3, long jump=3, pole vault=3, javelin=3, decathlon=3, heptathlon=3, world record=1.5, hurdles=2, relay=1.5',
    es: 'atletismo=3, maraton=2, salto de longitud=3, salto de altura=3, salto con pertiga=3, jabalina=3, decatlon=3, record mundial=1.5, plusmarca=2, vallas=1, relevos=1.5, media maraton=2',
  },
  '531': { en: 'skiing=3, skier=3, slalom=3, downhill=1.5, snowboard=2', es: 'esqui=3, esquiador=3, eslalon=3, estacion de esqui=2, snowboard=2, pistas de esqui=2' },
  '541': { en: 'volleyball=3', es: 'voleibol=3, voley=3' },
  '548': { en: 'beach volleyball=3', es: 'voley playa=3' },
  '521': { en: 'olympic games=3, olympics=3, olympian=3, paralympic=2', es: 'juegos olimpicos=3, olimpico=2, olimpiada=3, paralimpico=2', any: 'ioc=2, coi=1' },
  '514': {
    en: 'hunting=2, hunter=1.5, hunting season=3, clay pigeon=3, shooting range=2, deer stalking=3, game shooting=3',
    es: 'caza menor=3, caza mayor=3, temporada de caza=3, cazador=2, tiro al plato=3, coto=1.5, monteria=3, caza=1',
  },
  '511': { en: 'angler=3, angling=3, fly fishing=3, sea fishing=2, trout=1, fishing=1', es: 'pesca deportiva=3, pescador=0.7, trucha=1, cana de pescar=3, pesca=0.7' },
  '496': { en: 'horse racing=3, jockey=3, racecourse=3, grand national=3, dressage=3, showjumping=3, show jumping=3', es: 'hipica=3, carrera de caballos=3, jinete=2, hipodromo=3, doma=1.5' },
  '530': { en: 'sailing=2, regatta=3, america s cup=3, sailor=1', es: 'regata=3, vela ligera=3' },
  '513': { en: 'gymnastics=3, gymnast=3', es: 'gimnasia=2, gimnasta=3' },
  '524': { en: 'poker=2, texas hold em=3', es: 'poker=2' },
  '493': { en: 'darts=2', es: 'dardos=2' },
  '532': { en: 'snooker=3, billiards=3', es: 'billar=3' },
  '538': { en: 'table tennis=3, ping pong=3', es: 'tenis de mesa=3, ping pong=3' },
  '510': { en: 'figure skating=3', es: 'patinaje artistico=3' },
  '544': { en: 'weightlifting=3', es: 'halterofilia=3' },
  '549': { en: 'bodybuilding=3', es: 'culturismo=3' },
  '526': { en: 'rowing=3', es: 'remo=2' },
  '543': { en: 'water polo=3', es: 'waterpolo=3, water polo=3' },

  // Food & Drink
  '210': {
    en: 'food=1, recipe=2, cooking=1.5, chef=2, kitchen=0.7, dish=1, meal=1, menu=1, ingredient=2, flavour=1.5, flavor=1.5, taste=0.7, delicious=1.5, tasty=1.5, serves=0.5, oven=1.2, fry=1.5, roast=1.5, sauce=1.5, salt=0.5, pepper=0.7, garlic=1.5, onion=1.5, butter=1.5, olive oil=1.5, lemon=1, chicken=1, beef=1.5, pork=1.5, lamb=1, fish=0.5, vegetables=0.5, pasta=1.5, rice=1, cheese=1.5, bread=1, egg=1, flour=2, sugar=0.7, cream=0.7, tablespoon=2, teaspoon=2, grams=0.3, preheat=2, simmer=2, stir=1.5, chop=1.5, whisk=2, marinate=2, seasoning=2, foodie=2, cuisine=2, gastronomy=2, breakfast=1, lunch=1, dinner=1, dessert=1.5, snack=1, potatoes=1, zest=2, gravy=2, crisp=0.7, grilled=1.2, baked=1, slices=0.5, pinch=1, handful=0.7, plates=0.7, tart=1, honey=1, hazelnuts=1.5, croquettes=2',
    es: 'comida=1, receta=2, cocina=0.8, cocinar=1.5, cocinero=2, chef=2, plato=1, menu=1, ingrediente=2, sabor=1.5, sabroso=1.5, delicioso=1.5, horno=1.2, freir=1.5, frito=1.5, asado=1.5, salsa=1, sal=0.5, pimienta=1.5, ajo=1.5, cebolla=1.5, mantequilla=1.5, aceite de oliva=1.5, aceite=1, limon=1, pollo=1.5, ternera=1.5, cerdo=1, cordero=1, pescado=1, verdura=0.5, pasta=1, arroz=1.5, queso=1.5, pan=1, huevo=1, harina=2, azucar=0.7, nata=2, cucharada=2, cucharadita=2, gramos=0.3, precalienta=2, sarten=2, cazuela=2, fuego medio=2, fuego lento=2, pizca=2, sazonar=2, gastronomia=2, gastronomico=2, desayuno=1, almuerzo=1, cena=1, merienda=1, postre=1.5, tapas=2, aperitivo=1, patatas=1.5, sirve=0.5, servir=0.5, croquetas=2, jamon=1.5, tomate=1, ensalada=1.5, caldo=1.5, alcachofas=2, legumbres=0.7, bocadillo=2, mermelada=1.5, cremoso=1, crujiente=1.5',
  },
  '216': {
    en: 'recipe=1, simmer=1, fry=1, roast=1, slow cooker=2, casserole=2, stew=2, stir-fry=2, braise=2, gravy=1.5, roast chicken=2, sunday lunch=1.5, weeknight=1, leftovers=1.5, home cooking=2, one-pot=2, traybake=2',
    es: 'receta=1, guiso=2, estofado=2, sarten=1, sofrito=2, cocido=2, tortilla=2, tortilla de patatas=3, paella=2, olla=1.5, olla express=2, al horno=1, confitar=1.5, a la plancha=1.5, cuajar=2, receta de toda la vida=2, fuego=0.5',
  },
  '217': {
    en: 'baking=2, sourdough=3, loaf=2, dough=2, yeast=2, cake=2, pastry=2, dessert=1, biscuits=1.5, brownie=2, brownies=2, tart=1.5, pie=1, baking tray=2, icing=2, chocolate=1, cheesecake=3, banneton=3, stretch and fold=2, crust=1, starter=0.5, proving=2, knead=2, bakery=1.5',
    es: 'reposteria=3, hornear=2, masa=1.5, levadura=2, bizcocho=3, tarta=2, pastel=2, postre=1, galleta=2, tarta de queso=3, chocolate=1, masa madre=3, hojaldre=2, molde=2, merengue=2, roscon=2, torrija=2, flan=2, dulce=1, bolleria casera=2, papel de hornear=2, horno=0.5',
  },
  '218': {
    en: 'restaurant=3, bistro=2, tasting menu=3, small plates=2, waiter=1.5, wine list=2, michelin=3, dinner for two=2, diners=1.5, brasserie=2, booked=0.5, service was=2, the room=0.5, open kitchen=2, starters=1.5, mains=1.5, desserts=0.7',
    es: 'restaurante=3, menu degustacion=3, carta de vinos=2, camarero=1.5, estrella michelin=3, comensal=2, taberna=2, brasa=1.5, chuleta=1, ticket medio=2, carta=0.7, mesa=0.5, servicio=0.3, por persona=1.5, sala=0.3, cocina de autor=2',
  },
  '211': {
    en: 'wine=2, beer=2, ale=1.5, cider=1.5, whisky=2, whiskey=2, gin=2, vodka=2, rum=2, cocktail=2, brewery=2, winery=2, vineyard=1.5, vintage=1, tannins=3, grape=1, sommelier=3, red wine=2, champagne=2, prosecco=2, craft beer=3, distillery=3, pint=1, lager=1.5',
    es: 'vino=2, cerveza=2, sidra=1.5, whisky=2, ginebra=2, vodka=2, coctel=2, bodega=1.5, vinedo=2, cata=2, crianzas=1.5, tanino=3, uva=1, sumiller=3, vino tinto=2, vino blanco=1, cava=2, champan=2, denominacion de origen=2, tempranillo=3, garnacha=3, albarino=3, verdejo=3, barrica=3, roble=1, cerveza artesana=3, destileria=3, en nariz=3, en boca=2, anada=3, coupage=3, copa=0.3',
    any: 'rioja=1.5, ribera del duero=2, priorat=2',
  },
  '222': {
    en: 'coffee=2, espresso=3, latte=2, cappuccino=3, barista=3, tea=1.5, green tea=2, juice=1, smoothie=2, soft drink=2, kombucha=2, portafilter=3, crema=1.5, flat white=3, cortado=2, coffee beans=2, grinder=1, brew=1.5, beans=0.5, grind=1.5',
    es: 'cafe=1, cafe con leche=2, espresso=3, expreso=2, barista=3, infusion=1.5, zumo=1.5, batido=1.5, refresco=1.5, cafetera=2, granos de cafe=2, molienda=2',
  },
  '214': {
    en: 'italian food=2, mexican food=2, japanese cuisine=2, sushi=2, ramen=2, curry=1.5, tacos=1.5, dim sum=2, tapas=1, paella=1, street food=2',
    es: 'sushi=2, ramen=2, curry=1.5, tacos=1.5, cocina japonesa=2, cocina italiana=2, cocina mexicana=2, comida china=2, cocina tradicional=1',
  },
  '221': {
    en: 'healthy recipe=2, low-fat=1.5, low-carb=2, wholegrain=1, superfood=2, meal prep=2',
    es: 'receta saludable=2, sin azucar=1, comida saludable=1',
  },
  '212': { en: 'vegan=3, veganism=3, plant-based=2', es: 'vegano=3, de origen vegetal=2' },
  '213': { en: 'vegetarian=3', es: 'vegetariano=3' },
  '215': { en: 'barbecue=3, bbq=3, grilling=2, charcoal=1.5', es: 'barbacoa=3, a la brasa=1.5, carbon vegetal=2' },
  '219': { en: 'food allergy=3, gluten-free=2, coeliac=2, celiac=2, nut allergy=3, lactose=2', es: 'alergia alimentaria=3, sin gluten=2, celiaco=2, celiaquia=3, lactosa=2' },

  // Business and Finance
  '52': {
    en: 'business=1, company=1, firm=0.7, corporate=1, industry=0.7, markets=1, revenue=2, profit=2, earnings=2, shares=1.5, shareholders=2, share price=2, investors=1, stock=0.7, stock market=2, stock exchange=2, ceo=2, chief executive=2, executive=1, merger=2, acquisition=2, takeover=1.5, venture capital=2, funding=1, valuation=1.5, quarterly=1.5, full-year=1.5, guidance=1, analysts=1.5, dividend=2, buyback=2, margins=1.5, pre-tax=2, turnover=1, economy=2, economic=1.5, economists=2, inflation=2, gdp=2, gross domestic product=2, recession=2, monetary policy=2, unemployment=1.5, labour market=1.5, exports=1.5, tariffs=2, supply chain=1, manufacturer=1, retailer=1.5, retail=1, billion=0.7, million=0.3, wall street=2, nasdaq=2, ftse=2, dow jones=2, broker=0.7, forecasts=1, customers=0.7, clients=0.5, strike action=3, walkout=2.5, trade union=2.5, unions=1, pay talks=3, pay dispute=3, industrial action=3, workers=0.7, wages=1, layoffs=2.5, job cuts=3, cut jobs=2.5, restructuring=2.5, workforce=1.5, severance=2.5, redundancies=2.5, after-hours trading=3, cost cuts=2, chief financial officer=3, boardroom=3, annual results=3, half-year=2, results=0.7, outlook=1, sales growth=2, operating profit=3, net income=3, losses=1, loss-making=3, market share=2, competitors=1, rivals=0.5, consumers=0.5, demand=0.7, supply=0.7, prices=0.5, costs=0.7, investment=0.7, invest=0.5, expansion=1, headquarters=1.5, subsidiary=2.5, conglomerate=3, multinational=2',
    es: 'empresa=1, compania=1, negocio=1, sector=0.5, industria=0.7, mercados=1, facturacion=2, factura=0.5, ingresos=1, beneficio=1.5, beneficio neto=3, resultados=0.7, acciones=0.7, accionista=2, bolsa=0.7, consejero delegado=2, directivo=1, fusion=0.7, adquisicion=1.5, opa=2, capital riesgo=2, startup=2, ronda de financiacion=3, financiacion=1, inversores=1, inversion=1, valoracion=1, trimestre=1, semestre=1, cuentas anuales=2, analistas=1.5, dividendo=2, recompra de acciones=2, margen=1, margen bruto=2, economia=2, economico=1.5, inflacion=2, ipc=2, pib=3, producto interior bruto=3, tipos de interes=1, banco central=2, recesion=2, paro=1.2, desempleo=2, mercado laboral=1.5, exportaciones=1.5, aranceles=2, cadena de suministro=1, fabricante=1, millones de euros=1, encuesta de poblacion activa=3, zona euro=2, deuda publica=1.5, productividad=1.5, crecimiento=0.7, consumo=0.5, coyuntura=2, previsiones=1, prevision de crecimiento=2, clientes=0.7, cotiza=2, huelga=2, huelga general=3, sindicato=2, convenio colectivo=3, patronal=2, despidos=2, ere=2.5, trabajadores=0.7, salarios=1, recortes=1, reestructuracion=2.5, prejubilaciones=3, indemnizaciones=2, expediente de regulacion de empleo=3, cierre de oficinas=2, director financiero=3, resultados anuales=3, cuentas=0.7, perdidas=1, cuota de mercado=2.5, competidores=1, consumidores=0.5, demanda=0.5, oferta=0.3, precios=0.5, costes=1, expansion=1, sede=1, filial=2.5, multinacional=2, grupo empresarial=3, empresario=2, cotizada=2',
    any: 'ibex=3, ibex 35=3, bce=2, epa=1.5, ine=1, banco de espana=2, fmi=2, imf=2, ocde=2, oecd=2',
  },
  '53': {
    en: 'company=1, ceo=2, chief executive=2, founder=1.5, founded=1, start-up=2, startup=2, revenue=1.5, profit=1.5, shares=1, shareholders=1.5, board=0.7, series a=2.5, series b=2.5, funding round=3, raised=0.7, customers=0.7, annual recurring revenue=3, headcount=1.5, store closures=1.5, marketing=1, private equity=3, takeover bid=3, takeover offer=3, bid=1, deal=0.5, transaction=1, competition regulator=2, the board=1, a share=1.5, premium=0.5',
    es: 'empresa=1, compania=1, consejero delegado=2, fundador=1.5, fundada=1, startup=2, ronda=1, serie b=2.5, serie a=2, facturacion=1.5, beneficio=1, accionistas=1.5, plantilla=1.5, clientes=0.7, marketing=1, capital riesgo=2, opa=2.5, oferta publica de adquisicion=3, consejo de administracion=2, operacion=0.5, cnmv=3, comision nacional del mercado de valores=3, prima=0.5',
  },
  '80': {
    en: 'economy=2, economic=1.5, economists=2, inflation=2, gdp=2, growth=0.7, central bank=2, interest rate=1, recession=2, monetary policy=2, unemployment=1.5, labour market=1.5, wage growth=2, consumer prices=2, vacancies=1, public finances=1.5, borrowing=0.7, governor=0.7, basis points=2, quarter-point=2, petrol prices=3, fuel prices=3, oil prices=2.5, barrel=1.5, brent crude=3, opec=3, crude oil=2.5',
    es: 'economia=2, economico=1.5, inflacion=2, ipc=2, pib=3, crecimiento=0.7, banco central=2, tipos de interes=1, recesion=2, paro=1.2, tasa de paro=2.5, desempleo=2, ocupados=2, mercado laboral=1.5, salarios=1, deuda publica=1.5, deficit=1.5, interanual=2, productividad=1.5, precio de la gasolina=3, precio del petroleo=2.5, petroleo=1.5, barril=2, brent=3, opep=3, carburantes=2, gasoleo=1, estaciones de servicio=1',
  },
  '90': {
    en: 'industry=1, manufacturing=1.5, logistics=1.5, freight=1.5, energy sector=2, airline industry=2, automotive industry=2, retail sector=2, pharmaceutical industry=2, construction industry=2, agriculture=1.5, farmers=1, airlines=1.5, aviation=2, carrier=1, airports=0.5, tourism industry=3, tourism sector=3, hospitality industry=3, hotel industry=2.5',
    es: 'industria=1, sector=0.7, industrial=1, logistica=1.5, sector energetico=2, sector automovilistico=2, sector textil=2, textil=1.5, agricultura=1.5, agricultores=1.5, agricola=1.5, cooperativas=1, fabricas=1, aerolineas=1.5, sector aereo=2, aviacion=2, sector turistico=3, industria turistica=3, patronales hoteleras=3, gasto turistico=2.5, mercados emisores=3, tasas turisticas=2',
  },

  // Technology & Computing
  '596': {
    en: 'technology=2, tech=1.5, digital=0.7, software=2, hardware=2, app=1, device=1, gadget=2, internet=1, computer=2, artificial intelligence=3, ai=2, algorithm=2, data=0.5, cloud=0.5, processor=2, chipset=3, chipmaker=3, chip designer=3, chip shortage=3, computer chips=3, smartphone=3, phone=1, screen=1, display=1, battery=0.7, charging=0.7, usb=2, bluetooth=2, wifi=2, 5g=2, cybersecurity=3, hacker=1.5, malware=3, password=2, encryption=2, operating system=2, update=0.5, machine learning=3, neural network=3, language model=3, robot=2, robotics=3, virtual reality=3, augmented reality=3, megapixel=2, oled=2, benchmarks=1.5, developers=1.5, open source=2, users=0.5, tech giant=3, silicon valley=2, data centre=3, data center=3, servers=1.5, cloud computing=3, cloud provider=3, outage=2, downtime=2, bug=1.5, software update=2, code=1, programming language=3, interpreter=2, compiler=3, libraries=0.7, api=2, startup=0.5, platform=0.5, ai chips=3, semiconductor=3, processor cores=3, gigabytes=2, terabytes=2',
    es: 'tecnologia=2, digital=0.7, software=2, hardware=2, aplicaciones=1, app=1.5, dispositivo=1.5, gadget=2, internet=1, ordenador=2, portatil=2, inteligencia artificial=3, ia=2, algoritmo=2, datos=0.5, procesador=2, smartphone=3, movil=1.5, pantalla=1, bateria=0.7, carga rapida=1.5, usb=2, bluetooth=2, wifi=2, 5g=2, ciberseguridad=3, ciberdelincuentes=3, ciberataque=2, hacker=1.5, malware=3, contrasena=2, cifrado=2, sistema operativo=2, actualizacion=0.5, aprendizaje automatico=3, red neuronal=3, modelo de lenguaje=3, robot=2, robotica=3, realidad virtual=3, realidad aumentada=3, megapixeles=2, amoled=2, gama alta=1.5, gama media=1.5, usuarios=0.5, terminal=1, gigante tecnologico=3, grandes tecnologicas=3, tecnologicas=2, centro de datos=3, servidores=1.5, la nube=1.5, computacion en la nube=3, caida=0.3, fallo informatico=3, error informatico=3, desarrolladores=1.5, codigo=1, lenguaje de programacion=3, api=2, plataforma=0.5, semiconductores=3, fabricante de chips=3, escasez de chips=3, gigas=2, nanometros=3, conectividad=2, fibra optica=3, operadoras=2',
    any: 'iphone=3, android=3, google=1, apple=0.7, microsoft=2, samsung=2, openai=3, chatgpt=3, nvidia=3, intel=2, qualcomm=3, snapdragon=3, chromebook=3, windows=1, macos=3, ios=2, linux=3, github=3',
  },
  '597': {
    en: 'artificial intelligence=3, ai=2, machine learning=3, neural network=3, language model=3, chatbot=3, generative=2, parameters=1, distillation=2, training data=2, benchmarks=1, model=0.5, weights=0.7, deep learning=3',
    es: 'inteligencia artificial=3, ia=2, aprendizaje automatico=3, red neuronal=3, modelo de lenguaje=3, chatbot=3, generativa=2, algoritmos=1, datos de entrenamiento=2.5, proposito general=1.5, aprendizaje profundo=3',
  },
  '599': {
    en: 'laptop=3, computer=1.5, pc=1.5, desktop=1.5, software=1.5, operating system=2, ssd=2.5, ram=2, memory=0.5, keyboard=1.5, processor=1, cybersecurity=3, password=2, password manager=3, two-factor=3, phishing=3, malware=3, encryption=2, network=0.7, internet=1, browser=2, programming=2, coding=1.5, source code=2, usb-c=1, ports=0.5',
    es: 'ordenador=2, portatil=3, pc=1.5, software=1.5, sistema operativo=2, ssd=2.5, ram=2, teclado=1.5, procesador=1, ciberseguridad=3, contrasena=2, gestor de contrasenas=3, verificacion en dos pasos=3, phishing=3, malware=3, cifrado=2, red=0.3, internet=1, navegador=2, programacion=2, codigo=0.7, iniciar sesion=2, correo=0.7, filtracion=1',
  },
  '632': {
    en: 'smartphone=3, phone=1.5, handset=3, tablet=1, headphones=2, earbuds=3, smartwatch=3, camera=0.7, display=1, screen=0.7, battery=1, battery life=2, charger=1.5, wired charging=3, fast charging=2.5, 120hz=3, refresh rate=2, night mode=2, sensor=1, gadget=2, television=0.3',
    es: 'movil=2, smartphone=3, telefono=1, tableta=1.5, auriculares=2, smartwatch=3, reloj inteligente=3, camara=0.7, pantalla=1, bateria=1, cargador=1.5, carga rapida=2, tasa de refresco=2.5, modo noche=2, sensor=1, gama alta=1.5, terminal=1.5, brillo=1',
  },
  '638': { en: 'robot=2, robotics=3, humanoid=2', es: 'robot=2, robots=2, robotica=3, humanoide=2' },
  '639': { en: 'virtual reality=3, vr=2, headset=1.5, metaverse=2', es: 'realidad virtual=3, gafas de realidad virtual=3, metaverso=2' },
  '598': { en: 'augmented reality=3', es: 'realidad aumentada=3' },

  // Travel
  '653': {
    en: 'travel=2, travelling=2, traveller=2, trip=1.5, holiday=1, vacation=2, tourist=2, tourism=2, destination=2, itinerary=3, sightseeing=3, hotel=1.5, flight=1.5, airport=1.5, airline=1.5, passport=1.5, luggage=2, backpacking=3, road trip=3, resort=1.5, cruise=2, visitors=0.7, visit=0.5, explore=0.5, old town=1.5, viewpoint=1.5, day trip=2, getaway=2, city break=3, travel insurance=2, jet lag=3, accommodation=1.5, guided tour=2, landmarks=1.5, worth a visit=1.5, neighbourhood=0.5, sights=1.5, tram=1, walking distance=1.5, book accommodation=2, guidebook=2, hiking=1.5, train=1, rail=1.5, railway=1, rail journey=3, night train=3, sleeper train=3, journey=1, boarded=1, station=0.5, boutique hotel=3, rooms=0.7, balcony=1, sea views=2, views=0.7, breakfast=0.5, check-in=2, stayed=1, guests=0.7, doubles=1.5, per night=3, a night=2, low season=2, high season=2, coastal walks=2, harbour=0.7, beaches=1.5, old quarter=2, walking tour=2, cobbled=1.5',
    es: 'viaje=2, viajar=2, viajero=2, turista=2, turismo=2, turistico=2, destino=1.5, escapada=3, itinerario=2, ruta=1, hotel=1.5, vuelo=1.5, aeropuerto=1.5, aerolinea=1.5, pasaporte=1.5, equipaje=2, maleta=1.5, mochilero=3, playas=1.2, calas=2, casco antiguo=2, casco historico=2, mirador=1.5, excursion=1.5, alojamiento=1.5, visitar=0.7, visita=0.5, merece la pena=1, rincones=1, pueblos=0.7, pueblos con encanto=2, imprescindible=0.5, senderismo=2, sendero=1, parque natural=1, parque nacional=1, temporada alta=1, ocupacion hotelera=2, que ver=2, donde dormir=2, donde comer=1.5, reservar=0.5, con antelacion=1, alquilar coche=2, paseando=1, tren=1, tren nocturno=3, viaje en tren=3, estacion=0.5, recorrer=1, recorrido=1, alojarse=1.5, hospedarse=1.5, hostal=2, paisaje=1, aldeas=1, caminata=1.5, camino de santiago=2.5, peregrinos=0.5, habitacion=0.7, vistas=1, desayuno=0.5, estancia=1, huespedes=1.5, la noche=1, por noche=3, temporada baja=2, parador=3, pasear=1, monumentos=1, barrio antiguo=2',
  },
  '655': {
    en: 'things to do=2, where to stay=2, what to see=2, old town=1, city guide=3, first-timer=1.5, neighbourhoods=1, capital city=1, coast=1, coastline=1.5, island=1',
    es: 'que ver=2, que hacer=1, donde dormir=2, guia de viaje=3, costa=1, isla=1.5, pueblos=0.5, comarca=0.5, casco antiguo=1',
  },
  '663': {
    en: 'packing=2, travel tips=3, luggage=1.5, jet lag=2, check in=1.5, boarding=1.5, aisle seat=2.5, window seat=2, travel insurance=2, visa=1, long-haul=2.5, carry-on=2, cabin=1, economy=0.3',
    es: 'consejos para viajar=3, equipaje=1.5, facturar=1.5, tarjeta de embarque=2, seguro de viaje=2, visado=1.5, cambio de moneda=1, efectivo=0.5, antes de volar=2, largo radio=2',
  },
  '664': {
    en: 'beach holiday=2, cruise=2, camping=2, road trip=2, honeymoon=1.5, hostel=2, bed and breakfast=2, rail pass=2, spa=1, ski resort=1, night train=3, sleeper train=3, sleeper cabin=3, couchette=3',
    es: 'crucero=2, camping=2, luna de miel=1.5, albergue=2, casa rural=2, balneario=2, turismo rural=2, escapada=1, ryokan=2, tren nocturno=3, coche cama=3, camino de santiago=2, hostal=1.5',
  },
  '654': { en: 'suitcase=2, travel adapter=3, backpack=1, neck pillow=3', es: 'maleta=1, mochila=1, adaptador de viaje=3' },

  // Politics
  '386': {
    en: 'politics=2, political=2, politician=2, government=1.5, minister=2, prime minister=3, president=0.7, parliament=3, parliamentary=3, congress=2, senate=2, senator=2, mps=1.5, lawmakers=2, legislation=1.5, bill=0.7, vote=1.5, voters=2, election=3, electoral=2, polls=1.5, ballot=2, opposition=1.5, political party=3, parties=0.7, coalition=1.5, majority=0.7, democracy=2, democrats=2, republicans=2, conservative=1, labour=0.7, liberal=1, council=1, councillor=2, mayor=1.5, city council=2, referendum=2, constitution=1.5, reform=1, white house=2, downing street=2, cabinet=0.5, debate=0.7, backbenchers=3, rebels=0.5, statehouse=2, legislature=2, constituency=2, spokesman=0.3, protesters=0.5, protest=0.5, campaigners=0.7, ministry=1.5, cabinet minister=3, mp=1.5, peers=1.5, house of commons=3, house of lords=2.5, speaker=0.5, vote of no confidence=3, motion=1, caucuses=3, presidential primaries=3, primary election=3, the primaries=2.5, nomination=1, presidential=2, governor=1.5, congressman=3, congresswoman=3, campaign=0.7, rally=0.7, supporters=1, delegates=1.5, policies=1.5, manifesto=3, pledge=1, eu=0.7, european union=2, european commission=3, european parliament=3, meps=3, member states=2, brussels=1.5, summit=1, diplomats=1.5, foreign minister=3, foreign policy=3',
    es: 'politica=2, gobierno=1.5, ministro=2, presidente del gobierno=3, presidente=0.7, parlamento=3, parlamentario=2, congreso=2, congreso de los diputados=3, diputado=2, senado=2, senador=2, legislacion=1.5, ley=0.7, proyecto de ley=2, votacion=2, voto=1.5, votar=1.5, votante=2, elecciones=3, electoral=2, campana electoral=3, encuesta=1, sondeo=2, urnas=2, oposicion=1.5, partido politico=3, partidos=0.7, coalicion=1.5, mayoria=0.7, democracia=2, socialista=2, izquierda=1.5, derecha=0.3, pleno=1, concejal=2, alcalde=2, alcaldesa=2, ayuntamiento=1.5, consejeria=1, autonomicas=2, referendum=2, constitucion=1.5, reforma=0.5, jornada de reflexion=3, mitin=3, candidato=2, investidura=3, legislatura=2, ejecutivo=1, socios=1, enmiendas=2, manifestacion=0.5, concentraron=0.7, extremismo=0.5, ministerio=1.5, consejo de ministros=3, cortes=1, moción de censura=3, mocion=2, escanos=3, mayoria absoluta=3, comicios=3, candidatura=2, programa electoral=3, promesas=1, union europea=2, comision europea=3, parlamento europeo=3, eurodiputados=3, eurocamara=3, estados miembros=2, cumbre=1, diplomacia=2, ministro de exteriores=3, politica exterior=3, independentistas=2, independentismo=3, nacionalistas=2, generalitat=2, xunta=2, junta=0.5',
    any: 'psoe=3, partido popular=3, pp=2, vox=2, moncloa=2, bruselas=1, eu=0.3, ue=0.5',
  },
  '387': {
    en: 'election=3, vote=1, voters=2, polls=2, ballot=2, candidate=1.5, campaign trail=3, turnout=2, exit poll=3, polling stations=3, undecided voters=3, general election=3, margin of error=2',
    es: 'elecciones=3, electoral=2, votos=1, votantes=2, encuesta=1.5, sondeo=2, urnas=2, candidato=1.5, mitin=3, participacion=1, colegios electorales=3, jornada de reflexion=3, indecisos=2, debate televisado=2, autonomicas=2, generales=0.7, bloques=1',
  },
  '388': {
    en: 'legislation=1.5, bill=1, budget=1, reform=1, policy=1, second reading=3, amendments=2, royal assent=3, committee stage=3, finance minister=2, concessions=1.5, public sector=1, defence spending=1.5, tax year=0.5',
    es: 'ley=1, proyecto de ley=2, presupuestos=2, presupuestos generales=3, reforma=1, enmiendas=2, ministra de hacienda=2, senda de deficit=2, transferencias=1, partida=0.5, concesiones=1',
  },
  '8YPBBL': {
    en: 'council=1.5, councillors=2, mayor=1.5, local authority=2, planning committee=3, town hall=2, petition=1, residents=1, consultation=1, council leader=2, cycle lanes=2, parking spaces=1.5',
    es: 'ayuntamiento=2, pleno=1.5, concejal=2, alcalde=2, alcaldesa=2, ordenanza=2, vecinos=1, municipal=1.5, municipio=1, consistorio=2, firmas=0.7, carril bici=2, zona de bajas emisiones=3, aparcamientos=1',
  },

  // Medical Health
  '286': {
    en: 'health=0.7, medical=2, medicine=1.5, doctor=1.5, gp=1.5, nurse=1.5, hospital=1.5, patients=2, clinic=1.5, clinical=2, clinical trial=3, treatment=1.5, therapy=1.5, disease=2, symptoms=2, diagnosis=2, diagnosed=2, infection=2, virus=1.5, cancer=2, tumour=2, tumor=2, diabetes=2, blood pressure=2, heart disease=2, chronic=1.5, prescription=2, prescribed=2, medication=2, drug=0.7, dose=1, vaccine=2, vaccination=2, surgery=2, surgeon=2, physiotherapy=2, physiotherapist=2, nhs=2, pharmacy=1.5, pharmacist=1.5, side effects=2, specialist=0.5, painkillers=1.5, pain=0.7, swelling=1.5, fever=1.5, blood=0.5, conditions=0.7, health officials=1, emergency department=1.5, outbreak=2, cases=0.7, contagious=2.5, infected=2, infectious=2, rash=2, pneumonia=2, antibodies=2, immune system=2, paediatrician=2.5, gp surgery=3, consultation=1, health service=2, waiting lists=1.5, neurologist=3, cardiologist=3, dermatologist=2, psychiatrist=3, therapist=1.5, therapy sessions=2.5, anxiety=1.5, depression=1.5, antidepressants=3, talking therapy=3, dentist=3, dental=3, teeth=1.5, gums=3, toothpaste=1',
    es: 'salud=0.7, medico=1.5, medicina=1.5, enfermera=1.5, hospital=1.5, paciente=2, clinico=2, ensayo clinico=3, tratamiento=1.5, terapia=1.5, enfermedad=2, sintoma=2, diagnostico=2, diagnosticado=2, infeccion=2, virus=1.5, cancer=2, tumor=2, diabetes=2, tension arterial=2, presion arterial=2, cronico=1.5, receta medica=2, medicamento=2, farmaco=2, dosis=1, vacuna=2, vacunacion=2, cirugia=2, cirujano=2, fisioterapeuta=2, rehabilitacion=1.5, sanidad=2, sanitario=1.5, centro de salud=2, farmacia=1.5, efectos secundarios=2, oncologo=3, oncologia=3, traumatologia=3, urgencias=1.5, especialista=0.7, atencion primaria=2, dolor=0.7, fiebre=1.5, consejeria de sanidad=2, alta=0.3, brote=2, casos=0.7, contagioso=2.5, contagios=2, contagiados=2, infectado=2, sarpullido=2.5, neumonia=2, anticuerpos=2, sistema inmunitario=2, pediatra=2.5, consulta=1, sistema sanitario=2, listas de espera=1.5, neurologo=3, cardiologo=3, dermatologo=2, psiquiatra=3, psicologo=1, ansiedad=1.5, antidepresivos=3, dentista=3, dental=3, dientes=1.5, encias=3',
  },
  '287': {
    en: 'disease=2, condition=0.7, cancer=2, tumour=2, diabetes=2, type 2 diabetes=3, flu=2, influenza=2, asthma=2, arthritis=2, osteoarthritis=3, dementia=2, alzheimer=2, depression=1.5, mental health=1.5, heart disease=2, stroke=1, infection=1.5, obesity=1, sickle cell=3, allergies=1, kidney=1, blood sugar=2, glucose=1.5, hba1c=3, symptoms=1',
    es: 'enfermedad=2, cancer=2, cancer de mama=3, tumor=2, diabetes=2, gripe=2, asma=2, artrosis=2, artritis=2, demencia=2, alzheimer=2, depresion=1.5, salud mental=1.5, infarto=2, ictus=2, insuficiencia cardiaca=2, infeccion=1.5, obesidad=1, alergias=1, sintomas=1, covid=1.5',
  },
  '320': {
    en: 'medication=2, medicine=1, drug=0.7, prescription=2, prescribed=2, pill=1, tablet=0.5, dose=1, side effects=2, pharmaceutical=2, injection=1.5, once-weekly=2, painkillers=1.5, antibiotics=2',
    es: 'medicamento=2, farmaco=2, receta medica=2, pastilla=1, comprimido=1.5, dosis=1, efectos secundarios=2, farmaceutica=2, inyeccion=1.5, antibioticos=2',
  },
  '321': {
    en: 'surgery=2.5, surgeon=2.5, operation=1, knee replacement=3, hip replacement=3, transplant=2, anaesthetic=2, keyhole=2, recovery=1, crutches=1.5, stitches=1.5, scar tissue=1.5, blood clot=1.5',
    es: 'cirugia=2.5, cirujano=2.5, operacion=1, operados=1.5, intervencion=1, protesis=2, protesis de cadera=3, trasplante=2, anestesia=2, minimamente invasiva=2, muletas=1.5, andador=1.5, rehabilitacion=1, herida=0.7, recuperacion=1',
  },
  '322': {
    en: 'vaccine=3, vaccination=3, vaccinated=2.5, jab=2.5, flu jab=3, immunisation=3, booster=1.5, nasal spray=2',
    es: 'vacuna=3, vacunacion=3, vacunarse=3, vacunados=2.5, campana de vacunacion=3, antigripal=3, inmunizacion=3, dosis de refuerzo=2, espray=1, pinchazo=1.5',
  },
  '319': {
    en: 'screening=2, mammogram=3, scan=1, mri=2, blood test=2, biopsy=2, medical test=3',
    es: 'cribado=3, mamografia=3, deteccion precoz=2.5, resonancia=2, analisis de sangre=2, biopsia=2, prueba medica=2, autoexploracion=2',
  },
  '323': { en: 'botox=3, cosmetic surgery=3, plastic surgery=3, lip filler=3, facelift=3', es: 'botox=3, cirugia estetica=3, medicina estetica=3, rellenos faciales=3' },

  // Healthy Living
  '223': {
    en: 'healthy=1.5, health=0.5, wellbeing=2, wellness=2, fitness=2, exercise=2, workout=2, gym=2, training=0.5, diet=1.5, nutrition=2, nutritionist=2, weight loss=2, lose weight=2, sleep=1.5, stress=1, habits=1.5, healthy eating=2, protein=1, calories=1.5, vitamins=1.5, hydration=1.5, yoga=2, pilates=2, meditation=2, mindfulness=2, running=1, jogging=2, strength training=3, squats=2, push-ups=2, reps=2, muscles=1.5, stretching=2, warm up=1, recover=0.5, bedtime=1, caffeine=1, body clock=2, whole grains=1.5, processed foods=1.5, heart disease=0.5, healthier=2, lifestyle=1, active=0.7, steps=0.5, walking=1, posture=2, mobility=1.5, flexibility=2, breathing=1, energy levels=2, self-care=3, mental wellbeing=3, routine=1, balanced diet=3, portion=1.5, snacks=1, sugar=1, intermittent fasting=3, eating window=3, weight=1',
    es: 'saludable=1.5, salud=0.5, bienestar=2, forma fisica=2, ejercicio=2, entrenamiento=1, gimnasio=2, dieta=1.5, nutricion=2, nutricionista=2, perder peso=2, adelgazar=2, dormir=1.5, sueno=1.5, descanso=1, estres=1, habitos=1.5, alimentacion saludable=3, alimentacion=1.5, proteina=1, calorias=1.5, vitamina=1.5, hidratacion=1.5, yoga=2, pilates=2, meditacion=2, mindfulness=2, correr=1.5, running=1.5, musculo=1.5, estiramiento=2, estirar=2, insomnio=1.5, ultraprocesados=2, cafeina=1, reloj biologico=2, peso saludable=2, lesiones=0.5, zapatillas=0.7, mas sano=2, vida sana=3, estilo de vida=1.5, activo=0.7, actividad fisica=3, caminar=1.5, pasos=0.5, postura=2, movilidad=1.5, flexibilidad=2, respiracion=1.5, autocuidado=3, rutina=1, dieta equilibrada=3, raciones=1.5, picar entre horas=3, azucar=1, ayuno=1.5, ayuno intermitente=3, peso=1',
  },
  '225': {
    en: 'fitness=2, exercise=2, workout=2, gym=2, strength training=3, squats=2, deadlifts=2.5, push-ups=2, bench press=2.5, reps=2, sets=0.5, compound movements=2.5, running=1.5, jogging=2, marathon training=2, cardio=2, training plan=2',
    es: 'ejercicio=2, gimnasio=2, entrenamiento=1.5, plan de entrenamiento=2, correr=2, trotar=2.5, running=2, sentadillas=2.5, cardio=2, forma fisica=2, principiantes=1, caminar=0.7, calentamiento=1',
  },
  '229': {
    en: 'nutrition=2, diet=1.5, nutritionist=2, protein=1.5, vitamins=1.5, calories=1, whole grains=1.5, legumes=1.5, fibre=1.5, mediterranean diet=3, healthy eating=2, eating pattern=2, processed foods=1.5, sugary drinks=2',
    es: 'nutricion=2, dieta=1.5, nutricionista=2, proteinas=1.5, vitaminas=1.5, calorias=1, integrales=1.5, legumbres=1.5, fibra=1.5, dieta mediterranea=3, alimentacion saludable=2, ultraprocesados=2, bebidas azucaradas=2, metodo del plato=3',
  },
  '231': { en: 'weight loss=3, lose weight=3, slimming=3, calorie deficit=3', es: 'perder peso=3, adelgazar=3, perdida de peso=3, deficit calorico=3, kilos=1' },
  '232': {
    en: 'wellbeing=2, wellness=2, sleep=2, stress=1.5, meditation=2, mindfulness=2, relaxation=2, sleep better=3, insomnia=2, wind down=2',
    es: 'bienestar=2, sueno=2, dormir=2, dormir mejor=3, estres=1.5, meditacion=2, mindfulness=2, relajacion=2, insomnio=2, descanso=1.5',
  },
  '238': { en: 'women s health=3, menopause=3, pregnancy=1, period pain=3, fertility=1.5', es: 'salud femenina=3, menopausia=3, embarazo=1, fertilidad=1.5' },
  '228': { en: 'men s health=3, prostate=2, testosterone=2', es: 'salud masculina=3, prostata=2, testosterona=2' },
  '230': { en: 'older adults=2, over-65s=2, senior health=3, healthy ageing=3', es: 'personas mayores=1.5, envejecimiento saludable=3' },
  '224': { en: 'children s health=3, childhood obesity=3', es: 'salud infantil=3, pediatra=2, obesidad infantil=3' },

  // Entertainment
  JLBCU7: {
    en: 'entertainment=2, box office=3, film=2, movie=2, movies=2, cinema=2, director=0.7, actor=2, actress=2, cast=1, premiere=2, screenplay=2, streaming=0.7, series=1, episode=2, season=0.5, show=0.7, tv=1.5, television=2, drama=1, comedy=1.5, music=2, album=2, song=2, singer=2, band=1.2, concert=2, tour=0.5, gig=1.5, festival=1, track=0.5, single=0.5, lead single=2, chart=1, rapper=2, guitarist=2, drummer=2, lyrics=2, live music=2, tv series=3, sitcom=3, documentary=2, trailer=1, sequel=2, spoilers=2, finale=1.5, streaming service=2, broadcaster=1.5, fans=0.5, encore=2, the stage=1, on stage=2, tickets=1, promoter=1, viewers=1, performances=1.5, cinematography=3, soundtrack=2, record=0.3, podcast=2.5, true crime=2, host=0.5, listeners=1.5, listening=1, showbiz=1, star=0.5, stars in=2, starring role=3, directed by=3, the film=2, the movie=2, the series=2, the show=1.5, new series=2, audience=1.5, critics=1.5, the band=2, frontman=3, vocalist=3, record label=3, chart-topping=3, number one=1, playlist=1.5, talent show=3, judges=0.5, public vote=2',
    es: 'entretenimiento=2, taquilla=3, pelicula=2, cine=2, cines=2, directora=1, actor=2, actriz=2, reparto=1.5, estreno=2, guion=2, serie=1.5, episodio=2, capitulo=1, temporada=0.5, programa=0.5, tele=1.5, television=2, televisivo=2, drama=1, comedia=1.5, musica=2, musical=1.5, disco=1.5, album=2, cancion=2, cantante=2, banda=1, concierto=2, gira=1.5, festival=1, single=1, rapero=2, guitarrista=2, letra=0.5, en directo=1, serie de television=3, documental=2, trailer=1, secuela=2, premios goya=3, goya=2, oscar=1.5, grammy=2, plataforma=0.7, spoiler=2, reality=2, gala=1, concursante=2, presentador=1.5, cadena=0.5, audiencia=1, espectadores=1, entradas=1, escenario=1.5, fotografia=0.5, actuacion=1, interpretacion=1, podcast=2.5, podcasts=2.5, serie documental=3, oyentes=1.5, protagonizada=1.5, protagoniza=1.5, dirigida por=3, la pelicula=2, la serie=2, el programa=1.5, nueva serie=2, publico=0.7, criticos=1.5, la banda=2, vocalista=3, discografica=3, sello discografico=3, numero uno=1, lista de exitos=3, talent show=3, jurado=0.7, festival de eurovision=3, eurovision=3, representante=0.3',
    any: 'netflix=2, hbo=2, disney+=1.5, prime video=2, hollywood=2, spotify=2, oscars=2, wizink=2.5, movistar plus=2',
  },
  '324': {
    en: 'film=2.5, movie=2.5, movies=2, cinema=2.5, director=1, box office=3, premiere=1.5, screenplay=2, feature=0.7, cinematography=3, filmmaker=3, actress=1, actor=1, festival=0.7, take=0.3, scene=1, opens in cinemas=3, sequel=2, blockbuster=2',
    es: 'pelicula=2.5, cine=2.5, cines=2, directora=1.5, taquilla=3, estreno=1.5, guion=1.5, largometraje=3, cineasta=3, rodaje=2, escena=1, llega a los cines=3, seccion oficial=2.5, festival de san sebastian=3, fotografia=0.5, secuela=2',
  },
  '338': {
    en: 'music=2, album=3, song=2, singer=2, band=1.5, concert=2, gig=2, tour=0.7, track=1, single=1, lead single=3, record=0.7, chorus=2, riffs=2, guitars=1.5, drums=1.5, vocals=2, voice=0.7, encore=2, setlist=3, merch=2, band members=2',
    es: 'musica=2, disco=2, album=3, cancion=2, cantante=2, banda=1.5, grupo=0.5, concierto=2.5, gira=1.5, tema=0.5, single=1.5, estribillo=2, guitarra=1, bateria=0.3, voz=0.7, repertorio=2, himnos=1, gira de reencuentro=3, entradas agotadas=2',
  },
  '640': {
    en: 'tv=2, television=2, tv series=3, series=1.5, episode=2, season=1, season finale=3, finale=2, sitcom=3, streaming=1, broadcaster=2, catch-up=2, showrunner=3, spoilers=2, reality show=3, talk show=2, presenter=1.5, viewers=1, documentary series=3, docuseries=3',
    es: 'tele=2, television=2, serie=2, episodio=2, capitulo=1.5, temporada=1, final de temporada=3, plataforma=1, cadena=1, reality=2.5, concursante=2, presentador=1.5, gala=1.5, audiencia=1, espectadores=1, spin off=2.5, ficcion=1, guionistas=2, serie documental=3, documental=1.5',
  },

  // Automotive
  '1': {
    en: 'car=2, vehicle=1.5, automotive=2, motoring=3, driver=0.7, driving=1, test drive=3, engine=1.5, horsepower=2, bhp=2, torque=2, gearbox=2, transmission=1, suv=2, hatchback=3, sedan=2, saloon=1, electric car=3, ev=2, hybrid=1.5, petrol=2, diesel=2, fuel economy=2, mpg=2, tyres=2, tires=2, brakes=1.5, dealership=2, dealer=0.5, mileage=2, used car=3, mot=2, service history=2, boot=0.5, boot space=2, cruise control=2, motorcycle=3, motorbike=3, scooter=2, moped=3, clutch=1.5, roadworthy=2, car insurance=3, steering=2, acceleration=1.5, on the road=1, kilometres=0.5, cabin=0.5, trim=1, heated seats=2, range=0.5, charging=0.5, kwh=2, seats=0.5, helmet=1.5, motorcycle gear=3, riders=1, biker=3, crash=0.3, airbags=1.5, fuel=1, fuel tank=1.5, charging point=2, charger=0.5, restoration=1, classic car=3, project car=3, v8=3, carburettor=3, chassis=3, bodywork=3, paintwork=2, rust=1.5, road test=3, mph=1.5, 0-60=3, top speed=2',
    es: 'coche=2, automovil=2, vehiculo=1.5, motor=1, conductor=1, conducir=1, caballos=0.7, cv=1, cambio automatico=2, caja de cambios=2, suv=2, berlina=2, compacto=1, coche electrico=3, electrico=0.5, hibrido=1.5, gasolina=1.5, diesel=2, consumo=0.7, consumo medio=2, litros a los cien=2, litros cada cien kilometros=2, neumatico=2, frenos=1.5, concesionario=2, kilometraje=2, coche de segunda mano=3, segunda mano=1, itv=3, etiqueta eco=2, etiqueta ambiental=1.5, maletero=2, moto=2, motocicleta=3, scooter=2, carne de coche=2, taller=0.7, seguro del coche=3, revision=0.5, autonomia=0.7, cilindrada=3, centimetros cubicos=2, volante=1.5, aceleracion=1.5, carretera=0.7, kilometros=0.5, acabado=0.5, casco=1.5, motorista=2, punto de recarga=3, cargador=0.5, coches clasicos=3, restauracion=1, carroceria=3, chasis=3, pintura=0.3, oxido=1.5, prueba=0.5, velocidad maxima=2, km/h=1, kilometros por hora=1, recarga=1.5, enchufe=1, etiqueta cero=3',
    any: 'dgt=2, android auto=2, apple carplay=2, euro ncap=3, tesla=2, toyota=2, volkswagen=2, seat=0.5, renault=2, peugeot=2, hyundai=2, kia=1.5, bmw=2, audi=2, mercedes=1.5, honda=1.5, yamaha=2, ducati=2',
  },
  '30': {
    en: 'used car=3, second-hand car=3, buying a car=3, history check=2.5, outstanding finance=2, written off=1.5, test drive=1.5, dealer=1, dealership=2, independent inspection=2, mileage=1.5, price=0.3',
    es: 'coche de segunda mano=3, comprar un coche=3, concesionario=2, vehiculo de ocasion=3, compraventa de coches=3, kilometraje=1.5',
  },
  '34': {
    en: 'repair=1.5, mechanic=2, garage=1, service=0.5, mot=2.5, cambelt=3, tyres=1, brakes=1, bulbs=1, tread=1.5',
    es: 'taller=1.5, mecanico=2, reparacion=1.5, itv=3, inspeccion tecnica=3, revision=1, neumaticos=1, frenos=1, bombillas=1.5, escobillas=2, liquido de frenos=2.5, testigo del motor=3, dibujo=0.5',
  },
  '37': {
    en: 'electric car=2, ev=2, battery=1.5, charging=1.5, rapid charging=2.5, heat pump=1, adaptive cruise control=2, driver assistance=2, self-driving=2, kwh=2, range=1',
    es: 'coche electrico=2, hibrido=1.5, autorrecargable=3, enchufable=2, bateria=1, recarga=1.5, motores electricos=2, asistentes a la conduccion=2, conduccion autonoma=2',
  },
  '27': {
    en: 'motorcycle=3, motorbike=3, adventure bike=3, parallel-twin=3, quickshifter=3, rider=1, two-up=2, cc=1, traction control=1.5, windscreen=1, fuel tank=1',
    es: 'moto=2.5, motocicleta=3, motorista=2, casco integral=2, monocilindrico=3, cc=1',
  },
  '29': { en: 'scooter=3, moped=3', es: 'scooter=3, scooters=3, ciclomotor=3, piso plano=2' },
  '2': { en: 'suv=2, hatchback=3, estate car=3, coupe=2, convertible=2, pickup truck=2, crossover=1', es: 'suv=2, berlina=2, familiar=0.5, compacto=1, monovolumen=3, descapotable=2, todoterreno=2' },
  '31': { en: 'car insurance=3, motor insurance=3', es: 'seguro del coche=3, seguro de coche=3, seguro a todo riesgo=3' },
  '41': { en: 'car hire=3, rental car=3, car rental=3', es: 'alquiler de coches=3, coche de alquiler=3' },
  '35': { en: 'crash test=3, airbags=2, ncap=3', es: 'prueba de choque=3, airbags=2' },
  '33': { en: 'recall=2', es: 'llamada a revision=3' },

  // Real Estate
  '441': {
    en: 'real estate=3, property=1.5, house prices=3, housing market=3, homebuyers=2, first-time buyers=3, estate agent=3, realtor=3, landlord=2, tenant=2, tenancy=3, renting=2, rental=1.5, lease=1.5, letting=2, letting agent=3, flat=0.7, apartment=1.5, square feet=1.5, square metres=1.5, bedroom=0.7, for sale=1, asking price=2, deposit=0.5, property market=3, housebuilders=2, new homes=1.5, affordability=1.5, stamp duty=2, homes=0.7, housing=1.5, inventory=0.3, viewings=1.5, homeowner=1.5, house hunting=3, property prices=3, planning permission=2, new-build=3, developer=1, buy-to-let=3, mortgage interest=1, rental income=3, rental yields=3, yields=1, commercial property=3, vacancy rate=3, office space=2, estate=0.5, neighbourhood=0.5, square foot=2, freehold=3, leasehold=3, conveyancing=3, surveyor=3, valuation=1, auction=0.5',
    es: 'inmobiliario=2, vivienda=2, precio de la vivienda=3, mercado inmobiliario=3, piso=1.5, casa=0.3, compraventa=2, comprador=1, primera vivienda=2, casero=2, inquilino=2, arrendamiento=3, arrendador=2, alquiler=1.5, alquilar=1.5, metro cuadrado=2, dormitorio=0.7, en venta=1, promotora=2, burbuja inmobiliaria=3, fianza=1, agencia inmobiliaria=3, ley de vivienda=2, acceso a la vivienda=2, notarios=1, ibi=1, segunda mano=0.5, propietario=1.5, entrega de llaves=2.5, buscar piso=3, licencia de obra=2, obra nueva=2.5, rentabilidad=1.5, rentabilidad del alquiler=3, ingresos por alquiler=3, local comercial=2, locales=1, oficinas=1, inmueble=2, tasacion=2, registro de la propiedad=2.5, escrituras=2, comunidad de propietarios=2.5, propiedad horizontal=3, pisos turisticos=2, vivienda protegida=3, desahucio=2',
    any: 'idealista=2, fotocasa=2',
  },
  '451': {
    en: 'house prices=3, buyers=1.5, sellers=1.5, estate agent=2, first-time buyers=3, asking price=2, agreed sales=2, for sale=1, sold=0.5, property market=2',
    es: 'precio de la vivienda=3, precio medio de la vivienda=3, compraventa=2, compradores=1.5, vendedores=1, segunda mano=0.5, en venta=1, mercado inmobiliario=2, burbuja inmobiliaria=2',
  },
  '452': {
    en: 'rent=2, tenant=2, landlord=2, tenancy=3, tenancy agreement=3, letting agent=3, lease=1.5, deposit protection=3, break clause=3, inventory=1',
    es: 'alquiler=2, alquilar=2, inquilino=2, casero=2, arrendamiento=3, arrendamientos urbanos=3, contrato de alquiler=3, fianza=1.5, renta=1, mensualidad=1.5',
  },
  '447': { en: 'house=0.7, detached=2, semi-detached=3, bungalow=3, three-bedroom=2, family houses=2', es: 'chalet=2, adosado=3, casa unifamiliar=3, unifamiliar=2' },
  '442': { en: 'apartment=2, flats=1.5, studio flat=3', es: 'piso=1.5, apartamento=2, estudio=0.3, atico=2' },
  '444': { en: 'holiday home=3, holiday let=3, second home=2', es: 'segunda residencia=3, apartamento turistico=2, pisos turisticos=2' },
  '450': { en: 'office space=3, office property=3', es: 'oficinas=1, alquiler de oficinas=3' },

  // Personal Finance
  '391': {
    en: 'personal finance=3, money=1, your savings=2, their savings=2, savings rate=2, life savings=2, savings goal=2, save money=2, household budget=2, banking=1.5, bank account=2, current account=2, savings account=3, credit card=2, debt=1.5, loan=1.5, mortgage=2, remortgage=3, fixed-rate=2, variable rate=2, lender=2, borrower=2, broker=1, pension=2, retirement=2, state pension=3, workplace pension=3, isa=2, investing=2, investment=1, index fund=3, compound growth=2, compound interest=2, stocks and shares=2, portfolio=1, tax=1, tax return=3, self-assessment=3, hmrc=3, income tax=2, allowance=1, deductions=1.5, tax relief=2, insurance=1, cost of living=1, bills=0.7, frugal=2, credit=1, credit score=3, overdraft=3, personal loan=3, financial adviser=2, salary=0.5, pay rise=0.5, repayments=2, interest rate=0.7, rates=0.5, arrangement fees=3, fees=0.5, energy bills=1.5, household bills=2',
    es: 'finanzas personales=3, dinero=1, ahorro=2, ahorrar=2, ahorradores=2, banco=1, bancario=1.5, cuenta corriente=2, cuenta de ahorro=3, tarjeta de credito=2, deuda=1, prestamo=1.5, hipoteca=2, hipotecario=2, euribor=3, tipo fijo=2, tipo variable=2, diferencial=1, tae=2, tin=1.5, cuota=1, plan de pensiones=3, pension=1.5, jubilacion=2, jubilado=1.5, fondo de inversion=3, fondos indexados=3, invertir=1.5, inversion=1, cartera=0.7, impuesto=1, declaracion de la renta=3, renta=0.7, irpf=3, hacienda=1, deduccion=2, desgravan=3, desgravar=3, borrador=1, seguro=0.7, coste de vida=1, facturas=0.7, asesor financiero=2, nomina=1.5, seguridad social=1, vinculacion=2, aportacion=2, traspasarse=2, fiscal=0.7, ventaja fiscal=2, ingresos=0.5, prestamo hipotecario=3, factura de la luz=1.5, ahorrar en la factura=2',
    any: 'bitcoin=1, crypto=0.7',
  },
  '392': { en: 'bank account=3, current account=3, overdraft=3, bank fees=3, banking app=2', es: 'cuenta corriente=3, comisiones bancarias=3, cuenta nomina=3, banca online=2' },
  '396': { en: 'financial planning=3, financial adviser=2, emergency fund=3', es: 'planificacion financiera=3, asesor financiero=2, fondo de emergencia=3, colchon=1.5' },
  '397': { en: 'frugal=3, save money=2, money-saving=3, cut costs=1.5', es: 'ahorrar dinero=2, trucos para ahorrar=3' },
  '398': { en: 'insurance=2, insurer=2, premiums=1.5, policyholders=3', es: 'seguro=1.5, aseguradora=2, poliza=2, prima=0.7' },
  '405': {
    en: 'mortgage=3, remortgage=3, fixed-rate=2, two-year fix=3, loan=1.5, credit card=2, debt=2, repayments=2, lender=2, borrowers=2, personal loan=3, student loan=2, standard variable rate=3',
    es: 'hipoteca=3, euribor=3, tipo fijo=2, tipo variable=2, prestamo=1.5, tarjeta de credito=2, deuda=1.5, cuota=1.5, prestamo hipotecario=3, diferencial=1.5',
  },
  '410': {
    en: 'investing=3, investment=1.5, stocks=1.5, shares=0.7, index fund=3, portfolio=2, stocks and shares isa=3, dividends=1, etf=3, bonds=1.5, crypto=1, bitcoin=1.5',
    es: 'invertir=2, inversion=1.5, fondo de inversion=3, fondos indexados=3, cartera=1.5, diversificar=2, acciones=0.7, bonos=1.5, etf=3, criptomonedas=1.5',
  },
  '415': {
    en: 'tax return=3, self-assessment=3, hmrc=3, income tax=2, tax relief=2, allowable expenses=3, taxable=2, deadline=0.5, penalty=0.5, tax year=2, p60=3',
    es: 'declaracion de la renta=3, renta=1, irpf=3, hacienda=2, agencia tributaria=3, deduccion=2, desgravan=3, borrador=1.5, campana de la renta=3, a pagar=1, rectificar=1',
  },
  '416': {
    en: 'pension=3, retirement=3, retire=2, state pension=3, workplace pension=3, auto-enrolment=3, pension pot=3, pots=1',
    es: 'pension=2, jubilacion=3, jubilarse=3, jubilen=3, plan de pensiones=3, planes de empleo=3, pension publica=3, vida laboral=2',
  },
  '417': {
    en: 'energy bills=3, energy price cap=3, price cap=2, tariff=2, fixed tariff=3, meter readings=3, energy supplier=3, utility bills=3, water bill=2, broadband deal=2',
    es: 'factura de la luz=3, factura de la electricidad=3, factura del gas=3, potencia contratada=3, comercializadora=3, tarifa=1.5, bono social=3, recibo=1, discriminacion horaria=3, autoconsumo=2',
  },

  // Science
  '464': {
    en: 'science=2, scientific=2, scientist=2, research=1, researchers=1.5, study=0.5, published in=1.5, journal=1, laboratory=1.5, experiment=1.5, physics=3, chemistry=3, biology=3, biologist=3, species=2, evolution=2, dna=2, gene=2, genetic=2, genome=2, astronomy=3, astronomer=3, telescope=3, planet=2, galaxy=3, orbit=2, mars=1.5, moon=1, star=0.3, light years=3, climate=1.5, climate change=2, global warming=2, emissions=1, sea ice=2, glacier=2, ecosystem=2, biodiversity=2, fossil=2, dinosaur=2, geology=3, volcano=1.5, weather=1.5, forecast=0.7, temperature=1, meteorologist=3, atom=2, quantum=2, particle=2, molecule=2, findings=1.5, the study=1, satellite=1.5, atmosphere=1.5, ocean=1, molecular=2, marine biologists=3, data=0.5, scientists say=2, hypothesis=2, hypotheses=2, population=0.5, behaviour=0.5, migration=1, wildlife=1.5, marine=1.5, whales=2, orcas=2.5, killer whales=2.5, dolphins=2, sharks=1.5, pressure=0.5, millibars=3, forecasters=3, cyclone=1, snowfall=1.5, blizzard=2',
    es: 'ciencia=2, cientifico=2, investigacion=0.7, investigadores=0.7, estudio=0.5, publicado en=1.5, revista cientifica=3, laboratorio=1.5, experimento=1.5, fisica=2, quimica=2, biologia=3, biologo=3, especie=2, evolucion=1, adn=2, gen=2, genetico=2, genoma=2, astronomia=3, astronomo=3, telescopio=3, planeta=2, galaxia=3, orbita=2, marte=1.5, luna=1, estrella=0.3, anos luz=3, eclipse=2, clima=1.5, cambio climatico=2, calentamiento global=2, emisiones=1, glaciar=2, ecosistema=2, biodiversidad=2, fosil=2, dinosaurio=2, geologia=3, volcan=1.5, meteorologia=3, temperaturas=1, ola de calor=2, anticiclon=3, borrasca=2, atomo=2, cuantico=2, particula=2, molecula=2, anfibio=2, ejemplares=1.5, observatorio=2, climatologos=3, meteorologos=3, grados=0.5, biologos marinos=3, datos=0.5, hipotesis=2, poblacion=0.5, comportamiento=0.5, migracion=1, fauna=1.5, marino=1.5, oceano=1, ballenas=2, orcas=2.5, delfines=2, tiburones=1.5, presion=0.5, rachas=1.5, nevadas=1.5, avisos=1, aviso rojo=2, ciclogenesis=3, ciclogenesis explosiva=3',
    any: 'nasa=3, esa=0.5, csic=3, aemet=3, crispr=3',
  },
  '465': {
    en: 'biology=3, species=2, organisms=2, ecology=2, cells=1, evolution=1.5, habitat=1.5, wildlife=1.5, penguin=1.5, amphibian=2, mammals=2, marine biologists=3, whales=2, orcas=2.5, killer whales=2.5, dolphins=2, population=1, juveniles=2, predators=2, prey=2',
    es: 'biologia=3, biologos=2.5, especie=2, organismos=2, ecologia=2, habitat=1.5, fauna=1.5, anfibio=2.5, ejemplares=1.5, hongo patogeno=3, linajes=2, biologos marinos=3, ballenas=2, orcas=2.5, delfines=2, poblacion=1, ejemplares jovenes=2, depredadores=2, presas=1',
  },
  '466': { en: 'chemistry=3, chemical=1, molecule=2, compound=0.5, reaction=0.7', es: 'quimica=3, molecula=2, compuesto=0.5, reaccion=0.7' },
  '467': {
    en: 'environment=2, environmental=2, climate change=3, emissions=1.5, pollution=2, biodiversity=2, sea ice=3, conservation=1.5, deforestation=3, carbon dioxide=1.5, global warming=3, warming=1.5',
    es: 'medio ambiente=2, medioambiental=2, cambio climatico=3, emisiones=1.5, contaminacion=2, biodiversidad=2, conservacion=1, deforestacion=3, calentamiento global=3, catalogo de especies amenazadas=3, especies amenazadas=2',
  },
  '468': { en: 'genetics=3, gene=2.5, dna=2, genome=3, gene-editing=3, crispr=3, stem cells=2', es: 'genetica=3, gen=2.5, adn=2.5, genoma=3, edicion genetica=3, celulas madre=2' },
  '470': { en: 'geology=3, geologist=3, rocks=1, tectonic=3, volcano=1.5, volcanic=2', es: 'geologia=3, geologo=3, rocas=1, tectonica=3, volcan=1.5, volcanica=2' },
  '471': { en: 'physics=3, physicist=3, quantum=2, particle=2, atom=2', es: 'fisica=2.5, cuantica=2, particula=2, atomo=2' },
  '472': {
    en: 'astronomy=3, astronomer=3, telescope=3, space telescope=3, planet=2.5, exoplanet=3, galaxy=3, orbit=2, light years=3, red dwarf=3, astrophysics=3, rocket=2, spacecraft=3, mars rover=3, solar system=3, starlight=2, eclipse=2',
    es: 'astronomia=3, astronomo=3, telescopio=3, planeta=2.5, exoplaneta=3, galaxia=3, orbita=2, anos luz=3, astrofisica=3, cohete=2, nave espacial=3, sistema solar=3, eclipse=3, eclipse total=3, corona solar=3, totalidad=1.5, filtro solar=1.5',
  },
  '390': {
    en: 'weather=3, forecast=1.5, forecasters=3, heatwave=3, heat wave=3, storm=1.5, rainfall=2, temperatures=1.5, met office=3, meteorologists=3, cyclone=2, bomb cyclone=3, bombogenesis=3, blizzard=3, snowstorm=3, gusts=2.5, weather service=3, weather warnings=3, snowfall=2, millibars=3, low pressure=2',
    es: 'tiempo=0.3, prevision=1, ola de calor=3, temperaturas=1.5, termometro=2, lluvias=1, tormentas=1.5, borrasca=2, anticiclon=3, noches tropicales=3, grados=1, meteorologia=3, meteorologos=3, aire calido=2, masa de aire=3, dana=1, ciclogenesis=3, ciclogenesis explosiva=3, rachas=2, rachas de viento=3, nevadas=2, avisos=1.5, aviso rojo=2.5, temporal=1.5, presion=0.5, oleaje=2, olas=1',
  },
  '469': { en: 'geography=3, map=0.5, cartography=3', es: 'geografia=3, cartografia=3' },

  // Home & Garden
  '274': {
    en: 'home=0.5, gardening=3, gardener=2, plants=1.5, seeds=1.5, seedlings=2.5, sow=2, compost=2, soil=1.5, lawn=2, flowers=1, raised bed=2, pruning=2, greenhouse=2, pots=1, diy=3, renovation=2, tiles=2, paint=1, plaster=2, drill=1, screws=1, home improvement=3, kitchen=0.5, bathroom=1.5, decor=2, decorating=2, interior=1.5, interior design=3, furniture=2, sofa=2, rug=2, curtains=2, cushions=2, lighting=1, shelving=2, living room=2, storage=0.5, appliance=2, washing machine=2, dishwasher=2, smart home=3, thermostat=2, boiler=1.5, insulation=1.5, home security=3, walls=1, ceiling=1, floor=0.5, room=0.3, skirting boards=3, mirror=1, paint colour=3, emulsion=3, sample pots=3, wallpaper=3, roller=1.5, brush=1, skirting=2, hallway=1.5, cosy=1.5, renovate=2, laminate flooring=3, wooden floors=2, carpet=1.5, garden shed=3, patio=1',
    es: 'hogar=1, casa=0.3, jardin=2, jardineria=3, jardinero=2, plantas=1.5, semillas=1.5, sembrar=2, compost=2, sustrato=2, cesped=2, flores=1, maceta=2, huerto=2, huerto urbano=3, poda=2, invernadero=2, abono=2, abonar=2, bricolaje=3, reforma=1, reformar=1.5, azulejos=2, pintura=0.7, pintar=1, taladro=2, tornillos=1, cocina=0.3, bano=0.7, decoracion=2, decorar=2, interiorismo=3, muebles=2, sofa=2, alfombra=2, cortinas=2, cojines=2, iluminacion=1, estanterias=2, baldas=2, salon=1, dormitorio=0.7, almacenaje=1, electrodomestico=2, lavadora=2, lavavajillas=2, frigorifico=1, casa inteligente=3, domotica=3, termostato=2, caldera=1.5, aislamiento=1.5, encimera=2, sin obras=2, paredes=1, techo=1, suelo=0.5, estancia=1.5, espejo=1, terraza=1, pintar paredes=3, pintura plastica=3, rodillo=2, brocha=2, cinta de carrocero=3, masilla=2, rodapies=2, papel pintado=3, suelo laminado=3, tarima=2, parquet=2, pasillo=1, acogedor=1.5',
  },
  '275': {
    en: 'gardening=3, gardener=2, plants=1.5, seeds=2, seedlings=2.5, sow=2, compost=2, soil=1, lawn=2, raised bed=2, pruning=2, greenhouse=2, tomatoes=1, fertiliser=2, harden them off=3, frost=1, windowsill=1.5, cane=1, pinch out=2, side shoots=3, crop=1, grow your own=3',
    es: 'jardin=2, jardineria=3, plantas=1.5, semillas=2, sembrar=2, compost=2, sustrato=2, cesped=2, maceta=2, huerto=2, huerto urbano=3, poda=2, invernadero=2, abono=2, fertilizante=2, humus=2, plantones=3, vivero=2, heladas=1, tutor=1, chupones=3, mildiu=3, regar=1.5, riega=1.5, cosechar=1.5, cultivar=1.5, cultivo=1',
  },
  '280': {
    en: 'diy=3, home improvement=3, tiles=2, retile=3, grout=3, adhesive=1.5, plaster=2, drill=1.5, screws=1, sanding=2, primer=1.5, trowel=3, spacers=2, silicone=1.5, batten=2, backer board=3',
    es: 'bricolaje=3, azulejos=2, alicatar=3, lijar=2, lija=2, imprimacion=3, esmalte=1.5, taladro=2, tornillos=1, silicona=0.7, vinilos=1.5, tiradores=2, sin obras=2, fin de semana=0.3',
  },
  '283': {
    en: 'decor=2, decorating=3, interior design=3, interiors=2, furniture=1.5, sofa=2, rug=2, curtains=2, cushions=2, accessories=0.5, colour palette=2, living room=2, feature wall=2, clutter=1',
    es: 'decoracion=3, decorar=3, interiorismo=3, muebles=1.5, sofa=2, alfombra=2, cortinas=2, cojines=2, salon=1.5, estancia=1.5, tonos=1, ambiente acogedor=2, lampara de pie=2, mesas nido=3, plantas de interior=1.5',
  },
  '276': { en: 'remodeling=3, renovation=2, construction=1, extension=1, builders=1.5, loft conversion=3', es: 'reforma integral=3, reformas=2, obras=1, albanil=2, constructora=1.5' },
  '278': { en: 'appliance=3, washing machine=3, dishwasher=3, fridge freezer=3, tumble dryer=3, vacuum cleaner=3', es: 'electrodomestico=3, lavadora=3, lavavajillas=3, frigorifico=2, secadora=3, aspiradora=3' },
  '277': { en: 'smart home=3, smart speaker=3, smart thermostat=3, smart lights=3', es: 'casa inteligente=3, domotica=3, altavoz inteligente=3' },
  '284': { en: 'landscaping=3, patio=2, decking=3, paving=2', es: 'paisajismo=3, patio=1, tarima=1.5' },
  '281': { en: 'home security=3, burglar alarm=3, doorbell camera=3', es: 'alarma para casa=3, seguridad del hogar=3' },

  // Style & Fashion
  '552': {
    en: 'fashion=3, style=1, stylish=2, fashion week=3, designer=1.5, collection=0.7, runway=3, catwalk=3, models=0.5, couture=3, dress=1.5, outfit=2, wardrobe=1.5, clothes=1.5, jacket=1, trousers=1.5, jeans=1.5, shoes=1, sandals=1.5, handbag=2, bag=0.5, accessories=0.7, jewellery=1, trends=1, tailoring=2, silk=1, linen=1, beauty=2, makeup=2, make-up=2, skincare=3, skin care=3, moisturiser=3, serum=2, cleanser=3, sunscreen=2, spf=2, hair care=2, shampoo=2, perfume=2, fragrance=2, nails=1.5, lipstick=3, mascara=3, dermatologists=1, tattoo=2, street style=3, skin=1, looks=1, wearable=2, haircut=3, hairstyle=3, hairdresser=3, stylist=2, fringe=2, bob=1, sneakers=2, trainers=1, streetwear=3, wear=0.7, worn=0.5, colours=0.3, brands=0.5',
    es: 'moda=3, estilo=1, semana de la moda=3, pasarela=3, disenador=1.5, coleccion=0.7, desfile=2, desfilaron=2, modelos=0.5, alta costura=3, vestido=1.5, look=1.5, looks=1.5, armario=1, ropa=1.5, chaqueta=1, pantalon=1.5, faldas=2, vaqueros=1.5, zapatos=1, sandalias=1.5, bolso=2, complementos=1.5, joyas=0.5, tendencia=1, sastreria=2, seda=1, lino=1, belleza=2, maquillaje=2, cuidado de la piel=3, cuidado facial=3, hidratante=2, serum=2, limpiador=1.5, protector solar=2, spf=2, champu=2, cabello=1.5, perfume=2, fragancia=2, manicura=2, pintalabios=3, rimel=3, dermatologos=1, piel grasa=3, piel seca=3, poros=2, acne=2, granos=1, tatuaje=2, piel=1, rostro=1.5, textura=1, mascarilla=1, corte de pelo=3, peinado=3, peluqueria=3, estilista=2, flequillo=3, melena=2, capas=1, zapatillas=0.7, moda urbana=3, prendas=2, llevar=0.3, lucir=1.5, lucio=1.5',
  },
  '553': {
    en: 'beauty=2, makeup=2, make-up=2, skincare=3, skin care=3, moisturiser=3, serum=2, cleanser=3, sunscreen=2, spf=2, vitamin c=1, hair care=2, shampoo=1, perfume=2, fragrance=2, lipstick=3, mascara=3, dermatologists=2, skin=1.5, skin type=3, oily skin=3, dry skin=3, pores=2, haircut=2, hairstyle=2, hairdresser=2, hair=1.5, fringe=1, blow-dry=3, hair colour=3',
    es: 'belleza=2, maquillaje=2, cuidado de la piel=3, cuidado facial=3, hidratante=2, serum=2, limpiador=1.5, protector solar=2, spf=2, perfume=2, fragancia=2, pintalabios=3, rimel=3, dermatologos=2, piel=1.5, piel grasa=3, piel seca=3, poros=2, acne=2, niacinamida=3, acido salicilico=3, rostro=1.5, mascarilla=1, rutina facial=3, corte de pelo=2, peinado=2, peluqueria=2, pelo=1.5, cabello=2, flequillo=2, mechas=3, tinte=2, protector termico=3',
  },
  '590': { en: 'personal care=3, deodorant=3, shaving=3, razor=2, toothpaste=2, shower gel=3', es: 'cuidado personal=3, desodorante=3, afeitado=3, cuchilla=1.5, pasta de dientes=2, gel de ducha=3' },
  '578': { en: 'couture=3, haute couture=3, fashion week=3, runway=2, catwalk=2, front row=2, creative director=2, maison=2, collection=1, show=0.3, luxury=1', es: 'alta costura=3, semana de la moda=3, pasarela=2, desfile=2, directora creativa=2, coleccion=1, lujo=1' },
  '577': { en: 'fashion trends=3, trends=1.5, on trend=2, must-have=2', es: 'tendencias=1.5, de moda=1.5' },
  '560': { en: 'women s fashion=3, womenswear=3, dress=1, skirt=1.5, heels=1.5, handbag=1.5', es: 'moda femenina=3, vestido=1, falda=1.5, tacones=1.5, bolso=1.5' },
  '579': { en: 'men s fashion=3, menswear=3, suit=0.7, tie=0.3', es: 'moda masculina=3, traje=0.7, corbata=1' },
  '574': { en: 'tattoo=3, piercing=3', es: 'tatuaje=3, piercing=3' },
  '576': { en: 'designer clothing=3, designer labels=3', es: 'ropa de disenador=3, firmas de lujo=2' },
  '595': { en: 'street style=3, streetwear=3', es: 'street style=3, moda urbana=3' },

  // Video Gaming
  '680': {
    en: 'video game=3, videogame=3, pc gaming=3, mobile gaming=3, gaming console=3, gaming pc=3, gamer=2, console=2, game=0.5, shooter=1.5, first-person shooter=3, rpg=3, open world=2, multiplayer=3, single-player=2, boss fight=3, levels=0.7, level design=3, gameplay=3, frame rate=2, frames per second=2, dlc=3, esports=3, e-sports=3, stealth=1, campaign=0.5, playthrough=3, player=0.3, update=0.3, cutscenes=3, voice acting=2, free update=2, game developer=3, developers=1, studio=0.7, publisher=0.5, trailer=0.7, release date=1.5, early access=3, patch=2, servers=0.7, online multiplayer=3, co-op=2.5, split-screen=3, handheld=2, handheld mode=3, remaster=3, remake=1.5, sequel=1, franchise=1, boss=0.7, quests=2.5, side quests=3, crafting=2, loot=2.5, characters=0.5, skill tree=3, difficulty=1, achievements=2, speedrunners=3, streamers=1.5, joystick=3, gamepad=3, controller=1.5, pixel art=2.5, indie game=3, platformer=3, biome=3, mobs=3, survival mode=3, creative mode=3, new game=1.5, story mode=2',
    es: 'videojuego=3, juego=0.7, gamer=2, consola=2, shooter=2, rpg=3, juego de rol=3, mundo abierto=2, multijugador=3, jefe final=3, jefes=0.7, niveles=0.5, jugabilidad=3, imagenes por segundo=2, fotogramas por segundo=2, dlc=3, esports=3, deportes electronicos=3, modo historia=2, partida=1, modo rendimiento=3, tercera persona=2, primera persona=1, direccion artistica=2, combates=0.3, enemigos=0.5, desarrolladora=2.5, estudio=0.5, lanzamiento=0.7, acceso anticipado=3, parche=2, servidores=0.7, online=0.3, cooperativo=2.5, pantalla dividida=3, portatil=0.5, modo portatil=3, remasterizacion=3, remake=2, secuela=1, saga=0.7, misiones=2, mision secundaria=3, objetos=0.7, botin=0.5, personajes=0.5, arbol de habilidades=3, dificultad=1, logros=2, jugadores=0.7, mandos=1.5, pixel art=2.5, juego indie=3, plataformas=1.5, compras integradas=3, suscripcion online=2',
    any: 'playstation=3, ps5=3, ps4=3, xbox=3, nintendo switch=3, nintendo=3, steam=0.5, game pass=3, league of legends=3, fortnite=3, counter-strike=3, valorant=3, twitch=2, minecraft=3, souls=2, elden ring=3',
  },
  '681': { en: 'console=2, console games=3', es: 'consola=2', any: 'ps5=3, ps4=3, playstation=2.5, xbox=2.5, nintendo switch=3' },
  '684': { en: 'pc gaming=3, mods=2, graphics card=2', es: 'juegos de pc=3, tarjeta grafica=2', any: 'steam=1.5' },
  '683': { en: 'mobile games=3', es: 'juegos para movil=3' },
  '682': {
    en: 'esports=3, e-sports=3, pro players=2, tournament=1, grand final=1.5, prize pool=3, draft=1, jungler=3, mid laner=3, concurrent viewers=2, team fight=3, world championship=0.7',
    es: 'esports=3, deportes electronicos=3, superliga=2, jungla=2, campeon=0.3, espectadores simultaneos=2.5, retransmision=1',
    any: 'league of legends=3, lol=1, counter-strike=2.5, valorant=2.5, twitch=1, koi=1.5, giants=0.5, ibai=2, lec=2.5, worlds=1',
  },
  '685': { en: 'shooter=2, first-person shooter=3, rpg=3, platformer=3, roguelike=3, souls-like=3, open world=1.5, strategy game=3', es: 'shooter=2, juego de rol=3, rpg=3, plataformas=1, roguelike=3, souls=2, mundo abierto=1.5, juego de estrategia=3' },

  // Pets
  '422': {
    en: 'pet=2, dog=2, puppy=3, cat=2, kitten=3, vet=2, veterinary=2, rescue centre=2, shelter=1, adoption=1, adopt=1, breed=1.5, leash=2, dog food=3, cat food=3, litter tray=3, litter=1, crate=1.5, treats=1, chew=1, chew toys=3, fur=1, grooming=1.5, fleas=2, pet insurance=3, hamster=3, parrot=2, goldfish=2, reptile=2, paws=2, toilet training=2, animal=1, owners=1, hay=1.5, hutch=3, enclosure=1.5, neutered=3, spayed=3, vaccinate=1.5, microchip=2, pet food=3, companion=1, furry=2, whiskers=2, bunny=3, rabbits=2.5, guinea pig=3, ferret=3',
    es: 'mascota=3, perro=2, cachorro=3, gato=2, gatito=3, veterinario=2, protectora=2, refugio=1, adopcion=1, adoptar=1, raza=1.5, correa=1.5, pienso=3, comida humeda=2, comida para gatos=3, pulgas=2, seguro de mascotas=3, hamster=3, loro=2, reptil=2, esterilizado=2, esterilizar=2, desparasitado=3, microchip=2, paseo=0.7, animal=0.7, carnivoros=1.5, dueno=1, cuidados=0.5, heno=2, jaula=1.5, recinto=0.5, castrado=3, castrar=3, vacunar=1, comida para perros=3, companero=0.5, conejos=2.5, cobaya=3, huron=3, exoticos=1.5',
  },
  '425': { en: 'dog=3, puppy=3, puppy class=3, walks=1', es: 'perro=3, cachorro=3, paseos=1' },
  '424': { en: 'cat=3, kitten=3, litter tray=2', es: 'gato=3, gatito=3, arenero=2' },
  '428': { en: 'adoption=2, adopt=2, rescue centre=2, shelter=1.5, rehoming=3, adoption fees=3', es: 'adopcion=2, adoptar=2, protectora=2, refugio=1.5' },
  '430': { en: 'vet=2, veterinary=3, check-up=1, vaccinations=1', es: 'veterinario=2.5, revision=0.5' },
  '431': { en: 'pet supplies=3, dog food=2, cat food=2, chew toys=2', es: 'pienso=2.5, comida humeda=2, comida para gatos=2, accesorios para mascotas=3' },
  '423': { en: 'budgie=3, parrot=2.5, pet bird=3', es: 'periquito=3, loro=2.5, canario=1.5' },
  '426': { en: 'aquarium=2, aquarium fish=3, goldfish=3, fish tank=3, tropical fish=3, freshwater=1', es: 'acuario=2, pez de acuario=3, pecera=3, peces=1.5, agua dulce=1, acuariofilia=3' },
  '429': { en: 'reptile=3, gecko=3, tortoise=2', es: 'reptil=3, tortuga=1.5' },
  '427': { en: 'horse=1, pony=2, stable=0.3', es: 'caballo=1, poni=2, cuadra=1' },

  // Education
  '132': {
    en: 'education=2, educational=2, pupils=3, students=1.5, teacher=2, teaching=2, classroom=2, curriculum=3, exams=2, grades=1.5, university=2, college=1.5, degree=1.5, undergraduate=3, campus=2, lecture=2, tuition=2, tuition fees=3, headteacher=3, literacy=2, maths=1.5, homework=2, secondary school=3, primary school=3, kindergarten=3, special educational needs=3, phonics=3, open day=2, a-levels=3, gcse=3, scholarship=2, education secretary=3, online course=2, study abroad=2, study=0.5, courses=1, modules=2, coursework=3, entry requirements=3, teaching unions=3, tutoring=2, learning=0.5, principal=0.5, school year=2, term=0.5, academic year=2, classmates=2, report card=3, parents evening=3, teaching staff=3, schooling=2, education system=3, learning outcomes=2',
    es: 'educacion=2, educativo=2, colegio=2, escuela=2, alumno=3, estudiante=1.5, profesor=1.5, profesorado=3, docente=2, aula=2, examen=2, notas=1, universidad=2, universitario=2, facultad=2, grado=0.7, campus=2, clase=1, matricula=1.5, matriculado=2, tasas universitarias=3, selectividad=3, pau=3, ebau=3, evau=3, nota de corte=3, bachillerato=3, educacion secundaria=3, educacion primaria=3, educacion infantil=3, instituto=1.5, ministerio de educacion=3, curso escolar=3, curso=1, deberes=2, beca=2, aprendizaje=1, bilingue=1, orientadores=2, preinscripcion=3, plazas=1, admitidos=2, titulados=2, ciclos=1, formacion=1, curso academico=3, trimestre=0.5, companeros de clase=2, evaluacion=1, calificaciones=2, claustro=3, centros educativos=3, sistema educativo=3, pedagogia=3, pedagogos=3, tutor=1, ampa=3, asociaciones de madres y padres=3, primaria=1.5, secundaria=1.5',
    any: 'ofsted=3',
  },
  '137': {
    en: 'university=3, college=1.5, degree=2, undergraduate=3, campus=2, tuition fees=3, lectures=2, student satisfaction=3, graduate employment=3, maintenance loans=3, open day=2, ucas=3',
    es: 'universidad=3, universitario=2, grado=1, dobles grados=3, facultad=2, selectividad=3, pau=3, prueba de acceso a la universidad=3, notas de corte=3, matricula=1, preinscripcion=3, medicina=0.5',
  },
  '135': { en: 'secondary school=3, gcse=3, a-levels=3, sixth form=3, high school=2', es: 'educacion secundaria=3, secundaria=2, eso=0.3, bachillerato=3, instituto=1.5' },
  '149': { en: 'primary school=3, pupils=1.5, phonics=3, eleven-year-olds=2, year 6=2, reading=0.7, writing=0.5', es: 'educacion primaria=3, primaria=2, colegio=1, lectura=0.7' },
  '142': { en: 'nursery=1.5, preschool=3, early years=2, kindergarten=3', es: 'educacion infantil=3, guarderia=3, escuela infantil=3' },
  '143': { en: 'exams=2, exam results=3, assessment=2, standardised tests=3, marking=1.5', es: 'examenes=2, evaluacion=1.5, prueba=0.5, aprobados=2, nota media=2' },
  '147': { en: 'language learning=3, learn spanish=3, learn english=3', es: 'aprender idiomas=3, aprender ingles=3, idiomas=1.5' },
  '148': { en: 'online course=3, e-learning=3, mooc=3', es: 'curso online=3, formacion online=3' },
  '136': { en: 'special educational needs=3, send=0.3, special needs=2', es: 'necesidades educativas especiales=3, educacion especial=3' },

  // Careers
  '123': {
    en: 'career=2, job=1.5, job interview=3, interview=0.7, interviewer=1.5, recruiter=3, recruitment=2, hiring=1.5, hiring manager=3, cv=3, cover letter=3, job search=3, job hunting=3, applicants=2, employer=1.5, employee=1, salary=1.5, promoted=1.5, remote work=3, remote workers=3, working from home=3, hybrid working=3, colleagues=1.5, line manager=2, workplace=1.5, linkedin=3, skills=1, soft skills=3, apprenticeship=3, internship=3, graduate scheme=3, career change=3, job description=3, job offer=3, one-to-ones=2, productivity=0.7, burnout=1.5, office=0.5, office days=2, role=0.5, position=0.5, experience=0.3, job seekers=3, jobseekers=3, job market=2, vacancy=1.5, profile=0.5, endorsements=2, headline=0.3, networking=1.5, contacts=0.5, career development=3, boss=1, payroll=1.5, pay=0.5, raise=1, pay rise=3, salary negotiation=3, performance review=3, appraisal=3, manager=1, promotion=1.5, work-life balance=3, overtime=1, shift work=2, contract=0.5, permanent contract=3, freelance=2, freelancers=2, self-employed=1',
    es: 'empleo=2, trabajo=1, trabajar=0.7, entrevista de trabajo=3, entrevista=0.7, reclutador=3, seleccion=0.5, recursos humanos=2, contratacion=1.5, curriculum=2, cv=3, carta de presentacion=3, buscar empleo=3, busqueda de empleo=3, oferta de empleo=3, empleador=1.5, trabajador=1, empleado=1, salario=1.5, sueldo=1.5, ascenso=0.7, teletrabajo=3, trabajo remoto=3, trabajo hibrido=3, formulas hibridas=2.5, companeros=1, competencias=1, habilidades blandas=3, practicas=1.5, contrato en practicas=3, reciclaje profesional=3, desconexion digital=3, jornada laboral=2, jornada=0.3, productividad=0.7, puesto de trabajo=2, puesto=0.7, oficina=0.7, promocion profesional=3, insercion laboral=3, reclutamiento=3, empleo publico=3, oferta de empleo publico=3, opositores=3, temario=2.5, interinos=2, funcionarios=1.5, academias de oposiciones=3, preparar oposiciones=3, buscar trabajo=3, demandantes de empleo=3, vacante=2, perfil profesional=3, red de contactos=2, desarrollo profesional=3, entorno laboral=2, jefe=1, plantilla=0.5, nomina=1, subida salarial=3, aumento de sueldo=3, negociar el salario=3, evaluacion del desempeno=3, conciliacion laboral=3, horas extra=2, turnos=1, contrato indefinido=3, contrato temporal=3, autonomos=1, freelance=2, oposiciones=1.5',
    any: 'linkedin=3',
  },
  '127': {
    en: 'job interview=3, interview=1.5, interviewer=2, recruiter=3, cv=3, cover letter=3, job search=3, job hunting=3, applicants=2, hiring manager=3, job description=3, job offer=3, tell me about yourself=3',
    es: 'entrevista de trabajo=3, entrevista=1.5, reclutador=3, curriculum=2, cv=3, carta de presentacion=3, buscar empleo=3, busqueda de empleo=3, oferta de empleo=3, metodo star=3, puntos fuertes=1.5, puntos debiles=2',
  },
  '125': { en: 'career advice=3, career goals=3, promoted=1.5, visible=1, mentor=2, soft skills=2', es: 'consejos profesionales=3, carrera profesional=2, promocion profesional=2, mentor=2' },
  '130': { en: 'remote work=3, remote workers=3, working from home=3, hybrid working=3, office days=2, video calls=1', es: 'teletrabajo=3, trabajo remoto=3, trabajo hibrido=3, formulas hibridas=3, desconexion digital=2, videollamada=1, oficina en casa=3' },
  '124': { en: 'apprenticeship=3, apprentice=2', es: 'aprendiz=2, formacion dual=2' },
  '131': { en: 'vocational training=3, vocational=2, trade school=3', es: 'formacion profesional=2.5, fp=1.5, fp dual=3, ciclos formativos=2, grado superior=2, grado medio=2, formacion dual=2' },
  '126': { en: 'career planning=3, career path=3', es: 'orientacion profesional=3, salidas profesionales=3' },

  // Family and Relationships
  '186': {
    en: 'family=1, parenting=3, mum=1.5, dad=1.5, mother=1, father=1, children=0.7, child=0.7, kids=1, toddler=3, baby=1, teenager=2, teens=2, health visitor=2, siblings=1.5, grandparents=2, grandchildren=2, marriage=1.5, married=1, spouse=2, husband=1, wife=1, divorce=3, separation=1, ex=1, online dating=3, dating again=3, speed dating=3, first date=3, partner=1, relationship=1.5, romance=1.5, singles=1.5, dating app=3, eldercare=3, care home=2, carer=1.5, bereavement=3, grief=2, tantrums=3, meltdown=1.5, screen time=1.5, cuddle=1.5, nephew=1, niece=1, household=0.5, home life=2, childcare=2, nursery=0.7, paternity leave=3, maternity leave=3, parental leave=3, single parents=3, stepfamily=3, in-laws=2',
    es: 'familia=1.5, familiar=1, padres=1.5, madre=1, hijos=1.5, hija=1, nino=0.7, nina=0.7, bebe=1, adolescente=2, adolescencia=3, crianza=1.5, crianza respetuosa=3, abuelos=2.5, nietos=2.5, hermanos=1, matrimonio=1.5, casados=1, pareja=0.7, marido=1, esposa=1, divorcio=3, separacion=1, expareja=0.7, citas=0.7, primera cita=3, aplicaciones de citas=3, ligar=2, soltero=1.5, relacion de pareja=2, cuidado de mayores=3, residencia de mayores=2, duelo=1.5, conciliacion=2, conciliar=1.5, rabietas=3, psicologos=1, crianza de los hijos=3, vinculos=1.5, generaciones=1.5, intimidad=0.5, normas=0.7, sermonear=3, conflictos=0.5, permiso por nacimiento=3, permiso de paternidad=3, permiso de maternidad=3, progenitores=3, monoparentales=3, familias numerosas=3, cuidado de los hijos=3, corresponsabilidad=3, suegros=2, sobrinos=1',
  },
  '192': {
    en: 'parenting=3, toddler=3, tantrums=3, teenagers=1.5, bedtime=1.5, health visitor=2, naps=1.5, screen time=1.5, meltdown=1.5, children=1, child=1, kids=1',
    es: 'crianza=2, crianza respetuosa=3, padres=2, hijos=2, hijos adolescentes=3, adolescencia=2.5, rabietas=3, pantallas=0.7, ninos=1, nietos=1.5, abuelos=1.5, conciliacion=2, conciliar=1.5',
  },
  '188': {
    en: 'online dating=3, dating again=3, speed dating=3, first date=3, dating app=3, dating site=3, swiping=2, spark=1, singles=1.5, local singles=3, meet singles=3, casual dating=3, hook up=1.5, flirty=2, chat=0.5, profile=0.5, romance=1.5',
    es: 'citas=1, primera cita=3, aplicaciones de citas=3, web de citas=3, citas online=3, ligar=2, ligue=2, solteros=1.5, anuncios de contactos=3, contactos=1, chatear=1.5, conocer gente=2, encuentros=1, quedar=0.5, perfil=0.5',
  },
  '191': { en: 'marriage=2, married=1.5, spouse=2, husband=1, wife=1, anniversary=0.5', es: 'matrimonio=2, casados=1.5, marido=1, esposa=1' },
  '189': { en: 'divorce=3, separation=1.5, custody=2, ex-partner=1.5', es: 'divorcio=3, divorciado=3, separacion=1.5, custodia=2' },
  '190': { en: 'eldercare=3, elderly parents=3, care home=2, carer=1.5', es: 'cuidado de mayores=3, residencia de mayores=2, cuidadores=1.5, dependencia=1, abuelos cuidadores=3, mayores=1' },
  '187': { en: 'bereavement=3, grief=2, grieving=2, loss of a loved one=3', es: 'duelo=2, perdida de un ser querido=3' },
  '200': { en: 'single life=3, living alone=2', es: 'vida de soltero=3, vivir solo=2' },

  // Books and Literature
  '42': {
    en: 'book=1.2, novel=3, novelist=3, author=2, writer=1.5, crime novel=3, fiction=2, non-fiction=2, memoir=2, poetry=3, poem=3, poet=3, chapter=1, page-turner=3, readers=1.5, publisher=1.5, publishing=1.5, literary=2, literature=2, prose=3, bestseller=2, bookshop=3, library=1, book review=3, hardback=3, paperback=3, graphic novel=3, holiday read=3, heroine=1, plot=1.5, plot twists=2, timelines=1, mysteries=1.5, mould=0.5, stories=1.5, short story=3, storytelling=2, characters=1.5, narrator=2, reading=0.7, writing=0.5, written=0.5, wrote=0.5, author s=1.5, debut novel=3, first novel=3, fourth novel=3, literary prize=3, booker=2, shortlisted=1.5, longlist=2, translated=1, translation=1, edition=0.5, volume=0.5, biography=2, essays=1.5, anthology=3, collection=0.7, pages=1',
    es: 'libro=2, novela=3, novelista=3, autor=2, escritor=2, novela negra=3, ficcion=1.5, memorias=1, poesia=3, poema=3, poeta=3, capitulo=0.7, lector=2, editorial=1, literario=2, literatura=2, prosa=3, relatos=2, best seller=2, libreria=3, biblioteca=1, resena=1, comic=1.5, novela grafica=3, manga=2, premio planeta=3, premio cervantes=3, entrega=0.3, saga=1, trilogia=1.5, policiaco=2, genero negro=2, genero=0.5, protagonista=1, protagonizada=1, paginas=1, traduccion=1, voces=0.5, primera pagina=2, personajes=1.5, narrador=2, relato corto=3, leer=1, lectura=1, escrito=0.5, escribio=0.7, primera novela=3, premio literario=3, finalista=0.5, traducida=1.5, edicion=0.5, volumen=0.5, biografia=2, ensayos=1.5, antologia=3, coleccion=0.5',
  },
  '48': {
    en: 'novel=3, fiction=2, crime novel=3, crime fiction=3, thriller=1.5, mystery=1.5, detective=1, heroine=1, plot=1.5, page-turner=2',
    es: 'novela=3, ficcion=2, novela negra=3, thriller=1.5, misterio=1.5, policiaco=2, inspectora=1, protagonista=1, trama=1.5',
  },
  '49': { en: 'poetry=3, poem=3, poet=3, verse=1.5', es: 'poesia=3, poema=3, poeta=3, verso=1.5' },
  '46': { en: 'comics=3, graphic novel=3, manga=3, superhero=2', es: 'comic=3, comics=3, novela grafica=3, manga=3, superheroe=2, tebeo=3' },

  // Religion & Spirituality
  '453': {
    en: 'religion=3, religious=2, faith=2, church=2, cathedral=2, sunday mass=3, easter mass=3, attend mass=2, masses were held=3, pope=3, bishop=3, priest=3, vatican=3, holy week=3, easter=2, god=1.5, prayer=2, worship=2, worshippers=3, congregation=2, christian=3, christianity=3, catholic=3, protestant=3, gospel=2, bible=3, jesus=2, christ=2, resurrection=2, mosque=3, islam=3, muslim=3, ramadan=3, imam=3, synagogue=2, jewish=1.5, judaism=3, rabbi=2, buddhism=3, buddhist=3, hindu=3, hinduism=3, temple=1, spirituality=3, spiritual=2, astrology=3, horoscope=3, baptism=2, baptised=2, homily=3, sermon=3, paschal=3, vigil=1, saint=1, pilgrimage=2, pilgrims=2, choir=1, nave=2, stained glass=2, believers=2, faithful=1.5, parish=3, clergy=3, cardinal=2, archbishop=3, monastery=2, convent=2, nun=2, monk=2, sacred=2, holy=1.5, pray=2, blessing=1.5, religious leaders=3, interfaith=3, denomination=3, scripture=3, theology=3',
    es: 'religion=3, religioso=2, fe=1.5, iglesia=2, catedral=2, misa=2, papa=1, obispo=3, arzobispo=3, sacerdote=3, cura=1, vaticano=3, semana santa=3, pascua=2, dios=1.5, oracion=2, rezar=2, fieles=2, cristiano=3, cristianismo=3, catolico=3, evangelio=3, biblia=3, jesus=1.5, cristo=2, resurreccion=2, mezquita=3, islam=3, musulman=3, ramadan=3, imam=3, sinagoga=3, judio=2, judaismo=3, rabino=3, budismo=3, budista=3, hindu=3, templo=1, espiritualidad=3, espiritual=2, astrologia=3, horoscopo=3, bautismo=2, bautizo=2, homilia=3, procesion=3, hermandad=2, cofradia=3, nazareno=3, costalero=3, saeta=3, viernes santo=3, jueves santo=3, virgen=2, peregrinacion=2, peregrino=2, penitencia=2, basilica=2, oficios=1.5, madruga=2, creyentes=2, feligreses=3, parroquia=3, clero=3, cardenal=2, convento=2, monja=2, sagrado=2, santo=1, rezan=2, rezo=2, ayuno=1.5, ayunan=2, bendicion=1.5, lideres religiosos=3, confesiones=1.5, teologia=3, coran=3, comunidades islamicas=3',
  },
  '459': {
    en: 'church=2, cathedral=2, pope=3, bishop=3, priest=2, mass=0.7, easter=2, christian=3, christianity=3, catholic=3, gospel=2, bible=2, jesus=2, christ=2, resurrection=2, baptism=2, baptised=2, homily=3, paschal=3, easter vigil=3, vatican=3',
    es: 'iglesia=2, catedral=2, papa=1, obispo=3, arzobispo=3, sacerdote=2, misa=2, semana santa=3, pascua=2, cristiano=3, catolico=3, evangelio=2, biblia=2, cristo=2, virgen=2, procesion=3, cofradia=3, hermandad=2, nazarenos=3, viernes santo=3, basilica=2',
  },
  '461': { en: 'islam=3, muslim=3, mosque=3, ramadan=3, imam=3, quran=3', es: 'islam=3, musulman=3, mezquita=3, ramadan=3, imam=3, coran=3' },
  '462': { en: 'judaism=3, synagogue=3, rabbi=3, passover=3, hanukkah=3, jewish=2', es: 'judaismo=3, sinagoga=3, rabino=3, judio=2, januca=3' },
  '458': { en: 'buddhism=3, buddhist=3, dalai lama=3', es: 'budismo=3, budista=3, dalai lama=3' },
  '460': { en: 'hinduism=3, hindu=3, diwali=3', es: 'hinduismo=3, hindu=3' },
  '456': { en: 'astrology=3, horoscope=3, zodiac=3', es: 'astrologia=3, horoscopo=3, zodiaco=3' },
  '455': { en: 'spirituality=3, spiritual=2', es: 'espiritualidad=3, espiritual=2' },

  // Hobbies & Interests
  '239': {
    en: 'hobby=3, crafts=2, arts and crafts=3, knitting=3, crochet=3, sewing=2, handmade=2, glue gun=3, scrapbooking=3, model railway=3, collecting=2, collector=1.5, board games=3, puzzle=2, chess=3, crossword=3, sudoku=3, photography=2, photographer=2, camera=1, lens=2, lenses=2, aperture=3, shutter speed=3, exposure=1, exposure compensation=3, white balance=3, portrait=1, tripod=3, golden hour=2.5, blue hour=2.5, birdwatching=3, genealogy=3, family tree=2, magic tricks=3, musical instrument=3, ukulele=3, beekeeping=3, cigars=3, stamp collecting=3, shoot in raw=3, frames=0.5, reflector=2, prime lens=3, pastime=3, hobbyists=3, enthusiasts=1.5, beginners=0.7, pattern=1, stitches=1, yarn=3, wool=1.5, needles=1, cast on=3, cast off=3, garter stitch=3, embroidery=3, quilting=3, pottery=3, woodworking=3, calligraphy=3, origami=3, model kits=3, chess club=3, chess players=3, tournament=0.5, checkmate=3, openings=1, pieces=0.5',
    es: 'aficiones=1, manualidades=3, hecho a mano=2, ganchillo=3, hacer punto=3, costura=2, pistola de silicona=3, silicona=1, maquetas=2, coleccionismo=3, coleccionista=2, juegos de mesa=3, rompecabezas=3, puzle=3, ajedrez=3, crucigrama=3, sudoku=3, fotografia=2, fotografo=2, camara=1, diafragma=2, velocidad de obturacion=3, exposicion=0.5, balance de blancos=3, retrato=1, tripode=3, hora dorada=2.5, hora azul=2.5, observacion de aves=3, genealogia=3, arbol genealogico=3, magia=1, instrumento musical=3, ukelele=3, apicultura=3, filatelia=3, corona de flores=2.5, flores secas=2.5, lazo=1, alambre=1.5, ramilletes=2, aro=1.5, regalar=0.5, diy=1, pasatiempo=3, aficionados=0.5, principiantes=0.7, patron=1, puntadas=2, punto=0.3, lana=1.5, ovillo=3, agujas=1, bordado=3, punto de cruz=3, patchwork=3, ceramica=1.5, alfareria=3, carpinteria=1.5, caligrafia=3, papiroflexia=3, origami=3, maquetismo=3, ajedrecistas=3, jaque mate=3, aperturas=1.5, enroque=3, enrocar=3, peones=2, alfiles=3, piezas=0.5, clubes de ajedrez=3, defensa siciliana=3, partidas=0.7',
  },
  '248': {
    en: 'crafts=3, arts and crafts=3, knitting=3, crochet=3, sewing=2, handmade=2, glue gun=3, scrapbooking=3, wreath=2.5, yarn=3, wool=1.5, stitches=1.5, cast on=3, embroidery=3, quilting=3, pottery=3, sewing machine=3',
    es: 'manualidades=3, hecho a mano=2, ganchillo=3, costura=2, pistola de silicona=3, corona de flores=3, flores secas=2, ramilletes=2, alambre de floristeria=3, lana=1.5, ovillo=3, punto=0.5, puntadas=2, bordado=3, patchwork=3, maquina de coser=3, tejer=3',
  },
  '269': { en: 'board games=3, puzzle=2, chess=3, crossword=3, sudoku=3, chess club=3, checkmate=3, grandmaster=3, openings=1.5', es: 'juegos de mesa=3, rompecabezas=3, puzle=3, ajedrez=3, crucigrama=3, sudoku=3, jaque mate=3, gran maestro=3, aperturas=1.5, enroque=3, ajedrecistas=3, defensa siciliana=3' },
  '261': { en: 'collecting=3, collector=2, collectibles=3', es: 'coleccionismo=3, coleccionista=2' },
  '243': { en: 'musical instrument=3, ukulele=3, learn guitar=3, piano lessons=3', es: 'instrumento musical=3, ukelele=3, clases de piano=3, aprender guitarra=3' },
  '259': { en: 'birdwatching=3, bird watching=3, birders=3', es: 'observacion de aves=3, ornitologia=3' },
  '273': { en: 'genealogy=3, family tree=3, ancestry=2', es: 'genealogia=3, arbol genealogico=3' },
  '264': { en: 'video production=3, podcasting=3, freelance writing=3, screenwriting=3, vlogging=3', es: 'produccion de video=3, podcast=1.5, guionista=1' },

  // Fine Art
  '201': {
    en: 'art=1.5, artist=2, exhibition=2, gallery=2, painting=1.5, painter=2, sculpture=3, sculptor=3, contemporary art=3, modern art=3, canvas=2, ballet=3, dance=1.5, dancer=2, opera=3, theatre=2, theater=2, playwright=3, choreographer=3, west end=2, broadway=2, artwork=2, masterpiece=2, curator=2.5, retrospective=3, brushwork=3, brushstrokes=3, canvases=2.5, impressionist=3, impressionism=3, abstract=1, portrait=1, landscapes=1, still life=3, watercolour=2, oil paintings=3, art fair=3, biennale=3, auction=1, art world=3, drawings=1.5, sketches=1.5, collection=0.5, the artist=2',
    es: 'arte=1.5, artista=2, galeria=2, cuadro=1, pintor=2, escultura=3, escultor=3, arte contemporaneo=3, ballet=3, danza=2, bailarin=2, opera=3, teatro=2, dramaturgo=3, coreografo=3, obra de teatro=3, zarzuela=3, flamenco=1.5, obras=0.7, obra maestra=2, comisario=2.5, retrospectiva=3, pinceladas=3, lienzos=2.5, impresionista=3, impresionismo=3, abstracto=1, retrato=1, paisajes=1, bodegon=3, acuarela=2, oleo=2.5, exposicion=2, muestra=1, feria de arte=3, bienal=3, subasta=1, dibujos=1.5, bocetos=2, pintura=1.5, salas=1, el museo=1',
  },
  '203': { en: 'ballet=3, dance=2, dancer=2, choreographer=3', es: 'ballet=3, danza=2, bailarin=2, coreografo=3, flamenco=2' },
  '208': { en: 'opera=3, soprano=3, tenor=2', es: 'opera=3, soprano=3, tenor=2, zarzuela=3' },
  '209': { en: 'theatre=3, theater=3, playwright=3, west end=2, broadway=2, the play=1.5', es: 'teatro=3, dramaturgo=3, obra de teatro=3, funcion=1' },
  '207': { en: 'modern art=3, contemporary art=3, installation=1', es: 'arte moderno=3, arte contemporaneo=3, instalacion=0.5' },
  '206': { en: 'fine art photography=3, photo exhibition=3', es: 'exposicion de fotografia=3, fotografia artistica=3' },
  '204': { en: 'graphic design=3, designer=0.5, typography=3', es: 'diseno grafico=3, tipografia=3' },

  // Attractions
  '150': {
    en: 'theme park=3, amusement park=3, rollercoaster=3, roller coaster=3, zoo=3, aquarium=1.5, museum=1.5, national park=1.5, botanical garden=2, casino=2, nightclub=1, historic site=2, landmark=1, attraction=1.5, visitors=1, admission=1.5, tickets=0.7, day tickets=2, opening hours=2, rides=1.5, thrill=1.5, queue=0.7, family day out=3, day out=2, water park=3, visitor attraction=3, tourist attraction=2, sightseeing=1, guided tours=1, exhibits=1.5, wildlife park=3, open to the public=1.5',
    es: 'parque tematico=3, parque de atracciones=3, montana rusa=3, zoo=3, zoologico=3, acuario=1.5, museo=1.5, parque nacional=1.5, jardin botanico=2, casino=2, discoteca=1, monumento=1, visitantes=1, entradas=0.7, horario=0.5, atracciones=2, emociones fuertes=2, colas=0.7, parque acuatico=3, dia en familia=2, visita guiada=1.5, exposiciones=1, reserva natural=2, abierto al publico=1.5',
  },
  '151': { en: 'theme park=3, amusement park=3, rollercoaster=3, roller coaster=3, rides=1', es: 'parque tematico=3, parque de atracciones=3, montana rusa=3' },
  '155': { en: 'museum=3, gallery=1.5, exhibition=1', es: 'museo=3, galeria=1.5, exposicion=1' },
  '178': { en: 'zoo=3, aquarium=1.5, safari park=3', es: 'zoo=3, zoologico=3, acuario=1.5' },
  '160': { en: 'national park=3, nature reserve=3, botanical garden=2', es: 'parque nacional=3, parque natural=3, reserva natural=3, jardin botanico=2' },
  '181': { en: 'casino=3, slot machines=2', es: 'casino=3, tragaperras=2' },
  '158': { en: 'nightclub=2, clubbing=3', es: 'discoteca=2, ocio nocturno=2' },
  '153': { en: 'historic site=3, landmark tours=3, heritage site=3, unesco=2', es: 'patrimonio de la humanidad=3, monumento historico=3, unesco=2' },

  // Events
  '8VZQHL': {
    en: 'awards ceremony=3, red carpet=2, award show=3, expo=2, trade fair=3, trade show=3, convention=1.5, comic-con=3, attendees=2, expo hall=3, keynote=2, organisers=1.5, exhibitors=2, sessions and workshops=2, sold out=0.5, conference=2, summit=0.7, convention centre=3, festival=0.5, event=1, speakers=1.5, panel=1, delegates=2, registration=1, venue=1',
    es: 'ceremonia de entrega=2, alfombra roja=2, gala de premios=2, feria=1.5, feria de muestras=3, convencion=1.5, salon internacional=2, asistentes=1.5, organizadores=1.5, recinto ferial=3, recinto=1, edicion=0.7, estands=3, expositores=2, congresos=1, cumbre=0.5, evento=1, ponentes=2, ponencias=2, delegados=1.5, inscripcion=1, conferencias=1.5',
    any: 'mobile world congress=3, fitur=3',
  },
  '162': { en: 'awards ceremony=3, award show=3, red carpet=2, nominees=2, nominations=2', es: 'ceremonia de entrega=3, gala de premios=3, alfombra roja=2, nominados=2, nominaciones=2' },
  '180': { en: 'conference=2, expo=2, trade fair=3, trade show=3, exhibitors=3', es: 'congreso=0.3, feria=1.5, feria de muestras=3, expositores=3' },
  '185': { en: 'comic-con=3, fan convention=3, cosplay=3', es: 'salon del manga=3, cosplay=3' },

  // Holidays
  '1KXCLD': {
    en: 'christmas=2, new year=1.5, thanksgiving=3, halloween=3, bank holiday=3, independence day=3, national holiday=3, valentine s day=3, mother s day=2, father s day=2, celebrate=1.5, celebrations=2, festivities=3, festive=2, festive season=3, traditions=2, traditional=0.7, fireworks=2, bonfires=3, bonfire night=3, guy fawkes=3, parade=1.5, decorations=1.5, public holiday=3, holiday season=2, new year s eve=3, boxing day=3, easter monday=2, may day=2, st patrick s day=3, diwali=2, hanukkah=2, eid=2, lunar new year=3, chinese new year=3, christmas eve=3, christmas day=3, christmas markets=3, santa=2, presents=1, turkey=0.5, mince pies=3, carols=2, family gatherings=2',
    es: 'navidad=2, nochevieja=3, ano nuevo=1.5, reyes magos=3, halloween=3, dia festivo=3, festivo=2, dia de la hispanidad=3, san valentin=3, dia de la madre=2, dia del padre=2, fiesta nacional=3, carnaval=2, san fermin=3, fallas=3, feria de abril=3, celebrar=1.5, celebra=1, celebran=1.5, celebraciones=2, festividades=3, fiestas=1.5, tradiciones=2, tradicional=0.7, fuegos artificiales=2, hogueras=2, desfile=1, cabalgata=3, carrozas=2, adornos=1.5, puente=0.7, nochebuena=3, dia de reyes=3, roscon de reyes=3, uvas=1, campanadas=3, belen=2, villancicos=3, papa noel=3, turron=3, regalos=1, dia de todos los santos=3, dia de los muertos=3, san juan=1.5, semana santa=1, pajes=2, melchor=2, gaspar=1.5, baltasar=2',
  },
  '157': { en: 'bank holiday=3, independence day=3, national holiday=3', es: 'dia festivo=3, fiesta nacional=3, dia de la hispanidad=3, dia de la constitucion=3' },

  // Personal Celebrations & Life Events
  '163': {
    en: 'wedding=3, bride=3, wedding dress=3, bridesmaid=3, hen party=3, stag do=3, bachelor party=3, birthday=3, birthday party=3, anniversary=1.5, graduation=2, baby shower=3, prom=3, funeral=2, christening=2, groom=2, newlyweds=3, wedding guests=3, reception=1, engagement party=3, anniversary party=3, celebrate=0.5, ceremony=1, vows=2, best man=2, honeymoon=1.5, guest list=2, wedding venue=3, party=0.5, cake=0.5',
    es: 'boda=3, vestido de novia=3, despedida de soltera=3, cumpleanos=3, aniversario=1, graduacion=2, baby shower=3, funeral=2, entierro=2, bautizo=1, comunion=2, primera comunion=3, novios=1.5, recien casados=3, invitados=1, banquete=2, convite=3, ceremonia=1, votos=1, padrino=1.5, madrina=1.5, luna de miel=1.5, lista de invitados=2, finca=0.5, fiesta=0.5, tarta nupcial=3, pedida de mano=3',
  },
  '165': { en: 'wedding=3, bride=3, wedding dress=3, bridesmaid=3', es: 'boda=3, vestido de novia=3' },
  '170': { en: 'birthday=3, birthday party=3', es: 'cumpleanos=3' },
  '171': { en: 'funeral=3', es: 'funeral=3, entierro=3' },
  '172': { en: 'graduation=3, graduation ceremony=3', es: 'graduacion=3, ceremonia de graduacion=3' },

  // Pop Culture
  '432': {
    en: 'celebrity=2, celeb=2, famous=0.5, gossip=3, reality star=3, reality tv=2, paparazzi=3, influencer=1.5, red carpet=1, scandal=1.5, split from=2, tabloid=2, went viral=2, viral=1, meme=2, satire=2, fans=0.5, rose to fame=3, her ex=1.5, former boyfriend=1.5, sources close to=2, showbusiness=3, showbiz=3, called it quits=3, split=1, joint statement=1, engagement rumours=3, the couple=1.5, a-list=3, socialite=3, stars=1, singer=0.5, heartthrob=3, fans flooded=2, social media=0.7, instagram=1, tiktok=1, rumours=1.5, romance=1, glamorous=2, hollywood=1',
    es: 'famosos=2, celebridad=2, prensa rosa=3, prensa del corazon=3, cotilleo=3, chismes=2, paparazzi=3, influencer=1.5, escandalo=1.5, exclusiva=1.5, ruptura=1.5, expareja=1, viral=1, humor=1, satira=2, tronista=3, vip=1, artista=0.5, companeros de profesion=2, entorno del artista=3, su entorno=1.5, revistas del corazon=3, rostros conocidos=3, aristocratas=2, torero=1.5, la pareja=1, invitados=0.5, revistas=1, estrellas=1, cantante=0.5, redes sociales=1, instagram=1, tiktok=1, rumores=1.5, romance=1.5, glamour=2, hollywood=1, posado=2, portada=1',
  },
  '438': { en: 'scandal=3, leaked=2, sex tape=2, controversy=1.5', es: 'escandalo=3, filtrado=2, se filtra=2, polemica=1.5' },
  '437': { en: 'celebrity couple=3, split from=2, engaged to=2, dating=0.5, boyfriend=1, girlfriend=1, the couple=2, couple=1, split=1.5, engagement=1.5, called it quits=2', es: 'ruptura=2, pareja=0.7, novio=1, expareja=1.5, la pareja=1.5, boda=0.7, se conocio=1.5, luna de miel=1' },
  '433': { en: 'celebrity death=3, tributes poured=3, died aged=2', es: 'muere el actor=3, muere la actriz=3, fallece el cantante=3' },
  '440': { en: 'satire=3, satirical=3, humor=2, humour=2, comedian=1.5', es: 'satira=3, satirico=3, humor=2, humorista=2' },

  // Shopping
  '473': {
    en: 'shopping=2, black friday=3, cyber monday=3, discount=1.5, promo code=3, voucher=2, coupon=3, deals=1, sale=0.5, half price=2, bargain=2, free delivery=2, free shipping=2, gift ideas=3, gifts=1.5, toys=2, christmas shopping=3, grocery=2, supermarket=1.5, lottery=2, scratchcard=3, jackpot=1.5, retailers=1, price history=2, reductions=2, offers=1, shoppers=2, bargain hunters=3, three-for-two=3, gift sets=2, returns policy=2, online shopping=3, checkout=1.5, basket=0.7, sale price=2, cheapest=1, best price=1.5',
    es: 'compras=1.5, ir de compras=3, black friday=3, descuento=1.5, codigo promocional=3, codigo descuento=3, cupon=3, ofertas=1, rebajas=3, chollo=3, mitad de precio=2, envio gratis=2, envio gratuito=2, ideas para regalar=3, regalos=1.5, juguetes=2, supermercado=1.5, cesta de la compra=2, loteria=2, loteria de navidad=3, el gordo=2, rasca=1, grandes almacenes=3, rebajados=2, compradores=1, consumidores=0.5, comprar=0.7, precios=0.5, devoluciones=2, politica de devoluciones=3, compra online=3, tienda online=2, carrito=1.5, segundas rebajas=3, cadenas de moda=2, mejor precio=1.5, ahorro=0.3',
    any: 'euromillions=3, euromillones=3, bonoloto=3, la primitiva=3, amazon=1, aliexpress=2',
  },
  '481': { en: 'sales=1, half price=2, promotion=0.7, black friday=3', es: 'rebajas=3, ofertas=1.5, black friday=3' },
  '474': { en: 'coupon=3, promo code=3, voucher=2', es: 'cupon=3, codigo promocional=3, codigo descuento=3' },
  '477': { en: 'grocery=3, supermarket=2', es: 'supermercado=2, cesta de la compra=3' },
  '480': { en: 'lottery=3, scratchcard=3, jackpot=2', es: 'loteria=3, el gordo=2, rasca=1.5', any: 'euromillions=3, euromillones=3, bonoloto=3' },
  '482': { en: 'toys=3', es: 'juguetes=3, jugueteria=3' },

  // Law
  '383': {
    en: 'law=1, lawyer=2, attorney=2, solicitor=2, barrister=3, court=1.5, judge=1.5, supreme court=3, lawsuit=3, sued=2, sue=2, litigation=3, legal advice=3, verdict=1, appeal=0.5, jury=1.5, court of appeal=3, tribunal=2, legal team=2, challenged in the courts=3, inheritance=1.5, probate=3, executor=3, heirs=3, last will=3, estate planning=2, legal framework=2, judgment=1.5, landmark ruling=3, legal=1.5, lawful=2, unlawful=2.5, unlawfully=2.5, rights=0.7, human rights=1.5, civil liberties=2, privacy=0.7, judgement=2, justices=2, high court=3, the court=2, claimant=3, defendant=2, plaintiff=3, legislation=0.7, statute=3, legal challenge=3, legal action=2.5, lawyers for=2, ruled=2, ruled that=3',
    es: 'ley=0.5, abogado=2, tribunal=2, juez=1.5, juzgado=1.5, tribunal supremo=3, tribunal constitucional=3, sentencia=1.5, demanda=0.7, demandar=2, pleito=3, litigio=3, juridico=2, asesoria juridica=3, recurso=0.7, jurado=1.5, codigo civil=2, codigo penal=1, denuncia=0.7, herencia=2, herederos=3, testamento=3, notario=1.5, declaracion de herederos=3, ultimas voluntades=3, beneficio de inventario=3, abogado especializado=2, legal=1, ilegal=0.5, derechos=0.7, derechos humanos=1.5, intimidad=0.7, magistrados=2, el tribunal=2, audiencia provincial=3, demandante=3, demandado=2, acusacion=1, recurso de amparo=3, fallo=1.5, fallo judicial=3, doctrina=1.5, accion judicial=2.5, avala=1.5, anula=1.5, dictamina=2',
  },

  // Crime
  '380': {
    en: 'crime=2, criminal=2, police=1.5, officers=1, detectives=2, arrested=2, charged=1.5, suspect=2, murder=2, killing=1, killer=1, homicide=3, stabbing=3, shooting=1, robbery=3, robbers=3, robbed=2, burglary=3, theft=2, stolen=1.5, fraud=2, gang=2, organised crime=3, trafficking=2, smuggling=2, cartel=2, seized=1.5, seizure=1.5, haul=1.5, raid=1.5, prosecutors=2, court=0.5, sentenced=2, prison=2, jail=2, victim=1, witnesses=1.5, cctv=2, on bail=2, bail=1.5, magistrates=2, offender=2, investigation=0.7, investigators=1, customs officers=2, counter-terrorism police=3, terrorism legislation=2, dismantled=1.5, network=0.3, ring=0.5, crime scene=2, appealed for witnesses=3, offence=2, convicted=2.5, conviction=2, guilty=2, pleaded guilty=3, acquitted=2.5, trial=1, accused=1.5, the accused=2, alleged=1, allegedly=1, perpetrator=2.5, police said=2, police are=1.5, detained=2, custody=1.5, forensic=2.5, fingerprints=2.5, burglars=3, shoplifting=3, vandalism=3, arson=3, assault=1.5, knife crime=3, gun crime=3, mugging=3, carjacking=3, balaclavas=2, getaway=2, stolen car=2.5, police appeal=3',
    es: 'crimen=2, delito=2, delincuente=2, criminal=2, policia=1.5, agentes=1, guardia civil=1.5, policia nacional=1.5, detenido=2, detencion=2, arrestado=2, imputado=2, investigado=1, sospechoso=2, asesinato=2, asesinado=2, asesino=1.5, homicidio=3, punaladas=3, apunalado=3, tiroteo=2, atraco=3, atracador=3, robo=2, robado=1.5, ladron=3, hurto=3, estafa=2, fraude=2, banda=0.7, organizacion criminal=3, crimen organizado=3, trafico=0.5, narcotrafico=3, narcotraficante=3, contrabando=2, cartel=2, incautado=2, incautacion=2, intervenidos=1.5, intervino=1, registros=1, operacion=0.5, fiscalia=1.5, prision provisional=3, prision=2, carcel=2, victima=1, testigos=1.5, sucesos=3, violencia de genero=3, violencia machista=3, malos tratos=3, orden de alejamiento=3, audiencia nacional=1.5, a punta de pistola=2, a mano armada=2, botin=2, encapuchados=2, clanes=1, blanqueo=2, desarticulado=2, investigadores=1, denuncia=0.7, denunciado=1, condenado=2.5, condena=2, culpable=2, declarado culpable=3, absuelto=2.5, juicio=1, acusado=2, presunto=1.5, autores=1, fuentes policiales=2.5, calabozo=2.5, forense=2, huellas=1.5, vandalismo=3, incendio provocado=3, agresion=2, agresores=2, navaja=2, cuchillo=1.5, asaltantes=2.5, asalto=2.5, robo con violencia=3, la benemerita=2, comisaria=2',
    any: 'mossos=1.5, ertzaintza=1.5, europol=2, interpol=2',
  },

  // Disasters
  '381': {
    en: 'earthquake=3, tsunami=3, hurricane=3, tornado=3, flood=2, wildfire=3, forest fire=3, landslide=3, eruption=2, natural disaster=3, disaster=2, death toll=2, rescuers=2, rescue teams=2, survivors=1.5, rubble=1.5, aftershock=3, magnitude=2, evacuated=2, evacuation=1.5, homeless=0.5, emergency services=1.5, state of emergency=2, drought=1.5, storm=1, cyclone=3, typhoon=3, avalanche=2, red cross=1, emergency funds=2, sniffer dogs=1.5, pile-up=3, crash=1.5, collided=2, collision=1.5, road accident=3, accident=1.5, plane crash=3, train crash=3, derailed=3, airlifted=2, emergency=1, rescue=1.5, search and rescue=3, firefighters=2, fire crews=2.5, victims=1, missing=1, mourning=1, day of mourning=2.5, collapse=1.5, buried=1.5, trapped=1.5, debris=2, damage=1, devastation=2.5, devastated=1.5, storm surge=3, heavy rain=2, torrential rain=3, shelters=1, relief effort=3, aid=0.7',
    es: 'terremoto=3, sismo=3, seismo=3, tsunami=3, huracan=3, tornado=3, inundacion=2, riada=3, dana=2, incendio forestal=3, incendio=1.5, deslizamiento=2, erupcion=2, catastrofe=2, zona catastrofica=3, desastre=2, balance de victimas=2, rescate=1.5, rescatistas=2, supervivientes=1.5, replicas=1, magnitud=2, evacuados=2, desalojados=2, emergencias=1.5, estado de emergencia=2, sequia=1.5, temporal=1.5, tormenta=1, ciclon=3, tifon=3, avalancha=2, cruz roja=1, desaparecidos=1.5, barrancos=2, ramblas=2, lodo=2, lluvias torrenciales=3, militares=0.3, voluntarios=0.7, accidente=1.5, accidente de trafico=3, choque frontal=3, choque=1.5, colision=1.5, siniestro=1.5, excarcelar=2.5, descarrilamiento=3, accidente aereo=3, rescatados=2, bomberos=2, equipos de rescate=3, victimas=1, luto=1, dia de luto=2.5, derrumbe=2.5, derrumbarse=2.5, desplomarse=2.5, se derrumba=2.5, sepultados=2.5, atrapados=1.5, escombros=2, danos=1, devastacion=2.5, lluvias=1, evacuar=2, albergues=0.5, ayudas=0.5, catastrofe natural=3',
  },

  // War and Conflicts
  '389': {
    en: 'war=2, warfare=3, military=2, army=2, troops=2, soldiers=2, armed forces=2, battle=1.5, combat=1.5, fighting=1, front line=3, frontline=3, offensive=1, invasion=2, invaded=2, shelling=3, artillery=3, missile=2, airstrike=3, air strike=3, drone strikes=3, drone=0.5, tanks=1.5, ceasefire=3, truce=2, peace talks=3, militants=2, militia=2, insurgents=3, defence ministry=2, ministry of defence=2, defense ministry=2, nato=2, refugees=1.5, civilians=2, casualties=2, air defence=3, bombardment=3, war crimes=2, conflict=1.5, humanitarian=1, siege=2, enemy=1.5, world war=1.5, bombing=2, suicide bomber=3, extremist=1, aid agencies=2, infantry=3, repelled=2, assaults=1, car bomb=3, explosion=1, explosives=1.5, blast=1.5, attack=0.7, wounded=1, terrorist attack=3, terror attack=3, suicide bombing=3, jihadist=2, islamic state=2, hostages=1.5, military operation=3, army chief=3, general=0.3, commanders=2, battalion=3, brigade=3, regiment=3, navy=2, warship=3, fighter jets=3, air force=2, bombers=2, occupied=1.5, occupation=1, annexed=2, annexation=2, trenches=2, rockets=2, rocket fire=3, mortar=2, ammunition=1, defence=0.7, defense=0.7, security forces=2, special forces=2.5, rebels=2, guerrillas=3, armed groups=2.5, gunmen=2, kidnapped=0.5, captives=2, prisoners of war=3, peacekeepers=3, un security council=3, sanctions=1, escalation=1.5, displaced=1.5, humanitarian corridor=3',
    es: 'guerra=2, militar=2, ejercito=2, tropas=2, soldados=2, fuerzas armadas=2, batalla=1.5, combates=2, frente=0.7, linea del frente=3, ofensiva=1.5, invasion=2, bombardeo=3, artilleria=3, misil=2, ataque aereo=3, dron=0.5, tanques=1.5, alto el fuego=3, tregua=2, conversaciones de paz=3, milicia=2, milicianos=2, insurgentes=3, ministerio de defensa=2, otan=2, refugiados=1.5, civiles=2, bajas=1, crimenes de guerra=2, conflicto=1.5, humanitario=1.5, asedio=2, enemigo=1.5, fuerzas enemigas=3, guerra mundial=1.5, desplazados=1.5, derecho internacional humanitario=3, estado islamico=2, atentado=2, atentado suicida=3, terrorista suicida=3, luto oficial=1.5, onu=1, coche bomba=3, explosion=1, explosivos=1.5, bomba=1.5, estallo=1.5, atentado terrorista=3, yihadista=2, heridos=0.7, muertos=0.7, masacre=1, celulas durmientes=3, rehenes=1.5, operacion militar=3, jefe del ejercito=3, comandantes=2, batallon=3, brigada=2, regimiento=3, armada=1, buque de guerra=3, cazas=2, aviones de combate=3, fuerza aerea=2, bombarderos=3, ocupado=1, ocupacion=1, anexion=2, trincheras=2, cohetes=2, morteros=2, municion=1, defensa=0.7, fuerzas de seguridad=2, fuerzas especiales=2.5, rebeldes=2, guerrilla=3, grupos armados=2.5, hombres armados=2, secuestro=0.5, prisioneros de guerra=3, cascos azules=3, consejo de seguridad=2.5, sanciones=1, escalada=1.5, corredor humanitario=3',
  },
};

function mergeTopics(): Record<string, TermLists> {
  const merged: Record<string, { -readonly [language in keyof TermLists]: string }> = {};
  for (const [id, lists] of Object.entries(EN_ES_TOPIC_TERMS)) merged[id] = { ...lists };
  for (const language of ADDED_LANGUAGES) {
    for (const [id, terms] of Object.entries(ADDED_LEXICONS[language].topics)) (merged[id] ??= {})[language] = terms;
  }
  return merged;
}

/** Terms by taxonomy id, in every language. Sensitive Topics are not here: brand safety covers them. */
export const TOPIC_TERMS: Readonly<Record<string, TermLists>> = mergeTopics();
