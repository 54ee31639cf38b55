// What the upload state and share links tell the user, in Chinese and English (loaded with the upload code, not
// in the first-load bundle).
import { catalogue, type Twin } from '../i18n/catalogue';

const zh = {
  linkUnreadable: (p: { reason: string }) =>
    `链接中的数据无法读取（可能已损坏或被改动），未加载。${p.reason ? `原因：${p.reason}` : ''}`,
  linkTooLarge: '链接中的数据过大，未加载。',
  linkDataShown: (p: { name: string }) => `链接中附带的数据“${p.name}”仅在本次浏览中显示`,
  manyNewCities: (p: { n: number; shown: number }) =>
    `文件中有 ${p.n} 个新城市：图表先显示前 ${p.shown} 个，其余可在“选择城市”中勾选`,
  restored: (p: { n: number }) => `已恢复 ${p.n} 个数据集`,
};

const en: Twin<typeof zh> = {
  linkUnreadable: (p) =>
    `The data in this link could not be read (it may be damaged or altered) and was not loaded.${p.reason ? ` Reason: ${p.reason}` : ''}`,
  linkTooLarge: 'The data in this link is too large and was not loaded.',
  linkDataShown: (p) => `Data carried in the link ("${p.name}") is shown for this visit only`,
  manyNewCities: (p) =>
    `The file has ${p.n} new cities: the charts show the first ${p.shown}; choose others in the city picker`,
  restored: (p) => `Restored ${p.n} dataset(s)`,
};

export const uploadMessages = catalogue(zh, en);
