/**
 * Model averaging for log-linear MSE: the model-averaged tail-area interval built on profile
 * likelihoods (MATA-PL; Fletcher & Turek 2012, Turek & Fletcher 2012). Each model m's profile
 * gives an approximate distribution of N through its signed root deviance,
 *   F_m(x) = Φ(sign(x − N̂_m) · √(2 (ℓ_m(N̂_m) − ℓ_m(x)))),
 * which is exactly the profile-likelihood interval when one model has all the weight. The limits
 * solve Σ w_m F_m(x) = 0.025 and 0.975, and the point estimate Σ w_m F_m(x) = 0.5: the point and
 * the interval come from the same likelihoods (for one model, its profile peak and interval).
 */
import { normalCdf, type Profile } from './loglinear.js';

export interface Averaged {
  estimate: number;
  interval: [number, number];
  /** True when even the largest N searched keeps the upper tail above 2.5%: no upper limit. */
  upperOpen: boolean;
}

/** Information-criterion weights exp(−Δ/2), normalised. */
export function icWeights(scores: number[]): number[] {
  const best = Math.min(...scores);
  const raw = scores.map((s) => Math.exp(-(s - best) / 2));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / total);
}

export function averageProfiles(profiles: Profile[], weights: number[], observed: number): Averaged {
  const cdf = (x: number) =>
    profiles.reduce((acc, p, i) => {
      const dev = Math.max(0, 2 * (p.max - p.logLik(x)));
      return acc + weights[i]! * normalCdf(Math.sign(x - p.argmax) * Math.sqrt(dev));
    }, 0);
  const ceiling = Math.max(...profiles.map((p) => (p.upperOpen ? p.interval[1] : 100 * p.interval[1])));
  const solve = (target: number): number | undefined => {
    let lo = observed;
    if (cdf(lo) >= target) return observed;
    let hi = Math.max(...profiles.map((p) => p.interval[1]));
    while (cdf(hi) < target) {
      if (hi >= ceiling) return undefined;
      hi = Math.min(ceiling, 2 * hi);
    }
    while (hi - lo > Math.max(1e-3, 1e-7 * hi)) {
      const m = (lo + hi) / 2;
      if (cdf(m) < target) lo = m;
      else hi = m;
    }
    return (lo + hi) / 2;
  };
  const lower = solve(0.025)!;
  const estimate = solve(0.5) ?? ceiling;
  const upper = solve(0.975);
  return { estimate, interval: [lower, upper ?? ceiling], upperOpen: upper === undefined };
}
