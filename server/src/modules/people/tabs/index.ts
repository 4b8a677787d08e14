import type { PersonTab } from './personTab';
import { attendanceTab } from './attendanceTab';
import { leaveTab } from './leaveTab';
import { dealsTab } from './dealsTab';
import { followUpsTab } from './followUpsTab';
import { collaborationsTab } from './collaborationsTab';
import { trainingTab } from './trainingTab';
import { satisfactionTab } from './satisfactionTab';
import { departureTab } from './departureTab';
import { riskTab } from './riskTab';

/** The record tabs of the person page, in the order shown. A later feature's tab is one more entry. */
export const PERSON_TABS: readonly PersonTab[] = [
  attendanceTab,
  leaveTab,
  dealsTab,
  followUpsTab,
  collaborationsTab,
  trainingTab,
  satisfactionTab,
  departureTab,
  riskTab,
];

/** The tab at `key`, if there is one. */
export const personTabAt = (key: string): PersonTab | undefined => PERSON_TABS.find((t) => t.key === key);
