/** Italian lexicon: topics by IAB taxonomy id, brand safety, negation and court reporting. */
import type { LanguageLexicon } from './lexicon';

export const ITALIAN: LanguageLexicon = {
  topics: {
    // Sports
    '483': 'sport=2, sportivo=1.5, atleta=2, squadra=0.6, partita=0.8, campionato=1.5, torneo=1.5, allenatore=1.5, ct=1, commissario tecnico=2, giocatore=1, tifosi=1, stadio=2, vittoria=0.7, sconfitta=0.7, finale=0.5, semifinale=2, quarti di finale=2, medaglia=1.5, coppa=0.5, arbitro=2, classifica=0.7, stagione=0.5, giornata=0.5, gara=1, risultato=0.3, campione=1, titolo=0.3, avversario=0.7, spogliatoio=2, primo tempo=2, secondo tempo=2, retrocessione=2, pallavolo=3, volley=3, rugby=3, nuoto=2.5, atletica=3, maratona=2, sci=2, judo=3, pugilato=3, boxe=3, golf=3, olimpiadi=3, olimpico=1.5, record del mondo=2, scudetto=3',
    '533': 'calcio=2.5, calciatore=2.5, gol=2, rete=1, portiere=2.5, attaccante=2, centrocampista=2.5, difensore=1.5, centravanti=2.5, rigore=2, calcio di rigore=3, punizione=1, calcio d angolo=2.5, fuorigioco=2.5, cartellino giallo=2.5, cartellino rosso=2.5, espulso=1, serie a=3, serie b=2, champions league=3, coppa italia=3, mondiali=2, calciomercato=3, mercato=0.5, pallone=1, colpo di testa=2.5, tiro=0.5, pareggio=1.5, doppietta=2, tripletta=2, curva=1, ultras=1, rossoneri=2.5, nerazzurri=2.5, bianconeri=2.5, giallorossi=2.5, biancocelesti=2.5, juventus=3, inter=2, milan=2, napoli=1, roma=0.5, lazio=1',
    '539': 'tennis=3, tennista=3, servizio=0.5, palla break=3, match point=3, tie-break=3, tiebreak=3, dritto=2, rovescio=2, smorzata=3, terra rossa=3, erba=0.7, campo centrale=2.5, testa di serie=2.5, racchetta=2, set=1, internazionali d italia=3, atp=2.5, wta=2.5, sinner=3',
    '547': 'basket=3, pallacanestro=3, canestro=2.5, rimbalzi=2.5, assist=1, playmaker=2.5, ala=0.5, pivot=1.5, schiacciata=1.5, tiri liberi=3, tiro libero=3, tripla=2.5, quarto=0.5, ultimo quarto=2.5, supplementare=1.5, nba=3, eurolega=3',
    '492': 'ciclismo=3, ciclista=3, corridore=1, gruppo=0.3, maglia rosa=3, maglia gialla=3, fuga=1, cronometro=2.5, tappa=1.5, velocista=2, scalatore=2, salita=1, passo=0.3, bicicletta=1.5, bici=1.5, classifica generale=2.5, giro d italia=3',
    '518': 'formula 1=3, gran premio=2.5, pole position=3, pole=2, pilota=1.5, giro veloce=3, pit stop=3, box=0.7, circuito=1.5, qualifiche=2, griglia di partenza=3, podio=1.5, sorpasso=2, scuderia=2.5, ferrari=1.5, motogp=3, motomondiale=3, rally=2, monza=2, mugello=2',
    // Food & Drink
    '210': 'cucina=1, ricetta=2, cucinare=1.5, chef=1.5, cuoco=2, piatto=1, pasto=1.2, menu=0.7, ingrediente=2, sapore=1.5, gusto=0.7, delizioso=1.5, gustoso=1.5, forno=1.2, padella=2, pentola=2, cucchiaio=2, cucchiaino=2, pizzico=2, sale=0.5, pepe=1.5, aglio=1.5, cipolla=1.5, burro=1.5, olio extravergine=2, olio d oliva=1.5, farina=2, zucchero=0.7, uova=1, uovo=1, formaggio=1.5, parmigiano=2, pane=1, pollo=1.5, manzo=1.5, maiale=1, agnello=1, pesce=0.7, verdure=0.7, risotto=2.5, riso=1, sugo=2, soffritto=2.5, rosolare=2, cuocere=2, cottura=2, impasto=1.5, antipasto=2, primo piatto=2, secondo piatto=2, contorno=2, dolce=1, colazione=1, pranzo=1, cena=1, pomodoro=1.5, basilico=1.5, gastronomia=2, enogastronomico=3, croccante=1.5, al dente=3, q.b.=2',
    '217': 'pasticceria=3, torta=2, dolci=1.5, crostata=3, biscotti=2, lievito=2, cioccolato=1, crema pasticcera=3, meringa=2, stampo=1.5, panettone=2.5, colomba=1.5, tiramisù=3, cornetto=1.5, lievitazione=3, pan di spagna=3, glassa=2',
    '218': 'ristorante=3, trattoria=3, osteria=3, menu degustazione=3, carta dei vini=2, cameriere=1.5, stella michelin=3, guida michelin=3, stellato=2, conto=0.5, coperti=2, prenotazione=0.5, sala=0.3, tavolo=0.3, pizzeria=2.5',
    '211': 'vino=2, vini=2, birra=2, whisky=2, cocktail=2, aperitivo=1.5, spritz=2.5, spumante=2, prosecco=2.5, franciacorta=3, cantina=1.5, vigneto=2, vigna=2, vitigno=3, annata=3, degustazione=1.5, sommelier=3, vino rosso=2, vino bianco=2, tannini=3, in bocca=2, al naso=2, doc=2, docg=3, grappa=2.5, amaro=1, barolo=3, chianti=3, brunello=3, birrificio=3',
    '222': 'caffè=1.5, espresso=3, cappuccino=3, barista=3, tè=1.5, tisana=2, succo=1, spremuta=2, frullato=2, torrefazione=3, moka=3, chicchi di caffè=2.5',
    // Business and Finance
    '52': 'azienda=1, impresa=1, società=0.5, gruppo=0.3, economia=2, economico=1.5, mercati=1, fatturato=3, ricavi=2, utile=1.5, utile netto=3, risultati=0.7, bilancio=1.5, azionisti=2, azioni=0.7, titolo=0.5, borsa=2, piazza affari=3, ftse mib=3, quotata=2, investitori=1.5, investimenti=1, analisti=1.5, dividendo=2, fusione=1.5, acquisizione=1.5, amministratore delegato=2, ad=0.5, direttore finanziario=3, trimestre=1.5, semestre=1.5, crescita=0.7, inflazione=2, pil=3, recessione=2, disoccupazione=2, tassi di interesse=1.5, banca centrale=2, bce=2, esportazioni=1.5, dazi=2, industria=1, industriale=1, settore=0.7, produttore=1, stabilimento=1.5, lavoratori=0.7, dipendenti=0.7, sindacati=1.5, sciopero=2, licenziamenti=2.5, esuberi=3, cassa integrazione=3, ristrutturazione=2.5, miliardi di euro=1, milioni di euro=1, clienti=0.5, concorrenti=1, quota di mercato=2.5, costi=1, margine=1, startup=2, round di finanziamento=3, venture capital=3, valutazione=1, ipo=3, wall street=2, petrolio=1.5, barile=2, controllata=2.5, multinazionale=2, sede=0.5, confindustria=3, consob=3',
    '80': 'economia=2, inflazione=2, pil=3, recessione=2, disoccupazione=2, tasso di disoccupazione=3, banca centrale=2, tassi di interesse=1, deficit=1.5, debito pubblico=2, spread=2.5, crescita economica=3, prezzi al consumo=3, istat=3, congiuntura=2, potere d acquisto=2',
    // Technology & Computing
    '596': 'tecnologia=2, tecnologico=1.5, digitale=1, software=2, hardware=2, app=1.5, applicazione=1, dispositivo=1.5, internet=1, computer=2, pc portatile=3, portatile=1, intelligenza artificiale=3, ia=2, algoritmo=2, dati=0.7, processore=2, chip=2, smartphone=3, telefono=1, schermo=1, batteria=1, aggiornamento=2, sistema operativo=3, sicurezza informatica=3, cybersicurezza=3, hacker=2, cloud=1.5, server=1, sviluppatori=2, codice=1, tablet=1.5, rete=0.5, wi-fi=2, 5g=2, fibra=1, semiconduttori=3, iphone=3, android=3, google=1, apple=1, microsoft=2, samsung=2, openai=3, chatgpt=3, nvidia=3',
    '597': 'intelligenza artificiale=3, ia=2, apprendimento automatico=3, machine learning=3, rete neurale=3, modello linguistico=3, chatbot=3, generativa=2',
    '632': 'smartphone=3, auricolari=2.5, cuffie=2, smartwatch=3, fotocamera=2, autonomia=1.5, ricarica rapida=3, sensore=1, display=1.5, oled=3, fascia alta=1.5, top di gamma=3',
    // Travel
    '653': 'viaggio=2, viaggiare=2, viaggiatore=2, turista=2, turismo=2, turistico=2, destinazione=2, meta=1, soggiorno=2, vacanza=1.5, itinerario=2, albergo=1.5, hotel=1.5, volo=1, voli=1, aeroporto=1.5, compagnia aerea=2, passaporto=1.5, bagaglio=2, valigia=1.5, spiaggia=1.5, escursione=2, trekking=1.5, borgo=1.5, centro storico=2, da vedere=2, cosa vedere=3, crociera=2, campeggio=2, b&b=2, agriturismo=2.5, paesaggi=1, weekend=0.7, gita=2',
    // Politics
    '386': 'politica=2, governo=1.5, ministro=2, presidente del consiglio=3, premier=2, presidente della repubblica=3, presidente=0.7, parlamento=3, camera dei deputati=3, senato=2, senatore=2, deputato=2, disegno di legge=2, decreto=1.5, legge=0.7, voto=1.5, elezioni=2, elettori=2, sondaggio=1.5, candidato=1.5, campagna elettorale=3, partito=1.5, opposizione=1.5, maggioranza=1, coalizione=2, riforma=1, palazzo chigi=3, quirinale=3, montecitorio=3, sindaco=1.5, consiglio comunale=2, comune=1, regione=0.7, centrodestra=2.5, centrosinistra=2.5, diplomazia=2, vertice=1, unione europea=1.5, bruxelles=1, commissione europea=2, fratelli d italia=3, pd=2, lega=1.5, movimento 5 stelle=3, forza italia=3',
    '387': 'elezioni=3, elettorale=2, elettori=2, urne=2, sondaggio=2, candidato=1.5, affluenza=2.5, astensione=2, seggi=2, ballottaggio=3, primo turno=2.5, amministrative=3, politiche=1, regionali=2, europee=1.5',
    // Medical Health
    '286': 'salute=1, malattia=2, paziente=2, medico=2, ospedale=2, cure=1.5, terapia=2, farmaco=2, sintomi=2, diagnosi=2, chirurgia=2.5, intervento chirurgico=3, infermiere=2, tumore=2.5, cancro=2, diabete=3, vaccino=2.5, vaccinazione=2.5, virus=1.5, infezione=2, epidemia=2, sperimentazione clinica=3, studio=0.3, ricercatori=0.5, pressione arteriosa=3, colesterolo=2, dolore=1, pronto soccorso=2, ricetta medica=2, cardiologo=3, oncologia=3, alzheimer=3, depressione=1.5, salute mentale=2, medico di base=3, servizio sanitario=2, asl=2.5, influenza=1.5, covid=2',
    // Healthy Living
    '223': 'benessere=2, salute=0.5, forma fisica=2.5, esercizio fisico=2.5, attività fisica=2.5, allenamento=1.5, alimentazione=1.5, nutrizione=2, nutrizionista=3, dietista=3, dieta=1.5, dimagrire=2.5, perdere peso=2.5, calorie=2, proteine=2, fibre=1, vitamine=2, sonno=1, meditazione=2, yoga=2.5, pilates=3, palestra=2.5, corsa=1, camminare=1.5, camminata=1.5, stress=1, idratazione=2, equilibrata=1.5, abitudini=1, digiuno intermittente=3, stretching=2.5, dieta mediterranea=2.5',
    // Entertainment
    '324': 'film=2, cinema=2.5, regista=2.5, attore=2, attrice=2, sceneggiatura=2, lungometraggio=3, trailer=2.5, botteghino=3, incassi=1.5, al cinema=2, in sala=2, festival di venezia=3, mostra del cinema=3, leone d oro=3, oscar=2.5, david di donatello=3, commedia=1, thriller=2, documentario=1.5, riprese=1.5, cast=1.5',
    '338': 'musica=2, canzone=2, cantante=2, cantautore=3, album=2, concerto=2, tour=1, band=1.5, rapper=3, rap=2, rock=1.5, jazz=2, singolo=2, videoclip=2, festival=1, palco=1.5, chitarra=1, brano=2, streaming=0.7, spotify=2, sanremo=3, festival di sanremo=3',
    '640': 'serie tv=3, serie=1, stagione=0.5, episodio=2, televisione=2, tv=1, programma=1, canale=0.7, netflix=2.5, piattaforma=0.7, reality=2.5, conduttore=2, conduttrice=2, ascolti=2.5, share=2, rai=2.5, mediaset=3, prima serata=2.5, fiction=2.5',
    // Automotive
    '1': 'auto=2, automobile=2.5, vettura=2, veicolo=1.5, casa automobilistica=3, motore=1.5, guida=0.7, guidatore=1, elettrica=0.7, ibrida=1.5, auto elettrica=3, autonomia=1, ricarica=1, colonnina=3, prova su strada=3, cambio automatico=3, cavalli=1, suv=3, berlina=3, utilitaria=3, concessionario=3, carburante=1.5, benzina=1.5, consumi=1, pneumatici=2, officina=2, patente=2.5, revisione=1, fiat=3, alfa romeo=3, lancia=1, tesla=2.5, volkswagen=2.5, toyota=2.5, moto=2, scooter=2',
    // Real Estate
    '441': 'immobiliare=3, immobili=2.5, casa=0.7, case=0.7, abitazione=2, appartamento=2, affitto=2, canone=1.5, inquilino=2.5, proprietario=1.5, compravendita=3, prezzo al metro quadro=3, metri quadri=2, agenzia immobiliare=3, agente immobiliare=3, notaio=2, mutuo=2.5, rogito=3, locazione=2.5, seconda casa=3, costruttore=1.5, quartiere=0.7, bilocale=3, trilocale=3',
    // Personal Finance
    '391': 'risparmio=2.5, risparmiare=2.5, budget=1, soldi=1, denaro=1, banca=1.5, conto corrente=3, carta di credito=2.5, bancomat=2.5, prestito=1.5, debito=1.5, tasse=2, irpef=3, dichiarazione dei redditi=3, 730=3, pensione=1.5, assicurazione=1.5, polizza=2, investire=1.5, investimento=1, btp=3, rendimento=1.5, commissioni=1.5, bollette=2, fine mese=2, isee=3, bonus=1',
    // Science
    '464': 'scienza=2, scientifico=2, scienziati=2, ricercatori=1.5, ricerca=1, studio=0.5, laboratorio=1.5, esperimento=1.5, scoperta=1.5, fisica=2, chimica=2, biologia=2, genetica=2.5, dna=2.5, specie=1.5, fossile=3, dinosauro=3, evoluzione=1, spazio=1, astronomia=3, telescopio=3, pianeta=2.5, galassia=3, stelle=1, nasa=3, esa=2, asi=2, satellite=1.5, clima=1.5, riscaldamento globale=2.5, cambiamento climatico=2.5, biodiversità=2.5, ecosistema=2, oceani=1, rivista=0.5, nature=0.3, cnr=3, pubblicato=1',
    // Home & Garden
    '274': 'giardino=2, giardinaggio=3, piante=1.5, orto=3, semina=3, innaffiare=2.5, irrigazione=2, potatura=3, fiori=1, prato=1, compost=3, casa=0.5, arredamento=2.5, arredo=2, interni=1, soggiorno=0.5, cucina=0.3, bagno=1, fai da te=3, lavori=0.7, ristrutturazione=1.5, ristrutturare=2, pittura=0.5, pareti=1, mobili=1.5, divano=2, armadio=1.5, isolamento=1, riscaldamento=1, elettrodomestici=2.5, terrazzo=1.5, balcone=1.5, design=1',
    // Style & Fashion
    '552': 'moda=2, tendenza=1.5, collezione=1.5, sfilata=3, stilista=3, alta moda=3, abbigliamento=2, vestiti=2, abito=1.5, gonna=2, pantaloni=1.5, giacca=1.5, cappotto=1.5, scarpe=1.5, sneakers=1, borsa=1, accessori=1.5, look=2, stile=1, trucco=2.5, make-up=2.5, bellezza=2, cosmetici=2.5, crema viso=3, pelle=1, capelli=1.5, parrucchiere=2, profumo=2, fashion week=3, settimana della moda=3, modella=2, outfit=2.5',
    // Video Gaming
    '680': 'videogioco=3, gioco=0.5, giocatori=0.5, gameplay=3, console=2.5, controller=2.5, playstation=3, ps5=3, xbox=3, nintendo=3, switch=1.5, steam=2.5, pc=0.7, grafica=1.5, livello=0.7, boss=1, missione=1, personaggio=0.7, multiplayer=3, modalità storia=3, studio=0.5, esport=3, gamer=3, rpg=3, mmo=3, open world=3, mondo aperto=3, dlc=3, patch=1.5, espansione=0.5, fortnite=3, zelda=3, mario=2',
    // Pets
    '422': 'animali domestici=3, cane=2.5, cani=2.5, cucciolo=2.5, gatto=2.5, gattino=3, veterinario=3, crocchette=2.5, guinzaglio=3, razza=0.7, addestramento=1.5, toelettatura=3, lettiera=3, canile=3, gattile=3, adozione=1, acquario=2, coniglio=1.5, padrone=1, pelo=1.5, muso=1.5, zampe=1.5',
    // Education
    '132': 'istruzione=2, scuola=2, alunni=2, studenti=2, insegnante=2, docente=2, professore=1.5, liceo=2.5, scuola media=3, scuola primaria=3, università=2, ateneo=2.5, maturità=3, esame=1.5, voti=0.5, anno scolastico=3, classe=1, programma scolastico=3, ministero dell istruzione=3, didattica=2.5, apprendimento=1, compiti=2, laurea=2, diploma=1.5, corso=1, lezioni=1.5, formazione=1',
    // Careers
    '123': 'lavoro=1.5, occupazione=1, carriera=2, assunzioni=2.5, selezione=1, recruiter=3, candidatura=2.5, curriculum=3, cv=3, lettera di presentazione=3, colloquio di lavoro=3, colloquio=1.5, offerta di lavoro=3, stipendio=1.5, smart working=3, lavoro da remoto=3, competenze=1.5, manager=1, colleghi=1.5, ufficio=0.7, stage=1.5, tirocinio=2.5, dimissioni=2, promozione=0.5, formazione professionale=3, centro per l impiego=3, contratto a tempo indeterminato=3, partita iva=2',
    // Family and Relationships
    '186': 'famiglia=1.5, genitori=1.5, figli=1.5, bambini=1, neonato=2, gravidanza=2, maternità=1.5, educazione dei figli=3, genitorialità=3, coppia=2, matrimonio=1, divorzio=2.5, separazione=1.5, fidanzato=1.5, single=2, app di incontri=3, relazione=1, adolescenti=1.5, nonni=2, partner=1.5, litigi=1.5, asilo nido=2.5, fratelli=1',
    // Books and Literature
    '42': 'libro=2, romanzo=2.5, romanziere=3, scrittore=2.5, scrittrice=2.5, autore=1.5, autrice=2, lettura=1.5, lettori=1.5, editore=1.5, casa editrice=3, libreria=2.5, letteratura=3, letterario=2.5, poesia=3, poeta=3, racconto=1.5, capitolo=1.5, pagine=1, premio strega=3, strega=1, salone del libro=3, fumetto=3, giallo=1.5, bestseller=2, personaggio=0.7, trama=1.5',
    // Religion & Spirituality
    '453': 'religione=2.5, religioso=2, chiesa=2, papa=3, vaticano=3, cattolico=2.5, cristiano=2.5, fede=2, preghiera=2.5, messa=2.5, sacerdote=2.5, prete=2.5, vescovo=3, diocesi=3, islam=2.5, musulmano=2.5, moschea=3, ramadan=3, imam=3, ebreo=2, sinagoga=3, buddismo=3, spiritualità=3, spirituale=2, pellegrinaggio=3, pellegrini=3, bibbia=3, corano=3, dio=1.5, fedeli=2, oroscopo=3, astrologia=3, santo=0.5, giubileo=3',
    // Hobbies & Interests
    '239': 'hobby=3, passatempo=3, tempo libero=2, collezione=1, collezionista=3, collezionismo=3, giochi da tavolo=3, puzzle=2.5, scacchi=2.5, maglia=0.5, lavorare a maglia=3, uncinetto=3, cucito=2, fotografia=2, modellismo=3, pesca=1.5, fai da te=1.5, fatto a mano=2.5, laboratorio=0.5, disegno=1.5, genealogia=3, strumento=1, chitarra=1, pianoforte=1, birdwatching=3',
    // Fine Art
    '201': 'arte=1.5, artista=2, mostra=2.5, museo=2, galleria=2, pittore=3, pittura=1.5, dipinto=2.5, quadro=1.5, scultura=3, scultore=3, opera=1.5, tela=2, arte contemporanea=3, retrospettiva=3, curatore=2.5, vernissage=3, teatro=2.5, spettacolo=1, regia=1.5, attori=1, opera lirica=3, lirica=2, danza=2, balletto=3, coreografo=3, uffizi=3, biennale=2.5',
    // Attractions
    '150': 'parco divertimenti=3, parco giochi=1.5, attrazioni=2, giostre=3, zoo=3, acquario=2, museo=1.5, castello=1.5, monumento=2, visita guidata=3, biglietteria=2, biglietti=1, ingresso=0.5, gardaland=3, mirabilandia=3, coda=1, visitatori=1.5, orto botanico=3, patrimonio unesco=3',
    // Events
    '8VZQHL': 'fiera=2, festival=1.5, conferenza=1.5, espositori=3, congresso=2, cerimonia=1.5, premiazione=3, gala=2, evento=1.5, programma=0.5, biglietti=0.7, iscrizioni=1.5, edizione=0.7, stand=1.5, organizzatori=2, salone=1.5, kermesse=2',
    // Holidays
    '1KXCLD': 'natale=3, capodanno=3, vigilia=2, san valentino=3, pasqua=3, pasquetta=3, halloween=3, ferragosto=3, festa della repubblica=3, festa nazionale=3, giorno festivo=3, festività=3, feste natalizie=3, regali=1, albero di natale=3, addobbi=2, epifania=3, befana=3, carnevale=2.5, festa della mamma=3, festa del papà=3',
    // Personal Celebrations & Life Events
    '163': 'compleanno=2.5, matrimonio=2, sposa=2.5, nozze=3, fidanzamento=3, battesimo=2.5, funerale=3, nascita=1.5, partecipazioni=2, festa=1, laurea=1, pensionamento=2.5, invitati=1.5, testimoni=0.5, catering=1.5, wedding planner=3, abito da sposa=3, comunione=2',
    // Pop Culture
    '432': 'celebrità=3, vip=2.5, star=2, influencer=2.5, instagram=1.5, tiktok=1.5, social=1, gossip=3, pettegolezzi=3, flirt=2, fidanzati=1.5, rottura=1.5, red carpet=2.5, tappeto rosso=2.5, paparazzi=3, fan=1, scandalo=1.5, virale=2, video virale=3, meme=3, reality=1.5, tabloid=3',
    // Shopping
    '473': 'shopping=3, saldi=3, sconto=2, offerta=1.5, promozione=1.5, codice sconto=3, black friday=3, acquisti=1.5, negozio=1.5, ordine=0.7, spedizione=1.5, spedizione gratuita=3, carrello=1.5, online=0.5, e-commerce=2.5, amazon=2, prezzo scontato=3, consumatori=1, supermercato=2, reso gratuito=3, outlet=2.5',
    // Law
    '383': 'diritto=1.5, giuridico=2, legge=1, giustizia=1.5, tribunale=1.5, cassazione=3, corte costituzionale=3, consiglio di stato=3, tar=2.5, avvocato=2, giudice=1, giurisprudenza=3, procedura=1.5, ricorso=1.5, denuncia=1, codice civile=3, codice penale=2, magistrato=2, magistratura=2, sentenza=1.5, contenzioso=3, costituzionale=2, garante della privacy=3, gdpr=3, contratto=0.7, causa=0.5',
    // Crime
    '380': 'ucciso a colpi di pistola=2, regolamento di conti=2.5, agguato=2, crimine=2, criminale=2, criminalità=3, reato=2, polizia=1, carabinieri=2, agenti=1, indagini=1.5, inquirenti=2, arrestato=2.5, fermato=2, sospettato=2, vittima=1, furto=1.5, rapina=3, aggressione=2, omicidio=2.5, spaccio=3, truffa=3, frode=1.5, carcere=1.5, detenuto=2, malviventi=3, perquisizione=3, sequestro=1, procura=1.5, pm=1.5, indagato=2.5, mafia=3, camorra=3, ndrangheta=3',
    // Disasters
    '381': 'catastrofe=2.5, calamità naturale=3, terremoto=3, sisma=3, scossa=2, alluvione=3, esondazione=3, frana=3, tempesta=2, uragano=3, ciclone=3, tromba d aria=3, incendio=2, sfollati=3, evacuati=2.5, evacuazione=2, soccorsi=1.5, vigili del fuoco=2, protezione civile=3, danni=1.5, allerta rossa=3, maltempo=2.5, eruzione=3, vulcano=2.5, etna=2, tsunami=3, siccità=2',
    // War and Conflicts
    '389': 'guerra=2.5, conflitto=2, esercito=2, militare=2, soldati=2.5, truppe=2.5, fronte=1, offensiva=2, raid=1.5, bombardamento=2.5, missili=2.5, droni=1.5, cessate il fuoco=3, tregua=2, nato=2.5, invasione=2, occupazione=1, artiglieria=3, combattimenti=2.5, ucraina=1.5, russia=1, gaza=1.5, israele=1, hamas=2, difesa=0.7, profughi=1, negoziati=0.7, carri armati=3',
  },
  risk: {
    adult: {
      strong: 'porno=4, pornografia=4, pornografico=4, video porno=4, xxx=4, sesso esplicito=4, nudo integrale=3, nuda=2, nudità=3, contenuti per adulti=3, sito per adulti=3, erotico=2, escort=3, accompagnatrici=3, webcam hot=4, onlyfans=3, spogliarello=3, feticismo=3, orgasmo=4, incontri hot=4, ragazze hot=3, hard=2',
      weak: 'sesso=1, sessuale=0.5, sexy=1, hot=1, intimo=0.5, maggiorenni=1, senza censura=1.5, trasgressivo=1.5, discreto=0.5',
    },
    arms: {
      strong: 'arma da fuoco=3, armi da fuoco=3, fucile=3, fucile d assalto=4, pistola=2.5, revolver=3, kalashnikov=4, munizioni=3, calibro=2, mitra=3, mitragliatrice=3, traffico di armi=4, armeria=3, porto d armi=3, granata=3, bombe a mano=3, silenziatore=3, armi da guerra=4, semiautomatica=3',
      weak: 'arma=1.5, armi=1.5, sparo=0.5, sparare=0.7, proiettili=1.5, armato=0.5, grilletto=1, caricatore=0.7, cartucce=1.5',
    },
    crime: {
      strong: 'omicidio=3, assassinio=3, assassinato=3, uccisa=3, accoltellato=3, coltellate=3, rapina=2.5, rapinatori=3, rapina a mano armata=3, sequestro di persona=3, rapimento=3, stupro=3, violenza sessuale=3, violenza domestica=3, femminicidio=3, criminalità organizzata=3, regolamento di conti=3, sicario=3, tratta di esseri umani=4, estorsione=3, pizzo=3, sparatoria=3, pestaggio=3, furto con scasso=2.5, rissa=2.5, minacciato con una pistola=3',
      weak: 'polizia=0.5, arrestato=1, sospettato=1, vittima=0.5, banda=0.5, furto=0.7, rubato=0.7, truffa=1, carcere=1, crimine=1, criminale=1, reato=1, delinquenti=1, aggressore=1.5, aggressione=1, incappucciati=1.5, ladri=1, violenza=1, botte=0.5, fuggiti=0.5, assassino=1.5, illegale=0.5, minacce=0.5, legato=0.5',
    },
    'death-injury': {
      strong: 'ha ucciso=2.5, hanno ucciso=2.5, uccidendo=2.5, ucciso=3, morti=2.5, deceduto=2.5, cadavere=3, corpo senza vita=3, feriti gravi=3, gravemente ferito=3, feriti=2, vittime=1.5, strage=4, massacro=4, carneficina=4, bagno di sangue=4, decapitato=4, sgozzato=4, mutilato=4, hanno perso la vita=3, ha perso la vita=3, incidente mortale=3, suicidio=2.5, fossa comune=4, morto sul colpo=3, trovato morto=3, bilancio delle vittime=3',
      weak: 'morte=1, morire=1, muoiono=1, ferito=1, macerie=1, sangue=0.7, sopravvissuti=0.5, ricoverato=0.5, tragedia=0.5',
    },
    drugs: {
      strong: 'cocaina=3, eroina=3, fentanyl=3, metanfetamina=3, crack=3, ecstasy=2.5, mdma=3, ketamina=2.5, lsd=3, overdose=3, traffico di droga=4, narcotraffico=4, narcotrafficanti=4, stupefacenti=3, sostanze stupefacenti=3, spacciatore=3, piazza di spaccio=4, cartello=1.5, hashish=3, marijuana=2, spinello=2, canna=1, drogarsi=3, tossicodipendenza=2.5, tossicodipendenti=2.5, sequestro di droga=3, funghi allucinogeni=4, psilocibina=3, microdosing=2, piantagione di cannabis=3, thc=3',
      weak: 'droga=1.5, cannabis=1.5, svapo=1, tabacco=0.7, alcol=0.5, ubriaco=1, dipendenza=0.7, consumatori=0.7, sballo=1.5, sballarsi=2',
    },
    'hate-speech': {
      strong: 'discorso d odio=3, incitamento all odio=4, crimine d odio=3, razzista=2.5, razzismo=2, insulti razzisti=4, buu razzisti=4, cori razzisti=4, neonazista=4, suprematista=3, antisemita=3, antisemitismo=3, islamofobia=3, omofobo=3, transfobia=3, xenofobo=3, pulizia etnica=4, odio razziale=3, saluto romano=4, saluto nazista=4, razza inferiore=4, grande sostituzione=4, subumani=4, razza bianca=3, ci stanno invadendo=3, rimandiamoli a casa=3, fuori gli stranieri=3',
      weak: 'nazista=1.5, odio=1, invasione=0.5, invasori=1.5, parassiti=1.5, feccia=1.5, traditori=0.5, stranieri=0.3, immigrati=0.3, estremisti=0.5',
    },
    obscenity: {
      strong: 'cazzo=4, vaffanculo=4, stronzo=3, stronzata=3, merda=3, puttana=3, troia=3, figlio di puttana=4, coglione=3, minchia=3, porca puttana=4, bastardo=2.5, fottiti=4, fottuto=3, incazzato=2.5',
      weak: 'cretino=1, idiota=1, scemo=0.5, deficiente=1, porca miseria=1, casino=0.3, palle=0.5',
    },
    piracy: {
      strong: 'torrent=3, magnet=2, download gratis=2, scaricare gratis=2.5, film completo=2.5, streaming gratis=2.5, guardare gratis=2.5, vedere gratis=2.5, senza abbonamento=2, iptv pirata=4, abbonamento iptv=3, pezzotto=4, crackato=4, keygen=4, warez=4, sito pirata=4, piratato=3, ita streaming=3, cb01=4, altadefinizione=4',
      weak: 'iptv=1.5, pirateria=1, pirata=1, link=0.3, senza registrazione=1, nuovo indirizzo=1, adblock=0.5, mirror=0.3, sub ita=1',
    },
    terrorism: {
      strong: 'terrorista=3, terrorismo=3, attentato terroristico=4, attentato=2.5, jihadista=3, jihad=3, stato islamico=3, isis=3, al qaeda=3, kamikaze=3, attentato suicida=4, cintura esplosiva=4, autobomba=4, ordigno=3, ordigno esplosivo=3, radicalizzato=2.5, antiterrorismo=2, rivendicato=1.5, ostaggi=2, presa di ostaggi=3, digos=1.5',
      weak: 'bomba=1.5, esplosione=1, esplosivo=1.5, attacco=0.5, propaganda=0.5, radicalizzazione=1, assalitore=1.5',
    },
    spam: {
      strong: 'clicca qui=3, guadagna soldi=3, guadagnare da casa=4, guadagna da casa=4, diventa ricco=3, soldi facili=3, offerta esclusiva=2, 100 garantito=3, i medici odiano=4, le banche odiano=4, non vogliono che tu sappia=3, perdi 10 chili=3, senza dieta né palestra=4, brucia grassi=2, pillole miracolose=4, ordina subito=2, offerta limitata=2, ultimi pezzi=2, robot di trading=4, raddoppia i tuoi soldi=4, bonus casinò=3, giri gratis=3, bonus senza deposito=4, occasione unica=2',
      weak: 'garantito=1, miracolo=1.5, miracoloso=2, solo oggi=1.5, senza fatica=1, cambiare vita=1, senza ricetta=1, incredibile=0.5',
    },
    'sensitive-social-issues': {
      strong: 'aborto=3, interruzione volontaria di gravidanza=3, antiabortista=3, pro vita=3, eutanasia=3, fine vita=2, suicidio assistito=3, pena di morte=2.5, matrimonio egualitario=2, unioni civili=2, terapie di conversione=3, immigrazione clandestina=2, clandestini=2, rimpatri=1.5, ddl zan=3, legge 194=3',
      weak: 'immigrazione=0.5, migranti=0.5, profughi=0.3, manifestazione=0.3, femministe=0.5, lgbt=1, identità di genere=1',
    },
  },
  innocent: 'nel mirino, finire nel mirino, colpo di testa, colpi di testa, tiro in porta, tiri in porta, calcio di rigore, calci di rigore, tiro libero, tiri liberi, bomba calorica, pompa di calore, infarto, attacco di cuore, attacco di panico, arma segreta, ammazzare il tempo, da morire, morire dal ridere, morto di fame, pistola per silicone, pistola ad acqua, guerra dei prezzi, guerra commerciale, cannone sparaneve, tempo morto, punto morto, mar morto, natura morta, tiro con l arco, tiro a segno, infortunio muscolare, droga leggera, killer app',
  negation: 'non ne né senza mai nessun nessuno nessuna niente nulla',
  reporting: 'processo=2, tribunale=1.5, corte d assise=2, giudice=1.5, giuria=1.5, condannato=2, condannata=2, condanna=1.5, assolto=2, assolta=2, sentenza=2, verdetto=2, requisitoria=2, pubblico ministero=2, pm=1, la difesa=1.5, imputato=2, imputata=2, udienza=1.5, anni di carcere=1.5, ergastolo=2, pena=0.7, testimoni=1, testimoniato=1.5, appello=0.7, gup=2, gip=2, rinvio a giudizio=2',
};
