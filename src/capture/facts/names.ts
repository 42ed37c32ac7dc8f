/**
 * Name stock the fact extractor reads persons with, without the synthetic-data lists (src/synth
 * is a generator, not a source of knowledge): the given names and surnames of compromise's
 * lexicon (a maintained English NLP library that knows ~3,000 given names and ~900 surnames from
 * many countries), plus the Spanish and Venezuelan names it lacks. Folded (lower case, no accents).
 */
import nlp from 'compromise';
import { foldCase } from '../../domain/fold.js';

const fold = foldCase;
const words = (s: string) => s.split(/\s+/).filter(Boolean).map(fold);

/** Spanish given names, common in Venezuela, that compromise's lexicon does not list. */
const SPANISH_GIVEN = words(`
  jose maria jesus juan luis carlos pedro miguel francisco antonio manuel rafael jorge alejandro
  andres hector fernando ricardo eduardo alberto enrique gregorio ramon javier oscar victor raul
  gustavo alfredo leopoldo nicolas tarek diosdado freddy wilmer yonaiker yorman deivis jhonny kelvin
  darwin edmundo leonardo rodolfo rolando orlando humberto gonzalo ignacio ernesto armando
  reinaldo reynaldo nelson wilfredo heriberto yeferson jefferson anderson luis angel angel
  ana carmen rosa luisa yolanda gabriela daniela andreina mariela marisela yusmary yelitza nelida
  mildred coromoto milagros yamileth yuleisy yenny yuraima zulay maryelis marianela lilian olga
  teresa josefina beatriz gladys elena isabel adriana alejandra veronica patricia ximena paola
  carolina tamara lorena maite raquel nelly yajaira yaneth dayana marbella
`);

/** Spanish surnames frequent in Venezuela, and those of public figures often in the news. */
const SPANISH_SURNAMES = words(`
  gonzalez rodriguez perez hernandez garcia martinez lopez sanchez ramirez diaz torres flores
  rojas gomez morales suarez castillo mendoza silva moreno romero jimenez alvarez ruiz vargas
  medina castro herrera gutierrez blanco marquez contreras chacon salazar ortega guerrero rivas
  rivero mora acosta aguilar bastidas quintero linares rangel ochoa marcano tovar ferrer villalobos
  chourio montiel paz uzcategui larrazabal mendez padrino machado urrutia guanipa saab cabello
  ledezma maduro capriles guaido tintori bracho negrin sucre bolivar graterol pacheco lugo
  torrealba salcedo arraez duarte salas marin iriarte zambrano parra pineda bello ramos molina
  navarro camacho colmenares briceno carrillo infante escalona palencia pernia sequera
  pereira fernandez delgado cordero leon espinoza nunez cabrera pacheco peña toro velasquez
`);

/** compromise's lexicon: word (or phrase) → its tag or tags. */
export function libraryLexicon(): Record<string, string | string[]> {
  return (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
}
const lexicon = libraryLexicon();
const tagged = (tag: string) =>
  Object.entries(lexicon)
    .filter(([w, t]) => (Array.isArray(t) ? t.includes(tag) : t === tag) && /^\p{L}{3,}$/u.test(w))
    .map(([w]) => fold(w));

const LIBRARY_GIVEN_NAMES: readonly string[] = [
  ...tagged('MaleName'),
  ...tagged('FemaleName'),
  ...tagged('FirstName'),
];
export const GIVEN_NAME_STOCK: readonly string[] = [...LIBRARY_GIVEN_NAMES, ...SPANISH_GIVEN];
export const SURNAME_STOCK: readonly string[] = [...tagged('LastName'), ...SPANISH_SURNAMES];

/**
 * Peoples, ethnic groups and faiths named by one word, in English and Spanish, that no country's
 * demonym covers (`world.ts` isDemonym): "one Uyghur family", "Rohingya Muslims", "a Pole". Such a
 * word alone is no person's name. Names borne by persons too are left out: given names ("Karen",
 * "Shan", "Chin", "Christian", "Sami", "Tamil") and surnames ("Baloch", "Ahmadi"), and any word of
 * the given-name stock.
 */
const GIVEN_SET = new Set(GIVEN_NAME_STOCK);
export const PEOPLES: ReadonlySet<string> = new Set(
  words(`
  rohingya rohinyas uyghur uyghurs uighur uighurs uigur uigures kurd kurds kurdo kurdos baluch
  pashtun pashtuns hazara hazaras tuareg tuaregs fulani peul yoruba igbo hausa tutsi tutsis hutu hutus
  amhara oromo tigrayan tigrayans masalit zaghawa nuer dinka yazidi yazidis yezidi druze alawite alawites
  bedouin bedouins berber berbers amazigh tatar tatars chechen chechens circassian ingush avar lezgin
  garifuna mapuche aymara quechua wayuu miskito rarámuri raramuri mixteco zapoteco tzotzil nasa embera
  wiwa kogui romani tamils sinhalese rakhine kachin karenni lisu akha hmong montagnard
  montagnards jarai khmer uzbek uzbeks tajik tajiks kazakh kazakhs kyrgyz turkmen pole poles
  serb serbs croat croats bosniak bosniaks slovak czech muslim muslims moslem christians
  catholic catholics protestant protestants jew jews hindu hindus sikh sikhs buddhist buddhists shia shiite
  shiites sunni sunnis sufi ahmadis bahai copt copts coptic evangelical evangelicals
  musulman musulmanes judio judios cristianos indigena indigenas afrodescendiente
  meitei meiteis kuki kukis wolof wolofs soninke haalpulaar toucouleur bambara mossi
  dogon songhai ndebele shona xhosa sotho tswana kikuyu kalenjin acholi banyamulenge batwa
  indigenous peoples pueblos
  `).filter((w) => !GIVEN_SET.has(w)),
);
