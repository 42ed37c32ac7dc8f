/**
 * The contextual ("chapeau") elements of Art. 7, shared by every crime against humanity.
 * The first four describe the attack as a whole (scope "context"); the last two are the
 * penultimate and last elements of every crime in the Elements of Crimes: the nexus of one act
 * with the attack (scope "incident") and the perpetrator's knowledge of it (scope "suspect").
 * Paraphrases: check the wording against the Statute and the EoC (2013) before quoting.
 */
import type { LawElement } from './types.js';

export const CONTEXT_ELEMENTS: readonly LawElement[] = [
  {
    id: 'CTX.attack',
    ref: 'Art. 7(1), 7(2)(a); EoC Introduction to Art. 7, ¶3',
    kind: 'contextual',
    scope: 'context',
    text: {
      es: 'Existió un ataque: una línea de conducta que implica la comisión múltiple de actos del artículo 7(1); no tiene que ser un ataque militar.',
      en: 'There was an attack: a course of conduct involving the multiple commission of Art. 7(1) acts; it need not be a military attack.',
    },
    meansOfProof: [
      'victim-counts',
      'incident-lists',
      'pattern-analysis',
      'repeated-modus-operandi',
      'ngo-reports',
      'un-reports',
    ],
  },
  {
    id: 'CTX.civilian',
    ref: 'Art. 7(1), 7(2)(a); Bemba PTC II 2009; Katanga TJ 2014; Bemba TJ 2016',
    kind: 'contextual',
    scope: 'context',
    text: {
      es: 'El ataque se dirigió contra una población civil como objetivo principal, no como víctima incidental; no hace falta que sea toda la población de una zona.',
      en: 'The attack was directed against a civilian population as its primary object, not as an incidental victim; it need not be the whole population of an area.',
    },
    meansOfProof: ['victim-profiles', 'victim-counts', 'target-selection', 'speeches', 'orders'],
  },
  {
    id: 'CTX.widespread-systematic',
    ref: 'Art. 7(1); Kenya authorisation PTC II 2010; Katanga TJ 2014; Ntaganda TJ 2019',
    kind: 'contextual',
    scope: 'context',
    text: {
      es: 'El ataque fue generalizado (a gran escala, por número de víctimas o extensión geográfica y temporal) o sistemático (organizado, con un patrón que hace improbable el azar); basta uno de los dos.',
      en: 'The attack was widespread (large scale, by number of victims or geographic and temporal spread) or systematic (organised, following a pattern that makes chance improbable); either suffices.',
    },
    meansOfProof: [
      'victim-counts',
      'geographic-spread',
      'temporal-spread',
      'pattern-analysis',
      'repeated-modus-operandi',
      'coordinated-operations',
    ],
  },
  {
    id: 'CTX.policy',
    ref: 'Art. 7(2)(a); EoC Introduction to Art. 7, ¶3 and fn. 6; Katanga TJ 2014',
    kind: 'contextual',
    scope: 'context',
    text: {
      es: 'El ataque se cometió de conformidad con la política de un Estado o de una organización, o para promoverla: el Estado o la organización promovió o alentó activamente el ataque; excepcionalmente, una omisión deliberada dirigida conscientemente a alentarlo. La política no puede inferirse solo de la falta de acción del gobierno o de la organización (nota 6 de los Elementos); la impunidad sirve como indicio junto con otros. No se requiere una adopción formal.',
      en: 'The attack was committed pursuant to or in furtherance of a State or organizational policy: the State or organization actively promoted or encouraged the attack; exceptionally, a deliberate failure to act consciously aimed at encouraging it. The existence of a policy cannot be inferred solely from the absence of governmental or organizational action (EoC fn. 6); impunity is an indicator only alongside others. No formal adoption is required.',
    },
    meansOfProof: [
      'orders',
      'plans',
      'speeches',
      'resource-allocation',
      'coordinated-operations',
      'repeated-modus-operandi',
      'deliberate-inaction-aimed-at-encouraging',
      'legislation',
    ],
  },
  {
    id: 'CTX.nexus',
    ref: 'Art. 7(1); EoC Art. 7, penultimate element of each crime',
    kind: 'contextual',
    scope: 'incident',
    text: {
      es: 'La conducta se cometió como parte del ataque generalizado o sistemático dirigido contra una población civil.',
      en: 'The conduct was committed as part of the widespread or systematic attack directed against a civilian population.',
    },
    meansOfProof: [
      'same-perpetrator-unit',
      'same-modus-operandi',
      'time-and-place-of-attack',
      'victim-profile',
      'testimony',
    ],
  },
  {
    id: 'CTX.knowledge',
    ref: 'Art. 7(1); EoC Introduction to Art. 7, ¶2; EoC Art. 7, last element of each crime',
    kind: 'contextual',
    scope: 'suspect',
    text: {
      es: 'El autor sabía que la conducta era parte del ataque, o tenía la intención de que lo fuera; no necesita conocer todas sus características ni los detalles del plan o la política.',
      en: 'The perpetrator knew that the conduct was part of the attack, or intended it to be; knowledge of all its characteristics or of the details of the plan or policy is not required.',
    },
    meansOfProof: [
      'position',
      'reports-received',
      'media-notoriety',
      'participation-in-meetings',
      'speeches',
    ],
  },
];
