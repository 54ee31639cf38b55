// What the dataset store tells the user, in Chinese and English.
import { catalogue, type Twin } from '../i18n/catalogue';

/** errorName(new DOMException('x', 'SecurityError')) -> 'SecurityError' */
export function errorName(e: unknown): string {
  try {
    if (typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string') return e.name;
  } catch {
    /* a hostile getter: fall through */
  }
  return 'Error';
}

/** isQuotaError(new DOMException('full', 'QuotaExceededError')) -> true */
export function isQuotaError(e: unknown): boolean {
  const name = errorName(e);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  try {
    return typeof e === 'object' && e !== null && 'code' in e && e.code === 22;
  } catch {
    return false;
  }
}

type Cause = 'missing' | 'security' | 'version' | 'other';
const visitOnly = {
  zh: '上传的数据仅在本次访问中可用，刷新或关闭页面后不会保留。',
  en: 'Uploaded data works for this visit only and will not be kept after a reload.',
};

const zh = {
  memoryOnly: (p: { cause: Cause }) =>
    ({
      missing: '此浏览器不支持本地存储（IndexedDB）',
      security: '浏览器禁止此页面使用本地存储（可能是无痕模式或嵌入在受限的框架中）',
      version: '本地存储已被更新版本的页面使用，请刷新页面',
      other: '本地存储无法打开',
    })[p.cause] + `。${visitOnly.zh}`,
  quarantined: (p: { name: string | null; problem: string; moved: boolean }) =>
    `已保存的数据集${p.name ? `“${p.name}”` : ''}已损坏，` +
    (p.moved ? '已移至隔离区（未删除），其余数据正常加载。' : '本次访问中不显示（仍保留在存储中）。') +
    `原因：${p.problem}`,
  recordKeyMismatch: '记录编号与键不一致',
  migrated: (p: { n: number }) => `已将 ${p.n} 个旧版本保存的数据集升级为新格式。`,
  blocked:
    '另一个标签页正在使用旧版本的本页面，本地存储暂时无法升级。关闭那个标签页后即可保存；在此之前上传的数据仅在本次访问中可用。',
  unblocked: (p: { flushed: number; failed: number }) =>
    `本地存储已可用。` +
    (p.flushed ? `本次访问中上传的 ${p.flushed} 个数据集已保存。` : '') +
    (p.failed ? `${p.failed} 个数据集仍未能保存。` : ''),
  versionChange: '另一个标签页更新了本页面的存储。请刷新页面以继续保存；在此之前的更改仅在本次访问中有效。',
  terminated: '浏览器关闭了本地存储（可能清除了网站数据）。刷新页面以继续保存。',
  readFailed: '读取已保存的数据集失败，仅显示本次访问中的数据。',
  renameFailed: '重命名未能写入本地存储，刷新后将恢复原名。',
  choiceFailed: '所选的值未能写入本地存储，刷新后图表将恢复原先的选择。',
  removeFailed: '删除未能写入本地存储，刷新后该数据集可能重新出现。',
  saveQuota:
    '浏览器存储空间已满，此数据集未保存：本次访问中仍可使用，刷新后将消失。之前保存的数据不受影响。可删除旧数据集或导出备份后再试。',
  saveUnavailable: '本地存储不可用，此数据集未保存：本次访问中仍可使用，刷新后将消失。',
  saveError: (p: { name: string }) =>
    `保存失败（${p.name}），此数据集仅在本次访问中可用。之前保存的数据不受影响。`,
  saveInvalid: (p: { problem: string }) => `数据集内容无效，未保存：${p.problem}`,
  backupNotJson: '备份文件不是有效的 JSON。',
  backupWrongFormat: '这不是本看板导出的备份文件。',
  backupTooNew: (p: { v: number }) => `备份文件版本（${p.v}）比本页面支持的更新，请使用最新版本的页面。`,
  backupDataset: (p: { i: number; problem: string }) =>
    `备份中第 ${p.i + 1} 个数据集无效，已跳过：${p.problem}`,
  backupDuplicate: (p: { i: number; id: string }) =>
    `备份中第 ${p.i + 1} 个数据集与前面的编号重复（${p.id}），已跳过。`,
  backupNotSaved: (p: { i: number; message: string }) => `备份中第 ${p.i + 1} 个数据集：${p.message}`,
};

const en: Twin<typeof zh> = {
  memoryOnly: (p) =>
    ({
      missing: 'this browser offers no local storage (IndexedDB)',
      security:
        'the browser does not allow this page to store data (private mode, or a restricted embedded frame)',
      version: 'local storage is used by a newer version of this page; reload the page',
      other: 'local storage could not be opened',
    })[p.cause] + `. ${visitOnly.en}`,
  quarantined: (p) =>
    `The saved dataset${p.name ? ` "${p.name}"` : ''} is damaged and ` +
    (p.moved
      ? 'was set aside (not deleted); the rest loaded normally.'
      : 'is hidden for this visit (still kept in storage).') +
    ` Reason: ${p.problem}`,
  recordKeyMismatch: 'record id does not match its key',
  migrated: (p) => `${p.n} dataset(s) saved by an older version were upgraded to the current format.`,
  blocked:
    'Another tab is running an older version of this page, so storage cannot be upgraded yet. Close that tab to resume saving; until then uploads work for this visit only.',
  unblocked: (p) =>
    'Storage is available again.' +
    (p.flushed ? ` ${p.flushed} dataset(s) uploaded during this visit were saved.` : '') +
    (p.failed ? ` ${p.failed} dataset(s) still could not be saved.` : ''),
  versionChange:
    'Another tab updated this page’s storage. Reload to continue saving; until then changes last for this visit only.',
  terminated:
    'The browser closed local storage (site data may have been cleared). Reload to continue saving.',
  readFailed: 'Saved datasets could not be read; showing only this visit’s data.',
  renameFailed: 'The new name could not be saved; the old name returns after a reload.',
  choiceFailed:
    'The value chosen could not be saved; after a reload the charts go back to the earlier choice.',
  removeFailed: 'The removal could not be saved; the dataset may come back after a reload.',
  saveQuota:
    'Browser storage is full, so this dataset was not saved: it works for this visit but will be gone after a reload. Earlier saved data is intact. Remove old datasets or export a backup, then try again.',
  saveUnavailable:
    'Storage is unavailable, so this dataset was not saved: it works for this visit but will be gone after a reload.',
  saveError: (p) =>
    `Saving failed (${p.name}); this dataset works for this visit only. Earlier saved data is intact.`,
  saveInvalid: (p) => `The dataset is not valid and was not saved: ${p.problem}`,
  backupNotJson: 'The backup file is not valid JSON.',
  backupWrongFormat: 'This is not a backup file exported by this dashboard.',
  backupTooNew: (p) =>
    `The backup's version (${p.v}) is newer than this page supports; use the latest version of the page.`,
  backupDataset: (p) => `Dataset ${p.i + 1} in the backup is not valid and was skipped: ${p.problem}`,
  backupDuplicate: (p) => `Dataset ${p.i + 1} in the backup repeats an earlier id (${p.id}) and was skipped.`,
  backupNotSaved: (p) => `Dataset ${p.i + 1} in the backup: ${p.message}`,
};

/** What the dataset store tells the user: msg.both('saveQuota'), msg.both('saveInvalid', { problem }). */
export const msg = catalogue(zh, en);
