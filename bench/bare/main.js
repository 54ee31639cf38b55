// The bare floor for `npm run bench`: echarts/core with the parts the app registers at start-up
// (STARTUP_PARTS of src/lib/echarts/parts.ts, the list src/lib/echarts/setup.ts registers; parts the
// app loads later are left out), one instance per headline chart in a box of the size the app's chart
// has at the benchmark's viewport, the app's own options for those sizes (bench/.build/options.json,
// written by scripts/bench/options.ts: chart ids from the app's registry, options, boxes) drawn with
// animation off. Marks each chart data-ready="true" once it fired `finished` (the bench times both pages
// by those attributes).
// Also exposes window.bareParse(url): the papaparse floor for the CSV import benchmark, and window.bareXlsx(url):
// the workbook library's floor for the workbook import benchmark.
import * as echarts from 'echarts/core';
import { STARTUP_PARTS } from '../../src/lib/echarts/parts';

echarts.use(STARTUP_PARTS);

/**
 * bareParse('../big.csv') -> { decodeMs, parseMs, totalMs, rows, bytes }: fetches the file as bytes
 * (not timed), then times TextDecoder + Papa.parse(header: false, delimiter: ',') only.
 */
window.bareParse = async (url) => {
  const Papa = (await import('papaparse')).default;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const buf = await res.arrayBuffer();
  const t0 = performance.now();
  const text = new TextDecoder().decode(buf);
  const t1 = performance.now();
  const parsed = Papa.parse(text, { header: false, delimiter: ',' });
  const t2 = performance.now();
  return {
    decodeMs: t1 - t0,
    parseMs: t2 - t1,
    totalMs: t2 - t0,
    rows: parsed.data.length,
    errors: parsed.errors.length,
    bytes: buf.byteLength,
  };
};

/**
 * bareXlsx('../big-100k.xlsx') -> { parseMs, rowsMs, totalMs, rows, bytes }: fetches the workbook (not timed),
 * then times the library's own read (SheetJS, @e965/xlsx: the app's reader) and its own rows (sheet_to_json
 * with header: 1): the floor for the workbook import benchmark, on this page's main thread.
 */
window.bareXlsx = async (url) => {
  const XLSX = await import('@e965/xlsx');
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const buf = new Uint8Array(await res.arrayBuffer());
  const t0 = performance.now();
  const wb = XLSX.read(buf, { type: 'array', dense: true });
  const t1 = performance.now();
  const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 });
  const t2 = performance.now();
  return { parseMs: t1 - t0, rowsMs: t2 - t1, totalMs: t2 - t0, rows: rows.length, bytes: buf.byteLength };
};

const instances = new Map();

/**
 * bareRerender() -> Promise<ms>: setOption again on the four instances with notMerge (a full
 * re-render, as the app does on every change): the floor for the city-toggle benchmark. Runs in
 * its own task (a timer), not inside the caller's CDP evaluate, so Chromium counts it as script.
 */
window.bareRerender = () =>
  new Promise((resolve) => {
    setTimeout(() => {
      const t0 = performance.now();
      for (const [chart, option] of instances.values()) {
        chart.setOption({ ...option, animation: false }, { notMerge: true });
      }
      resolve(performance.now() - t0);
    }, 0);
  });

async function draw() {
  const res = await fetch('./options.json');
  if (!res.ok) throw new Error(`options.json: HTTP ${res.status}`);
  const { chartIds, charts, boxes } = await res.json();
  if (!chartIds?.length) throw new Error('options.json has no chartIds');
  for (const id of chartIds) {
    const option = charts[id];
    if (!option) throw new Error(`options.json has no chart ${id}`);
    const box = boxes?.[id];
    if (!box) throw new Error(`options.json has no box for chart ${id}`);
    const el = document.createElement('div');
    el.className = 'chart';
    el.dataset.chart = id;
    el.style.width = `${box.width}px`;
    el.style.height = `${box.height}px`;
    document.body.append(el);
    // Sizes given, as the app gives them (read from the box, each init would force a layout).
    const chart = echarts.init(el, undefined, { renderer: 'canvas', width: box.width, height: box.height });
    instances.set(id, [chart, option]);
    let done = false;
    chart.on('finished', () => {
      if (done) return;
      done = true;
      el.setAttribute('data-ready', 'true');
    });
    chart.setOption({ ...option, animation: false }, { notMerge: true });
  }
}

draw().catch((e) => {
  console.error(e);
});
