/**
 * The plan of the demo's events: the waves of repression NGOs documented in Venezuela between 2014
 * and 2019 (when, where, which fictional unit, how many victims), and how each family of units
 * detained and mistreated people. Data only; events.ts turns it into records.
 */
import type { SiteKey } from './places.js';
import type { UnitKey } from './units.js';

export type EventKind =
  | 'protest'
  | 'protest_killing'
  | 'raid'
  | 'targeted'
  | 'journalists'
  | 'military'
  | 'raid_execution';

export type WaveTag =
  | 'protestas-2014'
  | 'persecucion-2015-2016'
  | 'protestas-2017'
  | 'represion-2018'
  | 'represion-2019';

export interface WavePlan {
  tag: WaveTag;
  from: string;
  to: string;
  /** Kind, number of events, optional date window, optional victims per event. */
  plan: [EventKind, number, string?, string?, [number, number]?][];
  places: [string, string, number][];
  units: Partial<Record<EventKind, UnitKey[]>>;
}

export const WAVES: WavePlan[] = [
  {
    tag: 'protestas-2014',
    from: '2014-02-12',
    to: '2014-06-15',
    plan: [
      ['protest', 9, undefined, undefined, [4, 9]],
      ['protest_killing', 2, '2014-02-12', '2014-03-31', [6, 10]],
      ['raid', 3, '2014-03-01', '2014-05-31'],
      ['targeted', 2],
    ],
    places: [
      ['VE-A', 'Libertador', 4],
      ['VE-M', 'Chacao', 3],
      ['VE-M', 'Baruta', 2],
      ['VE-S', 'San Cristóbal', 3],
      ['VE-S', 'Cárdenas', 1],
      ['VE-L', 'Libertador', 2],
      ['VE-G', 'Valencia', 2],
      ['VE-G', 'Naguanagua', 1],
      ['VE-K', 'Iribarren', 1],
      ['VE-V', 'Maracaibo', 1],
      ['VE-D', 'Girardot', 1],
      ['VE-B', 'Diego Bautista Urbaneja', 1],
    ],
    units: {
      protest: ['bopf12', 'czf43', 'czf43'],
      protest_killing: ['czf43', 'colectivo'],
      raid: ['czf43', 'bopf12'],
      targeted: ['sfinDoec'],
    },
  },
  {
    tag: 'persecucion-2015-2016',
    from: '2015-01-15',
    to: '2016-08-31',
    plan: [
      ['targeted', 3],
      ['journalists', 2],
      ['military', 2],
      ['protest', 1, '2016-09-01', '2016-11-03'],
    ],
    places: [
      ['VE-A', 'Libertador', 3],
      ['VE-M', 'Chacao', 1],
      ['VE-M', 'Sucre', 1],
      ['VE-S', 'San Cristóbal', 1],
      ['VE-B', 'Simón Bolívar', 1],
      ['VE-F', 'Caroní', 1],
      ['VE-N', 'Maturín', 1],
      ['VE-K', 'Iribarren', 1],
    ],
    units: {
      targeted: ['sfinDoec'],
      journalists: ['sfinDoec'],
      military: ['dcrf7'],
      protest: ['pefo', 'czf43'],
    },
  },
  {
    tag: 'protestas-2017',
    from: '2017-04-04',
    to: '2017-07-31',
    plan: [
      ['protest', 9, undefined, undefined, [15, 26]],
      ['protest_killing', 3, undefined, undefined, [10, 18]],
      ['raid', 3, '2017-05-01', '2017-07-31', [5, 10]],
      ['targeted', 2],
      ['journalists', 1],
    ],
    places: [
      ['VE-A', 'Libertador', 4],
      ['VE-M', 'Chacao', 2],
      ['VE-M', 'Baruta', 1],
      ['VE-M', 'Sucre', 1],
      ['VE-M', 'El Hatillo', 1],
      ['VE-M', 'Los Salias', 1],
      ['VE-G', 'Valencia', 2],
      ['VE-G', 'San Diego', 1],
      ['VE-V', 'Maracaibo', 2],
      ['VE-V', 'San Francisco', 1],
      ['VE-K', 'Iribarren', 1],
      ['VE-K', 'Palavecino', 1],
      ['VE-L', 'Libertador', 2],
      ['VE-L', 'Campo Elías', 1],
      ['VE-S', 'San Cristóbal', 2],
      ['VE-D', 'Girardot', 1],
      ['VE-B', 'Diego Bautista Urbaneja', 1],
      ['VE-F', 'Caroní', 1],
    ],
    units: {
      protest: ['czf43', 'bopf12', 'pefo'],
      protest_killing: ['czf43', 'colectivo', 'pefo'],
      raid: ['czf43', 'pefo'],
      targeted: ['sfinDoec'],
      journalists: ['sfinDoec'],
    },
  },
  {
    tag: 'represion-2018',
    from: '2018-01-10',
    to: '2018-12-15',
    plan: [
      ['military', 3, '2018-03-01', '2018-06-30'],
      ['targeted', 4, '2018-08-05', '2018-10-31'],
      ['journalists', 1],
      ['protest', 2],
    ],
    places: [
      ['VE-A', 'Libertador', 4],
      ['VE-M', 'Sucre', 1],
      ['VE-M', 'Chacao', 1],
      ['VE-G', 'Valencia', 1],
      ['VE-V', 'Maracaibo', 1],
      ['VE-S', 'San Cristóbal', 1],
      ['VE-K', 'Iribarren', 1],
      ['VE-L', 'Libertador', 1],
      ['VE-N', 'Maturín', 1],
    ],
    units: {
      military: ['dcrf7', 'dcrf7', 'dgcf'],
      targeted: ['sfinDoec', 'sfinDoec', 'dcrf7'],
      journalists: ['sfinDoec'],
      protest: ['pefo', 'czf43'],
    },
  },
  {
    tag: 'represion-2019',
    from: '2019-01-21',
    to: '2019-11-30',
    plan: [
      ['protest', 3, '2019-01-21', '2019-01-26'],
      ['raid_execution', 2, '2019-01-22', '2019-02-15'],
      ['military', 2, '2019-04-30', '2019-06-30'],
      ['targeted', 1, '2019-05-01', '2019-05-31'],
    ],
    places: [
      ['VE-A', 'Libertador', 3],
      ['VE-M', 'Sucre', 2],
      ['VE-G', 'Valencia', 1],
      ['VE-K', 'Iribarren', 1],
      ['VE-V', 'San Francisco', 1],
      ['VE-B', 'Simón Bolívar', 1],
      ['VE-S', 'Pedro María Ureña', 1],
    ],
    units: {
      protest: ['pefo', 'czf43'],
      raid_execution: ['pefo'],
      military: ['dcrf7', 'dgcf'],
      targeted: ['sfinDoec'],
    },
  },
];

/** Victims per event of each kind (before scaling to the case's total). */
export const VICTIMS_PER_EVENT: Record<EventKind, [number, number]> = {
  protest: [8, 18],
  protest_killing: [7, 14],
  raid: [3, 8],
  targeted: [1, 3],
  journalists: [1, 3],
  military: [2, 6],
  raid_execution: [3, 5],
};

/** Torture methods as each family of units used them in the testimonies NGOs collected. */
export const METHODS: Record<'intelligence' | 'military' | 'street', [string, number][]> = {
  intelligence: [
    ['beating', 5],
    ['asphyxiation_dry', 3],
    ['electric_shock', 3],
    ['forced_postures', 2],
    ['suspension', 1],
    ['sleep_deprivation', 3],
    ['threats_against_family', 3],
    ['death_threats', 2],
    ['blindfolding', 3],
    ['isolation', 2],
    ['noise_light', 1],
    ['extreme_temperature', 1],
  ],
  military: [
    ['beating', 5],
    ['asphyxiation_dry', 4],
    ['asphyxiation_wet', 1],
    ['electric_shock', 3],
    ['suspension', 2],
    ['falanga', 1],
    ['blindfolding', 3],
    ['threats_against_family', 3],
    ['sleep_deprivation', 2],
    ['isolation', 2],
    ['food_water_deprivation', 1],
  ],
  street: [
    ['beating', 8],
    ['tear_gas', 2],
    ['death_threats', 3],
    ['forced_postures', 2],
    ['forced_standing', 1],
    ['degradation_nakedness', 2],
    ['burns', 1],
    ['pellet_shooting', 1],
  ],
};
export const PRISON_METHODS = [
  'overcrowding',
  'food_water_deprivation',
  'denial_of_medical_care',
  'isolation',
];

export const FAMILY: Record<UnitKey, 'intelligence' | 'military' | 'street'> = {
  mfio: 'street',
  ceof: 'military',
  sfin: 'intelligence',
  sfinDoec: 'intelligence',
  sfinDt: 'intelligence',
  dgcf: 'military',
  dcrf7: 'military',
  bopf12: 'street',
  czf43: 'street',
  pefo: 'street',
  colectivo: 'street',
  fiscalia: 'street',
};

/** Who runs each detention site in the fiction (prisons have no unit in the case file). */
export const SITE_UNIT: Partial<Record<SiteKey, UnitKey>> = {
  helicoide: 'sfinDoec',
  'la-tumba': 'sfinDoec',
  'dgcim-boleita': 'dcrf7',
  'ramo-verde': 'dgcf',
  'fuerte-tiuna': 'dgcf',
  'zona-7': 'pefo',
  'regional-tachira': 'sfinDt',
};

/** The tag each kind of event carries. */
export const KIND_TAG: Record<EventKind, string> = {
  protest: 'manifestacion',
  protest_killing: 'manifestacion',
  raid: 'allanamiento',
  targeted: 'detencion-selectiva',
  journalists: 'periodistas',
  military: 'militares',
  raid_execution: 'ejecucion-extrajudicial',
};

/** How long detentions last: short (days), medium (months) or long (a year or more), by kind and wave. */
export function durationWeights(kind: EventKind, wave: WaveTag): ['short' | 'medium' | 'long', number][] {
  if (kind === 'military')
    return [
      ['short', 2],
      ['medium', 13],
      ['long', 85],
    ];
  if (kind === 'targeted')
    return [
      ['short', 5],
      ['medium', 25],
      ['long', 70],
    ];
  if (kind === 'journalists')
    return [
      ['short', 55],
      ['medium', 30],
      ['long', 15],
    ];
  if (wave === 'protestas-2014')
    return [
      ['short', 30],
      ['medium', 35],
      ['long', 35],
    ];
  if (wave === 'protestas-2017')
    return [
      ['short', 10],
      ['medium', 25],
      ['long', 65],
    ];
  return [
    ['short', 25],
    ['medium', 35],
    ['long', 40],
  ];
}

/** Where a unit first holds its detainees (`r` in [0, 1) picks between its sites). */
export function holdingSiteFor(unit: UnitKey, r: number): SiteKey | undefined {
  switch (unit) {
    case 'sfinDoec':
      return r < 0.6 ? 'helicoide' : 'la-tumba';
    case 'sfinDt':
      return 'regional-tachira';
    case 'dcrf7':
      return r < 0.8 ? 'dgcim-boleita' : 'fuerte-tiuna';
    case 'dgcf':
      return 'dgcim-boleita';
    case 'pefo':
      return 'zona-7';
    default:
      // National guard and colectivo detainees are first held at a local command post.
      return undefined;
  }
}

/** Where a detention that lasts months is served. */
export function prisonFor(
  unit: UnitKey,
  military: boolean,
  state: string,
  holding: SiteKey | undefined,
): SiteKey {
  if (military) return 'ramo-verde';
  if (holding === 'helicoide' || holding === 'regional-tachira') return holding;
  if (unit === 'dcrf7' || unit === 'dgcf') return 'dgcim-boleita';
  if (state === 'VE-G' || state === 'VE-K' || state === 'VE-V' || state === 'VE-D') return 'tocuyito';
  if (state === 'VE-S' || state === 'VE-L') return 'regional-tachira';
  return 'rodeo-i';
}
