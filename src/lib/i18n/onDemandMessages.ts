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
  /** The slides' typeface: one every Office installation in this language has. */
  slideFont: 'Microsoft YaHei',
  /** After a table slide's group title that goes on from the previous slide. */
  slideContinued: '（续）',
  /** After a slide's title when its table takes several slides. */
  slidePage: (p: { page: number; pages: number }) => `（${p.page}/${p.pages}）`,
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
  slideFont: 'Calibri',
  slideContinued: ' (continued)',
  slidePage: (p) => ` (${p.page}/${p.pages})`,
};

/**
 * t('en', 'deckFileName') -> 'city-st-indicators.pptx'
 * both('deckTitle') -> { zh: '科技指标看板', en: 'City S&T indicators' }
 */
export const { t, both } = catalogue(zh, en);
