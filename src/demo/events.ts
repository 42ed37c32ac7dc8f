/**
 * Events, victims, acts, involvements and detention timelines of the demo case. Events follow the
 * waves NGOs documented in Venezuela (protests of 2014 and 2017, targeted arrests, arrests of
 * military officers in 2018–2019, police raids of January 2019); every victim and official is
 * invented. Detention timelines are long enough for political-prisoner counts to reach the
 * hundreds at the peaks, as they did.
 */
import { addDays, day, dayIn, month } from './calendar.js';
import type { DemoContext } from './context.js';
import type { Profile } from './names.js';
import type { Muni, Places } from './places.js';
import {
  durationWeights,
  type EventKind,
  FAMILY,
  holdingSiteFor,
  KIND_TAG,
  METHODS,
  PRISON_METHODS,
  prisonFor,
  SITE_UNIT,
  VICTIMS_PER_EVENT,
  WAVES,
  type WavePlan,
  type WaveTag,
} from './plan.js';
import { eventDescription, eventTitle } from './texts.js';
import type { UnitKey, Units } from './units.js';
import { assignProtection, createVictim, emitVictim, type Victim } from './victims.js';

export type { EventKind, WaveTag } from './plan.js';
export type { Victim } from './victims.js';

export const SCOPE_END = '2019-12-31';

/** Victims documented in the case file, and how many of them are detained a second time later. */
export const UNIQUE_VICTIMS = 400;
const REDETENTIONS = 36;

/** What one victim lived through in one event: the material for testimonies and documents. */
export interface Story {
  victim: Victim;
  event: DemoEvent;
  role: 'detained' | 'killed' | 'wounded';
  actIds: string[];
  detentionActId?: string;
  tortureActId?: string;
  tortureMethods: string[];
  sexualActId?: string;
  sexualType?: string;
  persecutionActId?: string;
  holdingSite?: { id: string; name: string };
  prisonSite?: { id: string; name: string };
  incommunicadoDays?: number;
  disappearedDays?: number;
  court?: 'military' | 'ordinary';
  release?: { status: string; date: string };
  houseArrest?: { from: string; to?: string };
  exile?: string;
  escaped?: string;
  died?: string;
  /** Officials this story names (torturers, commanders). */
  perpetratorIds: string[];
}

export interface DemoEvent {
  idx: number;
  id: string;
  kind: EventKind;
  wave: WaveTag;
  date: string;
  muni: Muni;
  unit: UnitKey;
  title: string;
  stories: Story[];
  actIds: string[];
}

export function buildEvents(
  ctx: DemoContext,
  places: Places,
  units: Units,
): { events: DemoEvent[]; victims: Victim[] } {
  const { rng } = ctx;
  const next = () => rng.next();

  // ── 1. The 60 events: kind, date, place and unit ──────────────────────────────────────────
  interface Plan {
    kind: EventKind;
    wave: WavePlan;
    date: string;
    place: [string, string];
    unit: UnitKey;
    n: number;
    min: number;
  }
  const plans: Plan[] = [];
  for (const wave of WAVES) {
    for (const [kind, count, from, to, range] of wave.plan) {
      for (let i = 0; i < count; i++) {
        const [s, m] = rng.weighted(wave.places.map(([s, m, w]) => [[s, m] as [string, string], w] as const));
        let unit = rng.pick(wave.units[kind]!);
        // In the Andes the regional intelligence office makes the targeted arrests.
        if ((s === 'VE-S' || s === 'VE-L') && unit === 'sfinDoec') unit = 'sfinDt';
        const date = dayIn(next, from ?? wave.from, to ?? wave.to);
        const since = units.get(unit).since;
        plans.push({
          kind,
          wave,
          date: since && date < since ? since : date,
          place: [s, m],
          unit,
          n: rng.int(...(range ?? VICTIMS_PER_EVENT[kind])),
          min: (range ?? VICTIMS_PER_EVENT[kind])[0],
        });
      }
    }
  }
  plans.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // Scale mass events so the case holds UNIQUE_VICTIMS victims plus the planned re-arrests.
  const target = UNIQUE_VICTIMS + REDETENTIONS;
  const mass = plans.filter((p) => p.kind === 'protest' || p.kind === 'protest_killing' || p.kind === 'raid');
  let diff = target - plans.reduce((s, p) => s + p.n, 0);
  while (diff !== 0) {
    const p = rng.pick(mass);
    if (diff > 0 && p.n < 30) {
      p.n++;
      diff--;
    } else if (diff < 0 && p.n > p.min) {
      p.n--;
      diff++;
    }
  }

  // ── 2. Victims, acts, involvements, detention periods per event ───────────────────────────
  const victims: Victim[] = [];
  const events: DemoEvent[] = [];
  let redetentionsLeft = REDETENTIONS;
  let enforcedDisappearances = 0;
  let custodyDeathDone = false;

  const involve = (
    actId: string,
    who: { unit?: UnitKey; person?: string },
    degree: string,
    perpetratorType: string,
    notes?: string,
  ) =>
    ctx.add('involvements', ctx.id('inv'), {
      actId,
      unitId: who.unit ? units.get(who.unit).id : undefined,
      personId: who.person,
      degree,
      perpetratorType,
      notes,
    });
  const act = (ev: DemoEvent, story: Story, body: Record<string, unknown>) => {
    const id = ctx.add('acts', ctx.id('act'), { eventId: ev.id, victimId: story.victim.id, ...body });
    story.actIds.push(id);
    ev.actIds.push(id);
    return id;
  };
  const period = (story: Story, body: Record<string, unknown>) => {
    ctx.add('detention-periods', ctx.id('det'), {
      personId: story.victim.id,
      actId: story.detentionActId,
      ...body,
    });
    return ctx.records['detention-periods'].at(-1)!.body as Record<string, unknown>;
  };

  const newVictim = (profile: Profile, muni: Muni, on: string): Victim => {
    const v = createVictim(ctx, profile, muni, on);
    victims.push(v);
    return v;
  };

  const profileFor = (kind: EventKind): Profile => {
    switch (kind) {
      case 'protest':
      case 'protest_killing':
        return rng.weighted([
          ['protester', 85],
          ['activist', 8],
          ['journalist', 7],
        ] as const);
      case 'raid':
        return rng.chance(0.8) ? 'resident' : 'protester';
      case 'targeted':
        return 'activist';
      case 'journalists':
        return 'journalist';
      case 'military':
        return rng.chance(0.9) ? 'military' : 'resident';
      case 'raid_execution':
        return 'resident';
    }
  };

  plans.forEach((plan, idx) => {
    const muni = places.muni(plan.place[0], plan.place[1]);
    const ev: DemoEvent = {
      idx,
      id: ctx.id('evt'),
      kind: plan.kind,
      wave: plan.wave.tag,
      date: plan.date,
      muni,
      unit: plan.unit,
      title: '',
      stories: [],
      actIds: [],
    };
    events.push(ev);
    const colectivoPresent = (plan.kind === 'protest' || plan.kind === 'protest_killing') && rng.chance(0.2);
    const killed =
      plan.kind === 'protest_killing' ? rng.int(1, 2) : plan.kind === 'raid_execution' ? rng.int(1, 2) : 0;
    const custodyDeath = plan.kind === 'targeted' && plan.wave.tag === 'represion-2018' && !custodyDeathDone;
    custodyDeathDone ||= custodyDeath;

    for (let k = 0; k < plan.n; k++) {
      // A re-arrest of someone detained earlier (activists and students were arrested repeatedly).
      let victim: Victim | undefined;
      const profile = profileFor(plan.kind);
      if (redetentionsLeft > 0 && plan.wave.tag !== 'protestas-2014' && k >= killed && rng.chance(0.12)) {
        const candidates = victims.filter(
          (v) =>
            !v.gone &&
            v.openPeriod &&
            v.openFrom! < addDays(plan.date, -30) &&
            (v.profile === 'activist' || v.profile === 'protester' || v.profile === 'journalist') &&
            v.stories.every((s) => s.event.date < addDays(plan.date, -60)),
        );
        if (candidates.length) {
          victim = rng.pick(candidates);
          victim.openPeriod!.to = day(addDays(plan.date, -1));
          victim.openPeriod = undefined;
          redetentionsLeft--;
        }
      }
      victim ??= newVictim(profile, muni, plan.date);
      // A re-arrested victim is detained again (their earlier release period was just closed).
      const role: Story['role'] =
        k < killed
          ? 'killed'
          : plan.kind === 'protest' && victim.stories.length === 0 && rng.chance(0.1)
            ? 'wounded'
            : 'detained';
      const story: Story = {
        victim,
        event: ev,
        role,
        actIds: [],
        tortureMethods: [],
        perpetratorIds: [],
      };
      victim.stories.push(story);
      ev.stories.push(story);

      if (role === 'killed') {
        killStory(story, plan);
        continue;
      }
      if (role === 'wounded') {
        const id = act(ev, story, {
          type: 'wounding',
          methods: ['pellet_shooting'],
          date: day(ev.date),
          placeId: muni.id,
          outcome: 'Heridas por perdigones en piernas y espalda; atención en un centro de salud cercano.',
        });
        involve(id, { unit: ev.unit }, 'directly_carried_out', units.get(ev.unit).perpetratorType);
        continue;
      }
      detainStory(story, plan, { colectivoPresent, custodyDeath: custodyDeath && k === 0 });
    }
    ev.title = eventTitle(ev, rng);
  });

  function killStory(story: Story, plan: Plan) {
    const ev = story.event;
    const execution = plan.kind === 'raid_execution';
    const id = act(ev, story, {
      type: execution ? 'extrajudicial_execution' : 'killing_in_demonstration',
      methods: ['shooting'],
      date: day(ev.date),
      placeId: ev.muni.id,
      outcome: execution
        ? 'Murió por disparos dentro de su vivienda. La versión oficial habló de un «enfrentamiento».'
        : 'Murió por un disparo en el tórax durante la dispersión de la manifestación.',
    });
    story.victim.gone = true;
    const ptype = units.get(ev.unit).perpetratorType;
    involve(id, { unit: ev.unit }, 'directly_carried_out', ptype);
    const member = units.membersAt(ev.unit, ev.date)[0];
    if (member) {
      involve(id, { person: member }, execution ? 'directly_carried_out' : 'suspected', ptype);
      story.perpetratorIds.push(member);
    }
    const chief = units.commanderAt(ev.unit, ev.date);
    if (chief) {
      involve(id, { person: chief }, execution ? 'gave_orders' : 'failed_to_prevent', ptype);
      story.perpetratorIds.push(chief);
    }
  }

  function detainStory(
    story: Story,
    plan: Plan,
    flags: { colectivoPresent: boolean; custodyDeath: boolean },
  ) {
    const ev = story.event;
    const v = story.victim;
    const D = ev.date;
    const unit = ev.unit;
    const ptype = units.get(unit).perpetratorType;
    story.detentionActId = act(ev, story, {
      type: 'arbitrary_detention',
      date: day(D),
      placeId: ev.muni.id,
    });
    involve(story.detentionActId, { unit }, 'directly_carried_out', ptype);
    if (flags.colectivoPresent && ev.stories.length <= 3)
      involve(
        story.detentionActId,
        { unit: 'colectivo' },
        'confirmed_present',
        'pro_government_paramilitary',
      );
    if (
      ev.stories.filter((s) => s.detentionActId).length === 1 &&
      (plan.kind === 'protest' || plan.kind === 'raid')
    ) {
      const minister = units.commanderAt('mfio', D);
      if (minister)
        involve(
          story.detentionActId,
          { person: minister },
          'authored_policy',
          'officials',
          'Declaraciones públicas (ficticias) que calificaban a los manifestantes de «terroristas» y ordenaban «mano dura».',
        );
    }

    // Where the victim is held first, and where if the detention lasts.
    const holdingKey = holdingSiteFor(unit, rng.next());
    const holding = holdingKey ? places.site(holdingKey) : undefined;
    story.holdingSite = holding;
    const holdingUnit: UnitKey = (holdingKey && SITE_UNIT[holdingKey]) || unit;
    const firstPlace = holding?.id ?? ev.muni.id;

    const late = plan.wave.tag === 'represion-2018' || plan.wave.tag === 'represion-2019';
    const length = rng.weighted(durationWeights(plan.kind, plan.wave.tag));
    const incommunicado = rng.chance(
      plan.kind === 'military'
        ? 0.8
        : plan.kind === 'targeted'
          ? 0.7
          : plan.kind === 'journalists'
            ? 0.3
            : 0.12,
    );
    const disappeared = incommunicado && rng.chance(late || plan.kind === 'military' ? 0.45 : 0.1);
    const enforced = disappeared && late && enforcedDisappearances < 2 && rng.chance(0.3);

    const a = rng.int(0, 2);
    let cur = addDays(D, a);
    period(story, { placeId: firstPlace, status: 'detained', from: day(D), to: day(cur) });
    if (incommunicado) {
      const b = enforced ? rng.int(30, 75) : disappeared ? rng.int(3, 20) : rng.int(2, 12);
      const end = addDays(cur, b);
      period(story, {
        placeId: firstPlace,
        status: disappeared ? 'disappeared' : 'incommunicado',
        from: day(cur),
        to: day(end),
        notes: disappeared
          ? 'Las autoridades negaron tener a la persona bajo custodia; la familia la buscó en comandos, hospitales y la morgue.'
          : undefined,
      });
      if (disappeared) {
        story.disappearedDays = b;
        const id = act(ev, story, {
          type: enforced ? 'enforced_disappearance' : 'short_term_disappearance',
          date: { precision: 'range', from: cur, to: end },
          placeId: firstPlace,
          outcome: `Paradero desconocido durante ${b} días; reapareció ante un tribunal.`,
        });
        involve(id, { unit: holdingUnit }, 'directly_carried_out', units.get(holdingUnit).perpetratorType);
        if (enforced) enforcedDisappearances++;
      } else story.incommunicadoDays = b;
      cur = end;
    }

    // Torture, sexual violence and ill-treatment while held.
    const family = FAMILY[holdingUnit];
    const pTorture =
      family === 'street' ? 0.28 : plan.kind === 'journalists' ? 0.3 : plan.kind === 'military' ? 0.75 : 0.6;
    if (rng.chance(pTorture)) {
      const n = rng.weighted([
        [1, 3],
        [2, 4],
        [3, 3],
        [4, 1],
      ] as const);
      const methods: string[] = [];
      while (methods.length < n) {
        const m = rng.weighted(METHODS[family]);
        if (!methods.includes(m)) methods.push(m);
      }
      story.tortureMethods = methods;
      story.tortureActId = act(ev, story, {
        type: 'torture',
        methods,
        date: day(addDays(D, rng.int(0, Math.min(3, a + 1)))),
        placeId: firstPlace,
        notes: 'Durante interrogatorios para obtener nombres de «financistas» y una confesión grabada.',
      });
      const hptype = units.get(holdingUnit).perpetratorType;
      const members = units.membersAt(holdingUnit, D);
      const r = rng.next();
      if (members.length && r < 0.55) {
        const who = rng.pick(members);
        involve(story.tortureActId, { person: who }, 'directly_carried_out', hptype);
        story.perpetratorIds.push(who);
      } else if (members.length && r < 0.7) {
        const who = rng.pick(members);
        involve(story.tortureActId, { person: who }, 'confirmed_present', hptype);
        story.perpetratorIds.push(who);
      }
      involve(story.tortureActId, { unit: holdingUnit }, 'directly_carried_out', hptype);
      const chief = units.commanderAt(holdingUnit, D);
      const roll = rng.next();
      if (chief && roll < 0.15) {
        involve(story.tortureActId, { person: chief }, 'gave_orders', hptype);
        story.perpetratorIds.push(chief);
      } else if (roll < 0.3) {
        // The superior of the unit's parent on that day: the chain changed in April 2017.
        const parent = units.parentAt(holdingUnit, D);
        const superior = parent ? units.commanderAt(parent, D) : undefined;
        if (superior)
          involve(
            story.tortureActId,
            { person: superior },
            'failed_to_prevent',
            units.get(parent!).perpetratorType,
          );
      }
    }
    if (rng.chance(plan.kind === 'military' ? 0.04 : 0.065)) {
      const type = rng.weighted([
        ['sexual_violence', 2],
        ['forced_nudity', 3],
        ['sexual_assault', 2],
        ['sexual_harassment_threats', 3],
        ['rape', 1],
      ] as const);
      story.sexualType = type;
      story.sexualActId = act(ev, story, {
        type,
        methods:
          type === 'rape'
            ? ['sexual_torture', 'rape']
            : type === 'forced_nudity'
              ? ['degradation_nakedness']
              : [],
        date: day(addDays(D, rng.int(0, 2))),
        placeId: firstPlace,
      });
      const members = units.membersAt(holdingUnit, D);
      if (members.length && rng.chance(0.4)) {
        const who = rng.pick(members);
        involve(
          story.sexualActId,
          { person: who },
          'directly_carried_out',
          units.get(holdingUnit).perpetratorType,
        );
        story.perpetratorIds.push(who);
      } else
        involve(
          story.sexualActId,
          { unit: holdingUnit },
          'directly_carried_out',
          units.get(holdingUnit).perpetratorType,
        );
    }

    if (flags.custodyDeath) {
      const died = addDays(cur, rng.int(1, 4));
      period(story, { placeId: firstPlace, status: 'detained', from: day(cur), to: day(died) });
      period(story, { placeId: firstPlace, status: 'died_in_custody', from: day(died) });
      const id = act(ev, story, {
        type: 'death_in_custody',
        methods: ['beating', 'asphyxiation_dry'],
        date: day(died),
        placeId: firstPlace,
        outcome:
          'Las autoridades informaron un «suicidio»; la autopsia independiente (ficticia) describe lesiones incompatibles.',
      });
      involve(id, { unit: holdingUnit }, 'directly_carried_out', units.get(holdingUnit).perpetratorType);
      const chief = units.commanderAt(holdingUnit, died);
      if (chief)
        involve(id, { person: chief }, 'failed_to_act_on_knowledge', units.get(holdingUnit).perpetratorType);
      story.died = died;
      v.gone = true;
      return;
    }

    // Before a court: civilians before military courts in 2017, military officers always.
    const militaryCourt =
      v.profile === 'military' ||
      (plan.wave.tag === 'protestas-2017' &&
        (ev.muni.stateCode === 'VE-G' || ev.muni.stateCode === 'VE-V') &&
        rng.chance(0.8));
    story.court = militaryCourt ? 'military' : 'ordinary';
    const persecutionType =
      v.profile === 'journalist'
        ? 'violation_of_expression'
        : militaryCourt
          ? 'violation_of_due_process'
          : v.profile === 'activist'
            ? 'judicial_harassment'
            : rng.chance(0.15)
              ? 'judicial_harassment'
              : undefined;
    if (persecutionType && (v.profile !== 'journalist' || rng.chance(0.8))) {
      story.persecutionActId = act(ev, story, {
        type: persecutionType,
        date: day(cur),
        outcome: militaryCourt
          ? 'Presentación ante un tribunal militar; imputación por «rebelión» y «ataque al centinela».'
          : 'Imputación por «instigación pública» y «asociación para delinquir»; régimen de presentación.',
      });
      if (militaryCourt)
        involve(story.persecutionActId, { unit: 'dgcf' }, 'directly_carried_out', 'military_intelligence');
      else {
        involve(story.persecutionActId, { unit: 'fiscalia' }, 'directly_carried_out', 'prosecution');
        const fiscal = units.commanderAt('fiscalia', cur);
        if (fiscal)
          involve(story.persecutionActId, { person: fiscal }, 'directly_carried_out', 'prosecution');
      }
    }

    if (length === 'short') {
      story.release = { status: 'released_with_conditions', date: cur };
      v.openPeriod = period(story, { status: 'released_with_conditions', from: day(cur) });
      v.openFrom = cur;
      maybeExile(story, cur, 0.06);
      return;
    }
    // Held in a prison or at the holding site for months or years.
    const prisonKey = prisonFor(unit, v.profile === 'military', ev.muni.stateCode, holdingKey);
    const prison = places.site(prisonKey);
    story.prisonSite = prison;
    const days = length === 'medium' ? rng.int(60, 300) : rng.int(300, 1300);
    const end = addDays(cur, days);
    const fuzzyEnd = rng.chance(0.12);
    if (!story.tortureActId && rng.chance(0.35)) {
      act(ev, story, {
        type: 'cruel_inhuman_treatment',
        methods: rng.sample(PRISON_METHODS, rng.int(1, 3)),
        date: { precision: 'range', from: cur, to: end < SCOPE_END ? end : SCOPE_END },
        placeId: prison.id,
      });
    }
    if (end > SCOPE_END) {
      period(story, {
        placeId: prison.id,
        status: 'detained',
        from: day(cur),
        notes: 'Privación de libertad en curso al cierre del período.',
      });
      return;
    }
    period(story, {
      placeId: prison.id,
      status: 'detained',
      from: day(cur),
      to: fuzzyEnd ? month(end) : day(end),
    });
    const nextStatus = rng.weighted([
      ['released_with_conditions', 40],
      ['house_arrest', 42],
      ['released', 13],
      ['exiled', 5],
    ] as const);
    const from = fuzzyEnd ? month(end) : day(end);
    if (nextStatus === 'house_arrest') {
      const haEnd = addDays(end, rng.int(120, 900));
      story.houseArrest = { from: end, to: haEnd <= SCOPE_END ? haEnd : undefined };
      if (haEnd > SCOPE_END) {
        period(story, { status: 'house_arrest', from });
        return;
      }
      period(story, { status: 'house_arrest', from, to: day(haEnd) });
      if (rng.chance(0.15)) {
        // Escaped house arrest and left the country.
        story.escaped = haEnd;
        const out = addDays(haEnd, rng.int(5, 40));
        period(story, { status: 'escaped', from: day(haEnd), to: day(out) });
        exile(story, out);
        return;
      }
      story.release = { status: 'released_with_conditions', date: haEnd };
      v.openPeriod = period(story, { status: 'released_with_conditions', from: day(haEnd) });
      v.openFrom = haEnd;
      maybeExile(story, haEnd, 0.08);
      return;
    }
    if (nextStatus === 'exiled') {
      story.release = { status: 'released', date: end };
      const out = addDays(end, rng.int(3, 30));
      period(story, { status: 'released', from, to: day(out) });
      exile(story, out);
      return;
    }
    story.release = { status: nextStatus, date: end };
    v.openPeriod = period(story, { status: nextStatus, from });
    v.openFrom = end;
    maybeExile(story, end, nextStatus === 'released' ? 0.05 : 0.08);
  }

  function maybeExile(story: Story, after: string, p: number) {
    if (!rng.chance(p)) return;
    const out = addDays(after, rng.int(30, 240));
    if (out > SCOPE_END) return;
    story.victim.openPeriod!.to = day(out);
    story.victim.openPeriod = undefined;
    exile(story, out);
  }

  function exile(story: Story, on: string) {
    if (on > SCOPE_END) return;
    story.exile = on;
    story.victim.gone = true;
    story.victim.openPeriod = undefined;
    period(story, {
      status: 'exiled',
      from: day(on),
      notes: 'Salió del país por un paso fronterizo no oficial.',
    });
    const id = act(story.event, story, {
      type: 'forced_exile',
      date: day(on),
      outcome: 'Abandonó el país tras amenazas y la apertura de un nuevo proceso penal.',
    });
    involve(id, { unit: 'sfin' }, 'suspected', 'intelligence_service');
  }

  assignProtection(victims, rng);
  // Events are written once their victims are known: the description counts them.
  for (const ev of events) {
    const detained = ev.stories.filter((s) => s.detentionActId).length;
    const killed = ev.stories.filter((s) => s.role === 'killed').length;
    const wounded = ev.stories.filter((s) => s.role === 'wounded').length;
    const site = ev.stories.find((s) => s.holdingSite)?.holdingSite?.name;
    // Raids over several nights are documented as a range of days.
    const fuzzy = ev.kind === 'raid' && rng.chance(0.4);
    ctx.add('events', ev.id, {
      title: ev.title,
      description: eventDescription(ev, units.get(ev.unit), { detained, killed, wounded, site }),
      date: fuzzy ? { precision: 'range', from: ev.date, to: addDays(ev.date, rng.int(1, 3)) } : day(ev.date),
      placeId: ev.muni.id,
      violationStatus: rng.weighted([
        ['confirmed', 50],
        ['likely', 35],
        ['possible', 15],
      ] as const),
      attribution:
        killed > 0 || ev.kind === 'raid_execution'
          ? 'alternative_explanation'
          : rng.weighted([
              ['denied', 3],
              ['no_response', 3],
              ['alternative_explanation', 4],
            ] as const),
      tags: [ev.wave, KIND_TAG[ev.kind], ev.muni.stateCode],
    });
  }
  for (const v of victims) emitVictim(ctx, v);
  return { events, victims };
}
