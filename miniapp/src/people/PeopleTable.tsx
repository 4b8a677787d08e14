/** The directory's rows: a sortable table on PC, cards on a phone (the shared DataTable). */
import type { PeopleSort, PersonSummary, UserRef } from '@liucai/shared';
import { DataTable, type Column } from '../components/DataTable';
import { UserAvatar } from '../components/UserAvatar';
import { formatDate } from '../util/format';

export interface PeopleTableProps {
  people: readonly PersonSummary[];
  sort: PeopleSort;
  onSort(sort: PeopleSort): void;
  onOpen(person: PersonSummary): void;
  /** Show this supervisor's direct reports. */
  onSupervisor(supervisor: UserRef): void;
  empty: string;
}

const dash = (v: string | null | undefined) => v || '—';

export function PeopleTable({ people, sort, onSort, onOpen, onSupervisor, empty }: PeopleTableProps) {
  const columns: Column<PersonSummary>[] = [
    {
      key: 'name',
      title: '姓名',
      sortKey: 'name',
      primary: true,
      minWidth: '9em',
      render: (p) => (
        <span className="person-cell">
          <UserAvatar name={p.name} src={p.avatar} seed={p.userid} size={32} />
          <span className="person-cell-text">
            <span className="person-cell-name">{p.name}</span>
            {p.status === 'left' && <span className="muted small">已离职 {p.leftOn ?? ''}</span>}
          </span>
        </span>
      ),
    },
    { key: 'jobNumber', title: '工号', sortKey: 'jobNumber', render: (p) => dash(p.jobNumber) },
    { key: 'title', title: '职位', sortKey: 'title', subtitle: true, render: (p) => dash(p.title) },
    { key: 'department', title: '部门', minWidth: '12em', subtitle: true, render: (p) => <span className="dept-path">{p.department?.path ?? '—'}</span> },
    {
      key: 'supervisor',
      title: '直属主管',
      render: (p) =>
        p.supervisor ? (
          <button
            type="button"
            className="inline-link"
            title={`查看 ${p.supervisor.name} 的直属下属`}
            onClick={(e) => {
              e.stopPropagation();
              onSupervisor(p.supervisor!);
            }}
          >
            {p.supervisor.name}
          </button>
        ) : (
          '—'
        ),
    },
    { key: 'hiredOn', title: '入职日期', sortKey: 'hiredOn', render: (p) => (p.hiredOn ? formatDate(p.hiredOn) : '—') },
  ];
  const desc = sort.startsWith('-');
  return (
    <DataTable
      columns={columns}
      rows={people}
      rowKey={(p) => p.userid}
      sort={{ key: sort.replace(/^-/, ''), desc }}
      onSort={(s) => onSort((s.desc ? `-${s.key}` : s.key) as PeopleSort)}
      onRowClick={onOpen}
      empty={empty}
      testId="people-list"
      rowTestId={(p) => `person-row-${p.userid}`}
    />
  );
}
