/** A message in both UI languages (natural Chinese first): what lib code that cannot know the reader's language returns. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The reader's language: one of a Bilingual's two sides. */
export type Lang = keyof Bilingual;

/** otherLang('zh') -> 'en': the language the language switch offers. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}
