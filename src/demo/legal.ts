/**
 * The demo's legal layer, as an analyst would build it: element links from the case file's items
 * to the Rome Statute elements they tend to prove (the Case Matrix), a contradiction, circular
 * reporting, evidence of policy, links about suspects, the items' credibility grades, and two
 * national proceedings (complementarity). Derived deterministically from the records already
 * generated, so it stays consistent with them.
 */
import { ACT_TYPE_CRIMES } from '../law/index.js';
import type { DemoContext, RecordJson } from './context.js';
import type { ListTruth } from './lists.js';

type Body = Record<string, unknown>;
const body = (r: RecordJson) => r.body as Body;

/** The analysts' credibility grade (Admiralty 1–6) per demo evidence file. */
const CREDIBILITY: Record<string, string> = {
  'acta-policial-aprehension.txt': '2',
  'acta-policial-aprehension-testada.txt': '2',
  'informe-medico-legal.txt': '1',
  'orden-operaciones-17-escudo.txt': '3',
  'diario-ficticio-nota.html': '3',
  'foto-hematomas.png': '2',
  'transcripcion-audiencia-1.txt': '2',
};

/** Crime elements of the incident a piece of information about an act of this type speaks to. */
function incidentElements(
  actType: string,
  material: 'testimony' | 'medical' | 'record' | 'list' | 'press',
): string[] {
  const out: string[] = [];
  for (const crime of ACT_TYPE_CRIMES[actType] ?? []) {
    out.push(`${crime}.E1`);
    // Victims and witnesses describe custody and the severity of what was done.
    if (material === 'testimony' && crime === 'CAH.7-1-f') out.push(`${crime}.E2`, `${crime}.E3`);
    if (material === 'medical' && crime === 'CAH.7-1-f') out.push(`${crime}.E3`);
    if (material === 'testimony' && crime === 'CAH.7-1-e') out.push(`${crime}.E2`);
    if (material === 'testimony' && crime === 'CAH.7-1-i') out.push(`${crime}.E2`);
  }
  // The nexus with the attack: testimonies and press reports place the act in the wider pattern.
  if (material === 'testimony' || material === 'press') out.push('CTX.nexus');
  return out;
}

export function buildLegal(ctx: DemoContext, listTruth: readonly ListTruth[]): void {
  const acts = ctx.records.acts;
  const actsByVictim = new Map<string, RecordJson[]>();
  const actsByEvent = new Map<string, RecordJson[]>();
  for (const a of acts) {
    const b = body(a);
    for (const [m, k] of [
      [actsByVictim, b.victimId as string],
      [actsByEvent, b.eventId as string],
    ] as const) {
      const list = m.get(k) ?? [];
      list.push(a);
      m.set(k, list);
    }
  }
  const links = new Set<string>();
  const link = (l: Body) => {
    const key = JSON.stringify(l);
    if (links.has(key)) return;
    links.add(key);
    ctx.add('element-links', ctx.id('elk'), l);
  };
  const evidenceByFile = new Map(ctx.records.evidence.map((e) => [body(e).fileName as string, e]));
  for (const [file, grade] of Object.entries(CREDIBILITY)) {
    const e = evidenceByFile.get(file);
    if (e) body(e).credibility = grade;
  }

  // 1. The organisations' lists document the conduct of detentions, killings and disappearances.
  const listFile = new Map(ctx.records['source-lists'].map((l) => [l.id, body(l).fileName as string]));
  const listed = new Set(['deprivation_of_liberty', 'killing', 'enforced_disappearance']);
  const documented = (type: string) =>
    listed.has(type) ||
    [
      'arbitrary_detention',
      'arbitrary_arrest',
      'mass_roundup',
      'incommunicado_detention',
      'extrajudicial_execution',
      'killing_in_demonstration',
      'death_in_custody',
      'short_term_disappearance',
    ].includes(type);
  for (const row of listTruth) {
    const ev = evidenceByFile.get(listFile.get(row.listId) ?? '');
    if (!ev) continue;
    body(ev).credibility = '2';
    for (const a of actsByVictim.get(row.personId) ?? []) {
      const type = body(a).type as string;
      if (!documented(type)) continue;
      for (const el of incidentElements(type, 'list'))
        link({ elementId: el, actId: a.id, evidenceId: ev.id });
    }
  }

  // 2. Testimonies speak to the acts they support.
  for (const t of ctx.records.testimonies) {
    const sup = (body(t).supports ?? {}) as { actIds?: string[]; eventIds?: string[] };
    const actIds = new Set(sup.actIds ?? []);
    for (const e of sup.eventIds ?? [])
      for (const a of actsByEvent.get(e) ?? []) if (actIds.size < 40) actIds.add(a.id);
    for (const a of acts.filter((x) => actIds.has(x.id)))
      for (const el of incidentElements(body(a).type as string, 'testimony'))
        link({ elementId: el, actId: a.id, testimonyId: t.id });
  }

  // 3. Documents: the arrest record, the medical report, the photo, the press capture.
  const material: Record<string, 'medical' | 'record' | 'press'> = {
    'acta-policial-aprehension.txt': 'record',
    'informe-medico-legal.txt': 'medical',
    'foto-hematomas.png': 'medical',
    'diario-ficticio-nota.html': 'press',
  };
  for (const [file, kind] of Object.entries(material)) {
    const ev = evidenceByFile.get(file);
    if (!ev) continue;
    const sup = (body(ev).supports ?? {}) as { actIds?: string[]; eventIds?: string[] };
    const actIds = new Set(sup.actIds ?? []);
    for (const e of sup.eventIds ?? []) for (const a of actsByEvent.get(e) ?? []) actIds.add(a.id);
    // The medical report and photo concern the torture of the person they show.
    const personIds = new Set((sup as { personIds?: string[] }).personIds ?? []);
    if (kind === 'medical')
      for (const p of personIds)
        for (const a of actsByVictim.get(p) ?? []) if (body(a).type === 'torture') actIds.add(a.id);
    for (const a of acts.filter((x) => actIds.has(x.id)))
      for (const el of incidentElements(body(a).type as string, kind))
        link({ elementId: el, actId: a.id, evidenceId: ev.id });
  }

  // 4. A contradiction: the arrest record claims a lawful arrest in flagrante delicto.
  const acta = evidenceByFile.get('acta-policial-aprehension.txt');
  const actaActs =
    ((body(acta ?? ({ body: {} } as RecordJson)).supports ?? {}) as { actIds?: string[] }).actIds ?? [];
  for (const a of actaActs)
    link({
      elementId: 'CAH.7-1-e.E2',
      actId: a,
      evidenceId: acta!.id,
      stance: 'contradicts',
      passage:
        'El acta afirma una aprehensión en flagrancia con orden de presentación ante el tribunal de control.',
      note: 'La defensa lo controvierte: la presentación se produjo 96 horas después. Se muestra, no se descuenta.',
    });

  // 5. Context: the lists speak to scale, the order and the insider to policy and organisation.
  for (const l of ctx.records['source-lists']) {
    const ev = evidenceByFile.get(body(l).fileName as string);
    if (!ev) continue;
    link({ elementId: 'CTX.attack', evidenceId: ev.id });
    link({ elementId: 'CTX.widespread-systematic', evidenceId: ev.id });
    link({ elementId: 'CTX.civilian', evidenceId: ev.id });
  }
  const order = evidenceByFile.get('orden-operaciones-17-escudo.txt');
  const insider = ctx.records.sources.find((s) => body(s).kind === 'insider')?.id;
  const insiderTestimonies = ctx.records.testimonies.filter((t) => insider && body(t).sourceId === insider);
  if (order) {
    link({
      elementId: 'CTX.policy',
      evidenceId: order.id,
      passage: 'Punto 2 (misión) y punto 4 (coordinación).',
    });
    link({
      elementId: 'CTX.widespread-systematic',
      evidenceId: order.id,
      passage: 'Punto 1: siete estados.',
    });
  }
  for (const t of insiderTestimonies) {
    link({ elementId: 'CTX.policy', testimonyId: t.id });
  }
  const press = evidenceByFile.get('diario-ficticio-nota.html');
  if (press) link({ elementId: 'CTX.attack', evidenceId: press.id });

  // 6. Suspects: the order's signer (ordering) and the chiefs it was sent to (command).
  const suspects =
    ((body(order ?? ({ body: {} } as RecordJson)).supports ?? {}) as { personIds?: string[] }).personIds ??
    [];
  const [signer, ...chiefs] = suspects;
  if (order && signer) {
    for (const el of ['ICC.25-3-b.E1', 'ICC.25-3-b.E2', 'CTX.knowledge'])
      link({ elementId: el, suspectId: signer, evidenceId: order.id });
    for (const t of insiderTestimonies)
      for (const el of ['ICC.25-3-b.E1', 'CTX.knowledge'])
        link({ elementId: el, suspectId: signer, testimonyId: t.id });
  }
  for (const chief of chiefs) {
    if (!order) break;
    for (const el of ['ICC.28-a.E1', 'ICC.28-b.E1', 'CTX.knowledge'])
      link({ elementId: el, suspectId: chief, evidenceId: order.id });
  }

  // 7. National proceedings: a closed investigation of a protest killing, a stalled one of a detention.
  const killing = acts.find((a) => body(a).type === 'killing_in_demonstration');
  ctx.add('proceedings', ctx.id('prc'), {
    country: 'VE',
    authority: 'Fiscalía Ficticia del Ministerio Público, Caracas',
    caseNumber: 'MP-FIC-2014-0001',
    status: 'closed',
    opened: { precision: 'month', value: '2014-03' },
    lastActivity: { precision: 'month', value: '2015-01' },
    actIds: killing ? [killing.id] : [],
    personIds: [],
    indicators: ['shielding_purpose', 'inconsistent_with_intent_to_bring_to_justice'],
    notes: 'Archivada sin imputados; la familia no tuvo acceso al expediente (ficticio).',
  });
  ctx.add('proceedings', ctx.id('prc'), {
    country: 'VE',
    authority: 'Tribunal de control ficticio, Área Metropolitana de Caracas',
    status: 'investigation',
    opened: { precision: 'month', value: '2017-06' },
    lastActivity: { precision: 'month', value: '2017-09' },
    actIds: actaActs,
    // A proceeding that names one of the chiefs: complementarity is then a question of whether it
    // concerns substantially the same conduct (Kenya admissibility appeals, 2011).
    personIds: chiefs.slice(0, 1),
    indicators: ['unjustified_delay', 'lack_of_independence'],
    notes: 'Denuncia de torturas sin diligencias desde 2017 (ficticio).',
  });
}
