/**
 * What V8 is held back from while a command is short, set while the program runs (the startup
 * snapshot starts only with the flags it was made with; docs/performance.md, "TurboFan and
 * short commands" and "The young generation of a short command"):
 *
 * - **TurboFan**, V8's optimising compiler, which compiles the hot functions again, on a thread
 *   of its own, into fast machine code. A build of a whole book needs it (the N=5 book took
 *   1.18 s without it against 0.92 s). But a proof of a 分目 is done before most of what it
 *   compiles has been used, and on 2 cores the compiling takes a core from the rest: a proof of
 *   the sample's 4th 分目 took 0.410–0.430 s without it against 0.470 s, in 0.15 s less CPU.
 *   `--no-turbofan` leaves V8 its interpreter and baseline compiler.
 * - **A growing young generation.** V8 doubles the space new objects are made in as more of
 *   them survive, up to 16 MB twice over. Each 4 KB page of fresh memory costs a page fault,
 *   10–20 µs of the system's time on the machine measured, and a proof grew it to 16 MB in 15
 *   collections: kept at its first size, 1 MB (`--semi-space-growth-factor=1`), it makes 73
 *   smaller ones, 1,300 faults fewer, in 0.94 × the time.
 *
 * A command holds what pays for it and lets go once its work turns out long: a one-shot proof
 * holds both for its first eight pages; a build holds the young generation alone, from its
 * first page to its 32nd.
 */
import v8 from 'node:v8';

/** V8's own factor, which a released young generation grows by again. */
const GROWTH_FACTOR = 2;

/** What is held now. */
const held = { turbofan: false, youngGeneration: false };

/**
 * Hold the young generation's growth back until released, and TurboFan too unless
 * `turbofan: false` (a build, whose loading and checking are hot loops over the whole edition
 * that TurboFan's code pays for even in a book of one 类目).
 */
export function holdForShortCommand({ turbofan = true }: { turbofan?: boolean } = {}): void {
  if (turbofan) {
    v8.setFlagsFromString('--no-turbofan');
    held.turbofan = true;
  }
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  held.youngGeneration = true;
}

/** Let TurboFan compile again and the young generation grow as V8 sees fit. */
export function releaseHolds(): void {
  if (held.turbofan) v8.setFlagsFromString('--turbofan');
  if (held.youngGeneration) v8.setFlagsFromString(`--semi-space-growth-factor=${GROWTH_FACTOR}`);
  held.turbofan = held.youngGeneration = false;
}

/** What is held back now. */
export function holdsInForce(): { turbofan: boolean; youngGeneration: boolean } {
  return { ...held };
}

/**
 * A pass-through for pages as they are laid out, over one call or several (a build's 类目, one
 * after another), which releases everything held once `count` pages have come through: the
 * work has turned out long. A proof laid out from its 类目's first page, with no build to
 * resume from, may run to a hundred pages and more, and took 80% longer without TurboFan.
 */
export function releasingHoldsAfter(count: number): <T>(items: Iterable<T>) => Generator<T> {
  let n = 0;
  return function* pass<T>(items: Iterable<T>): Generator<T> {
    for (const item of items) {
      if (++n === count) releaseHolds();
      yield item;
    }
  };
}
