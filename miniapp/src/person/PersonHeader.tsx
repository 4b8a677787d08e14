/** The top of a person's page: who they are, where they sit (department paths), whom they report to and who reports to them. */
import { Fragment } from 'react';
import type { PersonLink, PersonProfile } from '@liucai/shared';
import Tag from 'antd-mobile/es/components/tag';
import { UserAvatar } from '../components/UserAvatar';
import { hrefFor } from '../router/hashRoute';
import { formatDate, tenure } from '../util/format';

/** A person's name: a link to their page when the viewer may open it. */
function PersonName({ p, testId }: { p: PersonLink; testId?: string }) {
  const text = (
    <>
      {p.name}
      {p.title && <span className="muted small"> {p.title}</span>}
      {p.status === 'left' && <span className="muted small">（已离职）</span>}
    </>
  );
  return p.canOpen ? (
    <a className="link" href={hrefFor('/person', { u: p.userid })} data-testid={testId}>
      {text}
    </a>
  ) : (
    <span data-testid={testId}>{text}</span>
  );
}

export function PersonHeader({ person, canBrowsePeople }: { person: PersonProfile; canBrowsePeople: boolean }) {
  const served = person.status === 'active' ? tenure(person.hiredOn) : null;
  const chain = [...person.supervisorChain].reverse();
  return (
    <>
      <section className="card person-head" data-testid="person-head">
        <UserAvatar name={person.name} src={person.avatar} seed={person.userid} size={64} />
        <div className="person-head-main">
          <div className="profile-name" data-testid="person-name">
            {person.name}{' '}
            {person.status === 'left' ? (
              <Tag color="default" fill="outline" data-testid="person-status">
                已离职 {person.leftOn ?? ''}
              </Tag>
            ) : (
              <Tag color="success" fill="outline" data-testid="person-status">
                在职
              </Tag>
            )}
          </div>
          <div className="profile-sub" data-testid="person-sub">
            {[person.title, person.department?.path].filter(Boolean).join(' · ') || '—'}
          </div>
          <div className="person-facts">
            <span>工号 {person.jobNumber || '—'}</span>
            <span>
              入职 {person.hiredOn ? formatDate(person.hiredOn) : '—'}
              {served ? `（${served}）` : ''}
            </span>
          </div>
        </div>
      </section>

      <div className="person-grid">
        <section className="card" data-testid="person-reporting">
          <div className="card-head">
            <h2>汇报关系</h2>
          </div>
          <div className="section-label">汇报线</div>
          <div className="chain" data-testid="person-chain">
            {chain.length === 0 && <span className="muted">没有上级</span>}
            {chain.map((s) => (
              <Fragment key={s.userid}>
                <PersonName p={s} testId={`chain-${s.userid}`} />
                <span className="chain-sep">›</span>
              </Fragment>
            ))}
            {chain.length > 0 && <span className="chain-self">{person.name}</span>}
          </div>
          <div className="section-label" style={{ marginTop: 14 }}>
            直属下属 {person.directReportsTotal > 0 ? `${person.directReportsTotal} 人` : ''}
          </div>
          {person.directReports.length === 0 ? (
            <div className="muted small">没有直属下属</div>
          ) : (
            <div className="report-list" data-testid="person-reports">
              {person.directReports.map((r) =>
                r.canOpen ? (
                  <a key={r.userid} className="report-chip" href={hrefFor('/person', { u: r.userid })} data-testid={`report-${r.userid}`}>
                    <UserAvatar name={r.name} seed={r.userid} size={24} />
                    {r.name}
                  </a>
                ) : (
                  <span key={r.userid} className="report-chip" data-testid={`report-${r.userid}`}>
                    <UserAvatar name={r.name} seed={r.userid} size={24} />
                    {r.name}
                  </span>
                ),
              )}
            </div>
          )}
          {canBrowsePeople && person.directReportsTotal > 0 && (
            <a
              className="link small"
              style={{ display: 'inline-block', marginTop: 10 }}
              href={hrefFor('/people', { sup: person.userid, supName: person.name, status: 'all' })}
              data-testid="person-reports-in-directory"
            >
              在“人员”中查看全部直属下属（含已离职）
            </a>
          )}
        </section>

        <section className="card" data-testid="person-departments">
          <div className="card-head">
            <h2>所属部门</h2>
          </div>
          {person.departments.length === 0 ? (
            <div className="muted small">没有部门</div>
          ) : (
            <ul className="membership-list">
              {person.departments.map((d) => (
                <li key={d.id}>
                  <span className="dept-path">{d.path}</span>
                  {d.main && (
                    <Tag color="primary" fill="outline">
                      主部门
                    </Tag>
                  )}
                  {d.leader && (
                    <Tag color="success" fill="outline">
                      负责人
                    </Tag>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
