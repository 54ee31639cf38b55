// Before every test file: the chart specs whose code the app loads on demand (registry.ts onDemand) are loaded, so a
// test builds any chart as the app does once its code has arrived.
import { loadCharts } from '../../src/lib/charts/registry';

await loadCharts();
