/**
 * The progress bar of `yearbook build`: on stderr, only when stderr is a terminal and only once
 * the build has taken a second (a quick build shows nothing; a CI log gets no bar lines).
 * Stages as build() reports them: 'layout' (类目 laid out and written), then 'pdf' (the fonts
 * and the rest of the file).
 */
import cliProgress from 'cli-progress';
import type { Progress } from '../build.js';
import { messages } from './i18n.js';

export interface ProgressStream extends NodeJS.WritableStream {
  isTTY?: boolean;
  columns?: number;
}

export interface BuildProgress {
  /** Pass to build(); undefined when no bar will be shown. */
  onProgress: Progress | undefined;
  /** Take the bar off the screen (before the summary line is printed). */
  stop(): void;
}

export interface BuildProgressOptions {
  stream?: ProgressStream;
  /** Show the bar only after this many ms (default 1000). */
  delayMs?: number;
  now?: () => number;
}

export function buildProgress(options: BuildProgressOptions = {}): BuildProgress {
  const stream = options.stream ?? process.stderr;
  if (stream.isTTY !== true) return { onProgress: undefined, stop: () => {} };
  const delay = options.delayMs ?? 1000;
  // Not performance.now(), which loads Node's perf_hooks (commands/build.ts).
  const now = options.now ?? (() => Number(process.hrtime.bigint()) / 1e6);
  const started = now();
  const labels = { layout: messages().build.stageLayout, pdf: messages().build.stagePdf };
  let bar: cliProgress.SingleBar | undefined;
  let stage: string | undefined;
  return {
    onProgress(s, done, total) {
      if (bar === undefined) {
        if (now() - started < delay) return;
        bar = new cliProgress.SingleBar({
          stream,
          format: '{stage} {bar} {value}/{total}',
          barsize: 30,
          hideCursor: true,
          clearOnComplete: true,
          stopOnComplete: false,
          // Layout runs synchronously: draw on update, not only from the timer.
          synchronousUpdate: true,
        }, cliProgress.Presets.shades_classic);
        bar.start(total, done, { stage: labels[s] });
        stage = s;
        return;
      }
      if (s !== stage) {
        stage = s;
        bar.setTotal(total);
      }
      bar.update(done, { stage: labels[s] });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
