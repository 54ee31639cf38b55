// The `toggle` part: a city toggle on #/ until the charts are redrawn, budgeted on the longest task's
// script; the click's own task, the total script, the wall time and the bare re-render floor beside it.
import { BUDGET, TOGGLE_CITY, errText, log, median, round } from './util.mjs';
import { bareRerenderRuns, toggleRuns } from './toggle-run.mjs';

// Budgeted: the most script any one task (so any one frame) runs between the click and the
// last chart redrawn. Reported beside it: the click's own task, the total, the wall time.
const TOGGLE_METRICS = [
  ['toggle task', 'city toggle: longest task, script, click → charts redrawn (median)', 'maxTaskMs'],
  ['toggle click', "city toggle: the click's own task, script (median)", 'clickTaskMs'],
  [
    'toggle script',
    'city toggle: all script until the charts are redrawn (CDP ScriptDuration, median)',
    'scriptMs',
  ],
  ['toggle wall', 'city toggle: click → 4 charts redrawn, wall (median)', 'wallMs'],
];
const FLOOR_LABEL = 'toggle floor: bare re-setOption ×4, notMerge, script (median)';

/** The toggle part (ctx: see scripts/bench.mjs). */
export async function togglePart({
  browser,
  appUrl,
  bareUrl,
  appBlocked,
  bareError,
  chartIds,
  opts,
  report,
}) {
  let runs = null;
  let error = appBlocked;
  if (!error) {
    try {
      log(`measuring ${opts.toggles} toggles of ${TOGGLE_CITY} ...`);
      runs = await toggleRuns(browser, appUrl, opts.toggles, chartIds);
    } catch (e) {
      error = errText(e);
    }
  }
  for (const [key, label, field] of TOGGLE_METRICS) {
    const values = runs?.map((r) => r[field]) ?? [];
    if (runs) log(`${key} ms: ${values.map((x) => round(x)).join(', ')}`);
    report.add({
      key,
      label,
      unit: 'ms',
      value: runs ? median(values) : null,
      runs: runs ? values : undefined,
      budget: key === 'toggle task' ? BUDGET.toggleScriptMs : undefined,
      error,
      info: key === 'toggle task' && runs ? { runs } : undefined,
    });
  }
  // The floor: the bare page re-drawing the same options (information, no budget).
  const floor = { key: 'toggle floor', label: FLOOR_LABEL, unit: 'ms' };
  if (bareError) {
    report.add({ ...floor, error: bareError });
    return;
  }
  try {
    const floorRuns = await bareRerenderRuns(browser, bareUrl, opts.toggles, chartIds);
    const script = floorRuns.map((r) => r.scriptMs);
    log(`bare re-render script ms: ${script.map((x) => round(x)).join(', ')}`);
    report.add({ ...floor, value: median(script), runs: script, info: { runs: floorRuns } });
  } catch (e) {
    report.add({ ...floor, error: errText(e) });
  }
}
