// A small Danish business and finance synonym lexicon, written for this project from general
// knowledge of the language (not from any corpus or query set): groups of near-synonyms
// (`firma`, `virksomhed`, `selskab`) and everyday words beside the technical ones they stand for
// (`skyld` > `gæld`). Search (search.ts) expands a query word that no article's name matches to
// these words, weighed below the word as written. Pure data and a lookup; the index is built on
// first use, so a run that never needs it pays only for parsing the text below.
import { fold } from './fold.js';
import { stem } from './corpus/terms.js';

/**
 * One group a line. `a, b, c`: each word stands for each other. `a, b > c, d`: the words on the
 * left (everyday words) stand for those on the right (the terms), not the other way. Single
 * words only: a query is matched a word at a time.
 */
const GROUPS = `
virksomhed, firma, selskab, foretagende, forretning, erhvervsvirksomhed
koncern, virksomhedsgruppe, selskabsgruppe
moderselskab, holdingselskab, ejerselskab
datterselskab, datterfirma, underselskab
enkeltmandsvirksomhed, enkeltmandsfirma, soloselvstændig
iværksætter, entreprenør, stifter, grundlægger, opstarter
opstartsvirksomhed, startup, iværksættervirksomhed
ejer, indehaver, ejermand, besidder
medejer, partner, kompagnon, medindehaver
aktionær, aktieejer, aktiebesidder, kapitalejer, aktieindehaver, anpartshaver
investor, kapitalinvestor, kapitalindskyder
ledelse, direktion, topledelse, management
direktør, topchef, leder
bestyrelsesformand, formand
medarbejder, ansat, lønmodtager, arbejdstager, personale, mandskab
kunde, køber, aftager, forbruger, klient
sælger, udbyder, leverandør, forhandler, sælgende
konkurrent, rival, konkurrenter
konkurrence, rivalisering, konkurrencesituation
monopol, eneret, enehandel, eneforhandler
marked, markedsplads, afsætningsmarked
børs, fondsbørs, aktiebørs, værdipapirbørs, handelsplads, aktiemarked
penge, midler, pengemidler, kapital, finanser
kontanter, kontant, likvider, kontantbeholdning, sedler, mønter, cash
likviditet, betalingsevne, betalingsdygtighed, likvid
insolvens, betalingsudygtighed, insolvent, betalingsudygtig, illikviditet
konkurs, fallit, bankerot, krak, konkursbo
skyld, skylde, skylder, skyldig > gæld, gældsforpligtelse
gæld, gældsforpligtelse, passiver, forpligtelse, forpligtelser
lån, kredit, udlån, belåning, lånebeløb, låne
kreditor, långiver, fordringshaver, udlåner
debitor, skyldner, låntager
rente, renter, rentesats, rentefod, forrentning
afdrag, tilbagebetaling, amortisering, ydelse, afbetaling
pant, pantsætning, sikkerhedsstillelse, belåning
kaution, garanti, sikkerhed, kautionist
realkreditlån, boliglån, huslån, realkredit
obligation, gældsbrev, obligationslån
aktie, kapitalandel, anpart, andel, ejerandel, aktier
værdipapir, fondspapir, værdipapirer
udbytte, dividende, aktieudbytte
afkast, forrentning, ydelse
overskud, profit, gevinst, fortjeneste, avance
underskud, tab, deficit
resultat, bundlinje, nettoresultat, årsresultat
omsætning, salg, nettoomsætning, salgsindtægter, salgsindtægt
indtægt, indkomst, indtjening, indtægter
udgift, omkostning, udgifter, omkostninger, bekostning, udlæg
løn, gage, vederlag, aflønning, lønning, hyre
pris, takst, prissætning, priser
gebyr, honorar, betaling
kurtage, provision, kommission, courtage, mæglerhonorar
skat, beskatning, skatter, skattebetaling
afgift, told, punktafgift, afgifter
moms, merværdiafgift, omsætningsafgift
fradrag, skattefradrag, fradragsret
tilskud, støtte, subsidie, bevilling, statsstøtte
budget, budgettering, økonomiplan, overslag
prognose, fremskrivning, forecast, forudsigelse
regnskab, årsregnskab, årsrapport, regnskaber
bogføring, bogholderi, registrering, bogføre
revision, revidering, revisionen
revisor, revisionsfirma
balance, status, statusopgørelse
aktiv, aktiver, formue, værdier, ejendele, besiddelser
egenkapital, nettoformue, ejerkapital, egenkapitalen
tilgodehavende, fordring, tilgodehavender, fordringer, udestående
faktura, regning, nota, fakturering
betaling, indbetaling, afregning, betale, indfrielse, udbetaling
overførsel, transaktion, pengeoverførsel
bank, pengeinstitut, sparekasse, finansinstitut, banker
konto, bankkonto, indlånskonto
opsparing, sparepenge, opspare, spare
pension, pensionsopsparing, pensionsordning, alderspension
forsikring, dækning, assurance, forsikringsdækning
risiko, fare, usikkerhed, risici
investering, kapitalanbringelse, placering, anbringelse, investere
spekulation, spekulere, spekulant
handel, samhandel, handle, handler
eksport, udførsel, eksportere
import, indførsel, importere
vare, produkt, varer, produkter, handelsvare
tjeneste, ydelse, service, serviceydelse, tjenesteydelse
kontrakt, aftale, overenskomst, kontrakter
fusion, sammenlægning, sammenslutning, fusionere
opkøb, overtagelse, erhvervelse, takeover, købe, køb, anskaffelse
salg, sælge, afhænde, afhændelse, frasalg
spaltning, opdeling, udskillelse, frasalg
lukning, afvikling, likvidation, opløsning, nedlukning, lukke
stiftelse, etablering, grundlæggelse, oprettelse, stifte, starte
vækst, stigning, fremgang, ekspansion, forøgelse, tilvækst, stige, vokse
fald, nedgang, tilbagegang, nedtur, falde
krise, recession, lavkonjunktur, nedgangstid, depression
højkonjunktur, opsving, boom
inflation, prisstigning, prisstigninger, pengeforringelse, dyrtid
deflation, prisfald
arbejdsløshed, ledighed, arbejdsløs, ledig, arbejdsløse
valuta, møntfod, valutaer
vekselkurs, valutakurs
kurs, aktiekurs, markedspris, kursværdi
værdi, værdiansættelse, vurdering, værdisætning, værdiansætte
markedsværdi, børsværdi, markedskapitalisering
omsættelig, salgbar, likvid
leasing, leje, udlejning
ejendom, ejendomme, grundejendom
afskrivning, nedskrivning, værdiforringelse, værdifald, afskrive
hensættelse, henlæggelse, reserve, hensættelser
buffer, stødpude, reserve
gearing, gældsætning, belåningsgrad, gældsgrad
soliditet, solvens, kapitalstyrke
rentabilitet, lønsomhed, profitabilitet, indtjeningsevne, lønsom, rentabel, profitabel
produktivitet, effektivitet, produktiv, effektiv
strategi, forretningsstrategi, plan, forretningsplan
mål, målsætning, formål
samarbejde, partnerskab, alliance, kooperation, samarbejdsaftale
filial, afdeling, udsalgssted, afdelinger
butik, forretning, udsalgssted, butikker
detailhandel, detail, detailhandler
engroshandel, grossist, engros, mellemhandler
mægler, formidler, mellemmand, agent
franchise, franchising, koncession
licens, tilladelse, bevilling, rettighed
varemærke, mærke, brand, mærkevare
reklame, annonce, annoncering, promovering, reklamer
markedsføring, marketing, salgsfremme
rabat, nedslag, prisnedsættelse, afslag
tilbud, pristilbud
udbud, forsyning, tilgang
licitation, udbud, udbudsrunde
efterspørgsel, behov, købelyst
lager, varelager, beholdning, lagerbeholdning
levering, leverance, forsendelse, leverancer
forsyningskæde, leverandørkæde, værdikæde
produktion, fremstilling, tilvirkning, producere, fremstille
fabrik, produktionsanlæg, værk
anlægsaktiv, anlægsaktiver, driftsmiddel, driftsmidler, maskiner, udstyr
kortfristet, kortsigtet
langfristet, langsigtet
ansvar, hæftelse, hæfte, hæfter, ansvarlig
offentlig, statslig, offentlige
stat, staten, regering, myndighed, myndigheder
lov, lovgivning, loven, love
regel, regler, bestemmelse, regulering, forskrift
tilsyn, overvågning, kontrol, tilsynet
retssag, søgsmål, sagsanlæg
erstatning, kompensation, godtgørelse, skadeserstatning
bøde, straf, sanktion
svindel, bedrageri, svig, fusk, snyd
hvidvask, hvidvaskning, pengevask
skattely, skatteparadis
skatteunddragelse, skattesnyd, skattesvig
bestikkelse, korruption, smøring
kursfald, børskrak, kollaps
boble, spekulationsboble
portefølje, porteføljen, beholdning
fond, investeringsfond, investeringsforening, fonde
formueforvaltning, kapitalforvaltning, porteføljepleje
rådgiver, konsulent, rådgivning
fondsmægler, børsmægler, vekselerer, mæglerfirma
børsnotering, børsintroduktion, notering, børsnoteret
emission, udstedelse, kapitalforhøjelse, udstede
tilbagekøb, genkøb, aktietilbagekøb
overtagelsestilbud, købstilbud, opkøbstilbud
frynsegode, personalegode, medarbejdergode, frynsegoder
bonus, tantieme, præmie, gratiale
option, køberet, tegningsret, warrant, optioner
nøgletal, indikator, forholdstal
procent, procentdel, procentsats
gennemsnit, middelværdi, snit, gennemsnitlig
margin, avance, fortjenstmargen, bruttoavance
dækningsbidrag, bruttofortjeneste, bruttoresultat
pengestrøm, kontantstrøm, likviditetsstrøm, cashflow
finansiering, funding, kapitalrejsning, kapitaltilførsel, finansiere
folkefinansiering, crowdfunding
venturekapital, risikovillig, risikokapital
kapitalfond, kapitalfonde
ejerskab, ejendomsret, besiddelse
kontrol, magt, indflydelse, bestemmende
stemmeret, stemme, afstemning
generalforsamling, aktionærmøde, årsmøde
vedtægt, vedtægter, statut
forening, andelsforening, kooperativ, andelsselskab
fagforening, forbund, lønmodtagerorganisation
leverandørgæld, varekreditorer, leverandører
debitorer, kundefordringer, tilgodehavender
kassekredit, overtræk, kreditramme
kreditkort, betalingskort, dankort
indskud, depositum, indskyde
forbrug, konsum, privatforbrug
inddrivelse, inkasso, opkrævning, inddrive
rykker, påmindelse, betalingspåmindelse
misligholdelse, misligholde, restance, betalingsstandsning
tvangsauktion, tvangssalg
gældssanering, gældseftergivelse, akkord
rekonstruktion, omstrukturering, genopretning, turnaround
nedskæring, besparelse, sparerunde, effektivisering, besparelser
fyring, afskedigelse, opsigelse, fyre, afskedige
ansættelse, rekruttering, ansætte, rekruttere
outsourcing, udlicitering, udflytning
offentliggørelse, publicering, meddelelse, offentliggøre
gennemsigtighed, transparens, åbenhed
bæredygtighed, bæredygtig, miljøvenlig, grøn
kryptovaluta, kryptomønt, kryptovalutaer, bitcoin
blockchain, blokkæde
afdækning, hedging, risikoafdækning, afdække
derivat, derivater, afledte
termin, terminskontrakt, future, futures, forward
swap, ombytning, bytte
kursgevinst, avance, gevinst
kurstab, tab
diversificering, risikospredning, spredning, sprede
dyr, kostbar, bekostelig
billig, prisbillig, lavpris
gratis, vederlagsfri, omkostningsfri
forhandling, forhandle, forhandlinger
fuldmagt, bemyndigelse, prokura
selvangivelse, årsopgørelse, skatteopgørelse
arv, arvebeløb, arvinger, arving
arveafgift, boafgift
værdistigning, kursstigning, opskrivning
tjene, tjener > indtjening, fortjeneste, overskud
tabe, taber > tab, underskud
eje, ejes, ejet > ejer, ejerskab
låner > låntager, lån
skylde > gæld
betaler > betaling
sælges > salg
`;

/** A stem shorter than this is shared by unrelated words (`haven` ~ `have`): such a word is looked up as written. */
const MIN_STEM = 4;

/** Danish noun and verb endings, longest first: tried when neither the word nor its stem is in the lexicon. */
const ENDINGS = ['erne', 'ene', 'ers', 'er', 'en', 'et', 'es', 'e', 's'];

let index: Map<string, Set<string>> | undefined;
/** A folded word of the lexicon -> as it is written (`aktionaer` -> `aktionær`), for --explain and --json. */
const written = new Map<string, string>();

/**
 * The lexicon's words, folded, each with the words it stands for; made once, on first use, and
 * not stemmed: a lookup stems only the few words that begin with the stem it looks for.
 */
function build(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (from: string, to: string[]) => {
    const set = out.get(from) ?? (out.set(from, new Set()).get(from) as Set<string>);
    for (const t of to) if (t !== from) set.add(t);
  };
  for (const line of GROUPS.split('\n')) {
    if (!line.trim()) continue;
    const [left, right] = line.split('>').map((side) =>
      side
        .split(',')
        .map((w) => {
          const folded = fold(w);
          if (folded && !written.has(folded)) written.set(folded, w.trim());
          return folded;
        })
        .filter(Boolean),
    );
    if (right) for (const w of left as string[]) add(w, right);
    else for (const w of left as string[]) add(w, left as string[]);
  }
  return out;
}

/** The words `word` stands for: as written, else every word of the lexicon with its stem (a stem is the start of its word). */
function lookup(lexicon: Map<string, Set<string>>, word: string): string[] | undefined {
  const own = lexicon.get(word);
  if (own) return [...own];
  const s = stem(word);
  if (s.length < MIN_STEM) return undefined;
  const out = new Set<string>();
  for (const [key, to] of lexicon) if (key.startsWith(s) && stem(key) === s) for (const t of to) out.add(t);
  return out.size ? [...out] : undefined;
}

/**
 * The words a folded query word stands for in the lexicon (folded), itself and words of the same
 * stem left out: by the word as written, else by its stem (when the stem is long enough to tell
 * words apart), else without a common ending.
 */
export function synonymsOf(word: string): string[] {
  index ??= build();
  let found = lookup(index, word);
  // An inflection the stemmer leaves whole (`firmaer`): the word without a common ending.
  for (const ending of ENDINGS) {
    if (found) break;
    if (word.length - ending.length < MIN_STEM || !word.endsWith(ending)) continue;
    found = lookup(index, word.slice(0, -ending.length));
  }
  if (!found) return [];
  const s = stem(word);
  return found.filter((w) => w !== word && stem(w) !== s);
}

/** How many words the lexicon has (each counted once): for the README and the tests. */
export function lexiconSize(): number {
  const all = new Set<string>();
  for (const line of GROUPS.split(/[\n,>]/)) if (line.trim()) all.add(fold(line));
  return all.size;
}

/**
 * What search expands: for each query word (folded) that no article's name matches for sure
 * (`weak`), its synonyms; none for an abbreviation (`literal`: typed in capitals or without a
 * vowel), a number, or a word of under three letters, which match only as written.
 */
export function expansionOf(words: string[], weak: boolean[], literal: Set<string>): string[][] {
  const asked = new Set(words.map(stem));
  return words.map((w, i) => {
    if (!weak[i] || literal.has(w) || w.length < 3 || /\d/.test(w)) return [];
    return synonymsOf(w).filter((s) => !asked.has(stem(s)));
  });
}

/** A synonym as the lexicon writes it, with Danish letters (`aktionær`); the word itself when it is not one. */
export function writtenSynonym(folded: string): string {
  return written.get(folded) ?? folded;
}
