/** A message in both UI languages (natural Chinese first): what lib code that cannot know the reader's language returns. */
export interface Bilingual {
  zh: string;
  en: string;
}
