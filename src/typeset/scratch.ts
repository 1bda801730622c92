/**
 * Typed arrays kept from paragraph to paragraph (and line to line), grown when one needs more.
 * A typed array of more than 64 bytes has its memory outside V8's heap, and making one took
 * 2–3 µs here (the allocator and the bookkeeping of its memory), as long as preparing ten
 * characters; breaking a paragraph into lines used thirteen. Setting a line (finalize.ts)
 * keeps its eight here too. An array holds what the paragraph or line before left in it:
 * whoever takes one sets every entry before reading it, and lets go of it before the next is
 * composed (composition is synchronous, and each thread has its own).
 */
type Numbers = Float64Array | Int32Array | Uint8Array;

export class ScratchArray<T extends Numbers> {
  private array: T;

  constructor(private readonly make: (size: number) => T) {
    this.array = make(256);
  }

  /** An array of at least `size` entries (more than asked for: use only the first `size`). */
  take(size: number): T {
    if (size > this.array.length) this.array = this.make(Math.max(size, 2 * this.array.length));
    return this.array;
  }
}

export const float64Scratch = () => new ScratchArray((size) => new Float64Array(size));
export const int32Scratch = () => new ScratchArray((size) => new Int32Array(size));
export const uint8Scratch = () => new ScratchArray((size) => new Uint8Array(size));
