/**
 * The case file's controlled vocabularies, after the HURIDOCS Events Standard Formats and
 * micro-thesauri (types of acts, methods of violence, degrees of involvement, types of
 * perpetrators, source connection and material) and the Admiralty grading system. Codes are
 * stable identifiers; labels are Spanish as used by Venezuelan NGOs, and English.
 *
 * `huridocs` codes are the real 12-digit micro-thesaurus codes (huridocs/OpenEvSys,
 * schema/mysql-dbpopulate-mt.sql); a term without one has no HURIDOCS equivalent (e.g. pellet
 * shooting) or only a broader or narrower one, which is named in the term's note instead of
 * being passed off as a match. Our hierarchies follow Rome Statute Art. 7 groupings, not the
 * HURIDOCS tree, so a parent here need not be the HURIDOCS parent.
 */
import { defineVocabulary } from './vocab.js';

type Extra = { parent?: string; huridocs?: string; note?: { es: string; en: string } };

/** A term; generic in its code so each vocabulary keeps the union of its codes as a type. */
const t = <const C extends string>(code: C, es: string, en: string, extra: Extra = {}) => ({
  code,
  es,
  en,
  ...extra,
});
const note = (es: string, en: string) => ({ es, en });

/** HURIDOCS MT 4 "Types of acts", the acts relevant to crimes against humanity (Art. 7(1)). */
export const ACT_TYPES = defineVocabulary(
  'act_type',
  { es: 'Tipo de acto', en: 'Type of act' },
  [
    t('killing', 'Homicidio', 'Killing', {
      huridocs: '010100000000',
      note: note(
        'Acciones directas contra el derecho a la vida',
        'Direct actions violating the right to life',
      ),
    }),
    t('extrajudicial_execution', 'Ejecución extrajudicial', 'Extrajudicial execution', {
      parent: 'killing',
      huridocs: '010101020000',
    }),
    t('summary_execution', 'Ejecución sumaria', 'Summary execution', {
      parent: 'killing',
      huridocs: '010101010000',
    }),
    t('death_in_custody', 'Muerte bajo custodia', 'Death in custody', {
      parent: 'killing',
      huridocs: '010106010000',
    }),
    t('killing_in_demonstration', 'Muerte en manifestación', 'Killing in a demonstration', {
      parent: 'killing',
      huridocs: '010105010000',
    }),
    t('massacre', 'Masacre', 'Massacre', { parent: 'killing', huridocs: '010104000000' }),
    t('attempted_killing', 'Intento de homicidio', 'Attempted killing', {
      parent: 'killing',
      huridocs: '010109000000',
    }),
    t('torture', 'Tortura', 'Torture', { huridocs: '020111110000' }),
    t(
      'cruel_inhuman_treatment',
      'Trato cruel, inhumano o degradante',
      'Cruel, inhuman or degrading treatment',
      {
        note: note(
          'Sin código propio en el MT 4 de HURIDOCS (se registra por sus métodos)',
          'No own code in HURIDOCS MT 4 (recorded through its methods)',
        ),
      },
    ),
    t('sexual_violence', 'Violencia sexual', 'Sexual violence', { huridocs: '020102000000' }),
    t('rape', 'Violación', 'Rape', { parent: 'sexual_violence', huridocs: '020111010000' }),
    t('attempted_rape', 'Intento de violación', 'Attempted rape', {
      parent: 'sexual_violence',
      huridocs: '020111020000',
    }),
    t('sexual_assault', 'Agresión sexual', 'Sexual assault', {
      parent: 'sexual_violence',
      huridocs: '020111030000',
    }),
    t('sexual_harassment_threats', 'Acoso o amenazas sexuales', 'Sexual harassment or threats', {
      parent: 'sexual_violence',
      huridocs: '020103050000',
    }),
    t('forced_nudity', 'Desnudez forzada', 'Forced nudity', { parent: 'sexual_violence' }),
    t('deprivation_of_liberty', 'Privación de libertad', 'Deprivation of liberty', {
      huridocs: '030100000000',
    }),
    t('arbitrary_detention', 'Detención arbitraria', 'Arbitrary detention', {
      parent: 'deprivation_of_liberty',
      huridocs: '030102000000',
    }),
    t('arbitrary_arrest', 'Arresto arbitrario', 'Arbitrary arrest', {
      parent: 'deprivation_of_liberty',
      huridocs: '030101000000',
    }),
    t('mass_roundup', 'Detención masiva', 'Mass round-up', {
      parent: 'deprivation_of_liberty',
      huridocs: '030107000000',
    }),
    t('incommunicado_detention', 'Detención incomunicada', 'Incommunicado detention', {
      parent: 'deprivation_of_liberty',
      note: note(
        'En HURIDOCS es una situación de paradero (MT 30), no un tipo de acto',
        'In HURIDOCS a whereabouts status (MT 30), not a type of act',
      ),
    }),
    t('house_arrest', 'Arresto domiciliario', 'House arrest', {
      parent: 'deprivation_of_liberty',
      huridocs: '030105000000',
    }),
    t('enforced_disappearance', 'Desaparición forzada', 'Enforced disappearance', {
      huridocs: '030103000000',
    }),
    t(
      'short_term_disappearance',
      'Desaparición forzada de corta duración',
      'Short-term enforced disappearance',
      { parent: 'enforced_disappearance' },
    ),
    t('forced_exile', 'Exilio forzado', 'Forced exile', { huridocs: '050102000000' }),
    t('deportation', 'Deportación', 'Deportation', { parent: 'forced_exile', huridocs: '330101000000' }),
    t('forcible_transfer', 'Traslado forzoso', 'Forcible transfer', {
      parent: 'forced_exile',
      huridocs: '050104000000',
      note: note('HURIDOCS: desplazamiento', 'HURIDOCS: displacement'),
    }),
    t('persecution', 'Persecución', 'Persecution', {
      note: note(
        'Art. 7(1)(h): requiere conexión con otro acto o crimen de la Corte',
        'Art. 7(1)(h): needs a connection with another act or crime of the Court',
      ),
    }),
    t(
      'violation_of_expression',
      'Violación de la libertad de expresión',
      'Violation of freedom of expression',
      { parent: 'persecution', huridocs: '100000000000' },
    ),
    t('violation_of_assembly', 'Violación de la libertad de reunión', 'Violation of freedom of assembly', {
      parent: 'persecution',
      huridocs: '120000000000',
    }),
    t(
      'violation_of_political_participation',
      'Violación de la participación política',
      'Violation of political participation',
      { parent: 'persecution', huridocs: '170000000000' },
    ),
    t('violation_of_due_process', 'Violación del debido proceso', 'Violation of due process', {
      parent: 'persecution',
      huridocs: '350000000000',
    }),
    t('judicial_harassment', 'Hostigamiento judicial', 'Judicial harassment', { parent: 'persecution' }),
    t('illegal_search', 'Allanamiento ilegal', 'Illegal search or raid', {
      parent: 'persecution',
      huridocs: '040101000000',
    }),
    t('threats', 'Amenazas', 'Threats', {
      huridocs: '020103010000',
      note: note(
        'HURIDOCS: amenazas salvo de muerte; las de muerte van en death_threats',
        'HURIDOCS: threats other than death threats; those go under death_threats',
      ),
    }),
    t('death_threats', 'Amenazas de muerte', 'Death threats', {
      parent: 'threats',
      huridocs: '020103020000',
    }),
    t('injury', 'Lesiones', 'Injury', {
      huridocs: '020101000000',
      note: note('HURIDOCS: agresiones físicas', 'HURIDOCS: physical assaults'),
    }),
    t('wounding', 'Heridas', 'Wounding', { parent: 'injury' }),
    t('destruction_of_property', 'Destrucción de bienes', 'Destruction of property', {
      huridocs: '130103000000',
    }),
    t('forced_labour', 'Trabajo forzoso', 'Forced labour', { huridocs: '300102010000' }),
    t('slavery', 'Esclavitud', 'Slavery', { parent: 'forced_labour', huridocs: '030106000000' }),
    t('other_inhumane_act', 'Otro acto inhumano', 'Other inhumane act', {
      note: note('Art. 7(1)(k)', 'Art. 7(1)(k)'),
    }),
  ] as const,
  { huridocsList: 4 },
);

/** HURIDOCS MT 5 "Methods of violence", mostly its torture branch (03…) and indiscriminate attacks (04…). */
export const VIOLENCE_METHODS = defineVocabulary(
  'violence_method',
  { es: 'Método de violencia', en: 'Method of violence' },
  [
    t('beating', 'Golpes', 'Beating', { huridocs: '030100000000' }),
    t('falanga', 'Golpes en las plantas de los pies (falanga)', 'Falanga', {
      parent: 'beating',
      huridocs: '030104000000',
    }),
    t('electric_shock', 'Descargas eléctricas', 'Electric shocks', { huridocs: '030800000000' }),
    t('asphyxiation', 'Asfixia', 'Asphyxiation', { huridocs: '030900000000' }),
    t('asphyxiation_wet', 'Asfixia húmeda (submarino)', 'Wet asphyxiation (submarino)', {
      parent: 'asphyxiation',
      huridocs: '030901000000',
    }),
    t('asphyxiation_dry', 'Asfixia con bolsa', 'Dry asphyxiation (bag)', {
      parent: 'asphyxiation',
      huridocs: '030902000000',
    }),
    t('strangulation', 'Estrangulamiento', 'Strangulation', { huridocs: '031000000000' }),
    t('forced_postures', 'Posiciones forzadas', 'Forced postures', { huridocs: '031100000000' }),
    t('suspension', 'Suspensión', 'Suspension', { parent: 'forced_postures', huridocs: '031101000000' }),
    t('forced_standing', 'De pie forzado', 'Forced standing', {
      parent: 'forced_postures',
      huridocs: '031103000000',
    }),
    t('immobilisation', 'Inmovilización (esposas, ataduras)', 'Immobilisation (cuffs, tying)', {
      huridocs: '031700000000',
    }),
    t('burns', 'Quemaduras', 'Burns', { huridocs: '030400000000' }),
    t('extreme_temperature', 'Temperaturas extremas', 'Extreme heat or cold', { huridocs: '030700000000' }),
    t('nail_removal', 'Arrancamiento de uñas', 'Nail removal', { huridocs: '031200000000' }),
    t('sexual_torture', 'Tortura sexual', 'Sexual torture'),
    t('rape', 'Violación', 'Rape', { parent: 'sexual_torture', huridocs: '030500000000' }),
    t('threats_against_family', 'Amenazas contra familiares', 'Threats against relatives', {
      huridocs: '032202000000',
      note: note(
        'HURIDOCS: amenazas (salvo de muerte) contra la familia',
        "HURIDOCS: threats (other than death threats) against the victim's family",
      ),
    }),
    t('death_threats', 'Amenazas de muerte', 'Death threats', { huridocs: '032300000000' }),
    t('sleep_deprivation', 'Privación de sueño', 'Sleep deprivation', { huridocs: '031502000000' }),
    t('food_water_deprivation', 'Privación de alimentos o agua', 'Deprivation of food or water', {
      huridocs: '031501000000',
    }),
    t('denial_of_medical_care', 'Negación de atención médica', 'Denial of medical care', {
      huridocs: '031503000000',
    }),
    t('isolation', 'Aislamiento', 'Isolation', { huridocs: '031800000000' }),
    t('sensory_stress', 'Estrés sensorial', 'Sensory stress', { huridocs: '031900000000' }),
    t('blindfolding', 'Vendaje de ojos o encapuchamiento', 'Blindfolding or hooding', {
      parent: 'sensory_stress',
      huridocs: '031904000000',
    }),
    t('noise_light', 'Ruido o luz constantes', 'Constant noise or light', {
      parent: 'sensory_stress',
      note: note(
        'HURIDOCS separa ruido (031901000000) y luz intensa (031903000000)',
        'HURIDOCS separates noise (031901000000) and powerful light (031903000000)',
      ),
    }),
    t('overcrowding', 'Hacinamiento', 'Overcrowding', { parent: 'sensory_stress', huridocs: '031905000000' }),
    t('degradation_nakedness', 'Desnudez y trato degradante', 'Nakedness and degradation', {
      huridocs: '032102000000',
    }),
    t('verbal_abuse', 'Insultos y humillaciones verbales', 'Verbal abuse', { huridocs: '032101000000' }),
    t('psychological_torture', 'Tortura psicológica', 'Psychological torture', { huridocs: '032000000000' }),
    t('witnessing_torture', 'Obligado a presenciar torturas', 'Forced to witness torture', {
      huridocs: '032400000000',
    }),
    t('pharmacological', 'Manipulación farmacológica', 'Pharmacological manipulation', {
      huridocs: '032500000000',
    }),
    t('mock_execution', 'Simulacro de ejecución', 'Mock execution'),
    t('tear_gas', 'Gases lacrimógenos', 'Tear gas', { huridocs: '040100000000' }),
    t('shooting', 'Disparos con arma de fuego', 'Shooting with firearms', {
      note: note(
        'HURIDOCS solo tiene disparo como método para matar (010100000000) o ataque indiscriminado (040200000000)',
        'HURIDOCS only has shooting as a killing method (010100000000) or indiscriminate attack (040200000000)',
      ),
    }),
    t('pellet_shooting', 'Disparos de perdigones', 'Pellet shooting'),
    t('vehicle_run_over', 'Arrollamiento con vehículo', 'Run over by a vehicle'),
  ] as const,
  { huridocsList: 5 },
);

const hint = (es: string, en: string) => ({ note: note(es, en) });

/** HURIDOCS MT 18 "Degrees of involvement", each with the liability hint of docs/LEGAL-MODEL.md §2. */
export const INVOLVEMENT_DEGREES = defineVocabulary(
  'involvement_degree',
  { es: 'Grado de participación', en: 'Degree of involvement' },
  [
    t('directly_carried_out', 'Lo ejecutó directamente', 'Directly carried out', {
      huridocs: '010100000000',
      ...hint('Indicio de art. 25(3)(a)', 'Hint: Art. 25(3)(a)'),
    }),
    t('gave_orders', 'Dio las órdenes', 'Gave orders', {
      huridocs: '010200000000',
      ...hint('Indicio de art. 25(3)(b)', 'Hint: Art. 25(3)(b)'),
    }),
    t('planned', 'Lo planificó', 'Planned', {
      huridocs: '010500000000',
      ...hint('Indicio de art. 25(3)(a) o (d)', 'Hint: Art. 25(3)(a) or (d)'),
    }),
    t('passive_accomplice', 'Cómplice pasivo', 'Passive accomplice', {
      huridocs: '010300000000',
      ...hint('Indicio de art. 25(3)(c) o (d)', 'Hint: Art. 25(3)(c) or (d)'),
    }),
    t('confirmed_present', 'Presencia confirmada', 'Confirmed present', {
      huridocs: '010400000000',
      ...hint(
        'Estado probatorio, no un modo de responsabilidad',
        'Evidentiary status, not a mode of liability',
      ),
    }),
    t('suspected', 'Sospechoso', 'Suspected', {
      huridocs: '010600000000',
      ...hint(
        'Estado probatorio, no un modo de responsabilidad',
        'Evidentiary status, not a mode of liability',
      ),
    }),
    t('authored_policy', 'Autor de la política o norma', 'Authored the violative law or policy', {
      huridocs: '030100000000',
      ...hint('Prueba de política (art. 7(2)(a))', 'Policy evidence (Art. 7(2)(a))'),
    }),
    t('supported_policy', 'Apoyó la política o norma', 'Supported the violative law or policy', {
      huridocs: '030200000000',
      ...hint('Prueba de política (art. 7(2)(a))', 'Policy evidence (Art. 7(2)(a))'),
    }),
    t('implemented_policy', 'Aplicó la política o norma', 'Implemented the violative law or policy', {
      huridocs: '040000000000',
      ...hint('Prueba de política; indicio de art. 25(3)(a)', 'Policy evidence; hint: Art. 25(3)(a)'),
    }),
    t(
      'failed_to_exercise_authority',
      'No ejerció control sobre subordinados',
      'Failed to exercise authority over subordinates',
      { huridocs: '050100000000', ...hint('Indicio de art. 28', 'Hint: Art. 28') },
    ),
    t('failed_to_act_on_knowledge', 'No actuó pese a saberlo', 'Failed to act on knowledge', {
      huridocs: '050200000000',
      ...hint('Indicio de art. 28', 'Hint: Art. 28'),
    }),
    t('failed_to_prevent', 'No lo impidió ni castigó', 'Failed to prevent or punish', {
      huridocs: '050300000000',
      ...hint('Indicio de art. 28', 'Hint: Art. 28'),
    }),
    t('political_responsibility', 'Responsabilidad política general', 'General political responsibility', {
      huridocs: '060000000000',
      ...hint('Solo contexto', 'Context only'),
    }),
  ] as const,
  { huridocsList: 18 },
);

/** HURIDOCS MT 24 "Types of perpetrators". */
export const PERPETRATOR_TYPES = defineVocabulary(
  'perpetrator_type',
  { es: 'Tipo de perpetrador', en: 'Type of perpetrator' },
  [
    t('state', 'Agente del Estado', 'State agent', { huridocs: '010000000000' }),
    t('officials', 'Funcionarios del poder ejecutivo', 'Executive officials', {
      parent: 'state',
      huridocs: '010100000000',
    }),
    t('armed_forces', 'Fuerza Armada', 'Armed forces', { parent: 'state', huridocs: '010103000000' }),
    t('military_intelligence', 'Inteligencia militar', 'Military intelligence', { parent: 'state' }),
    t('national_guard', 'Guardia Nacional', 'National Guard', { parent: 'state' }),
    t('police', 'Policía', 'Police', { parent: 'state', huridocs: '010104000000' }),
    t('intelligence_service', 'Servicio de inteligencia', 'Intelligence service', {
      parent: 'state',
      huridocs: '010106000000',
    }),
    t('prison_staff', 'Personal penitenciario', 'Prison staff', {
      parent: 'state',
      huridocs: '010105000000',
    }),
    t('judiciary', 'Poder judicial', 'Judiciary', { parent: 'state', huridocs: '010300000000' }),
    t('prosecution', 'Ministerio Público', 'Prosecution service', { parent: 'state' }),
    t('legislature', 'Poder legislativo', 'Legislature', { parent: 'state', huridocs: '010200000000' }),
    t('non_state', 'Actor no estatal', 'Non-state actor', { huridocs: '020000000000' }),
    t(
      'pro_government_paramilitary',
      'Grupo paramilitar progubernamental (colectivo)',
      'Pro-government paramilitary group (colectivo)',
      { parent: 'non_state', huridocs: '020101000000' },
    ),
    t('death_squad', 'Escuadrón de la muerte', 'Death squad', {
      parent: 'non_state',
      huridocs: '020102000000',
    }),
    t('opposition_forces', 'Fuerzas opositoras', 'Opposition forces', {
      parent: 'non_state',
      huridocs: '020200000000',
    }),
    t('private_security', 'Seguridad privada', 'Private security', {
      parent: 'non_state',
      huridocs: '020400000000',
    }),
    t('mob', 'Turba', 'Mob', { parent: 'non_state', huridocs: '020500000000' }),
    t('companies', 'Empresas', 'Companies', { huridocs: '210000000000' }),
    t('unknown', 'Desconocido', 'Unknown', { huridocs: '990000000000' }),
  ] as const,
  { huridocsList: 24 },
);

/** HURIDOCS MT 19 "Source connection to information". */
export const SOURCE_CONNECTIONS = defineVocabulary(
  'source_connection',
  { es: 'Vínculo de la fuente', en: 'Source connection' },
  [
    t('victim', 'Víctima', 'Victim', { huridocs: '010100000000' }),
    t('witness', 'Testigo', 'Witness', { huridocs: '010200000000' }),
    t('perpetrator', 'Perpetrador', 'Perpetrator', { huridocs: '010300000000' }),
    t('relative_of_victim', 'Familiar de la víctima', 'Relative of the victim', { huridocs: '020101000000' }),
    t('colleague_of_victim', 'Colega de la víctima', 'Colleague of the victim', { huridocs: '020102000000' }),
    t(
      'fellow_member',
      'Miembro de la misma organización que la víctima',
      'Member of the victim’s organisation',
      {
        huridocs: '020103000000',
      },
    ),
    t('relative_of_perpetrator', 'Familiar del perpetrador', 'Relative of the perpetrator', {
      huridocs: '020201000000',
    }),
    t('third_party_reporter', 'Tercero que informa', 'Third-party reporter', { huridocs: '030000000000' }),
    t('lawyer', 'Abogado', 'Lawyer', { huridocs: '040100000000' }),
    t('medical_professional', 'Profesional de la salud', 'Medical professional', {
      huridocs: '040200000000',
    }),
    t('ngo', 'ONG', 'NGO', { huridocs: '040400000000' }),
    t('journalist', 'Periodista', 'Journalist', { huridocs: '030100000000' }),
    t('insider', 'Fuente interna', 'Insider'),
    t('official_record', 'Registro oficial', 'Official record'),
  ] as const,
  { huridocsList: 19 },
);

/** Who provides information (not a HURIDOCS list). */
export const SOURCE_KINDS = defineVocabulary('source_kind', { es: 'Tipo de fuente', en: 'Kind of source' }, [
  t('person', 'Persona', 'Person'),
  t('ngo', 'ONG', 'NGO'),
  t('media', 'Medio de comunicación', 'Media outlet'),
  t('official', 'Fuente oficial', 'Official source'),
  t('insider', 'Fuente interna', 'Insider'),
  t('online', 'Fuente en línea', 'Online source'),
  t('other', 'Otra', 'Other'),
] as const);

/** HURIDOCS MT 16 "Types of source material". */
export const SOURCE_MATERIAL_TYPES = defineVocabulary(
  'source_material',
  { es: 'Tipo de material', en: 'Type of source material' },
  [
    t('testimony', 'Testimonio', 'Testimony'),
    t('victim_testimony', 'Testimonio de la víctima', 'Victim testimony', {
      parent: 'testimony',
      huridocs: '220903200901',
    }),
    t('witness_testimony', 'Testimonio de testigo', 'Witness testimony', {
      parent: 'testimony',
      huridocs: '230920140501',
    }),
    t('interview', 'Entrevista', 'Interview', { huridocs: '091420051801' }),
    t('affidavit', 'Declaración jurada', 'Affidavit', { huridocs: '190907140501' }),
    t('court_record', 'Expediente judicial', 'Court record', { huridocs: '031521182001' }),
    t('autopsy', 'Autopsia', 'Autopsy report', { huridocs: '012120151601' }),
    t('medical_exam', 'Examen médico', 'Medical examination', { huridocs: '160825190901' }),
    t('photo', 'Fotografía', 'Photograph', { huridocs: '160815201501' }),
    t('video', 'Video', 'Video', { huridocs: '220904051501' }),
    t('audio', 'Audio', 'Audio', { huridocs: '012104091501' }),
    t('press_release', 'Comunicado', 'Press release', {
      note: note(
        'HURIDOCS distingue comunicados del gobierno, de ONG y del perpetrador',
        'HURIDOCS distinguishes press releases of the government, of NGOs and of the perpetrator',
      ),
    }),
    t('news_article', 'Artículo de prensa', 'News article', { huridocs: '140523191601' }),
    t('social_media_post', 'Publicación en redes sociales', 'Social media post'),
    t('official_document', 'Documento oficial', 'Official document'),
    t('list', 'Lista', 'List'),
    t('letter', 'Carta', 'Letter', { huridocs: '120520200501' }),
    t('other', 'Otro', 'Other', { huridocs: '900000000000' }),
  ] as const,
  { huridocsList: 16 },
);

const LETTER = /^[A-F]$/;
const DIGIT = /^[1-6]$/;

/** Admiralty source reliability (STANAG 2511). New or anonymous online sources default to F. */
export const SOURCE_RELIABILITY = defineVocabulary(
  'source_reliability',
  { es: 'Fiabilidad de la fuente', en: 'Source reliability' },
  [
    t('A', 'Completamente fiable', 'Completely reliable'),
    t('B', 'Normalmente fiable', 'Usually reliable'),
    t('C', 'Bastante fiable', 'Fairly reliable'),
    t('D', 'No siempre fiable', 'Not usually reliable'),
    t('E', 'No fiable', 'Unreliable'),
    t('F', 'No se puede valorar', 'Reliability cannot be judged'),
  ] as const,
  { codePattern: LETTER },
);

/** Admiralty information credibility (STANAG 2511). */
export const INFORMATION_CREDIBILITY = defineVocabulary(
  'information_credibility',
  { es: 'Credibilidad de la información', en: 'Information credibility' },
  [
    t('1', 'Confirmada por otras fuentes independientes', 'Confirmed by other independent sources'),
    t('2', 'Probablemente cierta', 'Probably true'),
    t('3', 'Posiblemente cierta', 'Possibly true'),
    t('4', 'Dudosa', 'Doubtful'),
    t('5', 'Improbable', 'Improbable'),
    t('6', 'No se puede valorar', 'Truth cannot be judged'),
  ] as const,
  { codePattern: DIGIT },
);

/** Where a person stands with respect to detention; codes from HURIDOCS MT 25 "Status as victim" where one matches. */
export const DETENTION_STATUSES = defineVocabulary(
  'detention_status',
  { es: 'Situación de privación de libertad', en: 'Detention status' },
  [
    t('detained', 'Detenido', 'Detained', { huridocs: '020200000000' }),
    t('incommunicado', 'Incomunicado', 'Held incommunicado'),
    t('house_arrest', 'Arresto domiciliario', 'House arrest'),
    t('disappeared', 'Desaparecido', 'Disappeared', { huridocs: '010300000000' }),
    t('released_with_conditions', 'Liberado con medidas cautelares', 'Released with conditions'),
    t('released', 'Liberado', 'Released', { huridocs: '020100000000' }),
    t('escaped', 'Evadido', 'Escaped', { huridocs: '020109000000' }),
    t('exiled', 'Exiliado', 'Exiled', { huridocs: '030200000000' }),
    t('died_in_custody', 'Fallecido bajo custodia', 'Died in custody'),
  ] as const,
  { huridocsList: 25 },
);

/**
 * Statuses counted as deprivation of liberty in political-prisoner counts (after Foro Penal):
 * held, held incommunicado, under house arrest, or disappeared after arrest. Released with
 * conditions ("medidas cautelares") is counted separately, not as a prisoner.
 */
export const DEPRIVED_OF_LIBERTY: ReadonlySet<string> = new Set([
  'detained',
  'incommunicado',
  'house_arrest',
  'disappeared',
] satisfies (typeof DETENTION_STATUSES.codes)[number][]);

export const PROTECTION_LEVELS = defineVocabulary(
  'protection_level',
  { es: 'Nivel de protección', en: 'Protection level' },
  [
    t('public', 'Público', 'Public'),
    t('restricted', 'Restringido', 'Restricted'),
    t('protected', 'Identidad protegida', 'Protected identity'),
  ] as const,
);

/** Ordered from narrowest to widest: internal < courts < public. */
export const CONSENT_SCOPES = defineVocabulary(
  'consent_scope',
  { es: 'Alcance del consentimiento', en: 'Consent scope' },
  [
    t('internal', 'Uso interno', 'Internal use only'),
    t('courts', 'Compartir con tribunales', 'May be shared with courts'),
    t('public', 'Público', 'Public'),
  ] as const,
);

/** Kinds of place; codes from HURIDOCS MT 17 "Types of locations" where one matches. */
export const PLACE_KINDS = defineVocabulary(
  'place_kind',
  { es: 'Tipo de lugar', en: 'Kind of place' },
  [
    t('country', 'País', 'Country', { huridocs: '100100000000' }),
    t('state', 'Estado', 'State', { huridocs: '100200000000' }),
    t('municipality', 'Municipio', 'Municipality', { huridocs: '100400000000' }),
    t('parish', 'Parroquia', 'Parish'),
    t('city', 'Ciudad', 'City', { huridocs: '100300000000' }),
    t('site', 'Sitio', 'Site'),
    t('detention_site', 'Centro de detención', 'Detention site'),
    t('other', 'Otro', 'Other', { huridocs: '900000000000' }),
  ] as const,
  { huridocsList: 17 },
);

export const UNIT_KINDS = defineVocabulary('unit_kind', { es: 'Tipo de unidad', en: 'Kind of unit' }, [
  t('intelligence_service', 'Servicio de inteligencia', 'Intelligence service'),
  t('military', 'Unidad militar', 'Military unit'),
  t('military_intelligence', 'Contrainteligencia militar', 'Military counter-intelligence'),
  t('police', 'Policía', 'Police'),
  t('special_forces', 'Fuerzas especiales', 'Special forces'),
  t('national_guard', 'Guardia Nacional', 'National Guard'),
  t('paramilitary', 'Grupo paramilitar', 'Paramilitary group'),
  t('judiciary', 'Tribunal', 'Court'),
  t('prosecution', 'Fiscalía', 'Prosecution'),
  t('ministry', 'Ministerio', 'Ministry'),
  t('prison_service', 'Servicio penitenciario', 'Prison service'),
  t('other', 'Otra', 'Other'),
] as const);

export const EVIDENCE_KINDS = defineVocabulary(
  'evidence_kind',
  { es: 'Tipo de evidencia', en: 'Kind of evidence' },
  [
    t('document', 'Documento', 'Document'),
    t('photo', 'Fotografía', 'Photograph'),
    t('video', 'Video', 'Video'),
    t('audio', 'Audio', 'Audio'),
    t('web_capture', 'Captura web', 'Web capture'),
    t('testimony_transcript', 'Transcripción de testimonio', 'Testimony transcript'),
    t('medical_report', 'Informe médico', 'Medical report'),
    t('official_record', 'Registro oficial', 'Official record'),
    t('physical_item_record', 'Registro de objeto físico', 'Record of a physical item'),
    t('dataset', 'Conjunto de datos', 'Dataset'),
    t('other', 'Otro', 'Other'),
  ] as const,
);

export const CUSTODY_ACTIONS = defineVocabulary(
  'custody_action',
  { es: 'Acción de custodia', en: 'Custody action' },
  [
    t('collected', 'Recolectado', 'Collected'),
    t('received', 'Recibido', 'Received'),
    t('accessed', 'Consultado', 'Accessed'),
    t('copied', 'Copiado', 'Copied'),
    t('exported', 'Exportado', 'Exported'),
    t('transferred', 'Transferido', 'Transferred'),
    t('derived', 'Derivado', 'Derived'),
    t('verified', 'Verificado', 'Verified'),
    t('sealed', 'Sellado', 'Sealed'),
  ] as const,
);

/**
 * HURIDOCS MT 41 "Violation status". The OpenEvSys English labels of 02 and 04 are swapped
 * ("Unlikely" / "Likely"); the French and Spanish labels and the term order (confirmed, likely,
 * possible, unlikely) show 02 = likely and 04 = unlikely.
 */
export const VIOLATION_STATUSES = defineVocabulary(
  'violation_status',
  { es: 'Estado de la violación', en: 'Violation status' },
  [
    t('confirmed', 'Confirmada', 'Confirmed', { huridocs: '010000000000' }),
    t('likely', 'Probable', 'Likely', { huridocs: '020000000000' }),
    t('possible', 'Posible', 'Possible', { huridocs: '030000000000' }),
    t('unlikely', 'Improbable', 'Unlikely', { huridocs: '040000000000' }),
    t('unknown', 'Desconocido', 'Unknown', { huridocs: '990000000000' }),
  ] as const,
  { huridocsList: 41 },
);

/** HURIDOCS MT 28 "Attribution" (declarations from officials). */
export const ATTRIBUTIONS = defineVocabulary(
  'attribution',
  { es: 'Atribución oficial', en: 'Official attribution' },
  [
    t('acknowledged', 'Reconocido por las autoridades', 'Acknowledged by the authorities', {
      huridocs: '010100000000',
    }),
    t('denied', 'Negado por las autoridades', 'Denied by the authorities', { huridocs: '010200000000' }),
    t(
      'acknowledged_denied_responsibility',
      'Reconocido, pero se niega la responsabilidad',
      'Acknowledged, responsibility denied',
      { huridocs: '010300000000' },
    ),
    t('alternative_explanation', 'Explicación alternativa', 'Alternative explanation given', {
      huridocs: '010400000000',
    }),
    t(
      'acknowledged_accepted_responsibility',
      'Reconocido, con aceptación de responsabilidad',
      'Acknowledged, responsibility accepted',
      { huridocs: '010500000000' },
    ),
    t('no_response', 'Sin respuesta', 'No response'),
  ] as const,
  { huridocsList: 28 },
);

/** HURIDOCS MT 39 "Sex". */
export const SEXES = defineVocabulary(
  'sex',
  { es: 'Sexo', en: 'Sex' },
  [
    t('female', 'Mujer', 'Female', { huridocs: '020000000000' }),
    t('male', 'Hombre', 'Male', { huridocs: '010000000000' }),
    t('other', 'Otro', 'Other'),
    t('unknown', 'Desconocido', 'Unknown', { huridocs: '990000000000' }),
  ] as const,
  { huridocsList: 39 },
);

export const DOCUMENT_TYPES = defineVocabulary(
  'document_type',
  { es: 'Tipo de documento', en: 'Document type' },
  [
    t('cedula_venezolana', 'Cédula venezolana (V)', 'Venezuelan ID card (V)'),
    t('cedula_extranjero', 'Cédula de extranjero (E)', 'Foreigner ID card (E)'),
    t('passport', 'Pasaporte', 'Passport'),
    t('other', 'Otro', 'Other'),
  ] as const,
);

/** How precisely a date is known; codes from HURIDOCS MT 48 "Types of dates" where one matches. */
export const DATE_PRECISIONS = defineVocabulary(
  'date_precision',
  { es: 'Precisión de la fecha', en: 'Date precision' },
  [
    t('day', 'Día', 'Day'),
    t('month', 'Mes', 'Month', { huridocs: '020000000000', note: note('Día desconocido', 'Unknown day') }),
    t('year', 'Año', 'Year', {
      huridocs: '030000000000',
      note: note('Mes y día desconocidos', 'Unknown month and day'),
    }),
    t('range', 'Intervalo', 'Range'),
    t('unknown', 'Desconocida', 'Unknown'),
  ] as const,
  { huridocsList: 48 },
);

export const HEARING_ROLES = defineVocabulary(
  'hearing_role',
  { es: 'Papel en la audiencia', en: 'Role in the hearing' },
  [
    t('witness', 'Testigo', 'Witness'),
    t('expert', 'Perito', 'Expert'),
    t('victim', 'Víctima', 'Victim'),
    t('panelist', 'Miembro del panel', 'Panel member'),
    t('counsel', 'Abogado', 'Counsel'),
    t('interpreter', 'Intérprete', 'Interpreter'),
  ] as const,
);

const ALL = [
  ACT_TYPES,
  VIOLENCE_METHODS,
  INVOLVEMENT_DEGREES,
  PERPETRATOR_TYPES,
  SOURCE_CONNECTIONS,
  SOURCE_KINDS,
  SOURCE_MATERIAL_TYPES,
  SOURCE_RELIABILITY,
  INFORMATION_CREDIBILITY,
  DETENTION_STATUSES,
  PROTECTION_LEVELS,
  CONSENT_SCOPES,
  PLACE_KINDS,
  UNIT_KINDS,
  EVIDENCE_KINDS,
  CUSTODY_ACTIONS,
  VIOLATION_STATUSES,
  ATTRIBUTIONS,
  SEXES,
  DOCUMENT_TYPES,
  DATE_PRECISIONS,
  HEARING_ROLES,
] as const;

/** Every vocabulary by id, for the API and the web app. */
export const VOCABULARIES: Readonly<Record<string, (typeof ALL)[number]>> = Object.fromEntries(
  ALL.map((v) => [v.id, v]),
);
