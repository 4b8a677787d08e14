/**
 * 团队绩效 (supervisors, HR, admins): a supervisor's direct reports with their KPI for last month or this one (no pay),
 * each opening the person's detail, and the rating form for the judgement indicators (1–5, a comment for 1 and 5,
 * within the month's window). HR and admins also see the promotion eligibilities of their departments and record
 * their decision, and the department's scores a page at a time (共 N 人, 达标 M 人; the server pages them). Everything
 * is read and checked by the server (404 outside scope).
 */
import { useCallback, useEffect, useState } from 'react';
import type { KpiPeopleList, KpiPeoplePage, KpiPersonRow, KpiPersonView, KpiPromotionView, KpiRatableIndicator } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Skeleton from 'antd-mobile/es/components/skeleton';
import TextArea from 'antd-mobile/es/components/text-area';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { decidePromotion, getDepartmentKpi, getPersonKpi, getPromotions, getTeamKpi, rateKpi } from '../api/kpiEndpoints';
import { PageLayout } from '../components/PageLayout';
import { RetryCard } from '../components/LoadStates';
import { Pager } from '../components/Pager';
import { useLoaded } from '../components/useLoaded';
import { useHashRoute } from '../router/hashRoute';
import { useWideScreen } from '../components/useWideScreen';
import { useSession } from '../session/SessionContext';
import { KpiPersonCard } from '../kpi/KpiPersonCard';
import '../kpi/kpi.css';

const pad = (n: number) => String(n).padStart(2, '0');
const thisMonth = () => {
  const d = new Date(Date.now() + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};
const monthBefore = (p: string) => {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
};

function RatingForm({ person, indicator, period, onSaved }: { person: KpiPersonRow; indicator: KpiRatableIndicator; period: string; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [rating, setRating] = useState<number | null>(indicator.rating);
  const [comment, setComment] = useState(indicator.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (rating === null) return setError('请先选择 1 到 5 分');
    setSaving(true);
    setError(null);
    try {
      await rateKpi({ userid: person.userid, period, indicatorId: indicator.id, rating, comment: comment.trim() || null });
      Toast.show({ content: '评分已保存，得分将重新计算' });
      setOpen(false);
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  const summary = (
    <div className="small kpi-rate-summary">
      <span>
        {indicator.label}：{indicator.rating === null ? <span className="muted">未评分</span> : `已评 ${indicator.rating} 分`}
      </span>
      {!open && (
        <Button size="mini" color="primary" fill="outline" onClick={() => setOpen(true)}>
          {indicator.rating === null ? '评分' : '修改评分'}
        </Button>
      )}
    </div>
  );
  if (!open) return <div data-testid={`kpi-rate-${person.userid}-${indicator.id}`}>{summary}</div>;
  return (
    <div className="kpi-rate" data-testid={`kpi-rate-${person.userid}-${indicator.id}`}>
      {summary}
      <div className="kpi-rate-stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" className={`kpi-rate-star${rating === n ? ' on' : ''}`} onClick={() => setRating(n)} aria-pressed={rating === n}>
            {n} 分
          </button>
        ))}
      </div>
      <TextArea value={comment} onChange={setComment} placeholder="评语（1 分和 5 分必填，说明依据）" rows={2} maxLength={500} />
      {error && <div className="inline-error small">{error}</div>}
      <Button size="small" color="primary" loading={saving} onClick={() => void save()}>
        保存评分
      </Button>
    </div>
  );
}

function PersonDetail({ userid, period }: { userid: string; period: string }) {
  const [detail, setDetail] = useState<KpiPersonView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [month, setMonth] = useState(period);
  useEffect(() => setMonth(period), [period]);
  useEffect(() => {
    getPersonKpi(userid, month).then(setDetail, (err: unknown) => setError(errorMessage(err)));
  }, [userid, month]);
  if (error) return <div className="inline-error small">{error}</div>;
  if (!detail) return <Skeleton.Paragraph lineCount={4} animated />;
  return (
    <div className="kpi-detail" data-testid="kpi-detail">
      <div className="kpi-card-title">{detail.name}</div>
      <KpiPersonCard person={detail} onPickMonth={setMonth} />
    </div>
  );
}

function PersonRow(props: {
  person: KpiPersonRow;
  period: string;
  rate: boolean;
  selected: boolean;
  inline: boolean;
  onSelect: () => void;
  onSaved: () => void;
}) {
  const { person, period, rate, selected, inline, onSelect, onSaved } = props;
  return (
    <li data-testid={`kpi-person-${person.userid}`} className={`kpi-person${selected ? ' selected' : ''}`}>
      <div className="kpi-row">
        <div>
          <div>{person.name}</div>
          <div className="muted small">
            {[person.title, person.streak > 0 ? `连续达标 ${person.streak} 个月` : null, person.eligible ? '可晋升' : null].filter(Boolean).join(' · ')}
          </div>
        </div>
        <div className="kpi-row-right">
          <div className="kpi-row-score">{person.total ?? '—'}</div>
          {person.met !== null && <span className={`kpi-badge${person.met ? ' met' : ''}`}>{person.met ? '达标' : '未达标'}</span>}
        </div>
      </div>
      {rate && person.ratable.map((i) => <RatingForm key={i.id} person={person} indicator={i} period={period} onSaved={onSaved} />)}
      <Button size="mini" fill="none" color="primary" onClick={onSelect}>
        {selected ? '收起明细' : '查看明细'}
      </Button>
      {selected && inline && <PersonDetail userid={person.userid} period={period} />}
    </li>
  );
}

function PromotionCard({ p, onDone }: { p: KpiPromotionView; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async (decision: 'promote' | 'notYet') => {
    try {
      await decidePromotion(p.id, { decision, note: note.trim() || null });
      Toast.show({ content: '决定已记录' });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <li className="kpi-row" data-testid={`kpi-promotion-${p.userid}`} style={{ display: 'block' }}>
      <div>
        {p.name}：{p.evidence.map((e) => `${e.period} ${e.total} 分`).join('、')}
      </div>
      {p.decision ? (
        <div className="muted small">
          已决定：{p.decision === 'promote' ? '晋升为大客户主管' : '暂不晋升'}
          {p.decisionNote ? `（${p.decisionNote}）` : ''}
        </div>
      ) : (
        <>
          <TextArea value={note} onChange={setNote} placeholder="说明（可选）" rows={1} maxLength={500} />
          {error && <div className="inline-error small">{error}</div>}
          <div className="kpi-months">
            <Button size="small" color="primary" onClick={() => void decide('promote')}>
              晋升
            </Button>
            <Button size="small" onClick={() => void decide('notYet')}>
              暂不晋升
            </Button>
          </div>
        </>
      )}
    </li>
  );
}

const DEPT_PAGE_SIZE = 20;

/** HR's departments' scores for the month, a page at a time from the server (a new month starts at page 1: keyed by it). */
function DepartmentKpi(props: { period: string; selected: string | null; inline: boolean; onSelect: (userid: string) => void }) {
  const { period, selected, inline, onSelect } = props;
  const [page, setPage] = useState(1);
  const { state, reload } = useLoaded<KpiPeoplePage>(() => getDepartmentKpi(period, page, DEPT_PAGE_SIZE), [period, page]);
  if (state.status === 'loading') return <Skeleton.Paragraph lineCount={3} animated />;
  if (state.status === 'error') return <RetryCard what="负责部门的绩效" message={state.message} onRetry={() => void reload()} />;
  const dept = state.data;
  return (
    <div data-testid="kpi-dept">
      <div className="kpi-card-title">负责部门的绩效（{dept.period}）</div>
      {dept.total === 0 ? (
        <div className="empty-text">这个月还没有得分</div>
      ) : (
        <>
          <div className="muted small" data-testid="kpi-dept-summary">
            达标 {dept.metCount} 人，未达标 {dept.total - dept.metCount} 人
          </div>
          <ul className="kpi-list">
            {dept.people.map((p) => (
              <PersonRow
                key={p.userid}
                person={p}
                period={period}
                rate={false}
                selected={selected === p.userid}
                inline={inline}
                onSelect={() => onSelect(p.userid)}
                onSaved={() => void reload()}
              />
            ))}
          </ul>
          <Pager total={dept.total} page={dept.page} pageSize={dept.pageSize} unit="人" onPage={setPage} testId="kpi-dept-pager" />
        </>
      )}
    </div>
  );
}

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; team: KpiPeopleList; promotions: KpiPromotionView[] };

export default function TeamKpiPage() {
  const { me } = useSession();
  const { query } = useHashRoute();
  const isHr = me.roles.includes('hr') || me.roles.includes('admin');
  const current = thisMonth();
  const [period, setPeriod] = useState(query.get('period') ?? monthBefore(current));
  const [state, setState] = useState<State>({ status: 'loading' });
  const [selected, setSelected] = useState<string | null>(query.get('userid'));
  const wide = useWideScreen();
  const toggle = (userid: string) => setSelected((cur) => (cur === userid ? null : userid));
  const load = useCallback(async () => {
    try {
      const [team, promotions] = await Promise.all([getTeamKpi(period), isHr ? getPromotions() : []]);
      setState({ status: 'ready', team, promotions });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, [period, isHr]);
  useEffect(() => {
    setState({ status: 'loading' });
    void load();
  }, [load]);

  return (
    <PageLayout title="团队绩效" testId="team-kpi-page" width="wide">
      <div className="kpi-months kpi-months-top">
        {[monthBefore(current), current].map((p) => (
          <Button key={p} size="small" color={p === period ? 'primary' : 'default'} onClick={() => setPeriod(p)}>
            {p === current ? `本月（${p}）` : `上月（${p}）`}
          </Button>
        ))}
      </div>
      {state.status === 'loading' && (
        <section className="card">
          <Skeleton.Paragraph lineCount={5} animated />
        </section>
      )}
      {state.status === 'error' && <RetryCard what="团队绩效" message={state.message} onRetry={() => void load()} />}
      {state.status === 'ready' && (
        <div className="kpi-team-grid">
          <section className="card" data-testid="kpi-team">
            <div className="kpi-card-title">我的直属下属</div>
            <div className="muted small">
              主管评分时间：{state.team.ratingWindow.opens} 至 {state.team.ratingWindow.closes}
            </div>
            {state.team.people.length === 0 ? (
              <div className="empty-text">没有直属下属</div>
            ) : (
              <ul className="kpi-list">
                {state.team.people.map((p) => (
                  <PersonRow
                    key={p.userid}
                    person={p}
                    period={period}
                    rate={p.ratable.length > 0}
                    selected={selected === p.userid}
                    inline={!wide}
                    onSelect={() => toggle(p.userid)}
                    onSaved={() => void load()}
                  />
                ))}
              </ul>
            )}
          </section>
          {wide && (
            <section className="card kpi-side" data-testid="kpi-side">
              {selected ? <PersonDetail userid={selected} period={period} /> : <div className="empty-text">选择左侧的人查看绩效明细</div>}
            </section>
          )}
          {isHr && (
            <section className="card" data-testid="kpi-promotions">
              <div className="kpi-card-title">晋升资格（连续达标）</div>
              {state.promotions.length === 0 ? (
                <div className="empty-text">暂无</div>
              ) : (
                <ul className="kpi-list">
                  {state.promotions.map((p) => (
                    <PromotionCard key={p.id} p={p} onDone={() => void load()} />
                  ))}
                </ul>
              )}
              <DepartmentKpi key={period} period={period} selected={selected} inline={!wide} onSelect={toggle} />
            </section>
          )}
        </div>
      )}
    </PageLayout>
  );
}
