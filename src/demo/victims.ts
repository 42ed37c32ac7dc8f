/**
 * The demo's victims: invented Venezuelan names, ages and occupations that fit the event they are
 * caught in, cédula numbers plausible for their birth year, and a protection level that follows
 * who they are (survivors of sexual violence are protected; people killed and public figures are
 * public).
 */
import { addDays, day, month } from './calendar.js';
import type { DemoContext } from './context.js';
import type { Story } from './events.js';
import { FEMALE_GIVEN, MALE_GIVEN, MILITARY_RANKS, OCCUPATIONS, type Profile, SURNAMES } from './names.js';
import type { Muni } from './places.js';

export interface Victim {
  id: string;
  given: string;
  s1: string;
  s2: string;
  sex: 'female' | 'male';
  birth?: string;
  birthPrecision: 'day' | 'month' | 'year' | 'range' | 'none';
  cedula?: { type: 'cedula_venezolana' | 'cedula_extranjero'; number: string };
  profile: Profile;
  occupation: string;
  muni: Muni;
  protection: 'public' | 'restricted' | 'protected';
  stories: Story[];
  /** The open period a re-arrest would close (released / released with conditions). */
  openPeriod?: Record<string, unknown>;
  openFrom?: string;
  gone: boolean;
  contact?: string;
  affiliations: string[];
}

const AFFILIATIONS = [
  'Movimiento Estudiantil Ficticio',
  'Partido Ficticio de Unidad Democrática',
  'Frente Ficticio de Trabajadores de la Salud',
  'Asociación Ficticia de Vecinos',
];

/** A new victim of `profile` caught in an event in `muni` on day `on` (not yet written out). */
export function createVictim(ctx: DemoContext, profile: Profile, muni: Muni, on: string): Victim {
  const { rng } = ctx;
  const military = profile === 'military';
  const sex: 'female' | 'male' = rng.chance(
    military ? 0.05 : profile === 'protester' ? 0.36 : profile === 'activist' ? 0.4 : 0.5,
  )
    ? 'female'
    : 'male';
  let occupation: string = rng.pick(OCCUPATIONS[profile]);
  const [lo, hi] =
    occupation === 'estudiante de liceo'
      ? [15, 17]
      : occupation === 'estudiante universitario' || occupation === 'dirigente estudiantil'
        ? [18, 26]
        : occupation === 'militar retirado' || occupation === 'jubilado'
          ? [52, 70]
          : military
            ? [24, 50]
            : [20, 62];
  if (occupation === 'militar activo') occupation = `militar activo (${rng.pick(MILITARY_RANKS)})`;
  if (sex === 'female' && occupation === 'abogado') occupation = 'abogada';
  const birth = addDays(`${Number(on.slice(0, 4)) - rng.int(lo, hi)}-01-01`, rng.int(0, 364) - 180);
  const birthPrecision = rng.weighted([
    ['day', 78],
    ['month', 6],
    ['year', 9],
    ['range', 2],
    ['none', 5],
  ] as const);
  const foreign = rng.chance(0.02);
  const cedula = rng.chance(0.88)
    ? foreign
      ? { type: 'cedula_extranjero' as const, number: String(rng.int(81_000_000, 84_999_999)) }
      : {
          type: 'cedula_venezolana' as const,
          number: String(cedulaFor(Number(birth.slice(0, 4)), rng.next())),
        }
    : undefined;
  const v: Victim = {
    id: ctx.id('per'),
    given: rng.zipf(sex === 'female' ? FEMALE_GIVEN : MALE_GIVEN, 0.8),
    s1: rng.zipf(SURNAMES, 0.85),
    s2: rng.zipf(SURNAMES, 0.85),
    sex,
    birth: birthPrecision === 'none' ? undefined : birth,
    birthPrecision,
    cedula,
    profile,
    occupation,
    muni,
    protection: 'restricted',
    stories: [],
    gone: false,
    contact: rng.chance(0.25)
      ? `${rng.pick(['0414', '0424', '0412', '0416', '0426'])}-${rng.int(100, 999)}-${String(rng.int(0, 9999)).padStart(4, '0')} (número ficticio)`
      : undefined,
    affiliations: profile === 'activist' ? [rng.pick(AFFILIATIONS)] : [],
  };
  if (foreign) v.occupation = `${v.occupation} (nacionalidad colombiana)`;
  return v;
}

/** A plausible cédula number for a birth year (numbers were issued roughly in sequence). */
function cedulaFor(year: number, r: number): number {
  const anchors: [number, number][] = [
    [1945, 2_000_000],
    [1960, 5_000_000],
    [1970, 9_500_000],
    [1980, 14_500_000],
    [1990, 20_500_000],
    [1995, 23_500_000],
    [2002, 28_500_000],
  ];
  let base = anchors[anchors.length - 1]![1];
  for (let i = 1; i < anchors.length; i++) {
    const [y0, c0] = anchors[i - 1]!;
    const [y1, c1] = anchors[i]!;
    if (year <= y1) {
      base = c0 + ((Math.max(year, y0) - y0) / (y1 - y0)) * (c1 - c0);
      break;
    }
  }
  return Math.round(base + (r - 0.5) * 2_000_000);
}

/**
 * About 10 % of victims are public (people killed in protests, journalists and leaders who spoke
 * out), about 15 % protected (survivors of sexual violence first, then military officers and
 * others at risk); the rest restricted.
 */
export function assignProtection(victims: Victim[], rng: DemoContext['rng']) {
  const nPublic = Math.round(victims.length * 0.1);
  const nProtected = Math.round(victims.length * 0.15);
  const protectedFirst = victims.filter((v) => v.stories.some((s) => s.sexualActId));
  const protectedNext = rng.shuffle(
    victims.filter((v) => v.profile === 'military' && !protectedFirst.includes(v)),
  );
  for (const v of [...protectedFirst, ...protectedNext].slice(0, nProtected)) v.protection = 'protected';
  const publicFirst = victims.filter(
    (v) => v.protection !== 'protected' && v.stories.some((s) => s.role === 'killed'),
  );
  const publicNext = rng.shuffle(
    victims.filter(
      (v) =>
        v.protection !== 'protected' &&
        !publicFirst.includes(v) &&
        (v.profile === 'journalist' || v.profile === 'activist'),
    ),
  );
  for (const v of [...publicFirst, ...publicNext].slice(0, nPublic)) v.protection = 'public';
  const rest = rng.shuffle(victims.filter((v) => v.protection === 'restricted'));
  let i = 0;
  while (victims.filter((v) => v.protection === 'protected').length < nProtected)
    rest[i++]!.protection = 'protected';
  while (victims.filter((v) => v.protection === 'public').length < nPublic) rest[i++]!.protection = 'public';
}

export function emitVictim(ctx: DemoContext, v: Victim) {
  const b = v.birth;
  const birthDate =
    !b || v.birthPrecision === 'none'
      ? undefined
      : v.birthPrecision === 'day'
        ? day(b)
        : v.birthPrecision === 'month'
          ? month(b)
          : v.birthPrecision === 'year'
            ? { precision: 'year', value: b.slice(0, 4) }
            : {
                precision: 'range',
                from: String(Number(b.slice(0, 4)) - 1),
                to: String(Number(b.slice(0, 4)) + 1),
              };
  const first = v.stories[0]!;
  ctx.add('persons', v.id, {
    givenNames: v.given,
    firstSurname: v.s1,
    secondSurname: v.s2,
    aliases: [],
    sex: v.sex,
    birthDate,
    nationalities: v.cedula?.type === 'cedula_extranjero' ? ['CO'] : ['VE'],
    documents: v.cedula ? [{ type: v.cedula.type, number: v.cedula.number, country: 'VE' }] : [],
    occupation: v.occupation,
    affiliations: v.affiliations,
    contact: v.contact,
    protection: v.protection,
    notes:
      v.protection === 'protected'
        ? 'Identidad protegida: riesgo de represalias contra la víctima o su familia. Persona ficticia.'
        : `Persona ficticia. Residente en ${first.event.muni.name} (${first.event.muni.stateName}).`,
  });
}
