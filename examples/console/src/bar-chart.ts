import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

/*
 * The one module that imports Chart.js. chart-figure.ts loads it with a
 * dynamic import() when a chart is first drawn, so Chart.js is a chunk of
 * its own in the console's build (rollup.console.config.js), fetched only by
 * a coordinator who opens Indicatori; the widgets never include it.
 */

// Only what a bar chart uses, so the rest of Chart.js stays out of the chunk.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface BarChartSpec {
  /** one per bar, each a label's lines */
  labels: string[][];
  series: { label: string; values: number[]; color: string }[];
  stacked: boolean;
  /** a value as the table beside the chart writes it */
  format: (value: number) => string;
  /** whole numbers only on the axis (counts) */
  integers: boolean;
}

/**
 * Draws horizontal bars (long organisation and question names read across)
 * into `canvas`, sized by its box. No animation: the figures appear as they
 * are, for people who ask for reduced motion and for screenshots alike.
 */
export function drawBarChart(canvas: HTMLCanvasElement, spec: BarChartSpec): { destroy(): void } {
  // The page's own type and ink, which Chart.js cannot read from CSS by itself.
  const style = getComputedStyle(canvas);
  Chart.defaults.font = { ...Chart.defaults.font, family: style.fontFamily, size: 14 };
  Chart.defaults.color = style.color;
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, borderColor: '#ffffff', borderWidth: spec.stacked ? 1 : 0 })),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'it-IT',
      scales: {
        x: {
          stacked: spec.stacked,
          beginAtZero: true,
          ticks: { callback: (value) => spec.format(Number(value)), ...(spec.integers ? { precision: 0 } : {}) },
        },
        // Every bar keeps its name: the box is sized for them all (chart-figure.ts), none is skipped.
        y: { stacked: spec.stacked, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 16 } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${spec.format(item.parsed.x ?? 0)}` } },
      },
    },
  });
}
