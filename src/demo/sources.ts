/**
 * The demo's sources, graded on the Admiralty scale: three documenting NGOs, a newspaper that
 * republishes one NGO's bulletins (same independence group: their reports count once), an
 * insider, and an anonymous online account that cannot be judged.
 */
import type { DemoContext } from './context.js';

export interface Sources {
  foro: string;
  observatorio: string;
  red: string;
  diario: string;
  insider: string;
  online: string;
}

export function buildSources(ctx: DemoContext): Sources {
  const src = (body: Record<string, unknown>) => ctx.add('sources', ctx.id('src'), body);
  return {
    foro: src({
      name: 'Foro Ficticio de Defensa Legal',
      kind: 'ngo',
      connection: 'lawyer',
      reliability: 'A',
      independenceGroup: 'foro-ficticio',
      protection: 'public',
      notes:
        'Red de abogados (ficticia) que asiste a detenidos en tribunales desde 2014; verifica cada caso con el expediente judicial.',
    }),
    observatorio: src({
      name: 'Observatorio Ficticio de Derechos Humanos',
      kind: 'ngo',
      connection: 'ngo',
      reliability: 'B',
      independenceGroup: 'observatorio-ficticio',
      protection: 'public',
      notes: 'ONG ficticia de documentación; entrevista a víctimas y familiares.',
    }),
    red: src({
      name: 'Red Ficticia de Defensores Andinos',
      kind: 'ngo',
      connection: 'ngo',
      reliability: 'C',
      independenceGroup: 'red-andina-ficticia',
      protection: 'public',
      notes: 'Red ficticia de voluntarios en Táchira y Mérida; publica boletines semanales.',
    }),
    diario: src({
      name: 'Diario Ficticio del Centro',
      kind: 'media',
      connection: 'journalist',
      reliability: 'C',
      // Republishes the Red's bulletins: one origin, so it is not independent corroboration.
      independenceGroup: 'red-andina-ficticia',
      protection: 'public',
      notes:
        'Periódico ficticio. Sus notas sobre detenciones reproducen los boletines de la Red Ficticia de Defensores Andinos.',
    }),
    insider: src({
      name: 'Fuente interna «Halcón»',
      kind: 'insider',
      connection: 'insider',
      reliability: 'B',
      independenceGroup: 'halcon',
      protection: 'protected',
      contact: 'Solo a través de la abogada coordinadora del Foro Ficticio (canal cifrado).',
      notes:
        'Exfuncionario administrativo de la contrainteligencia (ficticio). Identidad conocida solo por dos miembros del equipo.',
    }),
    online: src({
      name: 'Cuenta anónima en mensajería',
      kind: 'online',
      reliability: 'F',
      independenceGroup: 'anon-mensajeria-1',
      protection: 'restricted',
      notes: 'Cuenta creada para enviar un único relato; no ha sido posible verificar a su autor.',
    }),
  };
}
