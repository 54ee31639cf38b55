// The order ECMA-376 Part 1 (§21.2, the DrawingML chart schema, dml-chart.xsd) gives the children of the chart
// elements our slides write, and a check of a chart part against it: PowerPoint repairs (or refuses) a chart
// whose children are out of order, which LibreOffice forgives. Each list is the schema's xsd:sequence, groups
// written out; 'a|b' is a choice (either, in any order, repeated); an element not listed here is not checked.
export const CHILD_ORDER: Record<string, readonly string[]> = {
  chartSpace: [
    'date1904',
    'lang',
    'roundedCorners',
    'AlternateContent',
    'style',
    'clrMapOvr',
    'pivotSource',
    'protection',
    'chart',
    'spPr',
    'txPr',
    'externalData',
    'printSettings',
    'userShapes',
    'extLst',
  ],
  chart: [
    'title',
    'autoTitleDeleted',
    'pivotFmts',
    'view3D',
    'floor',
    'sideWall',
    'backWall',
    'plotArea',
    'legend',
    'plotVisOnly',
    'dispBlanksAs',
    'showDLblsOverMax',
    'extLst',
  ],
  // Chart groups are one choice repeated (any order among them), as are the axes.
  plotArea: [
    'layout',
    'areaChart|area3DChart|lineChart|line3DChart|stockChart|radarChart|scatterChart|pieChart|pie3DChart|doughnutChart|barChart|bar3DChart|ofPieChart|surfaceChart|surface3DChart|bubbleChart',
    'valAx|catAx|dateAx|serAx',
    'dTable',
    'spPr',
    'extLst',
  ],
  barChart: [
    'barDir',
    'grouping',
    'varyColors',
    'ser',
    'dLbls',
    'gapWidth',
    'overlap',
    'serLines',
    'axId',
    'extLst',
  ],
  lineChart: [
    'grouping',
    'varyColors',
    'ser',
    'dLbls',
    'dropLines',
    'hiLowLines',
    'upDownBars',
    'marker',
    'smooth',
    'axId',
    'extLst',
  ],
  ser: [
    'idx',
    'order',
    'tx',
    'spPr',
    'invertIfNegative',
    'pictureOptions',
    'marker',
    'dPt',
    'dLbls',
    'trendline',
    'errBars',
    'cat',
    'val',
    'shape',
    'smooth',
    'extLst',
  ],
  dPt: ['idx', 'invertIfNegative', 'marker', 'bubble3D', 'explosion', 'spPr', 'pictureOptions', 'extLst'],
  marker: ['symbol', 'size', 'spPr', 'extLst'],
  dLbls: [
    'dLbl',
    'delete',
    'numFmt',
    'spPr',
    'txPr',
    'dLblPos',
    'showLegendKey',
    'showVal',
    'showCatName',
    'showSerName',
    'showPercent',
    'showBubbleSize',
    'separator',
    'showLeaderLines',
    'leaderLines',
    'extLst',
  ],
  dLbl: [
    'idx',
    'delete',
    'layout',
    'tx',
    'numFmt',
    'spPr',
    'txPr',
    'dLblPos',
    'showLegendKey',
    'showVal',
    'showCatName',
    'showSerName',
    'showPercent',
    'showBubbleSize',
    'separator',
    'extLst',
  ],
  catAx: [
    'axId',
    'scaling',
    'delete',
    'axPos',
    'majorGridlines',
    'minorGridlines',
    'title',
    'numFmt',
    'majorTickMark',
    'minorTickMark',
    'tickLblPos',
    'spPr',
    'txPr',
    'crossAx',
    'crosses',
    'crossesAt',
    'auto',
    'lblAlgn',
    'lblOffset',
    'tickLblSkip',
    'tickMarkSkip',
    'noMultiLvlLbl',
    'extLst',
  ],
  valAx: [
    'axId',
    'scaling',
    'delete',
    'axPos',
    'majorGridlines',
    'minorGridlines',
    'title',
    'numFmt',
    'majorTickMark',
    'minorTickMark',
    'tickLblPos',
    'spPr',
    'txPr',
    'crossAx',
    'crosses',
    'crossesAt',
    'crossBetween',
    'majorUnit',
    'minorUnit',
    'dispUnits',
    'extLst',
  ],
  scaling: ['logBase', 'orientation', 'max', 'min', 'extLst'],
  legend: ['legendPos', 'legendEntry', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  title: ['tx', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  strRef: ['f', 'strCache', 'extLst'],
  numRef: ['f', 'numCache', 'extLst'],
  numCache: ['formatCode', 'ptCount', 'pt', 'extLst'],
  strCache: ['ptCount', 'pt', 'extLst'],
};

interface Node {
  name: string;
  children: Node[];
}

/** The c:* element tree of a chart part (other namespaces' elements are leaves of their c: parent). */
export function chartTree(xml: string): Node {
  const root: Node = { name: '#root', children: [] };
  const stack: Node[] = [root];
  for (const m of xml.matchAll(/<(\/?)([\w]+):([\w]+)\b[^>]*?(\/?)>/g)) {
    const [, close, prefix, local, selfClose] = m;
    if (prefix !== 'c' && prefix !== 'mc') continue;
    if (close) {
      stack.pop();
      continue;
    }
    const node: Node = { name: local!, children: [] };
    stack[stack.length - 1]!.children.push(node);
    if (!selfClose) stack.push(node);
  }
  return root;
}

/** Every place a chart part's children break the schema's order: 'c:ser: dLbls before marker'. */
export function orderProblems(xml: string): string[] {
  const problems: string[] = [];
  const visit = (n: Node) => {
    const order = CHILD_ORDER[n.name];
    if (order) {
      let last = -1;
      let lastName = '';
      for (const c of n.children) {
        const at = order.findIndex((o) => o.split('|').includes(c.name));
        if (at < 0) problems.push(`c:${n.name}: unexpected child c:${c.name}`);
        else if (at < last) problems.push(`c:${n.name}: c:${c.name} after c:${lastName}`);
        else [last, lastName] = [at, c.name];
      }
    }
    n.children.forEach(visit);
  };
  visit(chartTree(xml));
  return problems;
}
