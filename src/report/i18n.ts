/** Every string of the report, in Spanish and English. Vocabulary and law labels come from their data. */

import { VENEZUELA_STATES } from '../domain/gazetteer.js';
import {
  ACT_TYPES,
  EVIDENCE_KINDS,
  INVOLVEMENT_DEGREES,
  SOURCE_KINDS,
  VIOLENCE_METHODS,
} from '../domain/vocabularies.js';
import { crimeById, elementById, LIABILITY_MODES } from '../law/index.js';

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
  s1: { es: '1. Resumen ejecutivo', en: '1. Executive summary' },
  s2: { es: '2. Metodología y fuentes', en: '2. Methodology and sources' },
  s3: {
    es: '3. Contexto: elementos contextuales del art. 7',
    en: '3. Context: the contextual elements of Art. 7',
  },
  s4: { es: '4. Hallazgos por crimen', en: '4. Findings per crime' },
  s5: { es: '5. Estadísticas', en: '5. Statistics' },
  s6: { es: '6. Responsabilidad individual', en: '6. Individual responsibility' },
  s7: { es: '7. Competencia, admisibilidad y gravedad', en: '7. Jurisdiction, admissibility and gravity' },
  s8: { es: '8. Opiniones del panel y disidencias', en: '8. Panel opinions and dissent' },
  s9: { es: '9. Índice de anexos', en: '9. Annex index' },
  s10: { es: 'Anexo confidencial de identidades', en: 'Confidential identity annex' },
  summaryLine: {
    es: '{acts} actos documentados contra {victims} víctimas en {states} estados, entre {from} y {to}.',
    en: '{acts} documented acts against {victims} victims in {states} states, between {from} and {to}.',
  },
  estimateLine: {
    es: 'La estimación por sistemas múltiples ({method}) sitúa el total de víctimas en {estimate} (intervalo del {level}%: {lo}–{hi}), frente a {observed} documentadas en las listas.',
    en: 'Multiple systems estimation ({method}) puts the total number of victims at {estimate} ({level}% interval: {lo}–{hi}), against {observed} documented on the lists.',
  },
  crimeLine: {
    es: '{crime}: {incidents} incidentes ({victims} víctimas); en {full} todos los elementos están corroborados.',
    en: '{crime}: {incidents} incidents ({victims} victims); all elements corroborated in {full}.',
  },
  prisonersLine: {
    es: 'Personas privadas de libertad el {day}: {certain} con certeza ({possible} posibles). Máximo: {peak} el {peakDay}.',
    en: 'Persons deprived of liberty on {day}: {certain} certainly ({possible} possibly). Peak: {peak} on {peakDay}.',
  },
  thresholdsLine: {
    es: 'Umbral de trabajo (configurable, no una regla jurídica): un elemento está corroborado con al menos {n} grupos de fuentes independientes con fiabilidad {r} o mejor y credibilidad {c} o mejor. La información retransmitida desde un mismo origen cuenta una sola vez. Calificación según el sistema del Almirantazgo (p. ej. «B2»).',
    en: 'Working threshold (configurable, not a legal rule): an element is corroborated by at least {n} independent source groups with reliability {r} or better and credibility {c} or better. Information relayed from one origin counts once. Grades follow the Admiralty system (e.g. "B2").',
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
    es: 'Sistemático: el {share}% de los actos comparte un método, unidad o centro de detención que reaparece en al menos {s} estados y {p} años.',
    en: 'Systematic: {share}% of acts share a method, unit or detention site that recurs in at least {s} states and {p} years.',
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
  noEstimate: {
    es: 'No hay una estimación guardada para este caso.',
    en: 'No estimate has been saved for this case.',
  },
  suspect: { es: 'Presunto responsable', en: 'Alleged perpetrator' },
  modes: { es: 'Modos (art. 25/28)', en: 'Modes (Art. 25/28)' },
  directActs: { es: 'Actos con participación propia', en: 'Acts with own involvement' },
  noEvidenceYet: { es: 'Sin prueba vinculada todavía', en: 'No evidence linked yet' },
  commandActs: { es: 'Por la cadena de mando', en: 'Through the chain of command' },
  positions: { es: 'Cargos', en: 'Positions' },
  jurisdictionLine: {
    es: 'Estado: {country}. Entrada en vigor del Estatuto: {eif}. Actos dentro de la competencia: {inside}; fuera: {outside}; inciertos: {uncertain}.',
    en: 'State: {country}. Entry into force of the Statute: {eif}. Acts within jurisdiction: {inside}; outside: {outside}; uncertain: {uncertain}.',
  },
  outsideActs: { es: 'Actos fuera de la competencia', en: 'Acts outside jurisdiction' },
  reason: { es: 'Motivo', en: 'Reason' },
  admissibilityLine: {
    es: 'Procedimientos nacionales registrados: {n}. Actos sin procedimiento: {acts}. Presuntos responsables sin procedimiento: {persons}.',
    en: 'National proceedings recorded: {n}. Acts with no proceeding: {acts}. Alleged perpetrators with no proceeding: {persons}.',
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
    es: '{killings} homicidios, {sexual} actos de violencia sexual, {children} víctimas menores de edad.',
    en: '{killings} killings, {sexual} acts of sexual violence, {children} child victims.',
  },
  mannerLine: {
    es: 'Agentes del Estado implicados en el {share}% de los actos; {policy} pruebas de política.',
    en: 'State agents involved in {share}% of acts; {policy} items of policy evidence.',
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
    id.startsWith('section:') ? id.slice(8) : crimeById(id) ? label.crime(lang, id) : label.element(lang, id),
};

/** Numbers as the language writes them (thousands separators). */
export function num(lang: Lang, n: number, digits = 0): string {
  return n.toLocaleString(lang === 'es' ? 'es-VE' : 'en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
}
