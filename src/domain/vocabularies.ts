/**
 * The case file's controlled vocabularies, after the HURIDOCS Events Standard Formats and
 * micro-thesauri (types of acts, methods of violence, degrees of involvement, types of
 * perpetrators, source connection and material) and the Admiralty grading system. Codes are
 * stable identifiers; labels are Spanish as used by Venezuelan NGOs, and English.
 */
import { defineVocabulary } from './vocab.js';

const t = (
  code: string,
  es: string,
  en: string,
  extra: { parent?: string; huridocs?: string; note?: { es: string; en: string } } = {},
) => ({
  code,
  es,
  en,
  ...extra,
});

export const ACT_TYPES = defineVocabulary('act_type', { es: 'Tipo de acto', en: 'Type of act' }, [
  t('killing', 'Homicidio', 'Killing'),
  t('extrajudicial_execution', 'Ejecución extrajudicial', 'Extrajudicial execution', { parent: 'killing' }),
  t('summary_execution', 'Ejecución sumaria', 'Summary execution', { parent: 'killing' }),
  t('death_in_custody', 'Muerte bajo custodia', 'Death in custody', { parent: 'killing' }),
  t('killing_in_demonstration', 'Muerte en manifestación', 'Killing in a demonstration', {
    parent: 'killing',
  }),
  t('massacre', 'Masacre', 'Massacre', { parent: 'killing' }),
  t('torture', 'Tortura', 'Torture'),
  t('cruel_inhuman_treatment', 'Trato cruel, inhumano o degradante', 'Cruel, inhuman or degrading treatment'),
  t('sexual_violence', 'Violencia sexual', 'Sexual violence'),
  t('rape', 'Violación', 'Rape', { parent: 'sexual_violence' }),
  t('attempted_rape', 'Intento de violación', 'Attempted rape', { parent: 'sexual_violence' }),
  t('sexual_assault', 'Agresión sexual', 'Sexual assault', { parent: 'sexual_violence' }),
  t('sexual_harassment_threats', 'Acoso o amenazas sexuales', 'Sexual harassment or threats', {
    parent: 'sexual_violence',
  }),
  t('forced_nudity', 'Desnudez forzada', 'Forced nudity', { parent: 'sexual_violence' }),
  t('deprivation_of_liberty', 'Privación de libertad', 'Deprivation of liberty'),
  t('arbitrary_detention', 'Detención arbitraria', 'Arbitrary detention', {
    parent: 'deprivation_of_liberty',
  }),
  t('arbitrary_arrest', 'Arresto arbitrario', 'Arbitrary arrest', { parent: 'deprivation_of_liberty' }),
  t('mass_roundup', 'Detención masiva', 'Mass round-up', { parent: 'deprivation_of_liberty' }),
  t('incommunicado_detention', 'Detención incomunicada', 'Incommunicado detention', {
    parent: 'deprivation_of_liberty',
  }),
  t('house_arrest', 'Arresto domiciliario', 'House arrest', { parent: 'deprivation_of_liberty' }),
  t('enforced_disappearance', 'Desaparición forzada', 'Enforced disappearance'),
  t(
    'short_term_disappearance',
    'Desaparición forzada de corta duración',
    'Short-term enforced disappearance',
    { parent: 'enforced_disappearance' },
  ),
  t('forced_exile', 'Exilio forzado', 'Forced exile'),
  t('deportation', 'Deportación', 'Deportation', { parent: 'forced_exile' }),
  t('forcible_transfer', 'Traslado forzoso', 'Forcible transfer', { parent: 'forced_exile' }),
  t('persecution', 'Persecución', 'Persecution'),
  t(
    'violation_of_expression',
    'Violación de la libertad de expresión',
    'Violation of freedom of expression',
    { parent: 'persecution' },
  ),
  t('violation_of_assembly', 'Violación de la libertad de reunión', 'Violation of freedom of assembly', {
    parent: 'persecution',
  }),
  t(
    'violation_of_political_participation',
    'Violación de la participación política',
    'Violation of political participation',
    { parent: 'persecution' },
  ),
  t('violation_of_due_process', 'Violación del debido proceso', 'Violation of due process', {
    parent: 'persecution',
  }),
  t('judicial_harassment', 'Hostigamiento judicial', 'Judicial harassment', { parent: 'persecution' }),
  t('threats', 'Amenazas', 'Threats'),
  t('injury', 'Lesiones', 'Injury'),
  t('wounding', 'Heridas', 'Wounding', { parent: 'injury' }),
  t('destruction_of_property', 'Destrucción de bienes', 'Destruction of property'),
  t('forced_labour', 'Trabajo forzoso', 'Forced labour'),
  t('slavery', 'Esclavitud', 'Slavery', { parent: 'forced_labour' }),
  t('other_inhumane_act', 'Otro acto inhumano', 'Other inhumane act'),
] as const);

export const VIOLENCE_METHODS = defineVocabulary(
  'violence_method',
  { es: 'Método de violencia', en: 'Method of violence' },
  [
    t('beating', 'Golpes', 'Beating'),
    t('falanga', 'Golpes en las plantas de los pies (falanga)', 'Falanga', { parent: 'beating' }),
    t('electric_shock', 'Descargas eléctricas', 'Electric shocks'),
    t('asphyxiation', 'Asfixia', 'Asphyxiation'),
    t('asphyxiation_wet', 'Asfixia húmeda (submarino)', 'Wet asphyxiation (submarino)', {
      parent: 'asphyxiation',
    }),
    t('asphyxiation_dry', 'Asfixia con bolsa', 'Dry asphyxiation (bag)', { parent: 'asphyxiation' }),
    t('strangulation', 'Estrangulamiento', 'Strangulation'),
    t('forced_postures', 'Posiciones forzadas', 'Forced postures'),
    t('suspension', 'Suspensión', 'Suspension', { parent: 'forced_postures' }),
    t('forced_standing', 'De pie forzado', 'Forced standing', { parent: 'forced_postures' }),
    t('burns', 'Quemaduras', 'Burns'),
    t('extreme_temperature', 'Temperaturas extremas', 'Extreme heat or cold'),
    t('nail_removal', 'Arrancamiento de uñas', 'Nail removal'),
    t('sexual_torture', 'Tortura sexual', 'Sexual torture'),
    t('rape', 'Violación', 'Rape', { parent: 'sexual_torture' }),
    t('threats_against_family', 'Amenazas contra familiares', 'Threats against relatives'),
    t('death_threats', 'Amenazas de muerte', 'Death threats'),
    t('sleep_deprivation', 'Privación de sueño', 'Sleep deprivation'),
    t('food_water_deprivation', 'Privación de alimentos o agua', 'Deprivation of food or water'),
    t('denial_of_medical_care', 'Negación de atención médica', 'Denial of medical care'),
    t('isolation', 'Aislamiento', 'Isolation'),
    t('sensory_stress', 'Estrés sensorial', 'Sensory stress'),
    t('blindfolding', 'Vendaje de ojos o encapuchamiento', 'Blindfolding or hooding', {
      parent: 'sensory_stress',
    }),
    t('noise_light', 'Ruido o luz constantes', 'Constant noise or light', { parent: 'sensory_stress' }),
    t('overcrowding', 'Hacinamiento', 'Overcrowding', { parent: 'sensory_stress' }),
    t('degradation_nakedness', 'Desnudez y trato degradante', 'Nakedness and degradation'),
    t('psychological_torture', 'Tortura psicológica', 'Psychological torture'),
    t('pharmacological', 'Manipulación farmacológica', 'Pharmacological manipulation'),
    t('mock_execution', 'Simulacro de ejecución', 'Mock execution'),
    t('tear_gas', 'Gases lacrimógenos', 'Tear gas'),
    t('shooting', 'Disparos con arma de fuego', 'Shooting with firearms'),
    t('pellet_shooting', 'Disparos de perdigones', 'Pellet shooting'),
    t('vehicle_run_over', 'Arrollamiento con vehículo', 'Run over by a vehicle'),
  ] as const,
);

export const INVOLVEMENT_DEGREES = defineVocabulary(
  'involvement_degree',
  { es: 'Grado de participación', en: 'Degree of involvement' },
  [
    t('directly_carried_out', 'Lo ejecutó directamente', 'Directly carried out', {
      note: { es: 'Indicio de art. 25(3)(a)', en: 'Hint: Art. 25(3)(a)' },
    }),
    t('gave_orders', 'Dio las órdenes', 'Gave orders', {
      note: { es: 'Indicio de art. 25(3)(b)', en: 'Hint: Art. 25(3)(b)' },
    }),
    t('planned', 'Lo planificó', 'Planned', {
      note: { es: 'Indicio de art. 25(3)(a) o (d)', en: 'Hint: Art. 25(3)(a) or (d)' },
    }),
    t('passive_accomplice', 'Cómplice pasivo', 'Passive accomplice', {
      note: { es: 'Indicio de art. 25(3)(c) o (d)', en: 'Hint: Art. 25(3)(c) or (d)' },
    }),
    t('confirmed_present', 'Presencia confirmada', 'Confirmed present', {
      note: {
        es: 'Estado probatorio, no un modo de responsabilidad',
        en: 'Evidentiary status, not a mode of liability',
      },
    }),
    t('suspected', 'Sospechoso', 'Suspected', {
      note: {
        es: 'Estado probatorio, no un modo de responsabilidad',
        en: 'Evidentiary status, not a mode of liability',
      },
    }),
    t('authored_policy', 'Autor de la política o norma', 'Authored or supported the policy or law', {
      note: { es: 'Prueba de política (art. 7(2)(a))', en: 'Policy evidence (Art. 7(2)(a))' },
    }),
    t(
      'failed_to_exercise_authority',
      'No ejerció control sobre subordinados',
      'Failed to exercise authority over subordinates',
      { note: { es: 'Indicio de art. 28', en: 'Hint: Art. 28' } },
    ),
    t('failed_to_act_on_knowledge', 'No actuó pese a saberlo', 'Failed to act on knowledge', {
      note: { es: 'Indicio de art. 28', en: 'Hint: Art. 28' },
    }),
    t('failed_to_prevent', 'No lo impidió ni castigó', 'Failed to prevent or punish', {
      note: { es: 'Indicio de art. 28', en: 'Hint: Art. 28' },
    }),
    t('political_responsibility', 'Responsabilidad política general', 'General political responsibility', {
      note: { es: 'Solo contexto', en: 'Context only' },
    }),
  ] as const,
);

export const PERPETRATOR_TYPES = defineVocabulary(
  'perpetrator_type',
  { es: 'Tipo de perpetrador', en: 'Type of perpetrator' },
  [
    t('state', 'Agente del Estado', 'State agent'),
    t('officials', 'Funcionarios', 'Officials', { parent: 'state' }),
    t('armed_forces', 'Fuerza Armada', 'Armed forces', { parent: 'state' }),
    t('military_intelligence', 'Inteligencia militar', 'Military intelligence', { parent: 'state' }),
    t('national_guard', 'Guardia Nacional', 'National Guard', { parent: 'state' }),
    t('police', 'Policía', 'Police', { parent: 'state' }),
    t('intelligence_service', 'Servicio de inteligencia', 'Intelligence service', { parent: 'state' }),
    t('prison_staff', 'Personal penitenciario', 'Prison staff', { parent: 'state' }),
    t('judiciary', 'Poder judicial', 'Judiciary', { parent: 'state' }),
    t('prosecution', 'Ministerio Público', 'Prosecution service', { parent: 'state' }),
    t('legislature', 'Poder legislativo', 'Legislature', { parent: 'state' }),
    t('non_state', 'Actor no estatal', 'Non-state actor'),
    t(
      'pro_government_paramilitary',
      'Grupo paramilitar progubernamental (colectivo)',
      'Pro-government paramilitary group (colectivo)',
      { parent: 'non_state' },
    ),
    t('death_squad', 'Escuadrón de la muerte', 'Death squad', { parent: 'non_state' }),
    t('opposition_forces', 'Fuerzas opositoras', 'Opposition forces', { parent: 'non_state' }),
    t('private_security', 'Seguridad privada', 'Private security', { parent: 'non_state' }),
    t('mob', 'Turba', 'Mob', { parent: 'non_state' }),
    t('company', 'Empresa', 'Company'),
    t('unknown', 'Desconocido', 'Unknown'),
  ] as const,
);

export const SOURCE_CONNECTIONS = defineVocabulary(
  'source_connection',
  { es: 'Vínculo de la fuente', en: 'Source connection' },
  [
    t('victim', 'Víctima', 'Victim'),
    t('witness', 'Testigo', 'Witness'),
    t('perpetrator', 'Perpetrador', 'Perpetrator'),
    t('relative_of_victim', 'Familiar de la víctima', 'Relative of the victim'),
    t('colleague_of_victim', 'Colega de la víctima', 'Colleague of the victim'),
    t('fellow_member', 'Miembro de la misma organización', 'Fellow member'),
    t('relative_of_perpetrator', 'Familiar del perpetrador', 'Relative of the perpetrator'),
    t('third_party_reporter', 'Tercero que informa', 'Third-party reporter'),
    t('lawyer', 'Abogado', 'Lawyer'),
    t('medical_professional', 'Profesional de la salud', 'Medical professional'),
    t('ngo', 'ONG', 'NGO'),
    t('journalist', 'Periodista', 'Journalist'),
    t('insider', 'Fuente interna', 'Insider'),
    t('official_record', 'Registro oficial', 'Official record'),
  ] as const,
);

export const SOURCE_KINDS = defineVocabulary('source_kind', { es: 'Tipo de fuente', en: 'Kind of source' }, [
  t('person', 'Persona', 'Person'),
  t('ngo', 'ONG', 'NGO'),
  t('media', 'Medio de comunicación', 'Media outlet'),
  t('official', 'Fuente oficial', 'Official source'),
  t('insider', 'Fuente interna', 'Insider'),
  t('online', 'Fuente en línea', 'Online source'),
  t('other', 'Otra', 'Other'),
] as const);

export const SOURCE_MATERIAL_TYPES = defineVocabulary(
  'source_material',
  { es: 'Tipo de material', en: 'Type of source material' },
  [
    t('testimony', 'Testimonio', 'Testimony'),
    t('interview', 'Entrevista', 'Interview'),
    t('affidavit', 'Declaración jurada', 'Affidavit'),
    t('court_record', 'Expediente judicial', 'Court record'),
    t('autopsy', 'Autopsia', 'Autopsy report'),
    t('medical_exam', 'Examen médico', 'Medical examination'),
    t('photo', 'Fotografía', 'Photograph'),
    t('video', 'Video', 'Video'),
    t('audio', 'Audio', 'Audio'),
    t('press_release', 'Comunicado', 'Press release'),
    t('news_article', 'Artículo de prensa', 'News article'),
    t('social_media_post', 'Publicación en redes sociales', 'Social media post'),
    t('official_document', 'Documento oficial', 'Official document'),
    t('list', 'Lista', 'List'),
    t('letter', 'Carta', 'Letter'),
    t('other', 'Otro', 'Other'),
  ] as const,
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

export const DETENTION_STATUSES = defineVocabulary(
  'detention_status',
  { es: 'Situación de privación de libertad', en: 'Detention status' },
  [
    t('detained', 'Detenido', 'Detained'),
    t('incommunicado', 'Incomunicado', 'Held incommunicado'),
    t('house_arrest', 'Arresto domiciliario', 'House arrest'),
    t('disappeared', 'Desaparecido', 'Disappeared'),
    t('released_with_conditions', 'Liberado con medidas cautelares', 'Released with conditions'),
    t('released', 'Liberado', 'Released'),
    t('escaped', 'Evadido', 'Escaped'),
    t('exiled', 'Exiliado', 'Exiled'),
    t('died_in_custody', 'Fallecido bajo custodia', 'Died in custody'),
  ] as const,
);

/** Statuses counted as deprivation of liberty (political-prisoner counts). */
export const DEPRIVED_OF_LIBERTY: ReadonlySet<string> = new Set([
  'detained',
  'incommunicado',
  'house_arrest',
  'disappeared',
]);

export const PROTECTION_LEVELS = defineVocabulary(
  'protection_level',
  { es: 'Nivel de protección', en: 'Protection level' },
  [
    t('public', 'Público', 'Public'),
    t('restricted', 'Restringido', 'Restricted'),
    t('protected', 'Identidad protegida', 'Protected identity'),
  ] as const,
);

export const CONSENT_SCOPES = defineVocabulary(
  'consent_scope',
  { es: 'Alcance del consentimiento', en: 'Consent scope' },
  [
    t('internal', 'Uso interno', 'Internal use only'),
    t('courts', 'Compartir con tribunales', 'May be shared with courts'),
    t('public', 'Público', 'Public'),
  ] as const,
);

export const PLACE_KINDS = defineVocabulary('place_kind', { es: 'Tipo de lugar', en: 'Kind of place' }, [
  t('country', 'País', 'Country'),
  t('state', 'Estado', 'State'),
  t('municipality', 'Municipio', 'Municipality'),
  t('parish', 'Parroquia', 'Parish'),
  t('city', 'Ciudad', 'City'),
  t('site', 'Sitio', 'Site'),
  t('detention_site', 'Centro de detención', 'Detention site'),
  t('other', 'Otro', 'Other'),
] as const);

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

export const VIOLATION_STATUSES = defineVocabulary(
  'violation_status',
  { es: 'Estado de la violación', en: 'Violation status' },
  [
    t('confirmed', 'Confirmada', 'Confirmed'),
    t('likely', 'Probable', 'Likely'),
    t('possible', 'Posible', 'Possible'),
    t('unlikely', 'Improbable', 'Unlikely'),
    t('unknown', 'Desconocido', 'Unknown'),
  ] as const,
);

export const ATTRIBUTIONS = defineVocabulary(
  'attribution',
  { es: 'Atribución oficial', en: 'Official attribution' },
  [
    t('acknowledged', 'Reconocido por las autoridades', 'Acknowledged by the authorities'),
    t('denied', 'Negado por las autoridades', 'Denied by the authorities'),
    t(
      'acknowledged_denied_responsibility',
      'Reconocido, pero se niega la responsabilidad',
      'Acknowledged, responsibility denied',
    ),
    t('alternative_explanation', 'Explicación alternativa', 'Alternative explanation given'),
    t('no_response', 'Sin respuesta', 'No response'),
  ] as const,
);

export const SEXES = defineVocabulary('sex', { es: 'Sexo', en: 'Sex' }, [
  t('female', 'Mujer', 'Female'),
  t('male', 'Hombre', 'Male'),
  t('other', 'Otro', 'Other'),
  t('unknown', 'Desconocido', 'Unknown'),
] as const);

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

export const DATE_PRECISIONS = defineVocabulary(
  'date_precision',
  { es: 'Precisión de la fecha', en: 'Date precision' },
  [
    t('day', 'Día', 'Day'),
    t('month', 'Mes', 'Month'),
    t('year', 'Año', 'Year'),
    t('range', 'Intervalo', 'Range'),
    t('unknown', 'Desconocida', 'Unknown'),
  ] as const,
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

/** Every vocabulary by id, for the API and the web app. */
export const VOCABULARIES = Object.fromEntries(
  [
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
  ].map((v) => [v.id, v]),
);
