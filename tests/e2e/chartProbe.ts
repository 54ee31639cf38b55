// What a drawn chart shows, read from the ECharts instance the app hangs on its box
// (`[data-chart="<id>"] .chart-box`.__echarts, see Chart.svelte): each series' colour and line style, every text
// zrender actually paints with its rectangle on the page and the component it belongs to, and the marks' rectangles.
// Readers of the picture, not of the spec: a label ECharts hides (hideOverlap), clips (a paged legend) or never
// lays out is not in here.
//
//   const probe = await probeChart(page, 'rd-intensity');
//   probe.series  -> [{ id: 'line:wuhu', name: '芜湖市', type: 'line', color: '#e55659', dash: 'solid', … }, …]
//   probe.texts   -> [{ text: '2019上半年', x, y, width, height, component: 'xAxis', componentIndex: 0, … }, …]
//   overlaps(probe.texts) -> [{ a, b, width: 6, height: 11, depth: 6 }]   (printed over each other by more than 1 px)
//   probe.marks   -> [{ seriesIndex: 0, seriesId: 'line:wuhu', kind: 'ec-polyline', dataIndex: null, x, y, … }]
import type { Page } from '@playwright/test';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The rectangle as drawn when it is turned (a rotated axis label): its four corners; else absent. */
  corners?: readonly { x: number; y: number }[];
}

/** One series as drawn: its option and the colour ECharts' visual pass gave it. */
export interface SeriesProbe {
  index: number;
  id: string;
  /** As drawn in the legend (the zero-width spaces of safeLabel removed). */
  name: string;
  type: string;
  /** The series' colour after ECharts' visual pass (the line's stroke, the bar's fill), lower-case. */
  color: string;
  /** Line series: lineStyle.type; bars: itemStyle.borderType; 'solid' when none is set. */
  dash: string;
  /** Whether the series sets a decal (a pattern fill: hatching), and which. */
  decal: string | null;
  xAxisIndex: number;
  yAxisIndex: number;
  /** The `ref` of each data item (the observation it draws: rowKey), null where the item has none or no value. */
  refs: (string | null)[];
}

/**
 * One text zrender paints: a label, an axis label, a legend item, the legend's pager, an axis name. x, y, width,
 * height are its upright bounding box; `corners` the rectangle as drawn (turned with a rotated label).
 */
export interface TextProbe extends Rect {
  corners: readonly { x: number; y: number }[];
  /** The text as painted: the spans of one label joined, lines by '\n' (zero-width spaces removed). */
  text: string;
  /** The ECharts component it belongs to: 'series', 'xAxis', 'yAxis', 'legend', 'title', 'graphic', … ('' unknown). */
  component: string;
  componentIndex: number;
  /** For a series label (value label, end label): that series' id. */
  seriesId: string | null;
  fill: string | null;
  /** Part of it lies outside a clip (a scrolled legend, a plot clip): its rect is the visible part. */
  clipped: boolean;
}

/** A drawn mark of a series: a bar, a symbol, a line's path. */
export interface MarkProbe extends Rect {
  seriesIndex: number;
  seriesId: string;
  /** zrender's element type: 'rect' (bar), 'path' / 'circle' / … (symbol), 'ec-polyline' (line). */
  kind: string;
  dataIndex: number | null;
}

export interface ChartProbe {
  id: string;
  /**
   * The chart box on the page. Every rect here is in page (document) coordinates, CSS px: the same wherever the
   * page is scrolled (page.mouse takes viewport coordinates: subtract window.scrollX / scrollY).
   */
  box: Rect;
  series: SeriesProbe[];
  texts: TextProbe[];
  marks: MarkProbe[];
  /** The option's category axes' labels (xAxis[i].data), for telling which periods a chart has. */
  categories: { x: string[][]; y: string[][] };
}

/** Everything below for chart `id` in one round trip. Throws when the chart or its instance is missing. */
export async function probeChart(page: Page, id: string): Promise<ChartProbe> {
  return page.evaluate((chartId) => {
    type Matrix = number[];
    type ZRect = Rect & { applyTransform(m: Matrix): void; clone(): ZRect };
    interface El {
      type: string;
      ignore?: boolean;
      invisible?: boolean;
      parent?: El | null;
      __hostTarget?: El | null;
      __clipPaths?: El[];
      __ecComponentInfo?: { mainType: string; index: number } | null;
      style?: { text?: unknown; opacity?: number; fill?: unknown };
      transform?: Matrix | null;
      getBoundingRect(): ZRect;
      [key: string]: unknown;
    }
    interface SeriesOption {
      id?: string;
      name?: string;
      type?: string;
      xAxisIndex?: number;
      yAxisIndex?: number;
      lineStyle?: { type?: unknown };
      itemStyle?: { borderType?: unknown; decal?: unknown };
      data?: unknown[];
    }
    interface Inst {
      getOption(): {
        series?: SeriesOption[];
        xAxis?: { data?: unknown[] }[];
        yAxis?: { data?: unknown[] }[];
      };
      getVisual(finder: { seriesIndex: number }, visual: 'color'): unknown;
      getZr(): { storage: { getDisplayList(update: boolean): El[] } };
    }
    const el = document.querySelector(`[data-chart="${chartId}"] .chart-box`) as
      (HTMLElement & { __echarts?: Inst }) | null;
    const inst = el?.__echarts;
    if (!el || !inst)
      throw new Error(`no drawn chart "${chartId}" (no [data-chart="${chartId}"] .chart-box.__echarts)`);
    const page = el.getBoundingClientRect();
    const box = { x: page.left + scrollX, y: page.top + scrollY, width: page.width, height: page.height };
    const plain = (s: string) => s.replace(/\u200b/g, '');
    const option = inst.getOption();
    const seriesOptions = option.series ?? [];
    const colour = (c: unknown) => (typeof c === 'string' ? c.toLowerCase() : c ? JSON.stringify(c) : '');

    const series = seriesOptions.map((s, index) => {
      const isLine = s.type === 'line';
      const dash = isLine ? s.lineStyle?.type : s.itemStyle?.borderType;
      const decal = s.itemStyle?.decal;
      return {
        index,
        id: String(s.id ?? ''),
        name: plain(String(s.name ?? '')),
        type: String(s.type ?? ''),
        color: colour(inst.getVisual({ seriesIndex: index }, 'color')),
        dash: typeof dash === 'string' ? dash : Array.isArray(dash) ? `[${dash.join(',')}]` : 'solid',
        decal: decal && decal !== 'none' ? JSON.stringify(decal) : null,
        xAxisIndex: s.xAxisIndex ?? 0,
        yAxisIndex: s.yAxisIndex ?? 0,
        refs: (s.data ?? []).map((d) => {
          if (!d || typeof d !== 'object') return null;
          const item = d as { ref?: unknown; value?: unknown };
          const v = Array.isArray(item.value) ? item.value[item.value.length - 1] : item.value;
          return typeof item.ref === 'string' && v !== null && v !== undefined && v !== '-' ? item.ref : null;
        }),
      };
    });

    /** The component an element belongs to: the nearest group ECharts tagged (a label: via its host). */
    const owner = (e: El): { mainType: string; index: number } | null => {
      for (let p: El | null | undefined = e; p; p = p.parent ?? p.__hostTarget)
        if (p.__ecComponentInfo) return p.__ecComponentInfo;
      return null;
    };
    /** ECharts' per-element data (dataIndex, seriesIndex) sits under a generated key '__ec_inner_<n>'. */
    const ecData = (e: El): { dataIndex?: number; seriesIndex?: number } | null => {
      for (let p: El | null | undefined = e; p; p = p.parent ?? p.__hostTarget)
        for (const k of Object.keys(p))
          if (k.startsWith('__ec_inner_')) {
            const v = p[k] as { dataIndex?: number; seriesIndex?: number };
            if (v && typeof v === 'object' && typeof v.seriesIndex === 'number') return v;
          }
      return null;
    };
    const pageRect = (e: El): ZRect => {
      const r = e.getBoundingRect().clone();
      if (e.transform) r.applyTransform(e.transform);
      return r;
    };
    /** `r` cut to every clip path over `e`; null when nothing of it is left. */
    const clip = (e: El, r: Rect): { rect: Rect; clipped: boolean } | null => {
      let { x, y, width, height } = r;
      let clipped = false;
      for (const c of e.__clipPaths ?? []) {
        const k = pageRect(c);
        const [x1, y1] = [Math.max(x, k.x), Math.max(y, k.y)];
        const [x2, y2] = [Math.min(x + width, k.x + k.width), Math.min(y + height, k.y + k.height)];
        if (x2 - x1 < width - 0.5 || y2 - y1 < height - 0.5) clipped = true;
        if (x2 <= x1 || y2 <= y1) return null;
        [x, y, width, height] = [x1, y1, x2 - x1, y2 - y1];
      }
      return { rect: { x, y, width, height }, clipped };
    };
    const hidden = (e: El) => {
      for (let p: El | null | undefined = e; p; p = p.parent ?? p.__hostTarget)
        if (p.ignore || p.invisible || p.style?.opacity === 0) return true;
      return false;
    };

    // The display list holds a text's spans (zrender TSpan, type 'tspan'), never the Text itself (type 'text',
    // their parent): spans are grouped back into their Text, one entry per label.
    const labels = new Map<
      El,
      {
        spans: { text: string; rect: Rect; local: Rect; transform: Matrix | null }[];
        clipped: boolean;
        fill: string | null;
        host: El;
      }
    >();
    const marks: MarkProbe[] = [];
    for (const d of inst.getZr().storage.getDisplayList(true)) {
      if (hidden(d)) continue;
      const cut = clip(d, pageRect(d));
      if (!cut || cut.rect.width <= 0 || cut.rect.height <= 0) continue;
      if (d.type === 'tspan' || d.type === 'text') {
        const text = typeof d.style?.text === 'string' ? plain(d.style.text) : '';
        if (text.trim() === '') continue;
        const parent = d.type === 'tspan' && d.parent?.type === 'text' ? d.parent : d;
        let label = labels.get(parent);
        if (!label)
          labels.set(
            parent,
            (label = {
              spans: [],
              clipped: false,
              fill: typeof d.style?.fill === 'string' ? d.style.fill.toLowerCase() : null,
              host: parent,
            }),
          );
        const local = d.getBoundingRect();
        label.spans.push({
          text,
          rect: cut.rect,
          local: { x: local.x, y: local.y, width: local.width, height: local.height },
          transform: d.transform ? [...d.transform] : null,
        });
        label.clipped ||= cut.clipped;
        continue;
      }
      const info = owner(d);
      if (info?.mainType !== 'series') continue;
      const s = series[info.index];
      const data = ecData(d);
      marks.push({
        seriesIndex: info.index,
        seriesId: s?.id ?? '',
        kind: d.type,
        dataIndex: typeof data?.dataIndex === 'number' && data.dataIndex >= 0 ? data.dataIndex : null,
        x: box.x + cut.rect.x,
        y: box.y + cut.rect.y,
        width: cut.rect.width,
        height: cut.rect.height,
      });
    }
    const texts: TextProbe[] = [];
    const apply = (m: Matrix | null, x: number, y: number): [number, number] =>
      m ? [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!] : [x, y];
    for (const { spans, clipped, fill, host } of labels.values()) {
      // Spans of one line share a baseline (in the text's own frame): joined as they are; a new line starts lower.
      spans.sort((a, b) => a.local.y - b.local.y || a.local.x - b.local.x);
      let text = '';
      let lineY = spans[0]!.local.y;
      for (const s of spans) {
        if (text && s.local.y > lineY + s.local.height / 2) {
          text += '\n';
          lineY = s.local.y;
        }
        text += s.text;
      }
      const x = Math.min(...spans.map((s) => s.rect.x));
      const y = Math.min(...spans.map((s) => s.rect.y));
      const right = Math.max(...spans.map((s) => s.rect.x + s.rect.width));
      const bottom = Math.max(...spans.map((s) => s.rect.y + s.rect.height));
      // The text's own rectangle, turned as it is drawn (a 45° axis label): where its spans share one transform
      // and nothing of it is clipped, else the upright box.
      const m = spans[0]!.transform;
      const same = spans.every((s) => String(s.transform) === String(m));
      let corners: [number, number][];
      if (same && !clipped) {
        const lx = Math.min(...spans.map((s) => s.local.x));
        const ly = Math.min(...spans.map((s) => s.local.y));
        const lr = Math.max(...spans.map((s) => s.local.x + s.local.width));
        const lb = Math.max(...spans.map((s) => s.local.y + s.local.height));
        corners = [apply(m, lx, ly), apply(m, lr, ly), apply(m, lr, lb), apply(m, lx, lb)];
      } else
        corners = [
          [x, y],
          [right, y],
          [right, bottom],
          [x, bottom],
        ];
      const info = owner(host);
      texts.push({
        text,
        x: box.x + x,
        y: box.y + y,
        width: right - x,
        height: bottom - y,
        corners: corners.map(([cx, cy]) => ({ x: box.x + cx, y: box.y + cy })),
        component: info?.mainType ?? '',
        componentIndex: info?.index ?? -1,
        seriesId: info?.mainType === 'series' ? (series[info.index]?.id ?? null) : null,
        fill,
        clipped,
      });
    }
    const axisData = (axes: { data?: unknown[] }[] | undefined) =>
      (axes ?? []).map((a) =>
        (a.data ?? []).map((c) =>
          plain(String(c && typeof c === 'object' && 'value' in c ? (c as { value: unknown }).value : c)),
        ),
      );
    return {
      id: chartId,
      box,
      series,
      texts,
      marks,
      categories: { x: axisData(option.xAxis), y: axisData(option.yAxis) },
    };
  }, id);
}

/** One series per city: the series of each city (by the id after the kind: 'line:wuhu', 'bar0:u-1a2b:scope'). */
export function seriesByCity(series: readonly SeriesProbe[]): Map<string, SeriesProbe[]> {
  const out = new Map<string, SeriesProbe[]>();
  for (const s of series) {
    const city = cityOf(s.id);
    if (!city) continue;
    const list = out.get(city);
    if (list) list.push(s);
    else out.set(city, [s]);
  }
  return out;
}

/** 'line:wuhu' -> 'wuhu'; 'bar0:u-1a2b:high_tech_enterprises_new' -> 'u-1a2b'; 'ref-china-2018' -> null. */
export function cityOf(seriesId: string): string | null {
  const m = /^(?:line|h1|target|bar\d*|scatter|point):([^:]+)/.exec(seriesId);
  return m ? m[1]! : null;
}

/** The corners of a rect: its own where it is turned, else its upright box's. */
function cornersOf(r: Rect): readonly { x: number; y: number }[] {
  return (
    r.corners ?? [
      { x: r.x, y: r.y },
      { x: r.x + r.width, y: r.y },
      { x: r.x + r.width, y: r.y + r.height },
      { x: r.x, y: r.y + r.height },
    ]
  );
}

/**
 * How far two convex quadrilaterals print into each other: the least overlap of their projections on every edge
 * normal of either (separating axes), px; 0 or less when they are apart. For two upright boxes this is the
 * smaller of the overlaps across and down.
 */
export function overlapDepth(a: Rect, b: Rect): number {
  const [pa, pb] = [cornersOf(a), cornersOf(b)];
  let depth = Infinity;
  for (const poly of [pa, pb])
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i]!;
      const q = poly[(i + 1) % poly.length]!;
      const len = Math.hypot(q.x - p.x, q.y - p.y);
      if (len < 1e-9) continue;
      const [nx, ny] = [-(q.y - p.y) / len, (q.x - p.x) / len];
      const project = (ps: readonly { x: number; y: number }[]) => ps.map((c) => c.x * nx + c.y * ny);
      const [ja, jb] = [project(pa), project(pb)];
      const overlap = Math.min(Math.max(...ja), Math.max(...jb)) - Math.max(Math.min(...ja), Math.min(...jb));
      depth = Math.min(depth, overlap);
      if (depth <= 0) return depth;
    }
  return depth === Infinity ? 0 : depth;
}

/**
 * Pairs of rects that print over each other by more than `slack` px (default 1) each way: for upright boxes, an
 * intersection wider and taller than `slack`; for turned ones (a rotated axis label), the same across their own
 * edges. `width` and `height` are the upright boxes' intersection, `depth` the overlap as drawn.
 */
export function overlaps<T extends Rect>(
  rects: readonly T[],
  slack = 1,
): { a: T; b: T; width: number; height: number; depth: number }[] {
  const out: { a: T; b: T; width: number; height: number; depth: number }[] = [];
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i]!;
      const b = rects[j]!;
      const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (width <= slack || height <= slack) continue;
      const depth = a.corners || b.corners ? overlapDepth(a, b) : Math.min(width, height);
      if (depth > slack) out.push({ a, b, width, height, depth });
    }
  return out;
}

/** Where a text is, for a failure message: '"2.43" (series line:u-1a2b label) at 812,233 46×14'. */
export function describeText(t: TextProbe): string {
  const where = t.seriesId ? `series ${t.seriesId} label` : t.component || 'unknown component';
  return `"${t.text.replace(/\n/g, '⏎')}" (${where}) at ${Math.round(t.x)},${Math.round(t.y)} ${Math.round(t.width)}×${Math.round(t.height)}`;
}

/** A scroll legend's pager ('1/2', '2 / 5'), if one is drawn. */
export function legendPager(texts: readonly TextProbe[]): TextProbe | undefined {
  return texts.find((t) => t.component === 'legend' && /^\s*\d+\s*\/\s*\d+\s*$/.test(t.text));
}

/** The marks of each series, by series id. */
export function marksBySeries(marks: readonly MarkProbe[]): Map<string, MarkProbe[]> {
  const out = new Map<string, MarkProbe[]>();
  for (const m of marks) {
    const list = out.get(m.seriesId);
    if (list) list.push(m);
    else out.set(m.seriesId, [m]);
  }
  return out;
}
