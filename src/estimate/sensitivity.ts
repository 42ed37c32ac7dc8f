/**
 * Sensitivity analyses, as data and a plain-language paragraph (es, en) for the report: how much
 * the estimate moves when one list is left out, when LCMCR's truncation K* or its prior on α
 * changes, and across the best log-linear models. Pure: the caller prints or stores the rows.
 */
import { InputError } from '../domain/errors.js';
import { type EstimateOptions, type EstimateResult, estimate } from './estimate.js';
import type { CaptureTable } from './table.js';

export interface SensitivityRow {
  /** What was changed, e.g. "without list OSCE", "K* = 20", "α ~ Gamma(1, 1)", "model [12][3]". */
  variant: string;
  kind: 'leave-one-out' | 'max-classes' | 'alpha-prior' | 'model';
  observed: number;
  estimate: number;
  interval: [number, number];
  method: EstimateResult['method'];
  converged?: boolean;
  /** Relative change of the estimate against the main analysis. */
  change: number;
}

/** The table with list j removed: people seen only on j drop out, the others keep their patterns. */
export function withoutList(t: CaptureTable, j: number): CaptureTable {
  const k = t.lists.length;
  const counts = new Array<number>(1 << (k - 1)).fill(0);
  for (let w = 1; w < t.counts.length; w++) {
    const low = w & ((1 << j) - 1);
    const high = (w >> (j + 1)) << j;
    counts[low | high]! += t.counts[w]!;
  }
  counts[0] = 0;
  return { lists: t.lists.filter((_, i) => i !== j), counts };
}

/** Settings of the LCMCR variants: K* halved and doubled, and a flatter prior on α. */
export const LCMCR_VARIANTS: { variant: string; kind: SensitivityRow['kind']; opts: EstimateOptions }[] = [
  { variant: 'K* = 5', kind: 'max-classes', opts: { maxClasses: 5 } },
  { variant: 'K* = 20', kind: 'max-classes', opts: { maxClasses: 20 } },
  { variant: 'α ~ Gamma(1, 1)', kind: 'alpha-prior', opts: { alphaPrior: [1, 1] } },
];

export function sensitivity(t: CaptureTable, main: EstimateResult, opts: EstimateOptions): SensitivityRow[] {
  const row = (variant: string, kind: SensitivityRow['kind'], r: EstimateResult): SensitivityRow => ({
    variant,
    kind,
    observed: r.observed,
    estimate: r.estimate,
    interval: r.interval,
    method: r.method,
    ...(r.converged !== undefined ? { converged: r.converged } : {}),
    change: r.estimate / main.estimate - 1,
  });
  const method = main.method === 'chapman' ? 'loglinear' : main.method;
  const rows: SensitivityRow[] = [];
  // Leave one list out (with 3 lists this leaves 2: Chapman, flagged as such by its method).
  if (t.lists.length >= 3)
    t.lists.forEach((name, j) => {
      try {
        const r = estimate(withoutList(t, j), {
          ...opts,
          method: t.lists.length - 1 >= 3 ? method : 'loglinear',
        });
        rows.push(row(`without list ${name}`, 'leave-one-out', r));
      } catch (err) {
        // A reduced table with no overlap left has no estimate: the row is simply absent.
        if (!(err instanceof InputError)) throw err;
      }
    });
  if (main.method === 'lcmcr')
    for (const v of LCMCR_VARIANTS)
      rows.push(row(v.variant, v.kind, estimate(t, { ...opts, ...v.opts, method: 'lcmcr' })));
  const models = main.averaged ?? [];
  for (const m of models)
    rows.push({
      variant: `model ${m.model} (weight ${Math.round(100 * m.weight)}%)`,
      kind: 'model',
      observed: main.observed,
      estimate: m.estimate,
      interval: m.interval,
      method: 'loglinear',
      change: m.estimate / main.estimate - 1,
    });
  return rows;
}

const fmt = (x: number, lang: 'es' | 'en') => Math.round(x).toLocaleString(lang === 'es' ? 'es' : 'en');

/**
 * A paragraph for readers who are not statisticians: the range the variants span and the one
 * that moves the estimate most.
 */
export function sensitivityParagraph(
  main: EstimateResult,
  rows: SensitivityRow[],
  lang: 'es' | 'en',
): string {
  if (rows.length === 0)
    return lang === 'es'
      ? 'No fue posible repetir el cálculo con otros supuestos.'
      : 'The estimate could not be repeated under other assumptions.';
  const lo = Math.min(...rows.map((r) => r.estimate));
  const hi = Math.max(...rows.map((r) => r.estimate));
  const worst = rows.reduce((a, b) => (Math.abs(b.change) > Math.abs(a.change) ? b : a));
  const pct = Math.round(100 * Math.abs(worst.change));
  const inside = rows.filter((r) => r.estimate >= main.interval[0] && r.estimate <= main.interval[1]).length;
  if (lang === 'es')
    return `Para comprobar cuánto depende la cifra de los supuestos, el cálculo se repitió ${rows.length} veces cambiando uno de ellos (quitar una lista, cambiar el modelo o sus parámetros). Los resultados van de ${fmt(lo, 'es')} a ${fmt(hi, 'es')} personas, frente a ${fmt(main.estimate, 'es')} en el análisis principal; ${inside} de ${rows.length} caen dentro de su intervalo del 95 %. El cambio que más mueve la cifra es «${worst.variant}» (${pct} %).${pct > 25 ? ' La cifra depende de ese supuesto y debe leerse con esa reserva.' : ''}`;
  return `To see how much the figure depends on its assumptions, the estimate was repeated ${rows.length} times, changing one of them each time (leaving a list out, changing the model or its settings). The results range from ${fmt(lo, 'en')} to ${fmt(hi, 'en')} people, against ${fmt(main.estimate, 'en')} in the main analysis; ${inside} of ${rows.length} fall inside its 95% interval. The change that moves the figure most is "${worst.variant}" (${pct}%).${pct > 25 ? ' The figure depends on that assumption and should be read with that caveat.' : ''}`;
}
