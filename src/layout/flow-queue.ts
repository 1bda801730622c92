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

/** An item as composed: the chunk it is in (counted from the 类目's first) and its place there. */
export interface FlowPosition {
  chunk: number;
  item: number;
  /** The last chunk composed so far: the layout up to here may have looked that far ahead (keep rules). */
  through: number;
}

export class FlowQueue {
  private readonly chunks: Iterator<readonly FlowItem[]>;
  private readonly items: FlowItem[] = [];
  /** Flow index of items[0]: the items before it were let go of. */
  private base = 0;
  private ended = false;
  /** Flow index of each chunk's first item. */
  private readonly starts: number[] = [];
  /**
   * Chunks whose lines were set again: up to `after` (counted in the chunk as it is now) its
   * items are not those of the chunk as composed; those from there on are, `delta` further on.
   */
  private readonly setAgain = new Map<number, { after: number; delta: number }>();

  /** `firstChunk`: the number of the flow's first chunk (a flow resumed from a page of the 类目). */
  constructor(flow: Iterable<readonly FlowItem[]>, private readonly firstChunk = 0) {
    this.chunks = flow[Symbol.iterator]();
  }

  /** Whether the flow has an item at index i, composing as much more of it as that takes. */
  has(i: number): boolean {
    while (i - this.base >= this.items.length && !this.ended) {
      const next = this.chunks.next();
      if (next.done) {
        this.ended = true;
      } else {
        this.starts.push(this.base + this.items.length);
        for (const item of next.value) this.items.push(item);
      }
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
    const chunk = this.chunkAt(i);
    const shift = items.length - count;
    const at = i - this.starts[chunk]!;
    const before = this.setAgain.get(chunk) ?? { after: 0, delta: 0 };
    // An earlier stretch set again that ends after these items moves with them.
    const after = Math.max(at + items.length, before.after >= at + count ? before.after + shift : 0);
    this.setAgain.set(chunk, { after, delta: before.delta + shift });
    for (let k = chunk + 1; k < this.starts.length; k++) this.starts[k]! += shift;
  }

  /** Let go of the items before index i (they are on finished pages). */
  release(i: number): void {
    if (i <= this.base) return;
    this.items.splice(0, i - this.base);
    this.base = i;
  }

  /**
   * Where index i (composed, or the flow's end) stands as composed: undefined for an item of
   * lines set again (or before them in their chunk), which composing the chunk afresh would not give.
   */
  position(i: number): FlowPosition | undefined {
    const chunk = this.chunkAt(i);
    if (chunk < 0) return undefined;
    const at = i - this.starts[chunk]!;
    const setAgain = this.setAgain.get(chunk);
    if (setAgain && at < setAgain.after) return undefined;
    return { chunk: this.firstChunk + chunk, item: at - (setAgain?.delta ?? 0), through: this.firstChunk + this.starts.length - 1 };
  }

  /** The chunk (counted in this queue) that index i is in. */
  private chunkAt(i: number): number {
    let k = this.starts.length - 1;
    while (k >= 0 && this.starts[k]! > i) k--;
    return k;
  }
}
