/** French lexicon: topics by IAB taxonomy id, brand safety, negation and court reporting. */
import type { LanguageLexicon } from './lexicon';

export const FRENCH: LanguageLexicon = {
  topics: {
    // Sports
    '483': 'sport=2, sportif=1.5, athlète=2, équipe=0.6, match=0.8, championnat=1.5, tournoi=1.5, entraîneur=1.5, sélectionneur=2, joueur=1, supporters=1, stade=2, victoire=0.7, défaite=0.7, finale=0.5, demi-finale=2, quart de finale=2, médaille=1.5, coupe=0.5, arbitre=2, classement=0.7, saison=0.5, journée=0.5, score=1, compétition=1, champion=1, titre=0.3, adversaire=0.7, rencontre=0.5, vestiaire=2, mi-temps=2, coup d envoi=2, leader=0.5, relégation=2, handball=3, rugby=3, natation=2.5, athlétisme=3, marathon=2, ski=2, judo=3, boxe=3, golf=3, volley=3, jeux olympiques=3, olympique=1.5, record du monde=2',
    '533': 'football=2.5, footballeur=2.5, but=0.8, buteur=2.5, gardien=1.5, gardien de but=3, attaquant=2, milieu de terrain=2.5, défenseur=1.5, défenseur central=2.5, penalty=2.5, coup franc=2.5, corner=1.5, hors-jeu=2.5, carton jaune=2.5, carton rouge=2.5, ligue 1=3, ligue des champions=3, coupe du monde=2, mercato=3, transfert=1, ballon=1, tête=0.3, frappe=1, tir=0.5, égalisation=2, doublé=1, pelouse=1.5, tribune=0.7, ultras=1',
    '539': 'tennis=3, tennisman=3, joueuse de tennis=3, service=0.5, balle de break=3, balle de match=3, jeu décisif=3, tie-break=3, coup droit=3, revers=2, amorti=2, terre battue=3, gazon=1, court central=2.5, tête de série=2.5, raquette=2, set=1, sets=1',
    '547': 'basket=3, basket-ball=3, panier=2, rebond=2, passes décisives=2, meneur=1.5, ailier=1, pivot=1.5, dunk=3, lancer franc=3, trois points=2, quart-temps=3, prolongation=1',
    '492': 'cyclisme=3, cycliste=3, coureur=1, peloton=3, maillot jaune=3, échappée=2, contre-la-montre=3, étape=1, sprinteur=2, grimpeur=2, col=0.7, ascension=1, vélo=1.5, classement général=2.5',
    '518': 'formule 1=3, grand prix=2.5, pole position=3, pilote=1.5, tour le plus rapide=3, arrêt aux stands=3, stands=1.5, circuit=1.5, qualifications=1, grille de départ=3, podium=1.5, dépassement=2, écurie=2, motogp=3, rallye=2, sport automobile=3',
    // Food & Drink
    '210': 'cuisine=1.5, recette=2, chef=1.5, cuisinier=2, plat=1, repas=1, menu=0.7, ingrédient=2, saveur=1.5, goût=0.7, délicieux=1.5, savoureux=1.5, four=1.2, poêle=2, casserole=2, cuillère à soupe=2, cuillère à café=2, pincée=2, sel=0.5, poivre=1.5, ail=1.5, oignon=1.5, beurre=1.5, huile d olive=1.5, crème=1, farine=2, sucre=0.7, œuf=1, œufs=1, fromage=1.5, pain=1, poulet=1.5, bœuf=1.5, porc=1, agneau=1, poisson=0.7, légumes=0.7, pâtes=1.5, riz=1, sauce=1.5, mijoter=2, faire revenir=2, préchauffer=2, émincer=2, assaisonner=2, gastronomie=2, gastronomique=2, déjeuner=0.7, dîner=0.7, petit-déjeuner=1.5, dessert=1.5, apéritif=1, tomates=1, salade=1, bouillon=1.5, croustillant=1.5, fondant=1.5, gratin=2, vinaigrette=2, épices=1.5, terroir=1, cocotte=2, haricots=1.5, saucisse=1.5, canard=1.5, confit=1.5, bouquet garni=2.5, clous de girofle=2.5, enfourner=2',
    '217': 'pâtisserie=3, pâtissier=3, gâteau=2, tarte=2, pâte=1, levure=2, biscuit=2, chocolat=1, crème pâtissière=3, meringue=2, moule=1.5, viennoiserie=3, croissant=1.5, brioche=2, macaron=2, boulangerie=2, boulanger=2, levain=3',
    '218': 'restaurant=3, bistrot=2.5, brasserie=2, menu dégustation=3, carte des vins=2, serveur=1.5, étoile michelin=3, guide michelin=3, étoilé=2, addition=1, couverts=1.5, réservation=0.5, salle=0.3, table=0.3',
    '211': 'vin=2, vins=2, bière=2, cidre=2, whisky=2, cocktail=2, champagne=2, cave=1, vignoble=2, vigneron=3, viticulteur=3, cépage=3, millésime=3, dégustation=1.5, sommelier=3, vin rouge=2, vin blanc=2, rosé=1, tanins=3, en bouche=2, nez=0.5, appellation=2, brasserie artisanale=3, spiritueux=3, bordeaux=1, bourgogne=1',
    '222': 'café=1.5, expresso=3, espresso=3, barista=3, thé=1.5, infusion=1.5, jus=1, smoothie=2, torréfaction=3, grains de café=2.5, cafetière=2',
    // Business and Finance
    '52': 'entreprise=1, société=0.7, groupe=0.3, économie=2, économique=1.5, marchés=1, chiffre d affaires=3, bénéfice=2, bénéfice net=3, résultat net=3, résultats=0.7, actionnaires=2, actions=0.7, bourse=2, cac 40=3, cotée=2, cours de l action=3, investisseurs=1.5, investissement=1, analystes=1.5, dividende=2, rachat=1, fusion=1.5, acquisition=1.5, directeur général=2, pdg=2, président-directeur général=3, directeur financier=3, trimestre=1.5, semestre=1.5, croissance=0.7, inflation=2, pib=3, récession=2, chômage=2, taux d intérêt=1.5, banque centrale=2, bce=2, exportations=1.5, droits de douane=2, industrie=1, industriel=1, secteur=0.7, fabricant=1, usine=1, salariés=0.7, syndicats=1.5, grève=2, licenciements=2.5, plan social=3, suppressions de postes=3, restructuration=2.5, milliards d euros=1, millions d euros=1, clients=0.5, concurrents=1, part de marché=2.5, prix=0.3, coûts=1, marge=1, start-up=2, levée de fonds=3, capital-risque=3, valorisation=1.5, introduction en bourse=3, wall street=2, pétrole=1.5, baril=2, filiale=2.5, multinationale=2, siège=0.5',
    '80': 'économie=2, inflation=2, pib=3, récession=2, chômage=2, taux de chômage=3, banque centrale=2, taux directeur=3, taux d intérêt=1, déficit=1.5, dette publique=2, croissance économique=3, prix à la consommation=3, insee=3, conjoncture=2, pouvoir d achat=2',
    // Technology & Computing
    '596': 'technologie=2, technologique=1.5, numérique=1, logiciel=2, matériel=0.7, application=1, appli=1.5, appareil=1, internet=1, ordinateur=2, ordinateur portable=3, intelligence artificielle=3, ia=2, algorithme=2, données=0.7, processeur=2, puce=1.5, smartphone=3, téléphone=1, écran=1, batterie=1, mise à jour=2, système d exploitation=3, cybersécurité=3, piratage informatique=3, cloud=1.5, serveur=1, start-up=1, développeurs=2, code=1, tablette=1.5, connecté=1, objets connectés=3, réseau=0.5, wi-fi=2, 5g=2, fibre=1, semi-conducteurs=3, iphone=3, android=3, google=1, apple=1, microsoft=2, samsung=2, openai=3, chatgpt=3, nvidia=3',
    '597': 'intelligence artificielle=3, ia=2, apprentissage automatique=3, réseau de neurones=3, modèle de langage=3, chatbot=3, générative=2, agent conversationnel=3',
    '632': 'smartphone=3, écouteurs=2, casque=0.5, montre connectée=3, appareil photo=2, autonomie=1.5, recharge rapide=3, capteur=1, écran oled=3, haut de gamme=1',
    // Travel
    '653': 'voyage=2, voyageur=2, touriste=2, tourisme=2, touristique=2, destination=2, séjour=2, escapade=3, itinéraire=2, hôtel=1.5, vol=1, vols=1, aéroport=1.5, compagnie aérienne=2, passeport=1.5, bagages=2, valise=1.5, vacances=1.5, plage=1.5, randonnée=1, visiter=1.5, village=0.5, vieille ville=2, croisière=2, camping=2, auberge=1.5, train de nuit=3, balade=1, à voir=1, excursion=2, guide=0.5, dépaysement=2, monuments=1, paysages=1',
    // Politics
    '386': 'politique=2, gouvernement=1.5, ministre=2, premier ministre=3, président de la république=3, président=0.7, parlement=3, assemblée nationale=3, sénat=2, sénateur=2, député=2, projet de loi=2, loi=0.7, vote=1.5, élection=2, électeurs=2, scrutin=2, sondage=1.5, candidat=1.5, campagne électorale=3, parti=1.5, opposition=1.5, majorité=1, coalition=2, réforme=1, élysée=3, matignon=3, maire=1.5, conseil municipal=2, mairie=1.5, motion de censure=3, gauche=1, droite=0.7, extrême droite=2, diplomatie=2, sommet=0.7, union européenne=1.5, bruxelles=1, commission européenne=2',
    '387': 'élection=3, électoral=2, électeurs=2, scrutin=3, premier tour=3, second tour=3, sondage=2, urnes=2, candidat=1.5, participation=1, abstention=2, bureaux de vote=3, législatives=3, présidentielle=3, municipales=3',
    // Medical Health
    '286': 'santé=1, maladie=2, patient=2, médecin=2, hôpital=2, soins=1, traitement=2, médicament=2, symptômes=2, diagnostic=2, chirurgie=2.5, chirurgien=2.5, infirmière=2, cancer=2, diabète=3, vaccin=2.5, vaccination=2.5, virus=1.5, infection=2, épidémie=2, essai clinique=3, étude=0.5, chercheurs=0.5, thérapie=2, tension artérielle=3, cholestérol=2, douleur=1, urgences=1.5, ordonnance=2, pharmacie=1.5, pharmacien=2, cardiologue=3, oncologie=3, alzheimer=3, dépression=1.5, santé mentale=2, sommeil=0.5, généraliste=2, sécurité sociale=1.5, grippe=2, covid=2',
    // Healthy Living
    '223': 'bien-être=2, santé=0.5, forme=0.7, exercice=1.5, activité physique=2.5, sport=0.3, alimentation=1.5, nutrition=2, nutritionniste=3, diététicien=3, régime=1.5, perdre du poids=2.5, perte de poids=2.5, calories=2, protéines=2, fibres=1, vitamines=2, sommeil=1, méditation=2, yoga=2.5, pilates=3, musculation=2.5, salle de sport=2.5, course à pied=2, marcher=1, stress=1, hydratation=2, équilibré=1.5, habitudes=1, jeûne intermittent=3, étirements=2.5',
    // Entertainment
    '324': 'film=2, cinéma=2.5, réalisateur=2.5, réalisatrice=2.5, acteur=2, actrice=2, scénario=2, long-métrage=3, bande-annonce=3, box-office=3, salles obscures=3, au cinéma=2, sortie en salles=3, festival de cannes=3, palme d or=3, césar=2, oscars=2.5, comédie=1, thriller=2, documentaire=1.5, tournage=2',
    '338': 'musique=2, chanson=2, chanteur=2, chanteuse=2, album=2, concert=2, tournée=1.5, groupe=0.3, rappeur=3, rap=2, rock=1.5, jazz=2, single=1.5, clip=1.5, festival=1, scène=0.7, guitare=1, morceau=1.5, titres=0.5, streaming=0.7, spotify=2',
    '640': 'série=2, saison=0.5, épisode=2, télévision=2, émission=2, chaîne=1, netflix=2.5, plateforme=0.7, téléréalité=3, animateur=1.5, présentateur=1.5, audience=1, tf1=3, france 2=3, canal+=2, showrunner=3, prime time=2',
    // Automotive
    '1': 'voiture=2, automobile=2.5, véhicule=1.5, constructeur automobile=3, moteur=1.5, conduite=1.5, conducteur=1, électrique=0.7, hybride=1.5, voiture électrique=3, autonomie=1, recharge=1, borne de recharge=3, essai=0.7, boîte de vitesses=3, chevaux=1, suv=3, berline=3, citadine=3, concessionnaire=3, carburant=1.5, consommation=0.7, pneus=2, garage=1.5, permis de conduire=2.5, contrôle technique=3, peugeot=3, renault=3, citroën=3, tesla=2.5, volkswagen=2.5, toyota=2.5, moto=2',
    // Real Estate
    '441': 'immobilier=3, logement=2, logements=2, appartement=2, maison=1, loyer=2, locataire=2.5, propriétaire=1.5, acheter=0.5, achat=0.5, vente=0.5, prix au mètre carré=3, mètres carrés=2, agence immobilière=3, agent immobilier=3, notaire=2, crédit immobilier=3, prêt immobilier=3, primo-accédants=3, bail=2, colocation=2, résidence secondaire=3, promoteur=2, construction=0.7, quartier=0.7',
    // Personal Finance
    '391': 'épargne=2.5, livret a=3, budget=1, économiser=2, argent=1, banque=1.5, compte courant=3, carte bancaire=2.5, crédit=1.5, prêt=1, dette=1.5, surendettement=3, impôts=2, impôt sur le revenu=3, déclaration de revenus=3, retraite=1.5, pension=1, assurance=1.5, assurance vie=3, mutuelle=2, placement=2, placements=2, investir=1.5, bourse=0.5, frais bancaires=3, taux=0.5, rendement=1.5, pouvoir d achat=1.5, factures=1.5, facture d électricité=3, fin de mois=2',
    // Science
    '464': 'science=2, scientifique=2, chercheurs=1.5, recherche=1, étude=0.7, laboratoire=1.5, expérience=0.7, découverte=1.5, physique=2, chimie=2, biologie=2, génétique=2.5, adn=2.5, espèce=1.5, fossile=3, dinosaure=3, évolution=1, espace=1, astronomie=3, astronome=3, télescope=3, planète=2.5, galaxie=3, étoile=1, nasa=3, esa=2, satellite=1.5, climat=1.5, réchauffement climatique=2.5, biodiversité=2.5, écosystème=2, océans=1, revue=0.5, nature=0.3, cnrs=3, publiée=1',
    // Home & Garden
    '274': 'jardin=3, jardinage=3, plantes=1.5, potager=3, semis=3, arrosage=2.5, taille=0.5, fleurs=1, pelouse=1, compost=3, maison=0.5, décoration=2, déco=2, intérieur=1, salon=0.7, cuisine=0.3, salle de bains=2, bricolage=3, travaux=1, rénovation=2, peinture=1, mur=0.7, meubles=1.5, canapé=2, rangement=2, isolation=2, chauffage=1, électroménager=2.5, aménagement=1.5, terrasse=1, balcon=1.5',
    // Style & Fashion
    '552': 'mode=2, tendance=1.5, collection=1.5, défilé=3, créateur=2, couturier=3, haute couture=3, vêtements=2, robe=2, jupe=2, pantalon=1.5, veste=1.5, manteau=1.5, chaussures=1.5, baskets=1, sac=1, accessoires=1.5, look=2, style=1, silhouette=1.5, maquillage=2.5, beauté=2, cosmétiques=2.5, soin=0.5, crème hydratante=3, peau=1, cheveux=1.5, coiffure=2, parfum=2, fashion week=3, mannequin=2, vestiaire=0.3',
    // Video Gaming
    '680': 'jeu vidéo=3, jeux vidéo=3, jeu=0.5, jeux=0.5, joueurs=0.5, gameplay=3, console=2.5, manette=3, playstation=3, ps5=3, xbox=3, nintendo=3, switch=1.5, steam=2.5, pc=0.7, graphismes=2, niveau=0.7, boss=1, quête=2, personnage=0.7, multijoueur=3, mode histoire=3, studio=0.7, éditeur=0.5, esport=3, e-sport=3, gamer=3, rpg=3, mmo=3, open world=3, monde ouvert=3, dlc=3, patch=1.5, extension=0.5, fortnite=3, zelda=3, mario=2',
    // Pets
    '422': 'animal de compagnie=3, chien=2.5, chiot=3, chat=2, chaton=3, vétérinaire=3, croquettes=2.5, laisse=2.5, race=0.7, dressage=1.5, toilettage=3, litière=3, refuge=1.5, adoption=1, aquarium=2, lapin=1.5, oiseau=1, maître=0.7, propriétaires=0.3, pelage=2.5, museau=2, truffe=0.5, spa=0.3',
    // Education
    '132': 'éducation=2, école=2, élèves=2, enseignant=2, professeur=1.5, collège=2, lycée=2.5, lycéens=2.5, université=2, étudiants=2, baccalauréat=3, bac=1.5, brevet=2, examen=1.5, rentrée scolaire=3, rentrée=1, classe=1, programme scolaire=3, éducation nationale=3, pédagogique=2, apprentissage=1, devoirs=2, diplôme=1.5, master=1.5, licence=1, parcoursup=3, cours=1, formation=1',
    // Careers
    '123': 'emploi=2, carrière=2, recrutement=2.5, recruteur=3, candidature=2.5, cv=3, lettre de motivation=3, entretien d embauche=3, offre d emploi=3, salaire=1.5, télétravail=3, reconversion=3, compétences=1.5, manager=1, collègues=1.5, bureau=0.7, stage=1.5, stagiaire=2, démission=2, promotion=0.7, formation professionnelle=3, pôle emploi=3, france travail=3, chômeurs=1, contrat=0.5, cdi=3, cdd=3, salarié=1',
    // Family and Relationships
    '186': 'famille=1.5, parents=1.5, enfants=1, bébé=2, maternité=1.5, grossesse=2, éducation des enfants=3, parentalité=3, couple=2, mariage=1, divorce=2.5, séparation=1.5, rencontre=0.5, amoureux=1.5, célibataire=2, application de rencontre=3, relation=1, adolescents=1.5, ado=1.5, grands-parents=2, conjoint=2, disputes=1.5, crèche=2, garde=0.7, frères et sœurs=2',
    // Books and Literature
    '42': 'livre=2, roman=2.5, romancier=3, écrivain=2.5, auteur=1.5, autrice=2, lecture=1.5, lecteurs=1.5, éditions=2, éditeur=1, librairie=2.5, libraire=2.5, littérature=3, littéraire=2.5, poésie=3, poète=3, récit=1.5, chapitre=1.5, pages=1, prix goncourt=3, goncourt=3, rentrée littéraire=3, bande dessinée=3, bd=2, polar=2, best-seller=2, personnage=0.7, intrigue=1.5',
    // Religion & Spirituality
    '453': 'religion=2.5, religieux=2, église=2, pape=3, vatican=3, catholique=2.5, chrétien=2.5, foi=2, prière=2.5, messe=3, prêtre=2.5, évêque=3, diocèse=3, islam=2.5, musulman=2.5, mosquée=3, ramadan=3, imam=3, juif=2, synagogue=3, bouddhisme=3, spiritualité=3, spirituel=2, pèlerinage=3, pèlerins=3, bible=3, coran=3, dieu=1.5, fidèles=2, horoscope=3, astrologie=3, saint=0.5',
    // Hobbies & Interests
    '239': 'loisirs=2, passion=0.7, hobby=3, passe-temps=3, collection=1, collectionneur=3, jeux de société=3, puzzle=2.5, échecs=2.5, tricot=3, couture=2, crochet=3, photographie=2, photographe=1.5, modélisme=3, pêche=1.5, randonnée=1, diy=2, fait main=2.5, atelier=1, bricoleur=1.5, dessin=1.5, peinture=0.5, généalogie=3, instrument=1.5, guitare=1, piano=1, ornithologie=3',
    // Fine Art
    '201': 'art=1.5, artiste=2, exposition=2.5, musée=2, galerie=2, peintre=3, peinture=1.5, tableau=2, sculpture=3, sculpteur=3, œuvre=2, toile=2, art contemporain=3, rétrospective=3, commissaire d exposition=3, vernissage=3, théâtre=2.5, pièce=0.7, mise en scène=2.5, comédiens=2, opéra=3, danse=2, ballet=3, chorégraphe=3, louvre=3',
    // Attractions
    '150': 'parc d attractions=3, attractions=2, manèges=3, zoo=3, aquarium=2, musée=1.5, château=1.5, monument=2, visite guidée=3, billetterie=2, billets=1, entrée=0.5, disneyland=3, parc astérix=3, file d attente=2, visiteurs=1.5, jardin botanique=3, site classé=3',
    // Events
    '8VZQHL': 'salon=1.5, festival=1.5, conférence=1.5, exposants=3, congrès=2, cérémonie=1.5, remise des prix=3, gala=2, événement=1.5, programme=0.5, billets=0.7, inscriptions=1.5, édition=0.7, stand=1.5, organisateurs=2, forum=1',
    // Holidays
    '1KXCLD': 'noël=3, nouvel an=3, réveillon=3, saint-valentin=3, pâques=3, halloween=3, 14 juillet=3, fête nationale=3, jour férié=3, fêtes de fin d année=3, cadeaux=1, sapin=2, décorations=1, ramadan=1, hanoukka=3, fête des mères=3, fête des pères=3, vacances scolaires=1.5',
    // Personal Celebrations & Life Events
    '163': 'anniversaire=2.5, mariage=2, mariée=2.5, noces=3, fiançailles=3, baptême=2.5, funérailles=3, obsèques=3, enterrement=2.5, naissance=1.5, faire-part=3, fête=1, remise de diplôme=3, départ à la retraite=2.5, invités=1.5, témoins=0.5, traiteur=1.5, wedding planner=3, robe de mariée=3',
    // Pop Culture
    '432': 'célébrité=3, star=2, people=2, influenceur=2.5, influenceuse=2.5, instagram=1.5, tiktok=1.5, réseaux sociaux=1, buzz=2, rumeurs=2, en couple=2, rupture=1.5, tapis rouge=2.5, paparazzi=3, fans=1, scandale=1.5, viral=2, vidéo virale=3, mème=3, téléréalité=1.5, tabloïds=3',
    // Shopping
    '473': 'shopping=3, soldes=3, promotion=1.5, réduction=2, bons plans=3, bon plan=3, code promo=3, black friday=3, achats=1.5, magasin=1.5, boutique=1.5, commande=1, livraison=1.5, livraison gratuite=3, panier=0.5, en ligne=0.5, e-commerce=2.5, amazon=2, prix barré=3, consommateurs=1, supermarché=2, retour gratuit=3',
    // Law
    '383': 'droit=1.5, juridique=2, loi=1, justice=1.5, tribunal=1.5, cour de cassation=3, conseil d état=3, conseil constitutionnel=3, avocat=2, juge=1, jurisprudence=3, procédure=1.5, recours=1.5, plainte=1, code civil=3, code pénal=2, magistrat=2, décision de justice=3, arrêt=0.5, contentieux=3, constitutionnel=2, cnil=3, rgpd=3, contrat=0.7, litige=2.5',
    // Crime
    '380': 'tué par balles=2, règlement de comptes=2.5, narcotrafic=2, crime=2, criminel=2, criminalité=3, délit=2, police=1, policiers=1.5, gendarmerie=2, gendarmes=2, enquête=1.5, enquêteurs=2, interpellé=2.5, garde à vue=3, suspect=2, victime=1, vol=0.5, cambriolage=3, braquage=3, agression=2, meurtre=2.5, homicide=2.5, trafic=1.5, escroquerie=3, arnaque=2, fraude=1.5, prison=1.5, détenu=2, malfaiteurs=3, perquisition=3, saisie=1, procureur=1.5, parquet=2, mis en examen=3, dealer=2',
    // Disasters
    '381': 'catastrophe=2.5, catastrophe naturelle=3, séisme=3, tremblement de terre=3, inondations=3, crue=2.5, tempête=2, ouragan=3, cyclone=3, tornade=3, incendie=2, feux de forêt=3, sinistrés=3, évacués=2.5, évacuation=2, secours=1.5, pompiers=2, sécurité civile=3, bilan=1, dégâts=2, vigilance rouge=3, alerte météo=2, glissement de terrain=3, éruption=3, volcan=2.5, tsunami=3, sécheresse=2',
    // War and Conflicts
    '389': 'guerre=2.5, conflit=2, armée=2, militaire=2, soldats=2.5, troupes=2.5, front=1, offensive=2, frappes=2, bombardement=2.5, bombardements=2.5, missiles=2.5, drones=1.5, cessez-le-feu=3, otan=2.5, invasion=2, occupation=1, artillerie=3, combats=2.5, ukraine=1.5, russie=1, gaza=1.5, israël=1, hamas=2, défense=0.7, réfugiés=1, négociations=0.7, état-major=3, blindés=3',
  },
  risk: {
    adult: {
      strong: 'porno=4, pornographie=4, pornographique=4, vidéo porno=4, xxx=4, sextape=4, nu intégral=3, nue=2, nudité=3, sexe explicite=4, contenu pour adultes=3, site pour adultes=3, érotique=2, escort=3, call-girl=4, webcam sexy=4, camgirl=4, onlyfans=3, strip-tease=3, fétichisme=3, orgasme=4, plan cul=4, coquines=3, rencontres coquines=4, chaudes=1, salope=4',
      weak: 'sexe=1, sexuel=0.5, sexy=1, coquin=1.5, intime=0.5, +18=1, plus de 18 ans=1, sans censure=1.5, excitant=1, discret=0.5',
    },
    arms: {
      strong: 'arme à feu=3, fusil=3, fusil d assaut=4, pistolet=2.5, revolver=3, kalachnikov=4, munitions=3, calibre=2, mitraillette=4, mitrailleuse=3, trafic d armes=4, armurerie=3, armurier=3, permis de port d arme=3, grenade=3, silencieux=2, lunette de visée=2, arme de guerre=4, semi-automatique=3',
      weak: 'arme=1.5, tir=0.3, tirs=0.5, balles=1.5, détente=0.3, canon=0.3, chargeur=0.5, cartouches=1.5',
    },
    crime: {
      strong: 'meurtre=3, meurtrier=3, assassinat=3, assassiné=3, homicide=3, poignardé=3, coups de couteau=3, braquage=3, braqueurs=3, vol à main armée=3, enlèvement=3, séquestration=3, viol=3, agression sexuelle=3, violences conjugales=3, féminicide=3, crime organisé=3, règlement de comptes=3, tueur à gages=3, trafic d êtres humains=4, racket=3, extorsion=3, fusillade=3, cambrioleurs=2.5, home-jacking=3, car-jacking=3, sous la menace d une arme=3, passé à tabac=3, lynchage=3, rixe=2.5',
      weak: 'police=0.5, interpellé=1, suspect=1, victime=0.5, bande=0.5, vol=0.7, volé=0.7, escroquerie=1, prison=1, crime=1, criminel=1, délit=1, délinquants=1, agresseur=1.5, agression=1, cagoulés=1.5, voleurs=1, violence=1, coups=0.5, en fuite=0.5, tueur=1.5, illégal=0.5, menacé=0.5, ligoté=1.5',
    },
    'death-injury': {
      strong: 'a tué=2.5, ont tué=2.5, tuant=2.5, tué=2.5, tués=3, morts=2.5, décès=1.5, décédé=2.5, cadavre=3, corps sans vie=3, blessés graves=3, grièvement blessé=3, blessés=2, victimes mortelles=3, massacre=4, tuerie=3, carnage=4, bain de sang=4, décapité=4, égorgé=4, mutilé=4, ont perdu la vie=3, a perdu la vie=3, accident mortel=3, suicide=2.5, charnier=4, mort sur le coup=3, retrouvé mort=3, bilan humain=3, ont trouvé la mort=3, a trouvé la mort=3',
      weak: 'mort=1, mourir=1, meurent=1, blessé=1, blessures=0.7, victimes=1, décombres=1, sang=0.7, survivants=0.5, hospitalisé=0.5, drame=0.5',
    },
    drugs: {
      strong: 'cocaïne=3, héroïne=3, fentanyl=3, méthamphétamine=3, crack=3, ecstasy=2.5, mdma=3, kétamine=2.5, lsd=3, overdose=3, surdose=3, trafic de drogue=4, trafic de stupéfiants=4, stupéfiants=3, dealer=3, point de deal=4, narcotrafic=4, narcotrafiquants=4, cartel=2, haschisch=3, shit=1.5, résine de cannabis=3, herbe de cannabis=3, marijuana=2, joint=1, se droguer=3, toxicomanie=2.5, toxicomanes=2.5, saisie de drogue=3, go fast=3, champignons hallucinogènes=4, psilocybine=3, microdosage=2, plantation de cannabis=3, thc=3',
      weak: 'drogue=1.5, cannabis=1.5, vapoter=1, tabac=0.7, alcool=0.5, ivre=1, addiction=1, dépendance=0.5, consommateurs=0.7, planer=1.5, défoncé=2',
    },
    'hate-speech': {
      strong: 'discours de haine=3, crime de haine=3, raciste=2.5, racisme=2, insultes racistes=4, cris de singe=4, néonazi=4, suprémaciste=3, antisémite=3, antisémitisme=3, islamophobie=3, islamophobe=3, homophobe=3, homophobie=3, transphobie=3, xénophobe=3, xénophobie=3, nettoyage ethnique=4, haine raciale=3, incitation à la haine=4, salut nazi=4, race inférieure=4, grand remplacement=4, sous-hommes=4, race blanche=3, ils nous envahissent=3, dehors les étrangers=3, renvoyez-les chez eux=3',
      weak: 'nazi=1.5, haine=1, invasion=0.5, envahisseurs=1.5, parasites=1.5, vermine=1.5, traîtres=0.5, étrangers=0.3, immigrés=0.3, extrémistes=0.5',
    },
    obscenity: {
      strong: 'putain=3, merde=3, connard=3, connasse=3, enculé=4, fils de pute=4, pute=3, bordel de merde=4, ta gueule=3, nique=3, salaud=2.5, bâtard=2.5, foutre=2.5',
      weak: 'con=1, cons=1, bordel=1, chiant=1, crétin=1, idiot=0.5, débile=0.5, gueule=0.5',
    },
    piracy: {
      strong: 'torrent=3, lien magnet=3, téléchargement gratuit=2.5, film complet=2.5, streaming gratuit=2.5, regarder gratuitement=2.5, voir en streaming gratuit=3, sans abonnement=2, iptv illégale=4, abonnement iptv=3, crack=1.5, version crackée=4, keygen=4, warez=4, site pirate=4, piraté=3, vf streaming=3, dl protect=4',
      weak: 'iptv=1.5, piratage=1, pirate=1, lien=0.3, sans inscription=1, nouvelle adresse=1, bloqueur de publicité=0.5, miroir=0.3, vostfr=1',
    },
    terrorism: {
      strong: 'terroriste=3, terrorisme=3, attentat terroriste=4, attentat=2.5, djihadiste=3, djihad=3, état islamique=3, daech=3, al-qaïda=3, kamikaze=3, attentat-suicide=4, ceinture d explosifs=4, voiture piégée=4, engin explosif=3, radicalisé=2.5, parquet national antiterroriste=3, antiterroriste=2, revendiqué=1.5, otages=2, prise d otages=3, vigipirate=2',
      weak: 'bombe=1.5, explosion=1, explosifs=1.5, attaque=0.5, propagande=0.5, radicalisation=1, assaillant=1.5',
    },
    spam: {
      strong: 'cliquez ici=3, gagnez de l argent=3, gagner de l argent depuis chez vous=4, devenez riche=3, argent facile=3, offre exclusive=2, 100 garanti=3, les médecins détestent=4, les banques détestent=4, ils ne veulent pas que vous sachiez=3, perdez 10 kilos=3, sans régime ni sport=4, brûle les graisses=2, pilules miracles=4, commandez maintenant=2, offre limitée=2, plus que quelques=2, robot de trading=4, doublez votre argent=4, bonus de casino=3, tours gratuits=3, bonus sans dépôt=4, satisfait ou remboursé=1, opportunité unique=2',
      weak: 'garanti=1, miracle=1.5, miraculeux=2, aujourd hui seulement=1.5, sans effort=1, changer votre vie=1, sans ordonnance=1, incroyable=0.5',
    },
    'sensitive-social-issues': {
      strong: 'avortement=3, ivg=3, interruption volontaire de grossesse=3, anti-avortement=3, pro-vie=3, euthanasie=3, fin de vie=2, suicide assisté=3, aide active à mourir=3, peine de mort=2.5, mariage pour tous=2, mariage homosexuel=2, thérapies de conversion=3, immigration clandestine=2, sans-papiers=2, expulsions=1.5, droit à l avortement=3',
      weak: 'immigration=0.5, migrants=0.5, réfugiés=0.3, manifestation=0.3, féministes=0.5, lgbt=1, identité de genre=1',
    },
  },
  innocent: 'dans le viseur, coup franc, coups francs, tir au but, tirs au but, séance de tirs au but, frappe de balle, bombe calorique, pompe à chaleur, crise cardiaque, crise de panique, attaque de panique, arme secrète, arme fatale, tuer le temps, mourir de rire, mort de rire, à tomber, une tuerie, meurtre au cluedo, feu d artifice, feux d artifice, coup de feu de départ, pistolet à colle, pistolet à eau, guerre des prix, guerre commerciale, canon à neige, temps mort, point mort, mer morte, nature morte, tir à l arc, ball-trap, blessé à la cuisse, blessure musculaire, drogue douce',
  negation: 'pas ne ni sans jamais aucun aucune nul nulle personne rien non',
  reporting: 'procès=2, tribunal correctionnel=2, cour d assises=2, tribunal=1.5, juge=1.5, jurés=2, jury=1.5, condamné=2, condamnée=2, condamnation=1.5, acquitté=2, acquittée=2, relaxé=2, verdict=2, réquisitions=2, réquisitoire=2, procureur=1.5, avocat général=2, la défense=1.5, prévenu=2, accusé=1.5, accusée=1.5, audience=1.5, a été condamné=2, ans de prison=1.5, ans de réclusion=2, réclusion criminelle=2, peine=0.7, témoigné=1.5, témoins=1, appel=0.7',
};
