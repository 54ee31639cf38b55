// What the dataset store tells the user, in Chinese and English.
import type { Bilingual } from '../i18n/bilingual';

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

export const msg = {
  memoryOnly(cause: 'missing' | 'security' | 'version' | 'other'): Bilingual {
    const why: Record<typeof cause, Bilingual> = {
      missing: {
        zh: '此浏览器不支持本地存储（IndexedDB）',
        en: 'this browser offers no local storage (IndexedDB)',
      },
      security: {
        zh: '浏览器禁止此页面使用本地存储（可能是无痕模式或嵌入在受限的框架中）',
        en: 'the browser does not allow this page to store data (private mode, or a restricted embedded frame)',
      },
      version: {
        zh: '本地存储已被更新版本的页面使用，请刷新页面',
        en: 'local storage is used by a newer version of this page; reload the page',
      },
      other: { zh: '本地存储无法打开', en: 'local storage could not be opened' },
    };
    return {
      zh: `${why[cause].zh}。上传的数据仅在本次访问中可用，刷新或关闭页面后不会保留。`,
      en: `${why[cause].en}. Uploaded data works for this visit only and will not be kept after a reload.`,
    };
  },
  quarantined(name: string | null, problem: Bilingual, moved: boolean): Bilingual {
    const zhName = name ? `“${name}”` : '';
    const enName = name ? ` "${name}"` : '';
    return moved
      ? {
          zh: `已保存的数据集${zhName}已损坏，已移至隔离区（未删除），其余数据正常加载。原因：${problem.zh}`,
          en: `The saved dataset${enName} is damaged and was set aside (not deleted); the rest loaded normally. Reason: ${problem.en}`,
        }
      : {
          zh: `已保存的数据集${zhName}已损坏，本次访问中不显示（仍保留在存储中）。原因：${problem.zh}`,
          en: `The saved dataset${enName} is damaged and is hidden for this visit (still kept in storage). Reason: ${problem.en}`,
        };
  },
  migrated(n: number): Bilingual {
    return {
      zh: `已将 ${n} 个旧版本保存的数据集升级为新格式。`,
      en: `${n} dataset(s) saved by an older version were upgraded to the current format.`,
    };
  },
  blocked: {
    zh: '另一个标签页正在使用旧版本的本页面，本地存储暂时无法升级。关闭那个标签页后即可保存；在此之前上传的数据仅在本次访问中可用。',
    en: 'Another tab is running an older version of this page, so storage cannot be upgraded yet. Close that tab to resume saving; until then uploads work for this visit only.',
  } satisfies Bilingual,
  unblocked(flushed: number, failed: number): Bilingual {
    return {
      zh:
        `本地存储已可用。` +
        (flushed ? `本次访问中上传的 ${flushed} 个数据集已保存。` : '') +
        (failed ? `${failed} 个数据集仍未能保存。` : ''),
      en:
        'Storage is available again.' +
        (flushed ? ` ${flushed} dataset(s) uploaded during this visit were saved.` : '') +
        (failed ? ` ${failed} dataset(s) still could not be saved.` : ''),
    };
  },
  versionChange: {
    zh: '另一个标签页更新了本页面的存储。请刷新页面以继续保存；在此之前的更改仅在本次访问中有效。',
    en: 'Another tab updated this page’s storage. Reload to continue saving; until then changes last for this visit only.',
  } satisfies Bilingual,
  terminated: {
    zh: '浏览器关闭了本地存储（可能清除了网站数据）。刷新页面以继续保存。',
    en: 'The browser closed local storage (site data may have been cleared). Reload to continue saving.',
  } satisfies Bilingual,
  readFailed: {
    zh: '读取已保存的数据集失败，仅显示本次访问中的数据。',
    en: 'Saved datasets could not be read; showing only this visit’s data.',
  } satisfies Bilingual,
  writeFailed(what: 'rename' | 'remove'): Bilingual {
    return what === 'rename'
      ? {
          zh: '重命名未能写入本地存储，刷新后将恢复原名。',
          en: 'The new name could not be saved; the old name returns after a reload.',
        }
      : {
          zh: '删除未能写入本地存储，刷新后该数据集可能重新出现。',
          en: 'The removal could not be saved; the dataset may come back after a reload.',
        };
  },
  saveQuota: {
    zh: '浏览器存储空间已满，此数据集未保存：本次访问中仍可使用，刷新后将消失。之前保存的数据不受影响。可删除旧数据集或导出备份后再试。',
    en: 'Browser storage is full, so this dataset was not saved: it works for this visit but will be gone after a reload. Earlier saved data is intact. Remove old datasets or export a backup, then try again.',
  } satisfies Bilingual,
  saveUnavailable: {
    zh: '本地存储不可用，此数据集未保存：本次访问中仍可使用，刷新后将消失。',
    en: 'Storage is unavailable, so this dataset was not saved: it works for this visit but will be gone after a reload.',
  } satisfies Bilingual,
  saveError(name: string): Bilingual {
    return {
      zh: `保存失败（${name}），此数据集仅在本次访问中可用。之前保存的数据不受影响。`,
      en: `Saving failed (${name}); this dataset works for this visit only. Earlier saved data is intact.`,
    };
  },
  saveInvalid(problem: Bilingual): Bilingual {
    return {
      zh: `数据集内容无效，未保存：${problem.zh}`,
      en: `The dataset is not valid and was not saved: ${problem.en}`,
    };
  },
  backupNotJson: {
    zh: '备份文件不是有效的 JSON。',
    en: 'The backup file is not valid JSON.',
  } satisfies Bilingual,
  backupWrongFormat: {
    zh: '这不是本看板导出的备份文件。',
    en: 'This is not a backup file exported by this dashboard.',
  } satisfies Bilingual,
  backupTooNew(v: number): Bilingual {
    return {
      zh: `备份文件版本（${v}）比本页面支持的更新，请使用最新版本的页面。`,
      en: `The backup's version (${v}) is newer than this page supports; use the latest version of the page.`,
    };
  },
  backupDataset(i: number, problem: Bilingual): Bilingual {
    return {
      zh: `备份中第 ${i + 1} 个数据集无效，已跳过：${problem.zh}`,
      en: `Dataset ${i + 1} in the backup is not valid and was skipped: ${problem.en}`,
    };
  },
  backupDuplicate(i: number, id: string): Bilingual {
    return {
      zh: `备份中第 ${i + 1} 个数据集与前面的编号重复（${id}），已跳过。`,
      en: `Dataset ${i + 1} in the backup repeats an earlier id (${id}) and was skipped.`,
    };
  },
  backupNotSaved(i: number, m: Bilingual): Bilingual {
    return { zh: `备份中第 ${i + 1} 个数据集：${m.zh}`, en: `Dataset ${i + 1} in the backup: ${m.en}` };
  },
};
