/**
 * The flow items of one 类目 as the column filler asks for them. The flow comes in chunks (a
 * 分目's heading, an entry), each composed when the filler first looks at one of its items,
 * and items are let go of once the page they are on is finished. A 类目's lines then die
 * young, before the garbage collector's young generation fills, instead of being promoted
 * and kept until the whole 类目 is written (docs/performance.md).
 *
 * Indices count items from the start of the flow; setting lines again (`splice`) moves the
 * items after them, as in an array.
 */
import type { FlowItem } from './flow.js';

export class FlowQueue {
  private readonly chunks: Iterator<readonly FlowItem[]>;
  private readonly items: FlowItem[] = [];
  /** Flow index of items[0]: the items before it were let go of. */
  private base = 0;
  private ended = false;

  constructor(flow: Iterable<readonly FlowItem[]>) {
    this.chunks = flow[Symbol.iterator]();
  }

  /** Whether the flow has an item at index i, composing as much more of it as that takes. */
  has(i: number): boolean {
    while (i - this.base >= this.items.length && !this.ended) {
      const next = this.chunks.next();
      if (next.done) this.ended = true;
      else for (const item of next.value) this.items.push(item);
    }
    return i - this.base < this.items.length;
  }

  /** The item at index i, which `has(i)` said is there. */
  at(i: number): FlowItem {
    return this.items[i - this.base]!;
  }

  /** Replace `count` items from index i with `items`. */
  splice(i: number, count: number, items: readonly FlowItem[]): void {
    this.items.splice(i - this.base, count, ...items);
  }

  /** Let go of the items before index i (they are on finished pages). */
  release(i: number): void {
    if (i <= this.base) return;
    this.items.splice(0, i - this.base);
    this.base = i;
  }
}
