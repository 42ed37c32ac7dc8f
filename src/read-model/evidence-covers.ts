/**
 * The most protected record each evidence item shows (a person's photo, a hearing's transcript),
 * kept contribution by contribution: a person's write changes that person's contributions only.
 * Rebuilt from every person after each person write, it was the part of the protection facts that
 * grew with the case (bench/load, stop 34: gatherFacts 1 % of the server's CPU at the start of a
 * run, 5 % after eight minutes).
 */
import { maxProtection } from '../domain/protection.js';

export class EvidenceCovers {
  /** Evidence id → the level it is covered at: what `ProtectionFacts.evidenceCovers` reads. */
  readonly levels = new Map<string, string>();
  /** Evidence id → contributor → the contributor's level. */
  private readonly byEvidence = new Map<string, Map<string, string | undefined>>();
  /** Contributor → the evidence ids it covers. */
  private readonly byContributor = new Map<string, readonly string[]>();

  /** What `contributor` (e.g. `person:<id>`) covers now, replacing what it covered before. */
  set(contributor: string, evidenceIds: readonly unknown[] | undefined, level: string | undefined): void {
    const ids = [
      ...new Set((evidenceIds ?? []).filter((e): e is string => typeof e === 'string' && e !== '')),
    ];
    const before = this.byContributor.get(contributor) ?? [];
    if (ids.length === 0) this.byContributor.delete(contributor);
    else this.byContributor.set(contributor, ids);
    for (const e of before) if (!ids.includes(e)) this.byEvidence.get(e)?.delete(contributor);
    for (const e of ids) {
      let m = this.byEvidence.get(e);
      if (!m) {
        m = new Map();
        this.byEvidence.set(e, m);
      }
      m.set(contributor, level);
    }
    for (const e of new Set([...before, ...ids])) this.refresh(e);
  }

  /** Forgets everything `contributor` covered. */
  remove(contributor: string): void {
    this.set(contributor, [], undefined);
  }

  /** Forgets every contributor whose name starts with `prefix` (a rebuild of one kind). */
  removeAll(prefix: string): void {
    for (const c of [...this.byContributor.keys()]) if (c.startsWith(prefix)) this.remove(c);
  }

  private refresh(evidenceId: string): void {
    const m = this.byEvidence.get(evidenceId);
    if (!m || m.size === 0) {
      this.byEvidence.delete(evidenceId);
      this.levels.delete(evidenceId);
    } else this.levels.set(evidenceId, maxProtection(...m.values()));
  }
}
