/**
 * Spans (entities, dates) indexed by where they start, to ask which of them overlap or lie inside a
 * range without scanning them all: the readers ask that of every entity or sentence, and a scan per
 * question cost a tenth of a 300 KB extraction. Answers keep the order the spans were given in, so a
 * caller's `find` or `filter` over the list and its question to the index agree. Pure.
 */
interface Span {
  start: number;
  end: number;
}

export class SpanIndex<T extends Span> {
  /** Positions in the given list, sorted by start (ties in the given order). */
  private readonly order: number[];
  /** The starts in that order: searched and read without touching the spans (entities of many shapes). */
  private readonly starts: Float64Array;
  private readonly longest: number;

  constructor(private readonly spans: readonly T[]) {
    const given = Float64Array.from(spans, (s) => s.start);
    this.order = spans.map((_, k) => k).sort((a, b) => given[a]! - given[b]! || a - b);
    this.starts = Float64Array.from(this.order, (k) => given[k]!);
    this.longest = spans.reduce((n, s) => Math.max(n, s.end - s.start), 0);
  }

  /** The spans that share a character with [start, end), in the given order. */
  overlapping(start: number, end: number): T[] {
    return this.scan(start - this.longest, end, (s) => s.start < end && start < s.end);
  }

  /** The spans lying within [start, end), in the given order. */
  inside(start: number, end: number): T[] {
    return this.scan(start, end + 1, (s) => s.start >= start && s.end <= end);
  }

  /** Whether a span sharing a character with [start, end) passes `test` (a pure test: asked in any order). */
  someOverlapping(start: number, end: number, test: (s: T) => boolean = () => true): boolean {
    const { order, spans, starts } = this;
    for (let k = this.first(start - this.longest); k < order.length && starts[k]! < end; k++) {
      const s = spans[order[k]!]!;
      if (s.start < end && start < s.end && test(s)) return true;
    }
    return false;
  }

  /** The first position (in start order) whose start is `from` or after. */
  private first(from: number): number {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The spans starting in [from, to) that pass `keep`, in the given order. */
  private scan(from: number, to: number, keep: (s: T) => boolean): T[] {
    const { order, spans, starts } = this;
    const hits: number[] = [];
    for (let k = this.first(from); k < order.length && starts[k]! < to; k++)
      if (keep(spans[order[k]!]!)) hits.push(order[k]!);
    return hits.length > 1 ? hits.sort((a, b) => a - b).map((k) => spans[k]!) : hits.map((k) => spans[k]!);
  }
}
