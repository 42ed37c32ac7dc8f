/** Every string of the report, in Spanish and English. Vocabulary and law labels come from their data. */

import { VENEZUELA_STATES } from '../domain/gazetteer.js';
import {
  ACT_TYPES,
  EVIDENCE_KINDS,
  INVOLVEMENT_DEGREES,
  SOURCE_KINDS,
  UNIT_KINDS,
  VIOLENCE_METHODS,
} from '../domain/vocabularies.js';
import { crimeById, elementById, LIABILITY_MODES, stateParty } from '../law/index.js';

export type Lang = 'es' | 'en';

const S = {
  confidential: {
    es: 'CONFIDENCIAL — identidades y documentos protegidos',
    en: 'CONFIDENTIAL — protected identities and documents',
  },
  public: {
    es: 'Edición pública — identidades protegidas seudonimizadas',
    en: 'Public edition — protected identities pseudonymised',
  },
  reportTitle: {
    es: 'Informe del panel de expertos independientes',
    en: 'Report of the panel of independent experts',
  },
  subtitle: {
    es: 'Sobre la posible comisión de crímenes de lesa humanidad (art. 7 del Estatuto de Roma)',
    en: 'On the possible commission of crimes against humanity (Rome Statute, Art. 7)',
  },
  contentHash: {
    es: 'Huella (SHA-256) del contenido firmado',
    en: 'Fingerprint (SHA-256) of the signed content',
  },
  version: { es: 'Versión', en: 'Version' },
  caseKey: {
    es: 'Huella de la clave con que se firma el paquete de pruebas de este caso (Ed25519, SHA-256)',
    en: "Fingerprint of the key that signs this case's evidence bundle (Ed25519, SHA-256)",
  },
  draft: { es: 'BORRADOR — sin todas las firmas del panel', en: 'DRAFT — not signed by the whole panel' },
  notice: {
    es: 'Testigo no afirma conclusiones jurídicas: muestra, elemento por elemento, qué respalda la prueba, con qué fuerza y qué falta. Las conclusiones son del panel.',
    en: 'Testigo asserts no legal conclusion: it shows, element by element, what the evidence supports, how strongly and what is missing. The panel concludes.',
  },
  secSummary: { es: 'Resumen ejecutivo', en: 'Executive summary' },
  secMethodology: { es: 'Metodología y fuentes', en: 'Methodology and sources' },
  secLimitations: { es: 'Limitaciones', en: 'Limitations' },
  secContext: {
    es: 'Contexto: elementos contextuales del art. 7',
    en: 'Context: the contextual elements of Art. 7',
  },
  secFindings: { es: 'Hallazgos por crimen', en: 'Findings per crime' },
  secStatistics: { es: 'Estadísticas', en: 'Statistics' },
  secResponsibility: { es: 'Responsabilidad individual', en: 'Individual responsibility' },
  secArticle53: {
    es: 'Artículo 53(1): competencia, fundamento razonable, admisibilidad e intereses de la justicia',
    en: 'Article 53(1): jurisdiction, reasonable basis, admissibility and interests of justice',
  },
  secPanel: {
    es: 'El panel: mandato, declaraciones, opiniones, disidencias y recomendaciones',
    en: 'The panel: mandate, declarations, opinions, dissent and recommendations',
  },
  annexWord: { es: 'Anexo', en: 'Annex' },
  secIncidents: { es: 'Incidentes y prueba citada', en: 'Incidents and the evidence cited' },
  secGlossary: { es: 'Glosario de elementos', en: 'Glossary of elements' },
  secEvidenceIndex: { es: 'Índice de pruebas', en: 'Index of evidence' },
  methodText: {
    es: 'La información se reunió mediante entrevistas con consentimiento informado registrado por testimonio (alcance del uso: interno, tribunales o público), documentos y material de fuentes abiertas capturado con su huella SHA-256 y cadena de custodia, siguiendo el Protocolo de Berkeley y las directrices de Eurojust y la Fiscalía de la CPI para organizaciones de la sociedad civil (2022): no se volvió a entrevistar sin necesidad, se evitó la revictimización y las identidades protegidas no salen del archivo. Cada prueba se vincula al elemento concreto que tiende a probar (método de la Case Matrix); la situación de cada elemento se deriva de esos vínculos, nunca se escribe a mano.',
    en: 'Information was gathered through interviews with informed consent recorded per testimony (scope of use: internal, courts or public), documents and open-source material captured with its SHA-256 fingerprint and chain of custody, following the Berkeley Protocol and the Eurojust/ICC-OTP guidelines for civil society organisations (2022): no needless re-interviewing, no re-traumatisation, and protected identities do not leave the file. Each item is linked to the specific element it tends to prove (the Case Matrix method); each element’s status is derived from those links, never typed in.',
  },
  verificationText: {
    es: 'Independencia: se cuenta el origen de cada información —el testigo que habla, el autor que escribe—, no la organización que la transmite; una misma persona retransmitida por dos organizaciones cuenta una vez, y dos testigos entrevistados por una misma organización cuentan dos. Calificación del Almirantazgo por prueba: la de un elemento es la de su mejor prueba individual. «F» y «6» significan que no se puede valorar: no cuentan como peor que «E» o «5». La credibilidad «1» (confirmada por otras fuentes) escrita a mano se lee como «2», porque la confirmación es lo que el análisis cuenta.',
    en: 'Independence: what counts is the origin of each piece of information — the witness who speaks, the author who writes — not the organisation that passes it on; one person relayed by two organisations counts once, and two witnesses interviewed by one organisation count twice. Admiralty grade per item: an element’s grade is that of its best single item. “F” and “6” mean cannot be judged: they do not rank below “E” or “5”. Credibility “1” (confirmed by other sources) typed by hand is read as “2”, because confirmation is what the analysis counts.',
  },
  limitsText: {
    es: 'Los datos no son una muestra aleatoria: se documenta lo que llega a las organizaciones, y llega más de las ciudades, de las personas con redes de apoyo y de los hechos más visibles; los recuentos son mínimos, no totales. Los actos sin fecha o sin lugar se tratan como inciertos. La estimación por sistemas múltiples supone listas que cubren la misma población y una heterogeneidad de captura que el modelo elegido representa; su intervalo no incluye el error de vinculación de registros. Los indicadores de patrón y de gravedad son descriptivos. Las calificaciones del Almirantazgo son juicios de los documentadores. Nada de este informe es una conclusión jurídica: el panel concluye y firma.',
    en: 'The data are not a random sample: what is documented is what reaches the organisations, and more reaches them from cities, from people with support networks and from the most visible events; counts are minimums, not totals. Acts without a date or place are treated as uncertain. Multiple systems estimation assumes lists that cover the same population and a capture heterogeneity the chosen model represents; its interval does not include record-linkage error. The pattern and gravity indicators are descriptive. Admiralty grades are the documenters’ judgements. Nothing in this report is a legal conclusion: the panel concludes and signs.',
  },
  step: { es: 'Actuación', en: 'Step' },
  authority: { es: 'Autoridad nacional', en: 'National authority' },
  situationTitle: { es: 'Situación y activación de la competencia', en: 'Situation and trigger' },
  situationLine: {
    es: 'Situación {name} ({icc}). La competencia de la Corte se activó por remisión de Estados Partes (arts. 13(a) y 14) el {date}: {states}, sobre crímenes cometidos desde el {since}.',
    en: 'Situation {name} ({icc}). The Court’s jurisdiction was triggered by a State Party referral (Arts. 13(a) and 14) on {date} by {states}, on crimes committed since {since}.',
  },
  noSituation: {
    es: 'No hay una situación ante la Corte registrada para este país: la comunicación se presentaría conforme al art. 15.',
    en: 'No situation before the Court is recorded for this country: the communication would be made under Art. 15.',
  },
  oasNote: { es: 'Nota: {note}', en: 'Note: {note}' },
  jurisdictionTitle: {
    es: 'Competencia temporal y territorial, por acto',
    en: 'Temporal and territorial jurisdiction, per act',
  },
  uncertainNote: {
    es: '«Incierto» es una situación propia: el dato que decide (fecha, lugar) falta o es impreciso; no equivale a «fuera de la competencia».',
    en: '“Uncertain” is a status of its own: the deciding fact (date, place) is missing or imprecise; it does not mean “outside jurisdiction”.',
  },
  basisTitle: { es: 'Fundamento razonable, por crimen', en: 'Reasonable basis, per crime' },
  basisStandard: {
    es: 'Norma aplicable (art. 53(1)(a); decisión de autorización en Kenia, SCP II, 31 de marzo de 2010): una justificación sensata o razonable para creer que se ha cometido un crimen de competencia de la Corte; la información no tiene que ser completa ni concluyente ni apuntar a una sola conclusión. Relación con las situaciones de la herramienta: «corroborado» significa al menos {n} orígenes independientes que superan el umbral de calidad — información en la que una persona razonable podría apoyarse; «fuente única», información aún sin corroborar; «controvertido», información en ambos sentidos que el panel debe ponderar; «sin prueba», nada vinculado todavía.',
    en: 'Applicable standard (Art. 53(1)(a); Kenya authorisation decision, PTC II, 31 March 2010): a sensible or reasonable justification for a belief that a crime within the jurisdiction of the Court has been committed; the information need not be comprehensive or conclusive, nor point to a single conclusion. How the tool’s statuses relate to it: “corroborated” means at least {n} independent origins above the quality threshold — information a reasonable person could rely on; “single source”, information not yet corroborated; “contested”, information pointing both ways for the panel to weigh; “no evidence”, nothing linked yet.',
  },
  crime: { es: 'Crimen', en: 'Crime' },
  incidentsAll: { es: 'Incid.', en: 'Incid.' },
  allCorrobCol: { es: 'Todo corrob.', en: 'All corrob.' },
  withEvidenceCol: { es: 'Con prueba', en: 'With evid.' },
  contestedCol: { es: 'Contr.', en: 'Contest.' },
  readingCol: { es: 'Lectura para el panel', en: 'Reading for the panel' },
  admissibilityTitle: {
    es: 'Admisibilidad por caso potencial: complementariedad y gravedad',
    en: 'Admissibility per potential case: complementarity and gravity',
  },
  complementarityText: {
    es: 'Prueba aplicada (art. 17; apelaciones de admisibilidad en Kenia, SA, 30 de agosto de 2011): ¿investiga o juzga un Estado a la misma persona por sustancialmente la misma conducta? Si no hay actuación, el caso es admisible por este motivo (Katanga, SA 2009); si la hay, se examina la falta de voluntad (art. 17(2)) o de capacidad (art. 17(3)). Quien ya fue juzgado por la misma conducta está protegido por el principio de cosa juzgada (ne bis in idem, art. 20(3)), salvo que el proceso buscara sustraerlo de su responsabilidad o no fuera independiente ni imparcial.',
    en: 'Test applied (Art. 17; Kenya admissibility appeals, AC, 30 August 2011): is a State investigating or prosecuting the same person for substantially the same conduct? If no State is acting, the case is admissible on this ground (Katanga, AC 2009); if one is, unwillingness (Art. 17(2)) or inability (Art. 17(3)) is examined. A person already tried for the same conduct is protected by ne bis in idem (Art. 20(3)), unless the proceedings were to shield them or were not independent or impartial.',
  },
  person: { es: 'Persona', en: 'Person' },
  nationalActs: { es: 'En proc. nacional', en: 'In national proc.' },
  complementarityCol: { es: 'Complementariedad', en: 'Complementarity' },
  indicatorsCol: { es: 'Indicios (art. 17(2)–(3))', en: 'Indicators (Art. 17(2)–(3))' },
  gravityTitle: {
    es: 'Gravedad (art. 17(1)(d); Reglamento de la Fiscalía, norma 29(2))',
    en: 'Gravity (Art. 17(1)(d); OTP Regulations, reg. 29(2))',
  },
  interestsTitle: { es: 'Intereses de la justicia', en: 'Interests of justice' },
  interestsText: {
    es: 'Cuestión abierta para el panel (art. 53(1)(c)): ¿hay razones sustanciales para creer que una investigación no redundaría en interés de la justicia, teniendo en cuenta la gravedad de los crímenes y los intereses de las víctimas? La herramienta no la responde. La política de la Fiscalía (2007) presume que la investigación sirve a la justicia y trata esta cláusula como excepcional.',
    en: 'An open question for the panel (Art. 53(1)(c)): are there substantial reasons to believe that an investigation would not serve the interests of justice, taking into account the gravity of the crimes and the interests of victims? The tool does not answer it. The Office’s policy paper (2007) presumes an investigation serves justice and treats this clause as exceptional.',
  },
  mandateText: {
    es: 'Mandato y declaraciones: el panel declara su composición, su mandato y la independencia de cada miembro respecto de las partes; sus miembros firman con su propia clave Ed25519 la huella del contenido de esta versión. Las opiniones y disidencias se publican tal como se emitieron.',
    en: 'Mandate and declarations: the panel states its composition, its mandate and each member’s independence from the parties; its members sign the fingerprint of this version’s content with their own Ed25519 key. Opinions and dissents are published as given.',
  },
  annexIntro: {
    es: 'Por cada crimen, los incidentes con prueba vinculada (los mejor respaldados primero; hasta {n} por crimen, el resto en los datos del paquete de pruebas). Para cada elemento: situación, calificación de su mejor prueba y las pruebas citadas, con el pasaje pertinente cuando la prueba es publicable.',
    en: 'For each crime, the incidents with evidence linked (best supported first; up to {n} per crime, the rest in the bundle’s data). For each element: status, the grade of its best item and the items cited, with the relevant passage when the item may be published.',
  },
  attempt: { es: 'tentativa (art. 25(3)(f))', en: 'attempt (Art. 25(3)(f))' },
  deprivationDays: {
    es: 'privación de libertad registrada: {days}',
    en: 'recorded deprivation of liberty: {days}',
  },
  incidentsOfTotal: {
    es: '{shown} de {total} incidentes con prueba',
    en: '{shown} of {total} incidents with evidence',
  },
  glossaryAbbrev: {
    es: 'Abreviaturas: EC, Elementos de los Crímenes (2013); SCP, Sala de Cuestiones Preliminares; SPI, Sala de Primera Instancia; SA, Sala de Apelaciones.',
    en: 'Abbreviations: EoC, Elements of Crimes (2013); PTC, Pre-Trial Chamber; TJ, Trial Chamber judgment; AC, Appeals Chamber.',
  },
  glossaryIntro: {
    es: 'Identificadores de los elementos citados en el informe, con su fuente y una paráfrasis (cotéjese con el texto oficial de los Elementos de los Crímenes antes de citarla en un escrito).',
    en: 'Identifiers of the elements cited in the report, with their source and a paraphrase (check against the official text of the Elements of Crimes before quoting in a filing).',
  },
  source: { es: 'Fuente', en: 'Source' },
  voidSig: { es: 'anulada', en: 'void' },
  role: { es: 'Función', en: 'Role' },
  secIdentities: { es: 'Anexo confidencial de identidades', en: 'Confidential identity annex' },
  summaryLine: {
    es: '{acts} actos documentados contra {victims} víctimas en {states} estados, entre {from} y {to}.',
    en: '{acts} documented acts against {victims} victims in {states} states, between {from} and {to}.',
  },
  estimateLine: {
    es: 'La estimación por sistemas múltiples ({method}) sitúa el total de víctimas en {estimate} (intervalo del {level}%: {lo}–{hi}), frente a {observed} documentadas en las listas.',
    en: 'Multiple systems estimation ({method}) puts the total number of victims at {estimate} ({level}% interval: {lo}–{hi}), against {observed} documented on the lists.',
  },
  crimeLine: {
    es: '{crime}: {incidents} ({victims}); con todos los elementos que se valoran por incidente corroborados: {full}.',
    en: '{crime}: {incidents} ({victims}); with every element assessed per incident corroborated: {full}.',
  },
  crimeCaveat: {
    es: 'Los elementos que se valoran por incidente son la conducta, sus circunstancias y el nexo con el ataque; los elementos contextuales (sección 4) y los subjetivos de cada persona (sección 8) se valoran aparte. Todo acto es candidato a persecución (art. 7(1)(h)) hasta que se pruebe el motivo discriminatorio.',
    en: 'The elements assessed per incident are the conduct, its circumstances and the nexus with the attack; the contextual elements (section 4) and each person’s mental elements (section 8) are assessed separately. Every act is a persecution candidate (Art. 7(1)(h)) until the discriminatory ground is proved.',
  },

  prisonersLine: {
    es: 'Personas privadas de libertad el {day}: {certain} con certeza ({possible} posibles). Máximo: {peak} el {peakDay}.',
    en: 'Persons deprived of liberty on {day}: {certain} certainly ({possible} possibly). Peak: {peak} on {peakDay}.',
  },
  thresholdsLine: {
    es: 'Umbral de trabajo (configurable, no una regla jurídica): un elemento está corroborado con al menos {n} orígenes independientes con fiabilidad {r} o mejor (o sin valorar) y credibilidad {c} o mejor. La información retransmitida desde un mismo origen cuenta una sola vez. Calificación según el sistema del Almirantazgo (p. ej. «B2»).',
    en: 'Working threshold (configurable, not a legal rule): an element is corroborated by at least {n} independent origins with reliability {r} or better (or unrated) and credibility {c} or better. Information relayed from one origin counts once. Grades follow the Admiralty system (e.g. "B2").',
  },
  sources: { es: 'Fuentes por tipo', en: 'Sources by kind' },
  reliability: { es: 'Fuentes por fiabilidad', en: 'Sources by reliability' },
  materials: {
    es: '{testimonies} testimonios, {evidence} elementos de prueba, {items} piezas de fuentes abiertas, {hearings} audiencias, {links} vínculos prueba–elemento.',
    en: '{testimonies} testimonies, {evidence} evidence items, {items} open-source items, {hearings} hearings, {links} evidence–element links.',
  },
  element: { es: 'Elemento', en: 'Element' },
  status: { es: 'Situación', en: 'Status' },
  sourcesCol: { es: 'Fuentes indep.', en: 'Indep. sources' },
  grade: { es: 'Calif.', en: 'Grade' },
  evidenceCol: { es: 'Prueba citada', en: 'Evidence cited' },
  incidentsCol: {
    es: 'Incidentes: corrob. / fuente única / controvertido / sin prueba',
    en: 'Incidents: corrob. / single / contested / none',
  },
  widespread: {
    es: 'Generalizado: {victims} víctimas documentadas, {states} estados, {months} meses con hechos.',
    en: 'Widespread: {victims} documented victims, {states} states, {months} months with acts.',
  },
  systematic: {
    es: 'Indicio de patrón (no una conclusión sobre el carácter sistemático): el {share} % de los actos fue cometido por una unidad o en un centro de detención que reaparece en al menos {s} estados y {p} años. Los métodos recurrentes se listan, pero no cuentan: un método como los golpes aparece en cualquier conjunto de abusos.',
    en: 'Pattern indicator (not a finding that the attack was systematic): {share}% of acts were committed by a unit, or at a detention site, that recurs in at least {s} states and {p} years. Recurrent methods are listed but do not count: a method such as beating recurs in any set of abuses.',
  },
  recurrent: { es: 'Rasgos recurrentes', en: 'Recurrent features' },
  feature: { es: 'Rasgo', en: 'Feature' },
  acts: { es: 'Actos', en: 'Acts' },
  states: { es: 'Estados', en: 'States' },
  years: { es: 'Años', en: 'Years' },
  policyLine: {
    es: '{n} participaciones registradas como autoría, apoyo o aplicación de la política.',
    en: '{n} involvements recorded as authoring, supporting or implementing the policy.',
  },
  sample: { es: 'Incidentes (los mejor respaldados primero)', en: 'Incidents (best supported first)' },
  act: { es: 'Acto', en: 'Act' },
  date: { es: 'Fecha', en: 'Date' },
  state: { es: 'Estado', en: 'State' },
  victim: { es: 'Víctima', en: 'Victim' },
  more: {
    es: '… y {n} más en el anexo de datos del paquete de pruebas.',
    en: "… and {n} more in the bundle's data annex.",
  },
  chartMonth: { es: 'Actos por mes', en: 'Acts per month' },
  chartState: { es: 'Actos por estado', en: 'Acts by state' },
  chartType: { es: 'Actos por tipo', en: 'Acts by type' },
  chartPrisoners: {
    es: 'Presos políticos (primer día de cada mes; banda: posibles)',
    en: 'Political prisoners (first day of each month; band: possible)',
  },
  chartEstimate: { es: 'Víctimas documentadas y estimadas', en: 'Documented and estimated victims' },
  documented: { es: 'Documentadas', en: 'Documented' },
  estimated: { es: 'Estimadas', en: 'Estimated' },
  estimateNotConverged: {
    es: 'La estimación por sistemas múltiples ({method}) no convergió: las cadenas de simulación no llegaron a coincidir, así que no hay una cifra del total que pueda sostenerse; solo consta que hay {observed} víctimas documentadas en las listas. Hace falta repetir el cálculo con cadenas más largas.',
    en: 'Multiple systems estimation ({method}) did not converge: the simulation chains did not come to agree, so there is no figure for the total that can be stood behind; only the {observed} victims documented on the lists are established. The estimate has to be run again with longer chains.',
  },
  noEstimate: {
    es: 'No hay una estimación guardada para este caso.',
    en: 'No estimate has been saved for this case.',
  },
  suspect: { es: 'Persona cuya responsabilidad se examina', en: 'Person whose responsibility is examined' },
  modes: {
    es: 'Formas de responsabilidad que cabe examinar (arts. 25 y 28)',
    en: 'Modes of liability to examine (Arts. 25 and 28)',
  },
  suspectsWithoutEvidence: {
    es: '{n} vinculadas a actos solo a través de su unidad o cargo, sin ninguna prueba vinculada a ellas, no se nombran en este informe.',
    en: '{n} linked to acts only through their unit or post, with no evidence linked to them, are not named in this report.',
  },
  positionsGeneral: {
    es: 'Cargos (generalizados para no identificar a la persona)',
    en: 'Positions (generalised so as not to identify the person)',
  },
  commanderOf: { es: 'al mando de: {unit}', en: 'in command of: {unit}' },
  memberOf: { es: 'integrante de: {unit}', en: 'member of: {unit}' },
  directActs: { es: 'Actos con participación propia', en: 'Acts with own involvement' },
  noEvidenceYet: { es: 'Sin prueba vinculada todavía', en: 'No evidence linked yet' },
  commandActs: { es: 'Por la cadena de mando', en: 'Through the chain of command' },
  positions: { es: 'Cargos', en: 'Positions' },
  jurisdictionLine: {
    es: 'Estado: {country}. Entrada en vigor del Estatuto: {eif}. Actos que cumplen las condiciones de tiempo y lugar (arts. 11 y 12): {inside}; fuera de ellas: {outside}; inciertos: {uncertain}. La competencia material se examina por crimen (sección 5).',
    en: 'State: {country}. Entry into force of the Statute: {eif}. Acts meeting the preconditions of time and place (Arts. 11 and 12): {inside}; outside them: {outside}; uncertain: {uncertain}. Subject-matter jurisdiction is examined per crime (section 5).',
  },
  outsideActs: { es: 'Actos fuera de la competencia', en: 'Acts outside jurisdiction' },
  uncertainActs: { es: 'Actos inciertos', en: 'Uncertain acts' },
  reason: { es: 'Motivo', en: 'Reason' },
  admissibilityLine: {
    es: 'Procedimientos nacionales registrados: {n}. Actos sin procedimiento registrado: {acts}. La complementariedad se examina por caso potencial, a continuación.',
    en: 'National proceedings recorded: {n}. Acts with no recorded proceeding: {acts}. Complementarity is examined per potential case, below.',
  },
  gravityScale: { es: 'Escala', en: 'Scale' },
  gravityNature: { es: 'Naturaleza', en: 'Nature' },
  gravityManner: { es: 'Forma de comisión', en: 'Manner of commission' },
  gravityImpact: { es: 'Impacto', en: 'Impact' },
  scaleLine: {
    es: '{victims} víctimas documentadas, {acts} actos, {states} estados, {months} meses.',
    en: '{victims} documented victims, {acts} acts, {states} states, {months} months.',
  },
  natureLine: {
    es: 'Con prueba vinculada a la conducta: {killings} muertes y {sexual} actos de violencia sexual (registrados por tipo de acto: {killingsRec} y {sexualRec}). Víctimas menores de edad: {children}.',
    en: 'With evidence linked to the conduct: {killings} killings and {sexual} acts of sexual violence (recorded by act type: {killingsRec} and {sexualRec}). Child victims: {children}.',
  },
  mannerLine: {
    es: 'Agentes del Estado registrados como implicados en el {share} % de los actos; {policy} pruebas o participaciones relativas a la política.',
    en: 'State agents recorded as involved in {share}% of acts; {policy} items or involvements relating to the policy.',
  },
  impactLine: {
    es: 'Máximo de presos políticos: {peak}; {exiled} personas exiliadas; {disappeared} víctimas de desaparición; {detained} personas detenidas.',
    en: 'Peak of political prisoners: {peak}; {exiled} persons exiled; {disappeared} victims of disappearance; {detained} persons detained.',
  },
  members: { es: 'Miembros del panel', en: 'Panel members' },
  finding: { es: 'Hallazgo', en: 'Finding' },
  member: { es: 'Miembro', en: 'Member' },
  position: { es: 'Posición', en: 'Position' },
  reasons: { es: 'Razones', en: 'Reasons' },
  noOpinions: { es: 'El panel aún no ha emitido opiniones.', en: 'The panel has given no opinions yet.' },
  signatures: { es: 'Firmas', en: 'Signatures' },
  noSignatures: { es: 'Sin firmas válidas sobre esta versión.', en: 'No valid signatures on this version.' },
  item: { es: 'Elemento', en: 'Item' },
  kind: { es: 'Tipo', en: 'Kind' },
  title: { es: 'Título', en: 'Title' },
  cited: { es: 'Citas', en: 'Cited' },
  withheld: { es: '[reservado]', en: '[withheld]' },
  name: { es: 'Nombre', en: 'Name' },
  pseudonym: { es: 'Seudónimo', en: 'Pseudonym' },
  page: { es: 'Página', en: 'Page' },
  generatedBy: { es: 'Generado por Testigo', en: 'Generated by Testigo' },
} as const;

export type Key = keyof typeof S;

/** The whole catalogue (both languages), for the tests that scan an edition for the other language. */
export const catalogue: Readonly<Record<Key, { readonly es: string; readonly en: string }>> = S;

export function t(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  return S[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

const STATUS: Record<string, { es: string; en: string }> = {
  corroborated: { es: 'corroborado', en: 'corroborated' },
  'single-source': { es: 'fuente única', en: 'single source' },
  contested: { es: 'controvertido', en: 'contested' },
  'no-evidence': { es: 'sin prueba', en: 'no evidence' },
};
const POSITION: Record<string, { es: string; en: string }> = {
  agree: { es: 'de acuerdo', en: 'agrees' },
  disagree: { es: 'en desacuerdo (disidencia)', en: 'disagrees (dissent)' },
  abstain: { es: 'se abstiene', en: 'abstains' },
};
const OUTSIDE: Record<string, { es: string; en: string }> = {
  'before-entry-into-force': { es: 'anterior a la entrada en vigor', en: 'before entry into force' },
  'not-state-party-territory': {
    es: 'fuera del territorio de un Estado Parte',
    en: "outside a State Party's territory",
  },
  'no-date': { es: 'sin fecha', en: 'no date' },
  'outside-temporal-scope': { es: 'fuera del período del caso', en: 'outside the case period' },
};
const UNCERTAIN: Record<string, { es: string; en: string }> = {
  'no-date': { es: 'sin fecha', en: 'no date' },
  'no-place': { es: 'sin lugar', en: 'no place' },
  'date-straddles-entry-into-force': {
    es: 'fecha imprecisa en torno a la entrada en vigor',
    en: 'imprecise date around the entry into force',
  },
};
const PROCEEDING_STATUS: Record<string, { es: string; en: string }> = {
  none: { es: 'ninguno', en: 'none' },
  preliminary_inquiry: { es: 'averiguación preliminar', en: 'preliminary inquiry' },
  investigation: { es: 'investigación', en: 'investigation' },
  charges: { es: 'acusación', en: 'charges' },
  trial: { es: 'juicio', en: 'trial' },
  convicted: { es: 'condena', en: 'convicted' },
  acquitted: { es: 'absolución', en: 'acquitted' },
  closed: { es: 'archivado', en: 'closed' },
};
const INDICATOR: Record<string, { es: string; en: string }> = {
  shielding_purpose: { es: 'propósito de sustraer a la persona', en: 'purpose of shielding' },
  unjustified_delay: { es: 'demora injustificada', en: 'unjustified delay' },
  lack_of_independence: {
    es: 'falta de independencia o imparcialidad',
    en: 'lack of independence or impartiality',
  },
  inconsistent_with_intent_to_bring_to_justice: {
    es: 'incompatible con la intención de hacer comparecer a la persona ante la justicia',
    en: 'inconsistent with an intent to bring the person to justice',
  },
  judicial_system_collapse: {
    es: 'colapso total o sustancial de la administración de justicia',
    en: 'total or substantial collapse of the judicial system',
  },
  unable_to_obtain_accused_or_evidence: {
    es: 'imposibilidad de hacer comparecer al acusado u obtener las pruebas',
    en: 'unable to obtain the accused or the evidence',
  },
};
const COMPLEMENTARITY: Record<string, { es: string; en: string }> = {
  'no-national-proceedings': {
    es: 'sin actuación nacional registrada (inactividad)',
    en: 'no national proceedings recorded (inactivity)',
  },
  'proceedings-other-conduct': {
    es: 'procedimiento contra la persona, pero no por sustancialmente la misma conducta',
    en: 'proceedings against the person, but not for substantially the same conduct',
  },
  'proceedings-same-conduct': {
    es: 'procedimiento por la misma conducta: examinar art. 17(2)–(3)',
    en: 'proceedings for the same conduct: examine Art. 17(2)–(3)',
  },
  'decided-not-to-prosecute': {
    es: 'investigado y archivado (art. 17(1)(b))',
    en: 'investigated and closed (Art. 17(1)(b))',
  },
  tried: { es: 'ya juzgado: ne bis in idem (art. 20(3))', en: 'already tried: ne bis in idem (Art. 20(3))' },
};
const BASIS: Record<string, { es: string; en: string }> = {
  'corroborated-incidents': {
    es: 'hay incidentes con todos sus elementos por incidente corroborados: información sobre la que el panel puede valorar si existe fundamento razonable',
    en: 'there are incidents with every per-incident element corroborated: information on which the panel may weigh whether there is a reasonable basis',
  },
  'partial-information': {
    es: 'información parcial: ningún incidente tiene aún todos sus elementos corroborados',
    en: 'partial information: no incident yet has every element corroborated',
  },
  'no-information': { es: 'sin información vinculada', en: 'no information linked' },
};
const ROLE: Record<string, { es: string; en: string }> = {
  chair: { es: 'presidencia', en: 'chair' },
  member: { es: 'miembro', en: 'member' },
};
const NOUNS: Record<string, { es: readonly [string, string]; en: readonly [string, string] }> = {
  incident: { es: ['incidente', 'incidentes'], en: ['incident', 'incidents'] },
  victim: { es: ['víctima', 'víctimas'], en: ['victim', 'victims'] },
  act: { es: ['acto', 'actos'], en: ['act', 'acts'] },
  day: { es: ['día', 'días'], en: ['day', 'days'] },
  person: { es: ['persona', 'personas'], en: ['person', 'persons'] },
};

/** Citations are written in English in the law data; Spanish names the same sources its own way. */
const CITATION_ES: readonly [RegExp, string][] = [
  [/\(dolus eventualis excluded\)/g, '(excluye el dolo eventual)'],
  [/\(significant\)/g, '(«significativa»)'],
  [/\(any contribution that influenced the crime\)/g, '(toda contribución que influyó en el crimen)'],
  [/Kenya authorisation/g, 'autorización en Kenia'],
  [/EoC Introduction to Art\. 7/g, 'EC, Introducción al art. 7'],
  [/penultimate element of each crime/g, 'penúltimo elemento de cada crimen'],
  [/last element of each crime/g, 'último elemento de cada crimen'],
  [/ and fn\. /g, ' y nota '],
  [/fn\. /g, 'nota '],
  [/\(conduct\)/g, '(conducta)'],
  [/\(intent\)/g, '(intención)'],
  [/\bEoC\b/g, 'EC'],
  [/\bArt\. /g, 'art. '],
  [/ PTC\b/g, ' SCP'],
  [/ TJ\b/g, ' SPI'],
  [/ AC\b/g, ' SA'],
];

/** A citation of the law data in the language of the report (EoC → EC, TJ → SPI, …). */
export function citation(lang: Lang, ref: string): string {
  if (lang === 'en') return ref;
  return CITATION_ES.reduce((x, [re, to]) => x.replace(re, to), ref);
}

/** "1 incidente", "2 incidentes": a number with its noun in the right number. */
export function count(lang: Lang, n: number, noun: keyof typeof NOUNS & string): string {
  const forms = NOUNS[noun]![lang];
  return `${num(lang, n)} ${n === 1 ? forms[0] : forms[1]}`;
}

const CONTEXT_NAMES: Record<string, { es: string; en: string }> = {
  'CTX.attack': { es: 'Ataque', en: 'Attack' },
  'CTX.civilian': { es: 'Población civil', en: 'Civilian population' },
  'CTX.widespread-systematic': { es: 'Generalizado o sistemático', en: 'Widespread or systematic' },
  'CTX.policy': { es: 'Política', en: 'Policy' },
  'CTX.nexus': { es: 'Nexo', en: 'Nexus' },
  'CTX.knowledge': { es: 'Conocimiento', en: 'Knowledge' },
};
const ITEM_KIND: Record<string, { es: string; en: string }> = {
  testimony: { es: 'testimonio', en: 'testimony' },
  evidence: { es: 'prueba', en: 'evidence' },
  informationItem: { es: 'fuente abierta', en: 'open source' },
};

export const label = {
  status: (lang: Lang, s: string) => STATUS[s]?.[lang] ?? s,
  position: (lang: Lang, s: string) => POSITION[s]?.[lang] ?? s,
  outside: (lang: Lang, s: string) => OUTSIDE[s]?.[lang] ?? s,
  uncertain: (lang: Lang, s: string) => UNCERTAIN[s]?.[lang] ?? s,
  proceedingStatus: (lang: Lang, s: string) => PROCEEDING_STATUS[s]?.[lang] ?? s,
  indicator: (lang: Lang, s: string) => INDICATOR[s]?.[lang] ?? s,
  complementarity: (lang: Lang, s: string) => COMPLEMENTARITY[s]?.[lang] ?? s,
  basis: (lang: Lang, s: string) => BASIS[s]?.[lang] ?? s,
  role: (lang: Lang, s: string) => ROLE[s]?.[lang] ?? s,
  unitKind: (lang: Lang, c: string) => UNIT_KINDS.labelOf(c, lang),
  country: (lang: Lang, iso2: string) => stateParty(iso2)?.name[lang] ?? iso2,
  itemKind: (lang: Lang, s: string) => ITEM_KIND[s]?.[lang] ?? s,
  actType: (lang: Lang, c: string) => ACT_TYPES.labelOf(c, lang),
  method: (lang: Lang, c: string) => VIOLENCE_METHODS.labelOf(c, lang),
  degree: (lang: Lang, c: string) => INVOLVEMENT_DEGREES.labelOf(c, lang),
  sourceKind: (lang: Lang, c: string) => SOURCE_KINDS.labelOf(c, lang),
  evidenceKind: (lang: Lang, c: string) => EVIDENCE_KINDS.labelOf(c, lang),
  state: (code: string) => VENEZUELA_STATES.find((s) => s.code === code)?.name ?? code,
  crime: (lang: Lang, id: string) => {
    const c = crimeById(id);
    return c ? `${c.article} ${c.label[lang]}` : id;
  },
  element: (lang: Lang, id: string) => {
    const e = elementById(id);
    const short = id.startsWith('CTX.') ? (CONTEXT_NAMES[id]?.[lang] ?? id) : id.split('.').slice(-1)[0];
    return e ? `${short} — ${e.text[lang]}` : id;
  },
  mode: (lang: Lang, id: string) => {
    const m = LIABILITY_MODES.find((x) => x.id === id);
    return m ? `${m.article} ${m.label[lang]}` : id;
  },
  target: (lang: Lang, id: string) =>
    id.startsWith('section:')
      ? `§ ${id.slice(8)}`
      : crimeById(id)
        ? label.crime(lang, id)
        : label.element(lang, id),
};

/** Numbers as the language writes them (thousands separators). */
export function num(lang: Lang, n: number, digits = 0): string {
  return n.toLocaleString(lang === 'es' ? 'es-VE' : 'en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
}
