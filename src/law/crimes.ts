/**
 * Crimes against humanity, Art. 7(1)(a)–(k), broken into their crime-specific elements in the
 * order of the ICC Elements of Crimes (2013). The last two elements of every crime (nexus with
 * the attack, knowledge of it) are shared and live in CONTEXT_ELEMENTS, referenced by contextRefs.
 * Element ids are stable: `<crime id>.E<n>` where n is the EoC element number.
 * Texts are paraphrases: check them against the Statute and the EoC before quoting in a filing.
 */
import type { Crime, ElementKind, LawElement, Text } from './types.js';

/** Every crime against humanity also needs the chapeau, the nexus and the knowledge. */
const CONTEXT_REFS = [
  'CTX.attack',
  'CTX.civilian',
  'CTX.widespread-systematic',
  'CTX.policy',
  'CTX.nexus',
  'CTX.knowledge',
] as const;

/**
 * One crime-specific element. Mental elements (awareness, intent) are proved about a suspect;
 * conduct, consequences and circumstances about an incident.
 */
function el(
  crimeId: string,
  article: string,
  n: number,
  kind: Exclude<ElementKind, 'contextual'>,
  text: Text,
  meansOfProof: readonly string[],
  ref = `EoC ${article}, el. ${n}`,
): LawElement {
  return {
    id: `${crimeId}.E${n}`,
    ref,
    kind,
    scope: kind === 'mental' ? 'suspect' : 'incident',
    text,
    meansOfProof,
  };
}

interface CrimeSpec {
  readonly letter: string;
  readonly label: Text;
  readonly elements: readonly [
    Exclude<ElementKind, 'contextual'>,
    Text,
    readonly string[],
    /** Ref override (forced pregnancy splits EoC element 1 in conduct and intent). */
    string?,
  ][];
}

function crime(spec: CrimeSpec): Crime {
  const id = `CAH.7-1-${spec.letter}`;
  // "g-1" → "7(1)(g)-1"; "f" → "7(1)(f)"
  const [letter, sub] = spec.letter.split('-');
  const article = `7(1)(${letter})${sub ? `-${sub}` : ''}`;
  return {
    id,
    article,
    label: spec.label,
    elements: spec.elements.map(([kind, text, proof, ref], i) =>
      el(id, article, i + 1, kind, text, proof, ref),
    ),
    contextRefs: CONTEXT_REFS,
  };
}

/** Shared wording for "by force, threat of force or coercion … or a coercive environment". */
const COERCION_EN =
  'by force, or by threat of force or coercion (such as that caused by fear of violence, duress, detention, psychological oppression or abuse of power) against such person or another person, or by taking advantage of a coercive environment, or against a person incapable of giving genuine consent';
const COERCION_ES =
  'por la fuerza, o mediante la amenaza de la fuerza o mediante coacción (como la causada por el temor a la violencia, la intimidación, la detención, la opresión psicológica o el abuso de poder) contra esa u otra persona, o aprovechando un entorno de coacción, o contra una persona incapaz de dar su libre consentimiento';

export const CRIMES: readonly Crime[] = [
  crime({
    letter: 'a',
    label: { es: 'Asesinato', en: 'Murder' },
    elements: [
      [
        'conduct',
        {
          es: 'El autor dio muerte a una o más personas (causó su muerte).',
          en: 'The perpetrator killed (caused the death of) one or more persons.',
        },
        ['autopsy', 'death-certificate', 'testimony', 'photo', 'video', 'forensic-report'],
      ],
    ],
  }),
  crime({
    letter: 'b',
    label: { es: 'Exterminio', en: 'Extermination' },
    elements: [
      [
        'conduct',
        {
          es: 'El autor dio muerte a una o más personas, incluso imponiendo condiciones de existencia destinadas a causar la destrucción de parte de una población, como la privación del acceso a alimentos o medicinas.',
          en: 'The perpetrator killed one or more persons, including by inflicting conditions of life calculated to bring about the destruction of part of a population, such as deprivation of access to food and medicine.',
        },
        ['autopsy', 'death-certificate', 'testimony', 'mortality-statistics', 'forensic-report'],
      ],
      [
        'circumstance',
        {
          es: 'La conducta constituyó una matanza masiva de miembros de una población civil, o tuvo lugar como parte de ella.',
          en: 'The conduct constituted, or took place as part of, a mass killing of members of a civilian population.',
        },
        ['victim-counts', 'mass-grave-report', 'mortality-statistics', 'pattern-analysis'],
      ],
    ],
  }),
  crime({
    letter: 'c',
    label: { es: 'Esclavitud', en: 'Enslavement' },
    elements: [
      [
        'conduct',
        {
          es: 'El autor ejerció uno o todos los atributos del derecho de propiedad sobre una o más personas, como comprarlas, venderlas, prestarlas o darlas en trueque, o imponerles una privación de libertad similar. Según la nota 11 de los Elementos, esa privación puede incluir, en algunas circunstancias, la imposición de trabajos forzosos o la reducción a servidumbre, y la conducta incluye la trata de personas, en particular de mujeres y niños.',
          en: 'The perpetrator exercised any or all of the powers attaching to the right of ownership over one or more persons, such as by purchasing, selling, lending or bartering them, or by imposing on them a similar deprivation of liberty. Per EoC fn. 11, that deprivation may in some circumstances include exacting forced labour or reducing a person to a servile status, and the conduct includes trafficking in persons, in particular women and children.',
        },
        ['testimony', 'labour-records', 'financial-records', 'detention-record'],
      ],
    ],
  }),
  crime({
    letter: 'd',
    label: {
      es: 'Deportación o traslado forzoso de población',
      en: 'Deportation or forcible transfer of population',
    },
    elements: [
      [
        'conduct',
        {
          es: 'El autor deportó o trasladó por la fuerza, sin motivos autorizados por el derecho internacional, a una o más personas a otro Estado o lugar, mediante la expulsión u otros actos de coacción.',
          en: 'The perpetrator deported or forcibly transferred, without grounds permitted under international law, one or more persons to another State or location, by expulsion or other coercive acts.',
        },
        ['testimony', 'expulsion-order', 'border-records', 'displacement-statistics'],
      ],
      [
        'circumstance',
        {
          es: 'Esas personas se encontraban legítimamente presentes en la zona de la que fueron deportadas o trasladadas.',
          en: 'Such persons were lawfully present in the area from which they were so deported or transferred.',
        },
        ['identity-documents', 'residence-records', 'testimony'],
      ],
      [
        'mental',
        {
          es: 'El autor conocía las circunstancias de hecho que determinaban la legitimidad de esa presencia.',
          en: 'The perpetrator was aware of the factual circumstances that established the lawfulness of such presence.',
        },
        ['position', 'orders', 'testimony'],
      ],
    ],
  }),
  crime({
    letter: 'e',
    label: {
      es: 'Encarcelación u otra privación grave de la libertad física',
      en: 'Imprisonment or other severe deprivation of physical liberty',
    },
    elements: [
      [
        'conduct',
        {
          es: 'El autor encarceló a una o más personas o las sometió de otro modo a una privación grave de la libertad física.',
          en: 'The perpetrator imprisoned one or more persons or otherwise severely deprived them of physical liberty.',
        },
        ['detention-record', 'testimony', 'arrest-warrant', 'court-records', 'habeas-corpus-filing'],
      ],
      [
        'circumstance',
        {
          es: 'La gravedad de la conducta fue tal que infringió normas fundamentales del derecho internacional (p. ej., detención sin base legal, sin control judicial ni garantías del debido proceso).',
          en: 'The gravity of the conduct was such that it was in violation of fundamental rules of international law (e.g. detention without legal basis, judicial review or due-process guarantees).',
        },
        ['court-records', 'habeas-corpus-refusal', 'legal-analysis', 'detention-record'],
      ],
      [
        'mental',
        {
          es: 'El autor conocía las circunstancias de hecho que determinaban la gravedad de la conducta.',
          en: 'The perpetrator was aware of the factual circumstances that established the gravity of the conduct.',
        },
        ['position', 'orders', 'reports-received'],
      ],
    ],
  }),
  crime({
    letter: 'f',
    label: { es: 'Tortura', en: 'Torture' },
    elements: [
      [
        'conduct',
        {
          es: 'El autor infligió a una o más personas graves dolores o sufrimientos físicos o mentales (no se exige una finalidad específica).',
          en: 'The perpetrator inflicted severe physical or mental pain or suffering upon one or more persons (no specific purpose is required).',
        },
        ['testimony', 'medical-report', 'forensic-report', 'photo', 'psychological-assessment'],
      ],
      [
        'circumstance',
        {
          es: 'Esa persona o personas estaban bajo la custodia o el control del autor.',
          en: 'Such person or persons were in the custody or under the control of the perpetrator.',
        },
        ['detention-record', 'testimony', 'custody-location'],
      ],
      [
        'circumstance',
        {
          es: 'El dolor o sufrimiento no derivaba únicamente de sanciones lícitas ni era inherente o incidental a ellas.',
          en: 'Such pain or suffering did not arise only from, and was not inherent in or incidental to, lawful sanctions.',
        },
        ['court-records', 'legal-analysis', 'testimony'],
      ],
    ],
  }),
  crime({
    letter: 'g-1',
    label: { es: 'Violación', en: 'Rape' },
    elements: [
      [
        'conduct',
        {
          es: 'El autor invadió el cuerpo de una persona mediante una conducta que ocasionó la penetración, por insignificante que fuera, de cualquier parte del cuerpo de la víctima o del autor con un órgano sexual, o del orificio anal o genital de la víctima con un objeto u otra parte del cuerpo.',
          en: 'The perpetrator invaded the body of a person by conduct resulting in penetration, however slight, of any part of the body of the victim or of the perpetrator with a sexual organ, or of the anal or genital opening of the victim with any object or any other part of the body.',
        },
        ['testimony', 'medical-report', 'forensic-report'],
      ],
      [
        'circumstance',
        {
          es: `La invasión se cometió ${COERCION_ES}.`,
          en: `The invasion was committed ${COERCION_EN}.`,
        },
        ['testimony', 'detention-record', 'medical-report'],
      ],
    ],
  }),
  crime({
    letter: 'g-2',
    label: { es: 'Esclavitud sexual', en: 'Sexual slavery' },
    elements: [
      [
        'conduct',
        {
          es: 'El autor ejerció uno o todos los atributos del derecho de propiedad sobre una o más personas, o les impuso una privación de libertad similar.',
          en: 'The perpetrator exercised any or all of the powers attaching to the right of ownership over one or more persons, or imposed on them a similar deprivation of liberty.',
        },
        ['testimony', 'detention-record'],
      ],
      [
        'conduct',
        {
          es: 'El autor hizo que esa persona o personas realizaran uno o más actos de naturaleza sexual.',
          en: 'The perpetrator caused such person or persons to engage in one or more acts of a sexual nature.',
        },
        ['testimony', 'medical-report'],
      ],
    ],
  }),
  crime({
    letter: 'g-3',
    label: { es: 'Prostitución forzada', en: 'Enforced prostitution' },
    elements: [
      [
        'conduct',
        {
          es: `El autor hizo que una o más personas realizaran uno o más actos de naturaleza sexual ${COERCION_ES}.`,
          en: `The perpetrator caused one or more persons to engage in one or more acts of a sexual nature ${COERCION_EN}.`,
        },
        ['testimony', 'medical-report'],
      ],
      [
        'circumstance',
        {
          es: 'El autor u otra persona obtuvo, o esperaba obtener, ventajas pecuniarias o de otro tipo a cambio de esos actos o en relación con ellos.',
          en: 'The perpetrator or another person obtained or expected to obtain pecuniary or other advantage in exchange for or in connection with the acts of a sexual nature.',
        },
        ['financial-records', 'testimony'],
      ],
    ],
  }),
  crime({
    letter: 'g-4',
    label: { es: 'Embarazo forzado', en: 'Forced pregnancy' },
    // EoC element 1 joins the conduct and a special intent; split so the intent can be proved
    // about a suspect and the confinement about an incident.
    elements: [
      [
        'conduct',
        {
          es: 'El autor confinó a una o más mujeres que habían quedado embarazadas por la fuerza.',
          en: 'The perpetrator confined one or more women forcibly made pregnant.',
        },
        ['testimony', 'medical-report', 'detention-record'],
        'EoC 7(1)(g)-4, el. 1 (conduct)',
      ],
      [
        'mental',
        {
          es: 'El autor actuó con la intención de modificar la composición étnica de una población o de cometer otras infracciones graves del derecho internacional.',
          en: 'The perpetrator acted with the intent of affecting the ethnic composition of any population or carrying out other grave violations of international law.',
        },
        ['speeches', 'orders', 'testimony', 'pattern-analysis'],
        'EoC 7(1)(g)-4, el. 1 (intent)',
      ],
    ],
  }),
  crime({
    letter: 'g-5',
    label: { es: 'Esterilización forzada', en: 'Enforced sterilization' },
    elements: [
      [
        'consequence',
        {
          es: 'El autor privó a una o más personas de su capacidad de reproducción biológica.',
          en: 'The perpetrator deprived one or more persons of biological reproductive capacity.',
        },
        ['medical-report', 'testimony', 'hospital-records'],
      ],
      [
        'circumstance',
        {
          es: 'La conducta no tuvo justificación en un tratamiento médico u hospitalario de la víctima ni se llevó a cabo con su libre consentimiento.',
          en: 'The conduct was neither justified by the medical or hospital treatment of the person concerned nor carried out with their genuine consent.',
        },
        ['hospital-records', 'medical-report', 'testimony'],
      ],
    ],
  }),
  crime({
    letter: 'g-6',
    label: { es: 'Violencia sexual', en: 'Sexual violence' },
    elements: [
      [
        'conduct',
        {
          es: `El autor cometió un acto de naturaleza sexual contra una o más personas, o las hizo realizar un acto de esa naturaleza, ${COERCION_ES}.`,
          en: `The perpetrator committed an act of a sexual nature against one or more persons, or caused them to engage in such an act, ${COERCION_EN}.`,
        },
        ['testimony', 'medical-report', 'photo', 'video'],
      ],
      [
        'circumstance',
        {
          es: 'La conducta tuvo una gravedad comparable a la de los demás crímenes del artículo 7(1)(g).',
          en: 'The conduct was of a gravity comparable to the other offences in Art. 7(1)(g).',
        },
        ['testimony', 'medical-report', 'psychological-assessment'],
      ],
      [
        'mental',
        {
          es: 'El autor conocía las circunstancias de hecho que determinaban la gravedad de la conducta.',
          en: 'The perpetrator was aware of the factual circumstances that established the gravity of the conduct.',
        },
        ['testimony', 'position'],
      ],
    ],
  }),
  crime({
    letter: 'h',
    label: { es: 'Persecución', en: 'Persecution' },
    elements: [
      [
        'conduct',
        {
          es: 'El autor privó gravemente a una o más personas de derechos fundamentales, en contravención del derecho internacional.',
          en: 'The perpetrator severely deprived, contrary to international law, one or more persons of fundamental rights.',
        },
        ['testimony', 'court-records', 'detention-record', 'official-statements', 'legislation'],
      ],
      [
        'conduct',
        {
          es: 'El autor dirigió la conducta contra esa persona o personas en razón de la identidad de un grupo o colectividad, o contra el grupo o la colectividad como tales.',
          en: 'The perpetrator targeted such person or persons by reason of the identity of a group or collectivity, or targeted the group or collectivity as such.',
        },
        ['victim-profiles', 'speeches', 'lists-of-targets', 'pattern-analysis', 'testimony'],
      ],
      [
        'circumstance',
        {
          es: 'La selección se basó en motivos políticos, raciales, nacionales, étnicos, culturales, religiosos, de género (artículo 7(3)) u otros universalmente reconocidos como inaceptables con arreglo al derecho internacional.',
          en: 'Such targeting was based on political, racial, national, ethnic, cultural, religious, gender (Art. 7(3)) or other grounds universally recognized as impermissible under international law.',
        },
        ['speeches', 'official-statements', 'victim-profiles', 'media-reports'],
      ],
      [
        'circumstance',
        {
          es: 'La conducta se cometió en conexión con otro acto del artículo 7(1) o con otro crimen de la competencia de la Corte.',
          en: 'The conduct was committed in connection with any act referred to in Art. 7(1) or any crime within the jurisdiction of the Court.',
        },
        ['incident-lists', 'testimony', 'detention-record'],
      ],
    ],
  }),
  crime({
    letter: 'i',
    label: { es: 'Desaparición forzada de personas', en: 'Enforced disappearance of persons' },
    elements: [
      [
        'conduct',
        {
          es: 'El autor (a) aprehendió, detuvo o secuestró a una o más personas, o (b) se negó a reconocer esa privación de libertad o a dar información sobre la suerte o el paradero de esas personas.',
          en: 'The perpetrator (a) arrested, detained or abducted one or more persons, or (b) refused to acknowledge such deprivation of freedom or to give information on the fate or whereabouts of such persons.',
        },
        ['testimony', 'detention-record', 'official-denial', 'habeas-corpus-refusal', 'complaint-records'],
      ],
      [
        'circumstance',
        {
          es: '(a) La privación de libertad fue seguida o acompañada de esa negativa, o (b) la negativa fue precedida o acompañada de esa privación de libertad.',
          en: '(a) The deprivation of freedom was followed or accompanied by such a refusal, or (b) the refusal was preceded or accompanied by that deprivation of freedom.',
        },
        ['official-denial', 'habeas-corpus-refusal', 'complaint-records', 'testimony'],
      ],
      [
        'mental',
        {
          es: 'El autor sabía que (a) la privación de libertad sería seguida, en el curso normal de los acontecimientos, de la negativa, o (b) que la negativa fue precedida o acompañada de la privación de libertad.',
          en: 'The perpetrator was aware that (a) the deprivation of freedom would be followed in the ordinary course of events by the refusal, or (b) the refusal was preceded or accompanied by the deprivation of freedom.',
        },
        ['position', 'orders', 'repeated-modus-operandi', 'reports-received'],
      ],
      [
        'circumstance',
        {
          es: 'La privación de libertad fue realizada por un Estado u organización política, o con su autorización, apoyo o aquiescencia.',
          en: 'The deprivation of freedom was carried out by, or with the authorization, support or acquiescence of, a State or a political organization.',
        },
        ['perpetrator-identification', 'uniforms-vehicles', 'detention-record', 'testimony'],
      ],
      [
        'circumstance',
        {
          es: 'La negativa a reconocer la privación de libertad o a dar información fue realizada por ese Estado u organización política, o con su autorización o apoyo.',
          en: 'The refusal to acknowledge the deprivation of freedom or to give information was carried out by, or with the authorization or support of, such State or political organization.',
        },
        ['official-denial', 'habeas-corpus-refusal', 'official-statements'],
      ],
      [
        'mental',
        {
          es: 'El autor tuvo la intención de dejar a esas personas fuera del amparo de la ley por un período prolongado.',
          en: 'The perpetrator intended to remove such persons from the protection of the law for a prolonged period of time.',
        },
        ['duration-of-disappearance', 'repeated-modus-operandi', 'orders', 'testimony'],
      ],
    ],
  }),
  crime({
    letter: 'j',
    label: { es: 'Apartheid', en: 'Apartheid' },
    elements: [
      [
        'conduct',
        {
          es: 'El autor cometió un acto inhumano contra una o más personas.',
          en: 'The perpetrator committed an inhumane act against one or more persons.',
        },
        ['testimony', 'medical-report', 'photo'],
      ],
      [
        'circumstance',
        {
          es: 'El acto fue uno de los mencionados en el artículo 7(1) o de carácter semejante.',
          en: 'Such act was an act referred to in Art. 7(1) or was of a character similar to any of those acts.',
        },
        ['legal-analysis', 'testimony'],
      ],
      [
        'mental',
        {
          es: 'El autor conocía las circunstancias de hecho que determinaban el carácter del acto.',
          en: 'The perpetrator was aware of the factual circumstances that established the character of the act.',
        },
        ['position', 'testimony'],
      ],
      [
        'circumstance',
        {
          es: 'La conducta se cometió en el contexto de un régimen institucionalizado de opresión y dominación sistemáticas de un grupo racial sobre uno o más grupos raciales.',
          en: 'The conduct was committed in the context of an institutionalized regime of systematic oppression and domination by one racial group over any other racial group or groups.',
        },
        ['legislation', 'official-statements', 'statistics', 'un-reports'],
      ],
      [
        'mental',
        {
          es: 'El autor tuvo, con esa conducta, la intención de mantener ese régimen.',
          en: 'The perpetrator intended to maintain such regime by that conduct.',
        },
        ['speeches', 'orders', 'testimony'],
      ],
    ],
  }),
  crime({
    letter: 'k',
    label: { es: 'Otros actos inhumanos', en: 'Other inhumane acts' },
    elements: [
      [
        'conduct',
        {
          es: 'El autor causó mediante un acto inhumano grandes sufrimientos o atentó gravemente contra la integridad física o la salud mental o física.',
          en: 'The perpetrator inflicted great suffering, or serious injury to body or to mental or physical health, by means of an inhumane act.',
        },
        ['testimony', 'medical-report', 'photo', 'psychological-assessment'],
      ],
      [
        'circumstance',
        {
          es: 'El acto tuvo un carácter semejante al de los demás actos del artículo 7(1).',
          en: 'Such act was of a character similar to any other act referred to in Art. 7(1).',
        },
        ['legal-analysis', 'testimony', 'medical-report'],
      ],
      [
        'mental',
        {
          es: 'El autor conocía las circunstancias de hecho que determinaban el carácter del acto.',
          en: 'The perpetrator was aware of the factual circumstances that established the character of the act.',
        },
        ['position', 'testimony'],
      ],
    ],
  }),
];
