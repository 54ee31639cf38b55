// Messages of what loads on demand and stays out of the first-load bundle: the share dialog, the slide decks, the
// presentation and source views. Typed like the UI catalogue (catalogue.ts).
import { catalogue, type Twin } from './catalogue';

const zh = {
  backToDashboard: '返回看板',
  figuresTaken: '摘录的数字',
  rowsFromQuote: '由此句得到的数据行',
  permalink: '永久链接',
  iframeSnippet: 'iframe 嵌入代码',
  copy: '复制',
  previousChart: '上一张图表',
  nextChart: '下一张图表',
  fullScreen: '全屏',
  carryData: '把上传的数据放进链接（他人打开时也能看到）',
  dataTooLargeForLink: '上传的数据太大，无法放进链接：在其他电脑上打开时会提示数据不可用。',
  deckTitle: '科技指标看板',
  deckFileName: '科技指标看板.pptx',
  workbookFileName: '科技指标看板-数据.xlsx',
  /** The slides' typeface: one every Office installation in this language has. */
  slideFont: 'Microsoft YaHei',
  /** After a table slide's group title that goes on from the previous slide. */
  slideContinued: '（续）',
  /** After a slide's title when its table takes several slides. */
  slidePage: (p: { page: number; pages: number }) => `（${p.page}/${p.pages}）`,
  /** A native chart's series of one kind: '芜湖（下限）'. */
  seriesOf: (p: { name: string; words: string }) =>
    p.name.endsWith('）') ? `${p.name.slice(0, -1)}，${p.words}）` : `${p.name}（${p.words}）`,
  seriesBound: '下限',
  /** The connector of a city's line through figures of several kinds (no legend entry, a column of the data). */
  seriesLine: '连线',
  seriesTarget: '目标',
  seriesHalf: '上半年',
  /** A value axis in 万: '万家'. */
  tenThousand: (p: { unit: string }) => `万${p.unit}`,
  takeawayLatest: (p: { list: string }) => `最新：${p.list}`,
  takeawayRefs: (p: { refs: string }) => `；参照 ${p.refs}`,
  takeawayTargets: (p: { n: number; parts: string }) => `共 ${p.n} 项目标：${p.parts}`,
  andMore: (p: { more: number }) => `等，另有 ${p.more} 地`,
  notesFrom: (p: { report: string }) => `出处：${p.report}。`,
  notesMore: (p: { more: number }) => `另有 ${p.more} 个数字，见导出的数据表（.xlsx）。`,
  notesReports: '所据报告：',
  sourcesTitle: '数据来源',
  sourcesNote: '每个数字均摘自下列报告的原文；原句见各页备注与数据表的“来源”工作表。',
  deckCities: (p: { cities: string }) => `比较城市：${p.cities}`,
  deckMade: (p: { date: string }) => `制作日期：${p.date}`,
  deckFigures: (p: { charts: number; reports: number }) => `${p.charts} 张图表，数据摘自 ${p.reports} 份报告`,
};

const en: Twin<typeof zh> = {
  backToDashboard: 'Back to dashboard',
  figuresTaken: 'Figures taken',
  rowsFromQuote: 'Rows from this passage',
  permalink: 'Permalink',
  iframeSnippet: 'iframe snippet',
  copy: 'Copy',
  previousChart: 'Previous chart',
  nextChart: 'Next chart',
  fullScreen: 'Full screen',
  carryData: 'Put the uploaded data into the link (visible to whoever opens it)',
  dataTooLargeForLink:
    'The uploaded data is too large to travel in a link: on another computer the view will say it is not available.',
  deckTitle: 'City S&T indicators',
  deckFileName: 'city-st-indicators.pptx',
  workbookFileName: 'city-st-indicators-data.xlsx',
  slideFont: 'Calibri',
  slideContinued: ' (continued)',
  slidePage: (p) => ` (${p.page}/${p.pages})`,
  seriesOf: (p) => (p.name.endsWith(')') ? `${p.name.slice(0, -1)}, ${p.words})` : `${p.name} (${p.words})`),
  seriesBound: 'lower bound',
  seriesLine: 'line',
  seriesTarget: 'target',
  seriesHalf: 'H1',
  tenThousand: (p) => `${p.unit} (10,000s)`,
  takeawayLatest: (p) => `Latest: ${p.list}`,
  takeawayRefs: (p) => `; reference ${p.refs}`,
  takeawayTargets: (p) => `${p.n} targets: ${p.parts}`,
  andMore: (p) => ` and ${p.more} more`,
  notesFrom: (p) => `From: ${p.report}.`,
  notesMore: (p) => `${p.more} more figures: see the exported workbook (.xlsx).`,
  notesReports: 'Reports:',
  sourcesTitle: 'Sources',
  sourcesNote:
    "Every figure is taken from the text of the reports below; each slide's notes and the workbook's Sources sheet quote the sentences.",
  deckCities: (p) => `Cities compared: ${p.cities}`,
  deckMade: (p) => `Made on ${p.date}`,
  deckFigures: (p) => `${p.charts} charts, figures from ${p.reports} reports`,
};

/**
 * t('en', 'deckFileName') -> 'city-st-indicators.pptx'
 * both('deckTitle') -> { zh: '科技指标看板', en: 'City S&T indicators' }
 */
export const { t, both } = catalogue(zh, en);
