/**
 * Seeds for the property tests. Every run uses a recorded seed: FUZZ_SEED from the environment,
 * or the fixed default, so a failure is reproducible. On failure fast-check prints the seed and
 * the path of the shrunk counterexample; replay it with
 *
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run test/fuzz
 *
 * FUZZ_RUNS scales the number of inputs (e.g. FUZZ_RUNS=10 for a ten times longer search).
 */
import type { Parameters } from 'fast-check';

const DEFAULT_SEED = 20_190_101;

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);

export function fuzzParameters<T>(numRuns: number): Parameters<T> {
  const scale = Number(process.env.FUZZ_RUNS ?? 1);
  return {
    seed: FUZZ_SEED,
    numRuns: Math.round(numRuns * scale),
    ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
  };
}

/** Appended to test names, so the report shows how to replay. */
export const REPLAY = `(replay: FUZZ_SEED=${FUZZ_SEED})`;
