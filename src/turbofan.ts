/**
 * V8's optimising compiler, TurboFan, held back while a command is short. TurboFan compiles the
 * hot functions again, on a thread of its own, into fast machine code: a build of a whole book
 * needs it (the N=5 book took 1.18 s without it against 0.92 s). But a proof of a 分目 is done
 * before most of what it compiles has been used, and on 2 cores the compiling takes a core from
 * the rest: a proof of the sample's 4th 分目 took 0.410–0.430 s without it against 0.470 s, in
 * 0.15 s less CPU (docs/performance.md, "TurboFan and short commands").
 *
 * The flags are set while the program runs (the startup snapshot starts only with the flags it
 * was made with): `--no-turbofan` leaves V8 its interpreter and baseline compiler, and
 * `--turbofan` lets it optimise again from then on.
 */
import v8 from 'node:v8';

let held = false;

/** Run without TurboFan until `releaseTurbofan`. */
export function holdTurbofan(): void {
  v8.setFlagsFromString('--no-turbofan');
  held = true;
}

/** Let TurboFan compile again: the work has turned out long. */
export function releaseTurbofan(): void {
  if (!held) return;
  v8.setFlagsFromString('--turbofan');
  held = false;
}

export function turbofanHeld(): boolean {
  return held;
}

/**
 * The items of `items` as they come (pages as they are laid out), TurboFan released once
 * `count` have come: a proof laid out from its 类目's first page, with no build to resume
 * from, may run to a hundred pages and more, and took 80% longer without it.
 */
export function* releasingTurbofanAfter<T>(items: Iterable<T>, count: number): Generator<T> {
  let n = 0;
  for (const item of items) {
    if (++n === count) releaseTurbofan();
    yield item;
  }
}
