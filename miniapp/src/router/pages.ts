/**
 * Components of the signed-in pages, each its own lazily loaded chunk. Paths must match app.json
 * (checked by a test). The sign-in page is not here: it is part of the entry chunk.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export const pageComponents: Record<string, LazyExoticComponent<ComponentType>> = {
  '/me': lazy(() => import('../pages/MePage')),
  '/people': lazy(() => import('../pages/PeoplePage')),
  '/person': lazy(() => import('../pages/PersonPage')),
  '/my-incentives': lazy(() => import('../pages/MyIncentivesPage')),
  '/my-portrait': lazy(() => import('../pages/MyPortraitPage')),
  '/my-team': lazy(() => import('../pages/MyTeamPage')),
  '/my-kpi': lazy(() => import('../pages/MyKpiPage')),
  '/team-kpi': lazy(() => import('../pages/TeamKpiPage')),
  '/org': lazy(() => import('../pages/OrgPage')),
  '/data': lazy(() => import('../pages/DataPage')),
  '/imports': lazy(() => import('../pages/ImportsPage')),
  '/incentive-plans': lazy(() => import('../pages/IncentivePlansPage')),
  '/payout-runs': lazy(() => import('../pages/PayoutRunsPage')),
  '/payout-disputes': lazy(() => import('../pages/PayoutDisputesPage')),
  '/talent-review': lazy(() => import('../pages/TalentReviewPage')),
  '/job-models': lazy(() => import('../pages/JobModelsPage')),
  '/assessments': lazy(() => import('../pages/AssessmentsPage')),
  '/assessment-admin': lazy(() => import('../pages/AssessmentAdminPage')),
  '/roles': lazy(() => import('../pages/RolesPage')),
  '/audit-log': lazy(() => import('../pages/AuditLogPage')),
  '/messages': lazy(() => import('../pages/MessagesPage')),
  '/notify-log': lazy(() => import('../pages/NotifyLogPage')),
  '/notify-settings': lazy(() => import('../pages/NotifySettingsPage')),
  '/retention': lazy(() => import('../pages/RetentionPage')),
  '/retention-person': lazy(() => import('../pages/RetentionPersonPage')),
  '/outcomes': lazy(() => import('../pages/OutcomesPage')),
  '/pulse-admin': lazy(() => import('../pages/PulseAdminPage')),
};

/** Shown when the user lacks a page's roles. */
export const ForbiddenPage = lazy(() => import('../pages/ForbiddenPage'));
