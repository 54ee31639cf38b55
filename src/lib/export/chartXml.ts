// The DrawingML chart part (ppt/charts/chartN.xml) of a native PowerPoint chart, written here rather than by
// PptxGenJS, which writes only <a:latin> fonts (Chinese then falls back to whatever PowerPoint picks, its issue
// #1420), one dash style per chart (#332, #1424) and an extra axis id in some bar/line charts that PowerPoint
// repairs (#1534). Elements follow the order of the schema (ECMA-376 Part 1, §21.2, CT_ChartSpace and below),
// which is the order PowerPoint itself writes; only elements PowerPoint writes for a clustered column or
// line-with-markers chart are used. The embedded sheet (sheetRows) is laid out as the references here say:
// categories in column A from row 2, one series per column from B, its name in row 1.
import type { NativePlot, NativeSeries } from './nativeChart';
import { numberFormat, type DataCell } from './dataTable';
import { NOT_XML } from '../import/text';

export interface ChartStyle {
  /** Typeface for Latin, East Asian and complex scripts alike. */
  font: string;
  lang: 'zh-CN' | 'en-US';
  /** Axis, legend and label text, pt (at least 12: read from the back of a meeting room). */
  pt: number;
  legend: 'b' | 'r';
  /** Value labels, pt (a little smaller than the axes: bars of neighbouring years sit close). */
  labelPt: number;
  /** The words of a target's label ('目标'), put in its number format. */
  targetWords: string;
}

const TEXT = '333333';
const GRID = 'D9D9D9';
const WHITE = 'FFFFFF';
/** Line widths in EMU (12,700 per pt). */
const LINE_W = 28575; // 2.25 pt
const REF_W = 19050; // 1.5 pt
const OUTLINE_W = 19050;

/** Text as XML: escaped, and any character XML cannot hold at all (a control character) dropped. */
export function esc(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** A number format's literal text: in double quotes, any quote in it dropped (it would end the literal). */
const literal = (s: string) => `"${s.replace(/"/g, '')}"`;

/** The column letters of 0-based index i: 0 -> 'A', 26 -> 'AA'. */
export function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** valueFormat(2, true) -> '#,##0.00"%"': a percentage is the number shown (3.76), its sign a literal. */
export function valueFormat(decimals: number, percent: boolean): string {
  return numberFormat(decimals) + (percent ? literal('%') : '');
}

/** The values' number format: as many decimals as the most precise value states. */
export function baseFormat(plot: NativePlot): string {
  return valueFormat(plot.decimals, plot.percent);
}

/**
 * A label's format: the kind and comparator said in it, the decimals the figure states, so labels read
 * '≥2,000', '目标 3.50%', '≈26.83 上半年', '50.1'.
 */
export function labelFormat(
  plot: NativePlot,
  s: NativeSeries,
  style: ChartStyle,
  decimals: number,
  prefix = '',
  suffix = '',
): string {
  const base = valueFormat(decimals, plot.percent) + (suffix ? literal(` ${suffix}`) : '');
  if (s.kind === 'bound') return literal(prefix || '≥') + base;
  if (s.kind === 'target') return literal(`${style.targetWords} ${prefix}`) + base;
  // A half-year sits in its own category, named '2019年上半年': its label needs no words of its own.
  return (prefix ? literal(prefix) : '') + base;
}

function fonts(font: string): string {
  const f = esc(font);
  return `<a:latin typeface="${f}"/><a:ea typeface="${f}"/><a:cs typeface="${f}"/>`;
}

/** tint('D1495B') -> the colour two thirds of the way to white. */
export function tint(rgb: string): string {
  const n = parseInt(rgb, 16);
  const mix = (c: number) => Math.round(c + (255 - c) * 0.67);
  return [16, 8, 0]
    .map((shift) =>
      mix((n >> shift) & 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}

const fill = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

/** c:txPr: text of one size and colour in the slide's typeface in every script slot. */
function txPr(style: ChartStyle, pt: number, color = TEXT, body = '<a:bodyPr/>'): string {
  return (
    `<c:txPr>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${pt * 100}" b="0">${fill(color)}${fonts(style.font)}` +
    `</a:defRPr></a:pPr><a:endParaRPr lang="${style.lang}"/></a:p></c:txPr>`
  );
}

function ln(width: number, color: string | null, dash?: string): string {
  if (color === null) return '<a:ln><a:noFill/></a:ln>';
  return `<a:ln w="${width}" cap="rnd">${fill(color)}${dash ? `<a:prstDash val="${dash}"/>` : ''}<a:round/></a:ln>`;
}

/** The series' marker: filled circle (actual), hollow circle (derived), hollow triangle (bound), … */
function marker(s: NativeSeries): string {
  const shape = {
    actual: ['circle', 7, true],
    derived: ['circle', 7, false],
    bound: ['triangle', 9, false],
    half: ['square', 8, true],
    target: ['diamond', 10, false],
    reference: ['none', 0, false],
    line: ['none', 0, false],
  } as const;
  const [symbol, size, filled] = shape[s.kind];
  if (symbol === 'none') return '<c:marker><c:symbol val="none"/></c:marker>';
  // "Hollow" is a pale fill inside the outline: a renderer that draws no marker outline (LibreOffice) still
  // shows the mark, and its shape still tells the kind.
  return (
    `<c:marker><c:symbol val="${symbol}"/><c:size val="${size}"/>` +
    `<c:spPr>${fill(filled ? s.color : tint(s.color))}${ln(OUTLINE_W, s.color)}</c:spPr></c:marker>`
  );
}

/** c:spPr of a series: a line's stroke, a bar's fill and outline. */
function seriesShape(s: NativeSeries): string {
  if (s.type === 'line') {
    if (s.kind === 'reference') return `<c:spPr>${ln(REF_W, s.color, 'dash')}</c:spPr>`;
    // A connector goes under the marks it joins, a little thinner than a city's own line.
    if (s.kind === 'line') return `<c:spPr>${ln(REF_W, s.color)}</c:spPr>`;
    return `<c:spPr>${s.joined ? ln(LINE_W, s.color) : ln(0, null)}</c:spPr>`;
  }
  if (s.kind === 'target') return `<c:spPr><a:noFill/>${ln(OUTLINE_W, s.color, 'dash')}</c:spPr>`;
  if (s.kind === 'half')
    return (
      `<c:spPr><a:pattFill prst="wdUpDiag"><a:fgClr><a:srgbClr val="${s.color}"/></a:fgClr>` +
      `<a:bgClr><a:srgbClr val="${WHITE}"/></a:bgClr></a:pattFill>${ln(OUTLINE_W / 2, s.color)}</c:spPr>`
    );
  if (s.kind === 'bound') return `<c:spPr>${fill(s.color)}${ln(OUTLINE_W, '222222', 'dash')}</c:spPr>`;
  if (s.kind === 'derived') return `<c:spPr>${fill(tint(s.color))}${ln(OUTLINE_W, s.color)}</c:spPr>`;
  return `<c:spPr>${fill(s.color)}${ln(0, null)}</c:spPr>`;
}

/** A short value label on one line ('目标 360', not '目标' over '360', nor 'targ' over 'et'). */
const LABEL_BODY = '<a:bodyPr wrap="none" anchor="ctr"/>';

const SHOW_VALUE =
  '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>' +
  '<c:showPercent val="0"/><c:showBubbleSize val="0"/>';

/** No labels (what PowerPoint writes for a series whose labels are off): after a joined line's point labels. */
const NO_LABELS =
  '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>' +
  '<c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/>' +
  '<c:showPercent val="0"/><c:showBubbleSize val="0"/>';

function labels(plot: NativePlot, s: NativeSeries, style: ChartStyle): string {
  if (!s.labels) return '';
  const pos = s.type === 'bar' ? 'outEnd' : 't';
  // A label with words after its value (the stated growth) may wrap under it, as it does on screen; on one line
  // it ran over the next year's.
  const shown = (f: string, wrap = false) =>
    `<c:numFmt formatCode="${esc(f)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `${txPr(style, style.labelPt, TEXT, wrap ? '<a:bodyPr/>' : LABEL_BODY)}<c:dLblPos val="${pos}"/>${SHOW_VALUE}`;
  // Actual and derived marks on a line are labelled only where a point says its comparator, as on screen.
  const onlyPrefixed = s.type === 'line' && (s.kind === 'actual' || s.kind === 'derived');
  const own = Math.max(0, ...s.decimals.filter((d): d is number => d !== null));
  // A point labels itself where it says a comparator ('≈') or states other decimals than the series' (50.1
  // beside 38.08).
  const points = s.values
    .map((v, i) => {
      if (v === null) return '';
      const prefix = s.prefixes.get(i);
      const suffix = s.suffixes.get(i);
      const d = s.decimals[i] ?? own;
      if (!prefix && !suffix && (onlyPrefixed || d === own)) return '';
      return `<c:dLbl><c:idx val="${i}"/>${shown(labelFormat(plot, s, style, d, prefix, suffix), !!suffix)}</c:dLbl>`;
    })
    .join('');
  const rest = onlyPrefixed ? NO_LABELS : shown(labelFormat(plot, s, style, own));
  return `<c:dLbls>${points}${rest}</c:dLbls>`;
}

function categoryRef(plot: NativePlot): string {
  const n = plot.categories.length;
  const pts = plot.categories.map((c, i) => `<c:pt idx="${i}"><c:v>${esc(c)}</c:v></c:pt>`).join('');
  return `<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$${n + 1}</c:f><c:strCache><c:ptCount val="${n}"/>${pts}</c:strCache></c:strRef></c:cat>`;
}

function valueRef(plot: NativePlot, s: NativeSeries, col: string): string {
  const n = plot.categories.length;
  const pts = s.values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return (
    `<c:val><c:numRef><c:f>Sheet1!$${col}$2:$${col}$${n + 1}</c:f><c:numCache>` +
    `<c:formatCode>${esc(baseFormat(plot))}</c:formatCode><c:ptCount val="${n}"/>${pts}</c:numCache></c:numRef></c:val>`
  );
}

function series(plot: NativePlot, s: NativeSeries, index: number, style: ChartStyle): string {
  const col = column(index + 1);
  const head =
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:strRef><c:f>Sheet1!$${col}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    seriesShape(s);
  const data = `${categoryRef(plot)}${valueRef(plot, s, col)}`;
  if (s.type === 'bar') return `${head}<c:invertIfNegative val="0"/>${labels(plot, s, style)}${data}</c:ser>`;
  return `${head}${marker(s)}${labels(plot, s, style)}${data}<c:smooth val="0"/></c:ser>`;
}

/**
 * Bars side by side, or, where no category holds two bars (each city reports in other years; a kind of its
 * own per series), every bar centred on its category: series per kind would otherwise leave each bar a thin
 * slot beside empty ones, its label over the next year's.
 */
function barSpacing(plot: NativePlot, bars: readonly NativeSeries[]): string {
  const alone = plot.categories.every((_, i) => bars.filter((s) => s.values[i] !== null).length <= 1);
  return alone
    ? '<c:gapWidth val="150"/><c:overlap val="100"/>'
    : '<c:gapWidth val="60"/><c:overlap val="-10"/>';
}

const CAT_AX = 500100;
const VAL_AX = 500200;

/** A title's rich text; a Chinese value-axis title stands upright, its characters stacked (亿 over 元). */
function axisTitle(text: string, style: ChartStyle): string {
  const body =
    style.lang === 'zh-CN'
      ? '<a:bodyPr rot="0" vert="wordArtVert"/>'
      : '<a:bodyPr rot="-5400000" vert="horz"/>';
  return richTitle(text, style, body);
}

function richTitle(text: string, style: ChartStyle, body: string): string {
  return (
    `<c:title><c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${style.pt * 100}" b="0">` +
    `${fill(TEXT)}${fonts(style.font)}</a:defRPr></a:pPr><a:r><a:rPr lang="${style.lang}" sz="${style.pt * 100}" b="0">${fill(TEXT)}${fonts(style.font)}` +
    `</a:rPr><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

/** Tick labels: none above 10, one decimal from 1 (0.5, 1.0 … of R&D intensity), as needed below 1. */
function axisFormat(plot: NativePlot): string {
  const most = Math.max(0, ...plot.series.flatMap((s) => s.values.map((v) => Math.abs(v ?? 0))));
  if (most < 1 && !plot.percent) return 'General';
  return valueFormat(most >= 10 || plot.decimals === 0 ? 0 : most >= 1 ? 1 : 2, plot.percent);
}

function axes(plot: NativePlot, style: ChartStyle): string {
  const axisLine = `<c:spPr><a:noFill/>${ln(9525, 'BFBFBF')}</c:spPr>`;
  const cat =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisLine}${txPr(style, style.pt)}` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const val =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr>${ln(9525, GRID)}</c:spPr></c:majorGridlines>` +
    `${plot.axisTitle ? axisTitle(plot.axisTitle, style) : ''}` +
    `<c:numFmt formatCode="${esc(axisFormat(plot))}" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr(style, style.pt)}<c:crossAx val="${CAT_AX}"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return cat + val;
}

/** Legend entries of the connectors (a line through a city's marks of several kinds): the marks are named. */
function hiddenEntries(plot: NativePlot): string {
  return plot.series
    .map((s, i) =>
      s.kind === 'line' ? `<c:legendEntry><c:idx val="${i}"/><c:delete val="1"/></c:legendEntry>` : '',
    )
    .join('');
}

/**
 * chartXml(plot, style) -> the chart part: a clustered column chart and/or a line chart (markers, lines
 * where joined) on one category and one value axis, legend below or right, blanks left as gaps (a joined line
 * spans them), data from the embedded workbook (the part's relationship `workbookRel`).
 */
export function chartXml(plot: NativePlot, style: ChartStyle, workbookRel = 'rId1'): string {
  const indexed = plot.series.map((s, i) => ({ s, i }));
  const bars = indexed.filter(({ s }) => s.type === 'bar');
  const lines = indexed.filter(({ s }) => s.type === 'line');
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const barChart = bars.length
    ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      bars.map(({ s, i }) => series(plot, s, i, style)).join('') +
      `${barSpacing(
        plot,
        bars.map(({ s }) => s),
      )}${axIds}</c:barChart>`
    : '';
  const lineChart = lines.length
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
      lines.map(({ s, i }) => series(plot, s, i, style)).join('') +
      `<c:marker val="1"/>${axIds}</c:lineChart>`
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:date1904 val="0"/><c:lang val="${style.lang}"/><c:roundedCorners val="0"/>` +
    `<c:chart>${plot.title ? richTitle(plot.title, style, '<a:bodyPr/>') : ''}` +
    `<c:autoTitleDeleted val="${plot.title ? 0 : 1}"/><c:plotArea><c:layout/>${barChart}${lineChart}${axes(plot, style)}` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>` +
    `<c:legend><c:legendPos val="${style.legend}"/>${hiddenEntries(plot)}<c:overlay val="0"/>${txPr(style, style.pt)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="span"/></c:chart>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr(style, style.pt)}` +
    `<c:externalData r:id="${esc(workbookRel)}"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>`
  );
}

/**
 * The embedded sheet's rows: a blank corner, the series names; then a category and its values per row, each
 * figure with the decimals its sentence states.
 */
export function sheetRows(plot: NativePlot): DataCell[][] {
  const cell = (s: NativeSeries, i: number): DataCell => {
    const v = s.values[i] ?? null;
    return v === null ? null : { n: v, format: valueFormat(s.decimals[i] ?? plot.decimals, plot.percent) };
  };
  return [
    ['', ...plot.series.map((s) => s.name)],
    ...plot.categories.map((c, i) => [c, ...plot.series.map((s) => cell(s, i))]),
  ];
}
