/**
 * A one-line progress bar on stderr. On a terminal it redraws in place (at most 10 times a second);
 * elsewhere (CI logs, tests) it prints only the phase's start and end, so logs stay readable.
 */

/** Where progress goes; `process.stderr` by default. */
export interface ProgressSink {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const WIDTH = 30;

/** Progress of one phase with a known total. */
export class ProgressBar {
  readonly #out: ProgressSink | undefined;
  readonly #label: string;
  readonly #total: number;
  readonly #started = performance.now();
  #lastDraw = 0;
  #done = 0;

  /** @param out - undefined for silence. */
  constructor(out: ProgressSink | undefined, label: string, total: number) {
    this.#out = out;
    this.#label = label;
    this.#total = Math.max(1, total);
    if (out && !out.isTTY) out.write(`${label}: ${total}...\n`);
    else this.#draw();
  }

  /** Sets how many of the total are done. */
  update(done: number): void {
    this.#done = Math.min(this.#total, done);
    const now = performance.now();
    if (now - this.#lastDraw >= 100) this.#draw();
  }

  /** Ends the phase with a short result text. */
  finish(summary: string): void {
    if (!this.#out) return;
    const secs = ((performance.now() - this.#started) / 1000).toFixed(1);
    if (this.#out.isTTY) this.#out.write(`\r\x1b[2K${this.#label}: ${summary} (${secs} s)\n`);
    else this.#out.write(`${this.#label}: ${summary} (${secs} s)\n`);
  }

  #draw(): void {
    this.#lastDraw = performance.now();
    if (!this.#out?.isTTY) return;
    const filled = Math.round((this.#done / this.#total) * WIDTH);
    this.#out.write(`\r\x1b[2K${this.#label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${this.#done}/${this.#total}`);
  }
}

/** Prints one line of run narration (same rules as the bar: stderr, or nowhere). */
export function note(out: ProgressSink | undefined, line: string): void {
  out?.write(`${line}\n`);
}
