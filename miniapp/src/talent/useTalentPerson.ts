/** One person's stored scores, HR's decisions and newest portrait (GET /api/v1/talent/people/:userid), as page state. */
import { useEffect, useState } from 'react';
import type { PeriodKind, TalentPersonScores } from '@liucai/shared';
import { errorMessage } from '../api/client';
import { getTalentPerson } from '../api/talentEndpoints';

export type TalentPersonState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: TalentPersonScores };

/** `kind`: the newest monthly portrait (default) or the newest quarterly one; a new `attempt` reads again. */
export function useTalentPerson(userid: string, kind: PeriodKind = 'month', attempt = 0): TalentPersonState {
  const [state, setState] = useState<TalentPersonState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    getTalentPerson(userid, kind).then(
      (data) => live && setState({ status: 'ready', data }),
      (err: unknown) => live && setState({ status: 'error', message: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [userid, kind, attempt]);
  return state;
}
