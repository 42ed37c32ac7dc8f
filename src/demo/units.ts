/**
 * Fictional units and officials with a time-bounded chain of command. In April 2017 a fictional
 * reorganisation ("plan Escudo") moves two units under new parents, and in July 2017 the minister
 * and the intelligence director change, so who commanded whom depends on the date, as Art. 28
 * analysis requires.
 */

import { day, month } from './calendar.js';
import type { DemoContext } from './context.js';
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from './names.js';

export type UnitKey =
  | 'mfio'
  | 'ceof'
  | 'sfin'
  | 'sfinDoec'
  | 'sfinDt'
  | 'dgcf'
  | 'dcrf7'
  | 'bopf12'
  | 'czf43'
  | 'pefo'
  | 'colectivo'
  | 'fiscalia';

export interface UnitInfo {
  key: UnitKey;
  id: string;
  name: string;
  acronym: string;
  perpetratorType: string;
  /** First day the unit existed (undefined: before 2014). */
  since?: string;
  /** Grammatical gender of the name, for "de la Brigada" / "del Comando". */
  feminine: boolean;
}

/** "la Brigada …" / "el Comando …". */
export const theUnit = (u: UnitInfo) => `${u.feminine ? 'la' : 'el'} ${u.name}`;
/** "de la Brigada …" / "del Comando …". */
export const ofUnit = (u: UnitInfo) => `${u.feminine ? 'de la' : 'del'} ${u.name}`;
/** "de la BOPF-12" / "del CZF-43". */
export const ofAcronym = (u: UnitInfo) => `${u.feminine ? 'de la' : 'del'} ${u.acronym}`;

interface UnitSpec {
  key: UnitKey;
  feminine?: true;
  name: string;
  acronym: string;
  kind: string;
  perpetratorType: string;
  parents: { unit: UnitKey; from?: string; to?: string }[];
  since?: string;
  notes?: string;
}

const REORG = '2017-04-01';
const BEFORE_REORG = '2017-03-31';

const UNITS: UnitSpec[] = [
  {
    key: 'mfio',
    name: 'Ministerio Ficticio del Interior y Orden Público',
    acronym: 'MFIO',
    kind: 'ministry',
    perpetratorType: 'officials',
    parents: [],
  },
  {
    key: 'ceof',
    name: 'Comando Estratégico Operacional Ficticio',
    acronym: 'CEOF',
    kind: 'military',
    perpetratorType: 'armed_forces',
    parents: [],
  },
  {
    key: 'sfin',
    name: 'Servicio Ficticio de Inteligencia Nacional',
    acronym: 'SFIN',
    kind: 'intelligence_service',
    perpetratorType: 'intelligence_service',
    parents: [{ unit: 'mfio' }],
  },
  {
    key: 'sfinDoec',
    feminine: true,
    name: 'Dirección de Operaciones Especiales Capital del SFIN (ficticia)',
    acronym: 'SFIN-DOEC',
    kind: 'intelligence_service',
    perpetratorType: 'intelligence_service',
    parents: [{ unit: 'sfin' }],
  },
  {
    key: 'sfinDt',
    feminine: true,
    name: 'Delegación Táchira del SFIN (ficticia)',
    acronym: 'SFIN-DT',
    kind: 'intelligence_service',
    perpetratorType: 'intelligence_service',
    parents: [{ unit: 'sfin' }],
  },
  {
    key: 'dgcf',
    feminine: true,
    name: 'Dirección General de Contrainteligencia Ficticia',
    acronym: 'DGCF',
    kind: 'military_intelligence',
    perpetratorType: 'military_intelligence',
    parents: [{ unit: 'ceof' }],
  },
  {
    key: 'dcrf7',
    feminine: true,
    name: 'Dirección de Contrainteligencia Regional Ficticia 7',
    acronym: 'DCRF-7',
    kind: 'military_intelligence',
    perpetratorType: 'military_intelligence',
    parents: [
      { unit: 'dgcf', to: BEFORE_REORG },
      { unit: 'sfin', from: REORG },
    ],
    notes: 'Adscrita al SFIN desde el 1 de abril de 2017 por el plan ficticio «Escudo».',
  },
  {
    key: 'bopf12',
    feminine: true,
    name: 'Brigada de Orden Público Ficticia 12',
    acronym: 'BOPF-12',
    kind: 'national_guard',
    perpetratorType: 'national_guard',
    parents: [{ unit: 'ceof' }],
  },
  {
    key: 'czf43',
    name: 'Comando de Zona Ficticio 43',
    acronym: 'CZF-43',
    kind: 'national_guard',
    perpetratorType: 'national_guard',
    parents: [
      { unit: 'bopf12', to: BEFORE_REORG },
      { unit: 'ceof', from: REORG },
    ],
    notes: 'Bajo mando directo del CEOF desde el 1 de abril de 2017 (plan ficticio «Escudo»).',
  },
  {
    key: 'pefo',
    feminine: true,
    name: 'Policía Especial Ficticia de Operaciones',
    acronym: 'PEFO',
    kind: 'special_forces',
    perpetratorType: 'police',
    parents: [{ unit: 'mfio', from: '2016-07-14' }],
    since: '2016-07-14',
    notes: 'Creada el 14 de julio de 2016 (ficticio).',
  },
  {
    key: 'colectivo',
    name: 'Colectivo «Los Ficticios»',
    acronym: 'CLF',
    kind: 'paramilitary',
    perpetratorType: 'pro_government_paramilitary',
    parents: [],
    notes:
      'Grupo armado progubernamental ficticio. Según la fuente interna «Halcón», coordinaba sus acciones con el CZF-43 en 2017; no consta una relación formal de mando.',
  },
  {
    key: 'fiscalia',
    feminine: true,
    name: 'Fiscalía Ficticia 21.ª Nacional',
    acronym: 'FF-21',
    kind: 'prosecution',
    perpetratorType: 'prosecution',
    parents: [],
  },
];

interface OfficialSpec {
  unit: UnitKey;
  rank?: string;
  position: string;
  commander: boolean;
  from: string;
  to?: string;
  alias?: string;
  female?: boolean;
  /** A later post of the same person. */
  later?: { unit: UnitKey; rank?: string; position: string; commander: boolean; from: string; to?: string };
}

const OFFICIALS: OfficialSpec[] = [
  {
    unit: 'mfio',
    rank: 'General de División (r)',
    position: 'Ministro',
    commander: true,
    from: '2013-04-22',
    to: '2017-06-30',
  },
  { unit: 'mfio', rank: 'Almirante (r)', position: 'Ministro', commander: true, from: '2017-07-01' },
  {
    unit: 'ceof',
    rank: 'General en Jefe',
    position: 'Comandante estratégico',
    commander: true,
    from: '2013-07',
  },
  {
    unit: 'sfin',
    rank: 'Comisario General',
    position: 'Director general',
    commander: true,
    from: '2013-01-15',
    to: '2017-06-30',
  },
  {
    unit: 'sfinDoec',
    rank: 'Comisario Jefe',
    position: 'Jefe de la dirección',
    commander: true,
    from: '2012-09-01',
    to: '2017-06-30',
    later: {
      unit: 'sfin',
      rank: 'Comisario General',
      position: 'Director general',
      commander: true,
      from: '2017-07-01',
    },
  },
  {
    unit: 'sfinDoec',
    rank: 'Comisario Jefe',
    position: 'Jefe de la dirección',
    commander: true,
    from: '2017-07-01',
  },
  {
    unit: 'sfinDoec',
    rank: 'Inspector Jefe',
    position: 'Jefe de investigaciones',
    commander: false,
    from: '2013-03-01',
    alias: 'El Gato',
  },
  {
    unit: 'sfinDoec',
    rank: 'Inspector',
    position: 'Funcionario de interrogatorios',
    commander: false,
    from: '2014-01-10',
  },
  {
    unit: 'sfinDoec',
    rank: 'Detective',
    position: 'Funcionaria de custodia',
    commander: false,
    from: '2015-06',
    to: '2019-03-31',
    alias: 'La Rubia',
    female: true,
  },
  {
    unit: 'sfinDt',
    rank: 'Comisario',
    position: 'Jefe de la delegación',
    commander: true,
    from: '2013-05-01',
  },
  {
    unit: 'sfinDt',
    rank: 'Inspector',
    position: 'Funcionario de investigaciones',
    commander: false,
    from: '2014-01-01',
  },
  {
    unit: 'dgcf',
    rank: 'General de Brigada',
    position: 'Director general',
    commander: true,
    from: '2014-01-20',
  },
  {
    unit: 'dcrf7',
    rank: 'Coronel',
    position: 'Jefe de la dirección regional',
    commander: true,
    from: '2013-11-01',
  },
  {
    unit: 'dcrf7',
    rank: 'Capitán',
    position: 'Jefe de operaciones',
    commander: false,
    from: '2014-05-01',
    alias: 'El Chino',
  },
  {
    unit: 'dcrf7',
    rank: 'Sargento Primero',
    position: 'Custodio',
    commander: false,
    from: '2016-02-01',
    alias: 'El Tigre',
  },
  {
    unit: 'bopf12',
    rank: 'General de Brigada',
    position: 'Comandante',
    commander: true,
    from: '2012-12-01',
    to: '2016-12-31',
  },
  { unit: 'bopf12', rank: 'General de Brigada', position: 'Comandante', commander: true, from: '2017-01-01' },
  {
    unit: 'bopf12',
    rank: 'Teniente Coronel',
    position: 'Jefe de operaciones',
    commander: false,
    from: '2013-06-01',
  },
  { unit: 'czf43', rank: 'Coronel', position: 'Comandante', commander: true, from: '2013-08-01' },
  {
    unit: 'czf43',
    rank: 'Teniente',
    position: 'Jefe de pelotón',
    commander: false,
    from: '2014-01-01',
    to: '2018-12-31',
    alias: 'El Flaco',
  },
  {
    unit: 'czf43',
    rank: 'Sargento Primero',
    position: 'Jefe de escuadra',
    commander: false,
    from: '2013-01',
  },
  { unit: 'pefo', rank: 'Comisario General', position: 'Director', commander: true, from: '2016-07-14' },
  {
    unit: 'pefo',
    rank: 'Inspector',
    position: 'Jefe de grupo táctico',
    commander: false,
    from: '2016-07-14',
    alias: 'El Negro',
  },
  { unit: 'colectivo', position: 'Líder', commander: true, from: '2012', alias: 'El Catire' },
  { unit: 'colectivo', position: 'Integrante', commander: false, from: '2013', alias: 'Pitufo' },
  { unit: 'fiscalia', position: 'Fiscal provisorio', commander: true, from: '2014-01-01', female: true },
];

interface Post {
  personId: string;
  unit: UnitKey;
  commander: boolean;
  from: string;
  to: string;
}

export interface Official {
  id: string;
  name: string;
  alias?: string;
  rank?: string;
  unit: UnitKey;
}

const fuzzy = (v: string) =>
  v.length === 10 ? day(v) : v.length === 7 ? month(v) : { precision: 'year' as const, value: v };
/** Earliest day a partial date can mean (for "was in post on" questions). */
const start = (v: string) => (v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v);

export class Units {
  readonly byKey = new Map<UnitKey, UnitInfo>();
  readonly officials: Official[] = [];
  private readonly posts: Post[] = [];

  constructor(private readonly ctx: DemoContext) {
    for (const u of UNITS) {
      const id = ctx.id('uni');
      this.byKey.set(u.key, {
        key: u.key,
        id,
        name: u.name,
        acronym: u.acronym,
        perpetratorType: u.perpetratorType,
        since: u.since,
        feminine: u.feminine === true,
      });
    }
    for (const u of UNITS) {
      ctx.add('units', this.get(u.key).id, {
        name: u.name,
        acronym: u.acronym,
        kind: u.kind,
        parents: u.parents.map((p) => ({
          unitId: this.get(p.unit).id,
          from: p.from ? day(p.from) : undefined,
          to: p.to ? day(p.to) : undefined,
        })),
        perpetratorType: u.perpetratorType,
        notes: `Unidad ficticia del caso demostrativo.${u.notes ? ` ${u.notes}` : ''}`,
      });
    }
    for (const o of OFFICIALS) this.addOfficial(o);
  }

  get(key: UnitKey): UnitInfo {
    return this.byKey.get(key)!;
  }

  /** The commander of a unit on a day, if the case file knows one. */
  commanderAt(key: UnitKey, on: string): string | undefined {
    return this.posts.find((p) => p.unit === key && p.commander && p.from <= on && on <= p.to)?.personId;
  }

  /** The unit's parent on a day (the hierarchy is time-bounded). */
  parentAt(key: UnitKey, on: string): UnitKey | undefined {
    const spec = UNITS.find((u) => u.key === key)!;
    return spec.parents.find((p) => (!p.from || p.from <= on) && (!p.to || on <= p.to))?.unit;
  }

  /** Members (not commanders) of a unit on a day. */
  membersAt(key: UnitKey, on: string): string[] {
    return this.posts
      .filter((p) => p.unit === key && !p.commander && p.from <= on && on <= p.to)
      .map((p) => p.personId);
  }

  /** An official known by an alias who served in `key` on `on`, if any. */
  aliasAt(key: UnitKey, on: string): Official | undefined {
    const ids = new Set(
      this.posts.filter((p) => p.unit === key && p.from <= on && on <= p.to).map((p) => p.personId),
    );
    return this.officials.find((o) => ids.has(o.id) && o.alias);
  }

  official(id: string): Official {
    return this.officials.find((o) => o.id === id)!;
  }

  private addOfficial(o: OfficialSpec) {
    const { ctx } = this;
    const { rng } = ctx;
    const given = rng.zipf(o.female ? FEMALE_GIVEN : MALE_GIVEN, 0.7);
    const firstSurname = rng.zipf(SURNAMES, 0.6);
    // The second surname marks every official as invented: never a real official's name.
    const secondSurname = o.female ? 'Ficticia' : 'Ficticio';
    const id = ctx.add('persons', ctx.id('per'), {
      givenNames: given,
      firstSurname,
      secondSurname,
      aliases: o.alias ? [o.alias] : [],
      sex: o.female ? 'female' : 'male',
      birthDate: {
        precision: 'year',
        value: String(rng.int(o.commander ? 1958 : 1975, o.commander ? 1972 : 1992)),
      },
      nationalities: ['VE'],
      occupation: `${o.position} (${this.get(o.unit).acronym})`,
      affiliations: [this.get(o.unit).acronym],
      // Named officials in an ongoing investigation: identity restricted to cleared members.
      protection: o.unit === 'mfio' ? 'public' : 'restricted',
      notes:
        'Persona ficticia del caso demostrativo; cualquier parecido con personas reales es coincidencia.',
    });
    this.officials.push({
      id,
      name: `${given} ${firstSurname} ${secondSurname}`,
      alias: o.alias,
      rank: o.rank,
      unit: o.unit,
    });
    for (const post of [o, ...(o.later ? [o.later] : [])]) {
      ctx.add('memberships', ctx.id('mem'), {
        personId: id,
        unitId: this.get(post.unit).id,
        rank: post.rank,
        position: post.position,
        commander: post.commander,
        from: fuzzy(post.from),
        to: post.to ? fuzzy(post.to) : undefined,
      });
      this.posts.push({
        personId: id,
        unit: post.unit,
        commander: post.commander,
        from: start(post.from),
        to: post.to ?? '9999-12-31',
      });
    }
  }
}
