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
  /** Positions in the given list, sorted by start. */
  private readonly order: number[];
  private readonly longest: number;

  constructor(private readonly spans: readonly T[]) {
    this.order = spans.map((_, k) => k).sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
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

  /** Whether a span sharing a character with [start, end) passes `test`. */
  someOverlapping(start: number, end: number, test: (s: T) => boolean = () => true): boolean {
    return this.overlapping(start, end).some(test);
  }

  /** The spans starting in [from, to) that pass `keep`, in the given order. */
  private scan(from: number, to: number, keep: (s: T) => boolean): T[] {
    const { order, spans } = this;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[order[mid]!]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    const hits: number[] = [];
    for (let k = lo; k < order.length && spans[order[k]!]!.start < to; k++)
      if (keep(spans[order[k]!]!)) hits.push(order[k]!);
    return hits.length > 1 ? hits.sort((a, b) => a - b).map((k) => spans[k]!) : hits.map((k) => spans[k]!);
  }
}
