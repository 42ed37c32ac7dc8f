/**
 * States Parties to the Rome Statute (125 as of 2025, plus the two that withdrew).
 *
 * WARNING: compiled from knowledge, not from an authoritative download. Every date must be
 * checked against the UN Treaty Collection, chapter XVIII.10 (depositary notifications), before
 * any filing relies on it.
 *
 * Entry into force (Art. 126(2)): the first day of the month after the 60th day following the
 * deposit; for the instruments deposited up to 11 April 2002 (the sixtieth), 1 July 2002 (126(1)).
 * Withdrawal (Art. 127) takes effect one year after notification; crimes committed while the
 * State was a party stay within the Court's jurisdiction (127(2)).
 */
import { InputError } from '../domain/errors.js';
import type { StateParty } from './types.js';

type Instrument = StateParty['instrument'];
const INSTRUMENT: Record<'r' | 'a' | 'A' | 'AA' | 's', Instrument> = {
  s: 'succession',
  r: 'ratification',
  a: 'accession',
  A: 'acceptance',
  AA: 'approval',
};

// [iso2, English, Spanish, deposit, instrument, entry into force, OAS member, withdrawal effective]
type Row = [string, string, string, string, keyof typeof INSTRUMENT, string, boolean, string?];

const ROWS: readonly Row[] = [
  ['AF', 'Afghanistan', 'Afganistán', '2003-02-10', 'a', '2003-05-01', false],
  ['AL', 'Albania', 'Albania', '2003-01-31', 'r', '2003-05-01', false],
  ['AD', 'Andorra', 'Andorra', '2001-04-30', 'r', '2002-07-01', false],
  ['AG', 'Antigua and Barbuda', 'Antigua y Barbuda', '2001-06-18', 'r', '2002-07-01', true],
  ['AR', 'Argentina', 'Argentina', '2001-02-08', 'r', '2002-07-01', true],
  ['AM', 'Armenia', 'Armenia', '2023-11-14', 'r', '2024-02-01', false],
  ['AU', 'Australia', 'Australia', '2002-07-01', 'r', '2002-09-01', false],
  ['AT', 'Austria', 'Austria', '2000-12-28', 'r', '2002-07-01', false],
  ['BD', 'Bangladesh', 'Bangladés', '2010-03-23', 'r', '2010-06-01', false],
  ['BB', 'Barbados', 'Barbados', '2002-12-10', 'r', '2003-03-01', true],
  ['BE', 'Belgium', 'Bélgica', '2000-06-28', 'r', '2002-07-01', false],
  ['BZ', 'Belize', 'Belice', '2000-04-05', 'r', '2002-07-01', true],
  ['BJ', 'Benin', 'Benín', '2002-01-22', 'r', '2002-07-01', false],
  ['BO', 'Bolivia', 'Bolivia', '2002-06-27', 'r', '2002-09-01', true],
  ['BA', 'Bosnia and Herzegovina', 'Bosnia y Herzegovina', '2002-04-11', 'r', '2002-07-01', false],
  ['BW', 'Botswana', 'Botsuana', '2000-09-08', 'r', '2002-07-01', false],
  ['BR', 'Brazil', 'Brasil', '2002-06-20', 'r', '2002-09-01', true],
  ['BG', 'Bulgaria', 'Bulgaria', '2002-04-11', 'r', '2002-07-01', false],
  ['BF', 'Burkina Faso', 'Burkina Faso', '2004-04-16', 'r', '2004-07-01', false],
  // Withdrawal notified 27 Oct 2016.
  ['BI', 'Burundi', 'Burundi', '2004-09-21', 'r', '2004-12-01', false, '2017-10-27'],
  ['CV', 'Cabo Verde', 'Cabo Verde', '2011-10-10', 'r', '2012-01-01', false],
  ['KH', 'Cambodia', 'Camboya', '2002-04-11', 'r', '2002-07-01', false],
  ['CA', 'Canada', 'Canadá', '2000-07-07', 'r', '2002-07-01', true],
  ['CF', 'Central African Republic', 'República Centroafricana', '2001-10-03', 'r', '2002-07-01', false],
  ['TD', 'Chad', 'Chad', '2006-11-01', 'r', '2007-01-01', false],
  ['CL', 'Chile', 'Chile', '2009-06-29', 'r', '2009-09-01', true],
  ['CO', 'Colombia', 'Colombia', '2002-08-05', 'r', '2002-11-01', true],
  ['KM', 'Comoros', 'Comoras', '2006-08-18', 'r', '2006-11-01', false],
  ['CG', 'Congo', 'Congo', '2004-05-03', 'r', '2004-08-01', false],
  ['CK', 'Cook Islands', 'Islas Cook', '2008-07-18', 'a', '2008-10-01', false],
  ['CR', 'Costa Rica', 'Costa Rica', '2001-06-07', 'r', '2002-07-01', true],
  ['CI', "Côte d'Ivoire", "Côte d'Ivoire", '2013-02-15', 'r', '2013-05-01', false],
  ['HR', 'Croatia', 'Croacia', '2001-05-21', 'r', '2002-07-01', false],
  ['CY', 'Cyprus', 'Chipre', '2002-03-07', 'r', '2002-07-01', false],
  ['CZ', 'Czechia', 'Chequia', '2009-07-21', 'r', '2009-10-01', false],
  [
    'CD',
    'Democratic Republic of the Congo',
    'República Democrática del Congo',
    '2002-04-11',
    'r',
    '2002-07-01',
    false,
  ],
  ['DK', 'Denmark', 'Dinamarca', '2001-06-21', 'r', '2002-07-01', false],
  ['DJ', 'Djibouti', 'Yibuti', '2002-11-05', 'r', '2003-02-01', false],
  ['DM', 'Dominica', 'Dominica', '2001-02-12', 'a', '2002-07-01', true],
  ['DO', 'Dominican Republic', 'República Dominicana', '2005-05-12', 'r', '2005-08-01', true],
  ['EC', 'Ecuador', 'Ecuador', '2002-02-05', 'r', '2002-07-01', true],
  ['SV', 'El Salvador', 'El Salvador', '2016-03-03', 'a', '2016-06-01', true],
  ['EE', 'Estonia', 'Estonia', '2002-01-30', 'r', '2002-07-01', false],
  ['FJ', 'Fiji', 'Fiyi', '1999-11-29', 'r', '2002-07-01', false],
  ['FI', 'Finland', 'Finlandia', '2000-12-29', 'r', '2002-07-01', false],
  ['FR', 'France', 'Francia', '2000-06-09', 'r', '2002-07-01', false],
  ['GA', 'Gabon', 'Gabón', '2000-09-20', 'r', '2002-07-01', false],
  ['GM', 'Gambia', 'Gambia', '2002-06-28', 'r', '2002-09-01', false],
  ['GE', 'Georgia', 'Georgia', '2003-09-05', 'r', '2003-12-01', false],
  ['DE', 'Germany', 'Alemania', '2000-12-11', 'r', '2002-07-01', false],
  ['GH', 'Ghana', 'Ghana', '1999-12-20', 'r', '2002-07-01', false],
  ['GR', 'Greece', 'Grecia', '2002-05-15', 'r', '2002-08-01', false],
  ['GD', 'Grenada', 'Granada', '2011-05-19', 'a', '2011-08-01', true],
  ['GT', 'Guatemala', 'Guatemala', '2012-04-02', 'a', '2012-07-01', true],
  ['GN', 'Guinea', 'Guinea', '2003-07-14', 'r', '2003-10-01', false],
  ['GY', 'Guyana', 'Guyana', '2004-09-24', 'r', '2004-12-01', true],
  ['HN', 'Honduras', 'Honduras', '2002-07-01', 'r', '2002-09-01', true],
  // Withdrawal notified 2 Jun 2025 (effective 2 Jun 2026 under Art. 127(1)): still a party here.
  ['HU', 'Hungary', 'Hungría', '2001-11-30', 'r', '2002-07-01', false],
  ['IS', 'Iceland', 'Islandia', '2000-05-25', 'r', '2002-07-01', false],
  ['IE', 'Ireland', 'Irlanda', '2002-04-11', 'r', '2002-07-01', false],
  ['IT', 'Italy', 'Italia', '1999-07-26', 'r', '2002-07-01', false],
  ['JP', 'Japan', 'Japón', '2007-07-17', 'a', '2007-10-01', false],
  ['JO', 'Jordan', 'Jordania', '2002-04-11', 'r', '2002-07-01', false],
  ['KE', 'Kenya', 'Kenia', '2005-03-15', 'r', '2005-06-01', false],
  ['KI', 'Kiribati', 'Kiribati', '2019-11-26', 'a', '2020-02-01', false],
  ['LV', 'Latvia', 'Letonia', '2002-06-28', 'r', '2002-09-01', false],
  ['LS', 'Lesotho', 'Lesoto', '2000-09-06', 'r', '2002-07-01', false],
  ['LR', 'Liberia', 'Liberia', '2004-09-22', 'r', '2004-12-01', false],
  ['LI', 'Liechtenstein', 'Liechtenstein', '2001-10-02', 'r', '2002-07-01', false],
  ['LT', 'Lithuania', 'Lituania', '2003-05-12', 'r', '2003-08-01', false],
  ['LU', 'Luxembourg', 'Luxemburgo', '2000-09-08', 'r', '2002-07-01', false],
  ['MG', 'Madagascar', 'Madagascar', '2008-03-14', 'r', '2008-06-01', false],
  ['MW', 'Malawi', 'Malaui', '2002-09-19', 'r', '2002-12-01', false],
  ['MV', 'Maldives', 'Maldivas', '2011-09-21', 'a', '2011-12-01', false],
  ['ML', 'Mali', 'Malí', '2000-08-16', 'r', '2002-07-01', false],
  ['MT', 'Malta', 'Malta', '2002-11-29', 'r', '2003-02-01', false],
  ['MH', 'Marshall Islands', 'Islas Marshall', '2000-12-07', 'r', '2002-07-01', false],
  ['MU', 'Mauritius', 'Mauricio', '2002-03-05', 'r', '2002-07-01', false],
  ['MX', 'Mexico', 'México', '2005-10-28', 'r', '2006-01-01', true],
  ['MN', 'Mongolia', 'Mongolia', '2002-04-11', 'r', '2002-07-01', false],
  // Succession (UNTC "d"), notified 23 Oct 2006 and effective from independence, 3 Jun 2006:
  // Succession: in force from independence, not by Art. 126(2) (see SUCCESSIONS).
  ['ME', 'Montenegro', 'Montenegro', '2006-10-23', 's', '2006-06-03', false],
  ['NA', 'Namibia', 'Namibia', '2002-06-25', 'r', '2002-09-01', false],
  ['NR', 'Nauru', 'Nauru', '2001-11-12', 'r', '2002-07-01', false],
  ['NL', 'Netherlands', 'Países Bajos', '2001-07-17', 'A', '2002-07-01', false],
  ['NZ', 'New Zealand', 'Nueva Zelanda', '2000-09-07', 'r', '2002-07-01', false],
  ['NE', 'Niger', 'Níger', '2002-04-11', 'r', '2002-07-01', false],
  ['NG', 'Nigeria', 'Nigeria', '2001-09-27', 'r', '2002-07-01', false],
  ['MK', 'North Macedonia', 'Macedonia del Norte', '2002-03-06', 'r', '2002-07-01', false],
  ['NO', 'Norway', 'Noruega', '2000-02-16', 'r', '2002-07-01', false],
  ['PA', 'Panama', 'Panamá', '2002-03-21', 'r', '2002-07-01', true],
  ['PY', 'Paraguay', 'Paraguay', '2001-05-14', 'r', '2002-07-01', true],
  ['PE', 'Peru', 'Perú', '2001-11-10', 'r', '2002-07-01', true],
  // Withdrawal notified 17 Mar 2018.
  ['PH', 'Philippines', 'Filipinas', '2011-08-30', 'r', '2011-11-01', false, '2019-03-17'],
  ['PL', 'Poland', 'Polonia', '2001-11-12', 'r', '2002-07-01', false],
  ['PT', 'Portugal', 'Portugal', '2002-02-05', 'r', '2002-07-01', false],
  ['KR', 'Republic of Korea', 'República de Corea', '2002-11-13', 'r', '2003-02-01', false],
  ['MD', 'Republic of Moldova', 'República de Moldova', '2010-10-12', 'r', '2011-01-01', false],
  ['RO', 'Romania', 'Rumania', '2002-04-11', 'r', '2002-07-01', false],
  ['KN', 'Saint Kitts and Nevis', 'San Cristóbal y Nieves', '2006-08-22', 'a', '2006-11-01', true],
  ['LC', 'Saint Lucia', 'Santa Lucía', '2010-11-18', 'a', '2011-02-01', true],
  [
    'VC',
    'Saint Vincent and the Grenadines',
    'San Vicente y las Granadinas',
    '2002-12-03',
    'a',
    '2003-03-01',
    true,
  ],
  ['WS', 'Samoa', 'Samoa', '2002-09-16', 'r', '2002-12-01', false],
  ['SM', 'San Marino', 'San Marino', '1999-05-13', 'r', '2002-07-01', false],
  ['SN', 'Senegal', 'Senegal', '1999-02-02', 'r', '2002-07-01', false],
  ['RS', 'Serbia', 'Serbia', '2001-09-06', 'r', '2002-07-01', false],
  ['SC', 'Seychelles', 'Seychelles', '2010-08-10', 'r', '2010-11-01', false],
  ['SL', 'Sierra Leone', 'Sierra Leona', '2000-09-15', 'r', '2002-07-01', false],
  ['SK', 'Slovakia', 'Eslovaquia', '2002-04-11', 'r', '2002-07-01', false],
  ['SI', 'Slovenia', 'Eslovenia', '2001-12-31', 'r', '2002-07-01', false],
  ['ZA', 'South Africa', 'Sudáfrica', '2000-11-27', 'r', '2002-07-01', false],
  ['ES', 'Spain', 'España', '2000-10-24', 'r', '2002-07-01', false],
  // Art. 12(3) declaration lodged 1 Jan 2015 accepts jurisdiction from 13 Jun 2014 (not modelled here).
  ['PS', 'State of Palestine', 'Estado de Palestina', '2015-01-02', 'a', '2015-04-01', false],
  ['SR', 'Suriname', 'Surinam', '2008-07-15', 'a', '2008-10-01', true],
  ['SE', 'Sweden', 'Suecia', '2001-06-28', 'r', '2002-07-01', false],
  ['CH', 'Switzerland', 'Suiza', '2001-10-12', 'r', '2002-07-01', false],
  ['TJ', 'Tajikistan', 'Tayikistán', '2000-05-05', 'r', '2002-07-01', false],
  ['TL', 'Timor-Leste', 'Timor-Leste', '2002-09-06', 'a', '2002-12-01', false],
  ['TT', 'Trinidad and Tobago', 'Trinidad y Tobago', '1999-04-06', 'r', '2002-07-01', true],
  ['TN', 'Tunisia', 'Túnez', '2011-06-24', 'a', '2011-09-01', false],
  ['UG', 'Uganda', 'Uganda', '2002-06-14', 'r', '2002-09-01', false],
  ['UA', 'Ukraine', 'Ucrania', '2024-10-25', 'r', '2025-01-01', false],
  ['GB', 'United Kingdom', 'Reino Unido', '2001-10-04', 'r', '2002-07-01', false],
  [
    'TZ',
    'United Republic of Tanzania',
    'República Unida de Tanzania',
    '2002-08-20',
    'r',
    '2002-11-01',
    false,
  ],
  ['UY', 'Uruguay', 'Uruguay', '2002-06-28', 'r', '2002-09-01', true],
  ['VU', 'Vanuatu', 'Vanuatu', '2011-12-02', 'a', '2012-02-01', false],
  ['VE', 'Venezuela', 'Venezuela', '2000-06-07', 'r', '2002-07-01', true],
  ['ZM', 'Zambia', 'Zambia', '2002-11-13', 'r', '2003-02-01', false],
];

/**
 * OAS membership in dispute. Venezuela gave notice of denunciation of the OAS Charter on
 * 28 April 2017 (effective two years later, Charter Art. 143); the OAS Permanent Council then
 * recognised representatives of the National Assembly (2019), so whether Venezuela is a member is
 * contested. It is kept as a member in the count, with this note shown wherever it matters.
 */
const OAS_CONTESTED: Readonly<Record<string, { es: string; en: string }>> = {
  VE: {
    es: 'Pertenencia a la OEA discutida: denuncia de la Carta notificada el 28 de abril de 2017.',
    en: 'OAS membership contested: denunciation of the Charter notified on 28 April 2017.',
  },
};

export const STATES_PARTIES: readonly StateParty[] = ROWS.map(
  ([iso2, en, es, deposit, instrument, entryIntoForce, oas, withdrawalEffective]) => ({
    iso2,
    name: { es, en },
    deposit,
    instrument: INSTRUMENT[instrument],
    entryIntoForce,
    oas,
    ...(OAS_CONTESTED[iso2] ? { oasContested: OAS_CONTESTED[iso2] } : {}),
    ...(withdrawalEffective ? { withdrawalEffective } : {}),
  }),
);

/**
 * States that became parties by succession, whose entry into force follows the date of
 * succession rather than Art. 126(2).
 */
export const SUCCESSIONS: ReadonlySet<string> = new Set(
  STATES_PARTIES.filter((s) => s.instrument === 'succession').map((s) => s.iso2),
);

const BY_ISO2 = new Map(STATES_PARTIES.map((s) => [s.iso2, s]));

/** The State Party with this ISO 3166-1 alpha-2 code (any case), or undefined. */
export function stateParty(iso2: string): StateParty | undefined {
  return BY_ISO2.get(iso2.trim().toUpperCase());
}

export function entryIntoForce(iso2: string): string | undefined {
  return stateParty(iso2)?.entryIntoForce;
}

const DAY = /^\d{4}-\d{2}-\d{2}/;

/**
 * Whether the Statute was in force for the State on that day (YYYY-MM-DD, or a longer ISO
 * timestamp whose date part is used): from entry into force until withdrawal took effect.
 */
export function isStatePartyOn(iso2: string, isoDate: string): boolean {
  if (!DAY.test(isoDate)) throw new InputError(`not a YYYY-MM-DD date: "${isoDate}"`);
  const day = isoDate.slice(0, 10);
  const s = stateParty(iso2);
  if (!s || day < s.entryIntoForce) return false;
  return s.withdrawalEffective === undefined || day < s.withdrawalEffective;
}

/** States Parties that are OAS members (possible co-referring States under Art. 14). */
export function oasStatesParties(): StateParty[] {
  return STATES_PARTIES.filter((s) => s.oas);
}
