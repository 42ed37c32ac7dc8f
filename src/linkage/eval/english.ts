/**
 * An English-language list pair for record linkage, written apart from `synth` and from the
 * Venezuelan generator (adversarial.ts): households of people with English names at UK-style
 * addresses, postcodes and towns, and free-text occupations. List A (a register) has first, middle
 * and last name columns; list B (a casualty list written by other hands) has the whole name in one
 * column, "SMITH, John M." or "John Smith", initials for given names, abbreviated street words,
 * postcodes without the space, day and month swapped (US vs UK dates), people who moved house,
 * nicknames the engine does not know, and occupations written other ways. Households put relatives
 * (one surname and address, other first names and birth dates) and father/son namesakes side by
 * side, so an address alone cannot link. Pure: the same seed gives the same lists.
 */
import { Rng } from '../random.js';
import type { FieldSpec, LinkRecord } from '../types.js';

const MALE =
  'James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Oliver Harry'.split(
    ' ',
  );
const FEMALE =
  'Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori'.split(
    ' ',
  );
const SURNAMES =
  'Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham Pearson Ahmed Fletcher Walsh Kaur Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley Spencer Gill Dawson Ball Burton OBrien Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland Hawkins Harding Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Shah Dean Lane Cooke Bates Henderson Parry Burgess Bishop Walton Burns Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls Hamilton Byrne Sutton McDonald Yates Hodgson Robson Curtis Hopkins OConnor Harper Coleman Watkins Moss McCarthy Chambers ODonnell Griffin Sharp Hardy Wheeler Potter Osborne Johnston Gordon Doyle Wallace George Jordan Hutchinson Rowe Burke May Pritchard Gilbert Willis Higgins Read Miles Stevenson Stephenson Hammond Arnold Buckley Walters Hewitt Barber Nelson Slater Austin Sullivan Whitehead Mann Frost Lambert Stephens Blake Akhtar Lynch Goodwin Barton Woodward Thomson Cunningham Quinn Barnett Baxter Bibi Clayton Nash Greenwood Jennings Holt Kemp Poole Gallagher Bond Stokes Tucker Davidson Fowler Heath Norman Middleton Lawson Banks French Stanley Jarvis Gibbs Ferguson Hayward Carroll Douglas Hicks Fuller Charlton Rahman Cartwright Wilkins Davey Howells Abbott'.split(
    ' ',
  );
const STREETS =
  'High Station Main Park Church London Victoria Green Manor Queens Kings Grange Mill New School Albert Richmond York Springfield North Alexander Windsor Chapel Elm Oak Cedar Willow Beech Highfield Stanley George Broadway Mount Pleasant Orchard Meadow Riverside Castle Bridge Market Westfield Hillside Cromwell Clarence Nelson Wellington Cambridge Oxford Balmoral Brook Fairfield Holly Ash Rectory Vicarage Marlborough Carlton Denmark Thornhill'.split(
    ' ',
  );
const STREET_TYPES: [string, string][] = [
  ['Street', 'St'],
  ['Road', 'Rd'],
  ['Avenue', 'Ave'],
  ['Lane', 'Ln'],
  ['Drive', 'Dr'],
  ['Close', 'Close'],
  ['Crescent', 'Cres'],
  ['Way', 'Way'],
  ['Gardens', 'Gdns'],
  ['Terrace', 'Tce'],
  ['Place', 'Pl'],
  ['Court', 'Ct'],
];
/** Towns with their postcode area letters. */
const TOWNS: [string, string][] = [
  ['London', 'SE'],
  ['Birmingham', 'B'],
  ['Manchester', 'M'],
  ['Leeds', 'LS'],
  ['Sheffield', 'S'],
  ['Bristol', 'BS'],
  ['Liverpool', 'L'],
  ['Newcastle upon Tyne', 'NE'],
  ['Nottingham', 'NG'],
  ['Leicester', 'LE'],
  ['Coventry', 'CV'],
  ['Bradford', 'BD'],
  ['Cardiff', 'CF'],
  ['Stoke-on-Trent', 'ST'],
  ['Wolverhampton', 'WV'],
  ['Plymouth', 'PL'],
  ['Southampton', 'SO'],
  ['Reading', 'RG'],
  ['Derby', 'DE'],
  ['St Albans', 'AL'],
];
/** Occupations and other ways lists write them. */
const OCCUPATIONS: string[][] = [
  ['Teacher', 'Primary school teacher', 'teacher (retired)', 'Teachers'],
  ['Nurse', 'Registered nurse', 'Staff nurse'],
  ['Driver', 'Bus driver', 'Lorry driver', 'Taxi driver'],
  ['Student', 'University student', 'Students'],
  ['Farmer', 'Farm labourer', 'farmer'],
  ['Engineer', 'Civil engineer', 'Engineering'],
  ['Shop assistant', 'Sales assistant', 'Retail assistant'],
  ['Journalist', 'Reporter', 'Freelance journalist'],
  ['Doctor', 'General practitioner', 'Medical doctor'],
  ['Electrician', 'Electrician', 'Electrical engineer'],
  ['Cleaner', 'Office cleaner', 'Cleaner'],
  ['Builder', 'Construction worker', 'Builder'],
  ['Unemployed', 'Unemployed', 'None'],
  ['Retired', 'Retired', 'Pensioner'],
  ['Accountant', 'Chartered accountant', 'Accounts clerk'],
  ['Lawyer', 'Solicitor', 'Human rights lawyer'],
  ['Mechanic', 'Car mechanic', 'Motor mechanic'],
  ['Cook', 'Chef', 'Kitchen assistant'],
];
const NICKNAMES: Record<string, string> = {
  William: 'Bill',
  Robert: 'Bob',
  Richard: 'Dick',
  James: 'Jim',
  Michael: 'Mike',
  Elizabeth: 'Liz',
  Margaret: 'Maggie',
  Katherine: 'Kate',
  Jennifer: 'Jenny',
  Thomas: 'Tom',
  Joseph: 'Joe',
  Christopher: 'Chris',
  Patricia: 'Pat',
  Susan: 'Sue',
  Anthony: 'Tony',
};

interface Home {
  number: number;
  street: string;
  type: [string, string];
  town: [string, string];
  postcode: string;
}

interface EnglishPerson {
  id: number;
  first: string;
  middle: string;
  last: string;
  birth: { y: number; m: number; d: number };
  home: Home;
  /** Where list B finds them when they moved (else undefined). */
  moved?: Home;
  occupation: string[];
}

export interface EnglishSet {
  records: LinkRecord[];
  /** Person id of each record. */
  person: number[];
  people: number;
}

export interface EnglishOptions {
  /** Households (2.3 people each on average). */
  households?: number;
  seed?: number;
}

/** The columns of the two lists; B has no first/middle/last but a whole name. */
export const ENGLISH_COLUMNS = {
  first: 'first_name',
  middle: 'middle_name',
  last: 'last_name',
  full: 'full_name',
  birth: 'date_of_birth',
  address: 'address',
  postcode: 'postcode',
  town: 'town',
  occupation: 'occupation',
} as const;

/** The English list pair's columns with the generic field types (names, residence, occupation). */
export const ENGLISH_FIELDS: readonly FieldSpec[] = [
  { column: ENGLISH_COLUMNS.first, type: 'name' },
  { column: ENGLISH_COLUMNS.last, type: 'name' },
  { column: ENGLISH_COLUMNS.full, type: 'fullname' },
  { column: ENGLISH_COLUMNS.birth, type: 'date' },
  { column: ENGLISH_COLUMNS.address, type: 'address' },
  { column: ENGLISH_COLUMNS.postcode, type: 'postcode' },
  { column: ENGLISH_COLUMNS.town, type: 'locality' },
  { column: ENGLISH_COLUMNS.occupation, type: 'occupation' },
];

/** Early entries are more common: the top first name about 4 % of people, as in English registers. */
const zipf = <T>(rng: Rng, xs: readonly T[]) => xs[Math.floor(xs.length * rng.float() ** 1.3)]!;
const pad = (x: number) => String(x).padStart(2, '0');

function newHome(rng: Rng): Home {
  const town = zipf(rng, TOWNS);
  const postcode = `${town[1]}${1 + rng.int(20)} ${1 + rng.int(9)}${'ABDEFGHJLNPQRSTUWXYZ'[rng.int(20)]}${'ABDEFGHJLNPQRSTUWXYZ'[rng.int(20)]}`;
  return {
    number: 1 + rng.int(180),
    street: zipf(rng, STREETS),
    type: STREET_TYPES[rng.int(STREET_TYPES.length)]!,
    town,
    postcode,
  };
}

/** One keying slip: a letter dropped, doubled or replaced. */
function slip(rng: Rng, s: string): string {
  if (s.length < 4) return s;
  const i = 1 + rng.int(s.length - 2);
  const k = rng.int(3);
  if (k === 0) return s.slice(0, i) + s.slice(i + 1);
  if (k === 1) return s.slice(0, i) + s[i] + s.slice(i);
  return s.slice(0, i) + 'aeiourlnst'[rng.int(10)] + s.slice(i + 1);
}

/** Builds households, then list A (about 80 % of people) and list B (about 60 %). */
export function englishSet(opts: EnglishOptions = {}): EnglishSet {
  const rng = new Rng(opts.seed ?? 11);
  const people: EnglishPerson[] = [];
  for (let h = 0; h < (opts.households ?? 2000); h++) {
    const home = newHome(rng);
    const last = zipf(rng, SURNAMES);
    const size = 1 + Math.min(4, Math.floor(-Math.log(1 - rng.float()) * 1.6));
    const head = 1940 + rng.int(45);
    for (let k = 0; k < size; k++) {
      const male = rng.float() < 0.5;
      const pool = male ? MALE : FEMALE;
      let first = zipf(rng, pool);
      // Father and son of one name (John Smith senior and junior) at one address.
      if (k === 2 && male && people.length > 0 && rng.float() < 0.3) {
        const father = people[people.length - 2]!;
        if (MALE.includes(father.first)) first = father.first;
      }
      const y = k < 2 ? head + rng.int(6) : Math.min(2006, head + 20 + rng.int(16));
      const p: EnglishPerson = {
        id: people.length,
        first,
        middle: rng.float() < 0.6 ? zipf(rng, pool) : '',
        last,
        birth: { y, m: 1 + rng.int(12), d: 1 + rng.int(28) },
        home,
        occupation: zipf(rng, OCCUPATIONS),
      };
      if (rng.float() < 0.1) p.moved = newHome(rng);
      people.push(p);
    }
  }
  const records: LinkRecord[] = [];
  const person: number[] = [];
  const C = ENGLISH_COLUMNS;
  for (const p of people) {
    if (rng.float() < 0.8) {
      const dob = rng.float() < 0.08 ? '' : `${pad(p.birth.d)}/${pad(p.birth.m)}/${p.birth.y}`;
      records.push({
        source: 'register',
        id: `A${records.length + 1}`,
        values: {
          [C.first]: rng.float() < 0.03 ? slip(rng, p.first) : p.first,
          [C.middle]: rng.float() < 0.2 ? '' : p.middle,
          [C.last]: rng.float() < 0.03 ? slip(rng, p.last) : p.last,
          [C.birth]: dob,
          [C.address]: `${p.home.number} ${p.home.street} ${p.home.type[0]}`,
          [C.postcode]: p.home.postcode,
          [C.town]: p.home.town[0],
          [C.occupation]: rng.float() < 0.25 ? '' : p.occupation[0]!,
        },
      });
      person.push(p.id);
    }
    if (rng.float() < 0.6) {
      const home = p.moved ?? p.home;
      let first = p.first;
      const r = rng.float();
      if (r < 0.1) first = `${first[0]}.`;
      else if (r < 0.15 && NICKNAMES[first]) first = NICKNAMES[first]!;
      else if (r < 0.19) first = slip(rng, first);
      const middle = p.middle && rng.float() < 0.5 ? ` ${p.middle[0]}.` : '';
      const last = rng.float() < 0.04 ? slip(rng, p.last) : p.last;
      const full =
        rng.float() < 0.5 ? `${last.toUpperCase()}, ${first}${middle}` : `${first}${middle} ${last}`;
      // A US-style date (month first) in a fifth of the records; missing in an eighth.
      const b = p.birth;
      const dob =
        rng.float() < 0.12
          ? ''
          : rng.float() < 0.2
            ? `${pad(b.m)}/${pad(b.d)}/${b.y}`
            : `${pad(b.d)}/${pad(b.m)}/${b.y}`;
      const number = rng.float() < 0.03 ? home.number + 1 + rng.int(9) : home.number;
      const type = rng.float() < 0.6 ? home.type[1] : home.type[0];
      const flat = rng.float() < 0.1 ? `, Flat ${1 + rng.int(6)}` : '';
      records.push({
        source: 'casualties',
        id: `B${records.length + 1}`,
        values: {
          [C.full]: full,
          [C.birth]: dob,
          [C.address]: rng.float() < 0.1 ? '' : `${number} ${home.street} ${type}${flat}`,
          [C.postcode]:
            rng.float() < 0.15
              ? ''
              : rng.float() < 0.5
                ? home.postcode.replace(' ', '').toLowerCase()
                : home.postcode,
          [C.town]: rng.float() < 0.1 ? '' : home.town[0],
          [C.occupation]: rng.float() < 0.35 ? '' : p.occupation[rng.int(p.occupation.length)]!,
        },
      });
      person.push(p.id);
    }
  }
  return { records, person, people: people.length };
}
