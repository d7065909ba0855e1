/** One look for every chart: the app's slate text and the brand blue first (Nivo's theme object). */
export const CHART_THEME = {
  text: { fontSize: 11, fill: '#334155' },
  axis: { ticks: { text: { fontSize: 11, fill: '#475569' } }, legend: { text: { fontSize: 11, fill: '#334155' } } },
  grid: { line: { stroke: '#e2e8f0' } },
  tooltip: { container: { fontSize: 12 } },
};
/** Distinguishable for the common colour-vision deficiencies (Okabe–Ito). */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
