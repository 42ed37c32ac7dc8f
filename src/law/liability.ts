/**
 * Modes of individual criminal responsibility: Art. 25(3)(a)–(d) and command/superior
 * responsibility under Art. 28, broken into the elements ICC case law has developed
 * (Lubanga, Katanga, Mbarushimana, Bemba). All are proved about one suspect.
 * Paraphrases: check them against the Statute and the case law before quoting in a filing.
 */
import type { ElementKind, LawElement, LiabilityMode, Text } from './types.js';

function mode(
  id: string,
  article: string,
  label: Text,
  elements: readonly [Exclude<ElementKind, 'contextual'>, string, Text, readonly string[]][],
): LiabilityMode {
  return {
    id,
    article,
    label,
    elements: elements.map(
      ([kind, ref, text, meansOfProof], i): LawElement => ({
        id: `${id}.E${i + 1}`,
        ref,
        kind,
        scope: 'suspect',
        text,
        meansOfProof,
      }),
    ),
  };
}

export const LIABILITY_MODES: readonly LiabilityMode[] = [
  mode(
    'ICC.25-3-a',
    '25(3)(a)',
    {
      es: 'Comisión (directa, coautoría, autoría mediata, coautoría mediata)',
      en: 'Commission (direct, co-perpetration, indirect, indirect co-perpetration)',
    },
    [
      [
        'conduct',
        'Art. 25(3)(a); Lubanga AC 2014; Katanga TJ 2014',
        {
          es: 'El sospechoso tuvo el dominio del hecho: realizó personalmente sus elementos materiales (autoría directa), hizo una contribución esencial y coordinada a un plan común con otros (coautoría), o lo cometió por conducto de otra persona, incluso mediante el control de un aparato organizado de poder (autoría mediata), o combinó ambas formas (coautoría mediata, Katanga/Ngudjolo PTC 2008; Ruto y Sang PTC 2012).',
          en: 'The suspect controlled the crime: physically carried out its material elements (direct), made an essential, coordinated contribution to a common plan with others (co-perpetration), or committed it through another person, including by control over an organised apparatus of power (indirect), or combined both (indirect co-perpetration; Katanga/Ngudjolo PTC 2008; Ruto and Sang PTC 2012).',
        },
        ['testimony', 'video', 'photo', 'orders', 'organigram', 'communications-intercepts'],
      ],
      [
        'circumstance',
        'Art. 25(3)(a); Lubanga AC 2014; Katanga/Ngudjolo PTC 2008',
        {
          es: 'Existía un acuerdo o plan común con un elemento de criminalidad (coautoría), o un aparato organizado y jerárquico cuyas órdenes se cumplían de forma casi automática (autoría mediata); no se aplica a la autoría directa.',
          en: 'There was an agreement or common plan containing an element of criminality (co-perpetration), or an organised, hierarchical apparatus whose orders were complied with quasi-automatically (indirect perpetration); not needed for direct commission.',
        },
        ['plans', 'meeting-minutes', 'organigram', 'repeated-modus-operandi', 'insider-testimony'],
      ],
      [
        'mental',
        'Art. 25(3)(a), Art. 30',
        {
          es: 'El sospechoso actuó con intención y conocimiento respecto de los elementos materiales del crimen (artículo 30).',
          en: 'The suspect acted with intent and knowledge as to the material elements of the crime (Art. 30).',
        },
        ['orders', 'speeches', 'communications-intercepts', 'testimony'],
      ],
      [
        'mental',
        'Art. 25(3)(a); Lubanga AC 2014',
        {
          es: 'El sospechoso conocía las circunstancias de hecho que le permitían controlar el crimen (control conjunto o control sobre la organización).',
          en: 'The suspect was aware of the factual circumstances enabling control over the crime (joint control, or control over the organisation).',
        },
        ['position', 'organigram', 'reports-received', 'insider-testimony'],
      ],
    ],
  ),
  mode(
    'ICC.25-3-b',
    '25(3)(b)',
    { es: 'Ordenar, proponer o inducir', en: 'Ordering, soliciting or inducing' },
    [
      [
        'circumstance',
        'Art. 25(3)(b); Ntaganda TJ 2019',
        {
          es: 'El sospechoso ocupaba una posición de autoridad sobre el autor material (ordenar) o tenía influencia sobre él (proponer, inducir).',
          en: 'The suspect held a position of authority over the physical perpetrator (ordering) or had influence over them (soliciting, inducing).',
        },
        ['appointment-decree', 'organigram', 'position', 'insider-testimony'],
      ],
      [
        'conduct',
        'Art. 25(3)(b)',
        {
          es: 'El sospechoso ordenó, propuso o indujo la comisión del crimen (instruyó o incitó a otra persona a cometerlo).',
          en: 'The suspect ordered, solicited or induced the commission of the crime (instructed or prompted another person to commit it).',
        },
        ['orders', 'communications-intercepts', 'speeches', 'testimony'],
      ],
      [
        'consequence',
        'Art. 25(3)(b)',
        {
          es: 'La orden o la incitación tuvo un efecto directo en la comisión o tentativa del crimen.',
          en: 'The order or prompting had a direct effect on the commission or attempted commission of the crime.',
        },
        ['timeline', 'testimony', 'repeated-modus-operandi'],
      ],
      [
        'mental',
        'Art. 25(3)(b), Art. 30(2); Lubanga AC 2014; Bemba PTC II 2009 (dolus eventualis excluded)',
        {
          es: 'El sospechoso tenía la intención de que se cometiera el crimen, o era consciente de que se produciría en el curso normal de los acontecimientos al ejecutarse la orden o la incitación (artículo 30(2)); no basta el dolo eventual ni la «probabilidad sustancial».',
          en: 'The suspect intended the crime to be committed, or was aware that it would occur in the ordinary course of events in the execution of the order or prompting (Art. 30(2)); dolus eventualis and "substantial likelihood" do not suffice.',
        },
        ['orders', 'speeches', 'reports-received', 'position'],
      ],
    ],
  ),
  mode(
    'ICC.25-3-c',
    '25(3)(c)',
    {
      // The official Spanish text of Art. 25(3)(c) says "encubridor"; it means abetting, not the
      // after-the-fact concealment "encubrimiento" means in Latin American criminal law.
      es: 'Complicidad o colaboración (el texto oficial dice «encubridor»: significa instigación o apoyo al crimen, no el encubrimiento posterior)',
      en: 'Aiding, abetting or otherwise assisting',
    },
    [
      [
        'circumstance',
        'Art. 25(3)(c)',
        {
          es: 'Otra persona cometió el crimen o intentó cometerlo.',
          en: 'The crime was committed or attempted by another person.',
        },
        ['testimony', 'court-records'],
      ],
      [
        'conduct',
        'Art. 25(3)(c)',
        {
          es: 'El sospechoso facilitó, instigó o colaboró de algún modo en la comisión, incluso suministrando los medios, y esa ayuda tuvo efecto en el crimen.',
          en: 'The suspect aided, abetted or otherwise assisted in the commission, including by providing the means, and the assistance had an effect on the crime.',
        },
        ['resource-allocation', 'financial-records', 'logistics-records', 'testimony'],
      ],
      [
        'mental',
        'Art. 25(3)(c)',
        {
          es: 'El sospechoso actuó con el propósito de facilitar la comisión del crimen.',
          en: 'The suspect acted for the purpose of facilitating the commission of the crime.',
        },
        ['communications-intercepts', 'speeches', 'testimony', 'position'],
      ],
      [
        'mental',
        'Art. 25(3)(c), Art. 30; Bemba et al. TJ 2016; Bemba et al. AC 2018',
        {
          es: 'El sospechoso sabía que el autor principal cometería el crimen (o lo estaba cometiendo) y conocía su intención, y era consciente de que su ayuda lo facilitaba.',
          en: 'The suspect was aware that the principal would commit (or was committing) the crime and of the principal’s intent, and that their assistance facilitated it.',
        },
        ['communications-intercepts', 'reports-received', 'position', 'testimony'],
      ],
    ],
  ),
  mode(
    'ICC.25-3-d',
    '25(3)(d)',
    {
      es: 'Contribución a un crimen cometido por un grupo con una finalidad común',
      en: 'Contribution to a crime by a group acting with a common purpose',
    },
    [
      [
        'circumstance',
        'Art. 25(3)(d)',
        {
          es: 'Un grupo de personas que tenía una finalidad común cometió o intentó cometer el crimen.',
          en: 'The crime was committed or attempted by a group of persons acting with a common purpose.',
        },
        ['pattern-analysis', 'plans', 'testimony', 'organigram'],
      ],
      [
        'conduct',
        'Art. 25(3)(d); Mbarushimana PTC 2011 (significant); Katanga TJ 2014 (any contribution that influenced the crime)',
        {
          es: 'El sospechoso contribuyó de algún otro modo a la comisión o tentativa del crimen. El umbral es discutido: Mbarushimana (SCP 2011) exigió una contribución «significativa»; Katanga (SPI 2014) basta con que haya influido en la comisión.',
          en: 'The suspect contributed in any other way to the commission or attempted commission of the crime. The threshold is contested: Mbarushimana (PTC 2011) required a "significant" contribution; Katanga (TJ 2014) any contribution that had an influence on the commission.',
        },
        ['resource-allocation', 'speeches', 'financial-records', 'testimony'],
      ],
      [
        'mental',
        'Art. 25(3)(d)',
        {
          es: 'La contribución fue intencional.',
          en: 'The contribution was intentional.',
        },
        ['orders', 'communications-intercepts', 'testimony'],
      ],
      [
        'mental',
        'Art. 25(3)(d)(i)–(ii)',
        {
          es: 'La contribución se hizo con el propósito de llevar a cabo la actividad o finalidad delictiva del grupo, o a sabiendas de su intención de cometer el crimen.',
          en: 'The contribution was made with the aim of furthering the criminal activity or purpose of the group, or in the knowledge of its intention to commit the crime.',
        },
        ['position', 'reports-received', 'media-notoriety', 'speeches'],
      ],
    ],
  ),
  mode('ICC.25-3-f', '25(3)(f)', { es: 'Tentativa', en: 'Attempt' }, [
    [
      'conduct',
      'Art. 25(3)(f); Katanga/Ngudjolo PTC 2008; Ntaganda TJ 2019',
      {
        es: 'El autor comenzó la ejecución del crimen mediante actos que suponían un paso importante para su consumación.',
        en: 'The perpetrator commenced the execution of the crime by means of a substantial step.',
      },
      ['testimony', 'medical-report', 'forensic-report', 'video', 'photo'],
    ],
    [
      'circumstance',
      'Art. 25(3)(f)',
      {
        es: 'El crimen no se consumó por circunstancias ajenas a la voluntad del autor (el desistimiento voluntario excluye la pena).',
        en: 'The crime did not occur because of circumstances independent of the perpetrator’s intentions (voluntary abandonment is not punished).',
      },
      ['testimony', 'medical-report', 'timeline'],
    ],
    [
      'mental',
      'Art. 25(3)(f), Art. 30',
      {
        es: 'El autor actuó con la intención de cometer el crimen consumado (los elementos subjetivos del crimen).',
        en: 'The perpetrator acted with the intent to commit the completed crime (the crime’s mental elements).',
      },
      ['orders', 'testimony', 'weapon-used', 'repeated-modus-operandi'],
    ],
  ]),
  mode(
    'ICC.28-a',
    '28(a)',
    { es: 'Responsabilidad de los jefes militares', en: 'Responsibility of military commanders' },
    [
      [
        'circumstance',
        'Art. 28(a); Bemba PTC 2009',
        {
          es: 'Los crímenes fueron cometidos por fuerzas bajo el mando y control efectivo, o la autoridad y control efectivo, del sospechoso como jefe militar o quien actuaba efectivamente como tal.',
          en: 'The crimes were committed by forces under the effective command and control, or effective authority and control, of the suspect as a military commander or person effectively acting as one.',
        },
        ['organigram', 'appointment-decree', 'orders', 'disciplinary-records', 'insider-testimony'],
      ],
      [
        'mental',
        'Art. 28(a)(i)',
        {
          es: 'El sospechoso sabía o, en razón de las circunstancias del momento, debería haber sabido que las fuerzas cometían o se proponían cometer esos crímenes.',
          en: 'The suspect knew or, owing to the circumstances at the time, should have known that the forces were committing or about to commit such crimes.',
        },
        ['reports-received', 'media-notoriety', 'position', 'complaint-records'],
      ],
      [
        'conduct',
        'Art. 28(a)(ii); Bemba AC 2018',
        {
          es: 'El sospechoso no adoptó todas las medidas necesarias y razonables a su alcance para prevenir o reprimir su comisión o para poner el asunto en conocimiento de las autoridades competentes.',
          en: 'The suspect failed to take all necessary and reasonable measures within their power to prevent or repress the commission, or to submit the matter to the competent authorities.',
        },
        ['disciplinary-records', 'impunity', 'court-records', 'official-statements'],
      ],
      [
        'consequence',
        'Art. 28(a)',
        {
          es: 'Los crímenes fueron consecuencia de no haber ejercido un control apropiado sobre esas fuerzas.',
          en: 'The crimes resulted from the failure to exercise control properly over such forces.',
        },
        ['timeline', 'repeated-modus-operandi', 'impunity'],
      ],
    ],
  ),
  mode(
    'ICC.28-b',
    '28(b)',
    {
      es: 'Responsabilidad de otros superiores (civiles)',
      en: 'Responsibility of other (civilian) superiors',
    },
    [
      [
        'circumstance',
        'Art. 28(b)',
        {
          es: 'Los crímenes fueron cometidos por subordinados bajo la autoridad y control efectivo del sospechoso.',
          en: 'The crimes were committed by subordinates under the effective authority and control of the suspect.',
        },
        ['organigram', 'appointment-decree', 'legislation', 'insider-testimony'],
      ],
      [
        'mental',
        'Art. 28(b)(i)',
        {
          es: 'El sospechoso sabía que los subordinados cometían o se proponían cometer esos crímenes, o hizo caso omiso deliberadamente de información que lo indicaba claramente.',
          en: 'The suspect knew, or consciously disregarded information which clearly indicated, that the subordinates were committing or about to commit such crimes.',
        },
        ['reports-received', 'media-notoriety', 'complaint-records', 'position'],
      ],
      [
        'circumstance',
        'Art. 28(b)(ii)',
        {
          es: 'Los crímenes guardaban relación con actividades bajo la responsabilidad y control efectivo del sospechoso.',
          en: 'The crimes concerned activities within the effective responsibility and control of the suspect.',
        },
        ['legislation', 'appointment-decree', 'organigram'],
      ],
      [
        'conduct',
        'Art. 28(b)(iii)',
        {
          es: 'El sospechoso no adoptó todas las medidas necesarias y razonables a su alcance para prevenir o reprimir su comisión o para poner el asunto en conocimiento de las autoridades competentes.',
          en: 'The suspect failed to take all necessary and reasonable measures within their power to prevent or repress the commission, or to submit the matter to the competent authorities.',
        },
        ['disciplinary-records', 'impunity', 'court-records', 'official-statements'],
      ],
      [
        'consequence',
        'Art. 28(b)',
        {
          es: 'Los crímenes fueron consecuencia de no haber ejercido un control apropiado sobre esos subordinados.',
          en: 'The crimes resulted from the failure to exercise control properly over such subordinates.',
        },
        ['timeline', 'repeated-modus-operandi', 'impunity'],
      ],
    ],
  ),
];

/**
 * HURIDOCS degree of involvement (MT 18) → modes of liability it may point to. A hint for the
 * analyst, never a legal finding. Evidentiary statuses (present, suspected) and general political
 * responsibility map to no mode (docs/LEGAL-MODEL.md §2).
 */
export const DEGREE_TO_MODES: Readonly<Record<string, readonly string[]>> = {
  directly_carried_out: ['ICC.25-3-a'],
  gave_orders: ['ICC.25-3-b'],
  planned: ['ICC.25-3-a', 'ICC.25-3-d'],
  passive_accomplice: ['ICC.25-3-c', 'ICC.25-3-d'],
  confirmed_present: [],
  suspected: [],
  // A minister or commander who authored the policy may have committed through the apparatus
  // (indirect co-perpetration), ordered, or contributed to the group's crimes; supporting it,
  // assisted or contributed. Policy evidence too (POLICY_DEGREES). Art. 28 comes via command.
  authored_policy: ['ICC.25-3-a', 'ICC.25-3-b', 'ICC.25-3-d'],
  supported_policy: ['ICC.25-3-a', 'ICC.25-3-c', 'ICC.25-3-d'],
  implemented_policy: ['ICC.25-3-a'],
  failed_to_exercise_authority: ['ICC.28-a', 'ICC.28-b'],
  failed_to_act_on_knowledge: ['ICC.28-a', 'ICC.28-b'],
  failed_to_prevent: ['ICC.28-a', 'ICC.28-b'],
  political_responsibility: [],
};

/** Degrees of involvement that are evidence of the State or organizational policy (CTX.policy). */
export const POLICY_DEGREES: ReadonlySet<string> = new Set([
  'authored_policy',
  'supported_policy',
  'implemented_policy',
]);
