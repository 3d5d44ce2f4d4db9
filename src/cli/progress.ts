// Progress bars for long CLI work (imports, demo load, batch runs). Quiet when not on a terminal.
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total?: number, label?: string): void;
  stop(): void;
}

export function progressBar(label: string, total: number, unit = ''): Progress {
  if (!process.stderr.isTTY || process.env.CI) {
    let lastPct = -1;
    return {
      update(done, t = total) {
        const pct = t > 0 ? Math.floor((100 * done) / t / 25) * 25 : 0;
        if (pct !== lastPct) {
          lastPct = pct;
          process.stderr.write(`${label}: ${pct}%\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total}${unit ? ` ${unit}` : ''} | {eta_formatted} left {step}`,
      hideCursor: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { step: '' });
  return {
    update(done, t, step) {
      if (t !== undefined && t !== bar.getTotal()) bar.setTotal(t);
      bar.update(done, { step: step ?? '' });
    },
    stop: () => bar.stop(),
  };
}
