// The message an embed posts to its parent page with its height (the snippet's script listens for it). Apart from
// the snippet's code, which only the share dialog needs: the embed view loads with the page.
export const EMBED_MESSAGE = 'cst-embed-height';
