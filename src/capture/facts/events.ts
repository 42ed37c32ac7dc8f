/**
 * Candidate events and acts, sentence by sentence: an arrest, an escape from house arrest, an
 * asylum request, torture (with the methods the sentence lists), a disappearance, a killing, a
 * raid, a release. Codes come from the case file's vocabularies (act types, violence methods,
 * detention statuses). The extractor names what the words say; the legal qualification
 * ("arbitrary") is the documenter's, so an arrest is suggested as deprivation of liberty.
 */
import { fold } from './lexicon.js';

export interface EventCue {
  /** Event type (the suggestion's value). */
  type: string;
  actType?: string;
  detentionStatus?: string;
  re: RegExp;
}

// Patterns run on folded text (no accents, lower case).
export const EVENT_CUES: readonly EventCue[] = [
  {
    type: 'escape_from_house_arrest',
    detentionStatus: 'escaped',
    re: /\b(se (fugo|evadio|escapo)|fuga|evasion|escapo|huyo|escaped|fled|slipped out)\b[^.]{0,80}\b(arresto domiciliario|casa por carcel|house arrest)\b|\b(arresto domiciliario|house arrest)\b[^.]{0,60}\b(se fugo|se evadio|escapo|huyo|escaped|fled)\b/,
  },
  {
    type: 'asylum_request',
    actType: 'forced_exile',
    detentionStatus: 'exiled',
    re: /\b(solicit\w+|pidio|pidieron|pedir|request\w*|sought|seek\w*|applied for|granted|otorg\w+|recibio)\b[^.]{0,40}\b(asilo|refugio|asylum|refuge|refugee status)\b|\b(asilad[oa]s?|asylum seekers?|se refugi\w+|took refuge)\b/,
  },
  {
    type: 'arrest',
    actType: 'deprivation_of_liberty',
    detentionStatus: 'detained',
    re: /\b(detenid[oa]s?|detuvieron|detuvo|arrestad[oa]s?|arrestaron|aprehendid[oa]s?|aprehendieron|capturad[oa]s?|capturaron|apresad[oa]s?|privad[oa]s? de (su )?libertad|arrested|detained|taken into custody|arrest of|detention of)\b/,
  },
  {
    type: 'torture',
    actType: 'torture',
    re: /\b(tortur\w+|golpe\w*|golpiza\w*|descargas? electricas?|electric(al)? shocks?|electrocut\w+|asfixi\w+|bolsa plastica|plastic bag|submarino|guindad[oa]s?|colgad[oa]s? de|suspended by|beat(en|ing)?|sleep deprivation|privacion del sueno|simulacro de (fusilamiento|ejecucion)|mock execution)\b/,
  },
  {
    type: 'disappearance',
    actType: 'enforced_disappearance',
    detentionStatus: 'disappeared',
    re: /\b(desaparici\w+ forzada|paradero (es )?desconocido|se desconoce su paradero|sin conocer su paradero|incomunicad[oa]s?|enforced disappearance|whereabouts (remain |are |is )?unknown|held incommunicado)\b/,
  },
  {
    type: 'killing',
    actType: 'killing',
    re: /\b(asesinad[oa]s?|asesinaron|ejecutad[oa]s? extrajudicialmente|murio bajo custodia|muerte bajo custodia|killed|murdered|died in custody|shot dead)\b/,
  },
  {
    type: 'raid',
    actType: 'illegal_search',
    re: /\b(allanamiento|allanaron|allanad[oa]|irrumpieron en (su )?(casa|vivienda)|raided|raid on|stormed (his|her|their) (home|house))\b/,
  },
  {
    type: 'release',
    detentionStatus: 'released',
    re: /\b(excarcelad[oa]s?|excarcelaron|liberad[oa]s?|liberaron|puest[oa]s? en libertad|released|freed)\b/,
  },
];

/** Torture methods (vocabulary codes of VIOLENCE_METHODS) and the folded words that name them. */
export const METHOD_CUES: readonly [string, RegExp][] = [
  ['beating', /\b(golpe\w*|golpiza\w*|patad\w+|beat(en|ing|ings)?|kicked|punched)\b/],
  ['electric_shock', /\b(descargas? electricas?|electricidad|electric(al)? shocks?|electrocut\w+|picana)\b/],
  ['asphyxiation_dry', /\b(bolsa( plastica)?|plastic bag|bag over)\b/],
  ['asphyxiation_wet', /\b(submarino|waterboard\w*|ahogamiento)\b/],
  ['asphyxiation', /\b(asfixi\w+|suffocat\w+|asphyxiat\w+)\b/],
  ['suspension', /\b(guindad[oa]s?|colgad[oa]s? de|suspendid[oa]s? de|suspended by|hung by)\b/],
  ['forced_postures', /\b(posiciones? forzadas?|stress positions?|forced to (stand|kneel))\b/],
  ['blindfolding', /\b(capucha|encapuchad[oa]s?|vendad[oa]s?|ojos vendados|hooded|blindfolded)\b/],
  [
    'sleep_deprivation',
    /\b(privacion del sueno|sin dejar(le|los)? dormir|sleep deprivation|deprived of sleep)\b/,
  ],
  ['isolation', /\b(aislamiento|aislad[oa]s?|celda de castigo|solitary confinement|isolation)\b/],
  [
    'threats_against_family',
    /\b(amenaz\w+ (a|con) (su|sus) (familia|familiares|hij[oa]s?|madre|esposa)|threat\w* (to|against) (his|her) (family|children|mother|wife))\b/,
  ],
  ['death_threats', /\b(amenazas? de muerte|amenazaron con matar\w*|death threats?|threatened to kill)\b/],
  ['mock_execution', /\b(simulacro de (fusilamiento|ejecucion)|mock execution)\b/],
  ['immobilisation', /\b(esposad[oa]s?|maniatad[oa]s?|handcuffed|shackled)\b/],
  [
    'denial_of_medical_care',
    /\b(negaron (la )?atencion medica|sin atencion medica|denied medical (care|attention)|no medical care)\b/,
  ],
  ['degradation_nakedness', /\b(desnud[oa]s?|stripped naked|naked)\b/],
  [
    'food_water_deprivation',
    /\b(sin (comida|agua|alimentos)|privad[oa]s? de (comida|agua|alimentos)|without food|deprived of food)\b/,
  ],
  [
    'sexual_torture',
    /\b(violencia sexual|tortura sexual|abuso sexual|sexual(ly)? (abuse|assault|torture))\b/,
  ],
];

export interface EventHit {
  type: string;
  actType?: string;
  detentionStatus?: string;
  methods: string[];
}

/** The candidate events a sentence describes (an escape from house arrest is not also an arrest). */
export function eventsIn(sentence: string): EventHit[] {
  const f = fold(sentence);
  const hits: EventHit[] = [];
  for (const cue of EVENT_CUES) {
    if (!cue.re.test(f)) continue;
    if (cue.type === 'arrest' && hits.some((h) => h.type === 'escape_from_house_arrest')) continue;
    if (cue.type === 'release' && hits.some((h) => h.type === 'escape_from_house_arrest')) continue;
    const methods =
      cue.type === 'torture' ? METHOD_CUES.filter(([, re]) => re.test(f)).map(([code]) => code) : [];
    hits.push({ type: cue.type, actType: cue.actType, detentionStatus: cue.detentionStatus, methods });
  }
  // The dry-bag variant says more than plain asphyxiation: keep only the narrower code.
  for (const h of hits) {
    if (h.methods.includes('asphyxiation_dry') || h.methods.includes('asphyxiation_wet'))
      h.methods = h.methods.filter((m) => m !== 'asphyxiation');
  }
  return hits;
}
