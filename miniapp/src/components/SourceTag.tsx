/** Where a record came from (钉钉 / 导入), with when Liucai took it in on hover. */
import { RECORD_SOURCE_LABELS, type RecordSource } from '@liucai/shared';
import { formatDateTime } from '../util/format';

export function SourceTag({ source, importedAt }: { source: RecordSource; importedAt?: string }) {
  const label = RECORD_SOURCE_LABELS[source];
  const when = importedAt ? `${source === 'import' ? '导入于' : '同步于'} ${formatDateTime(importedAt)}` : undefined;
  return (
    <span className={`source-tag source-${source}`} title={when}>
      {label}
    </span>
  );
}
