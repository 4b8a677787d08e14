/** The few line icons the app needs, inline (no icon package). */
type IconProps = { size?: number };

const svg = (size: number, d: string) => (
  <svg
    width={size}
    height={size}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden
  >
    <path d={d} />
  </svg>
);

export const UserIcon = ({ size = 22 }: IconProps) => svg(size, 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9Zm-8 9c.6-4 3.9-6.5 8-6.5s7.4 2.5 8 6.5');
export const OrgIcon = ({ size = 22 }: IconProps) => svg(size, 'M9 3h6v5H9zM3 16h6v5H3zm12 0h6v5h-6zM12 8v4M6 16v-4h12v4');
export const KeyIcon = ({ size = 22 }: IconProps) => svg(size, 'M14.5 9.5a4.5 4.5 0 1 1-9 0 4.5 4.5 0 0 1 9 0Zm-1.3 3.2L21 20.5M18 17.5l2-2M16 15.5l1.5-1.5');
export const DataIcon = ({ size = 22 }: IconProps) => svg(size, 'M4 20h16M7 16v-5M12 16V5M17 16v-8');
export const UploadIcon = ({ size = 22 }: IconProps) => svg(size, 'M12 16V4M7 9l5-5 5 5M4 15v5h16v-5');
export const PageIcon = ({ size = 22 }: IconProps) => svg(size, 'M6 3h9l4 4v14H6zM14 3v5h5');
export const BellIcon = ({ size = 22 }: IconProps) => svg(size, 'M6 16V11a6 6 0 1 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0');
export const PeopleIcon = ({ size = 22 }: IconProps) =>
  svg(size, 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm-6 9c.5-3.3 2.9-5.5 6-5.5s5.5 2.2 6 5.5M16 4.3a3.5 3.5 0 0 1 0 6.4M18 14.8c1.7.7 2.8 2.5 3 5.2');
export const WalletIcon = ({ size = 22 }: IconProps) => svg(size, 'M3 7h16v13H3zM3 7l12-4 2 4M15 13.5h3');
export const PlanIcon = ({ size = 22 }: IconProps) => svg(size, 'M5 4h14v16H5zM9 9h6M9 13h6M9 17h3');
export const TalentIcon = ({ size = 22 }: IconProps) => svg(size, 'M4 20V14M10 20V9M16 20V4M3 20h18');
export const CheckIcon = ({ size = 22 }: IconProps) => svg(size, 'M6 3h12v18H6zM9 12l2 2 4-4M9 7h6');
export const TargetIcon = ({ size = 22 }: IconProps) =>
  svg(size, 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-4a5 5 0 1 0 0-10 5 5 0 0 0 0 10Zm0-4a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z');
/** 申诉: a speech bubble with a question mark. */
export const DisputeIcon = ({ size = 22 }: IconProps) => svg(size, 'M4 5h16v11H9l-5 4zM10 9a2 2 0 1 1 2 2v1M12 14h.01');
export const ChevronIcon = ({ size = 16 }: IconProps) => svg(size, 'M9 6l6 6-6 6');

/** Icon for a page of app.json (by path). */
/** “更多” in a phone's tab bar: four squares. */
export const MoreIcon = ({ size = 22 }: IconProps) => svg(size, 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z');

export function PageIconFor({ path, size }: { path: string; size?: number }) {
  if (path === '/me') return <UserIcon size={size} />;
  if (path === '/people') return <PeopleIcon size={size} />;
  if (path === '/org') return <OrgIcon size={size} />;
  if (path === '/data') return <DataIcon size={size} />;
  if (path === '/imports') return <UploadIcon size={size} />;
  if (path === '/roles') return <KeyIcon size={size} />;
  if (path === '/audit-log') return <PageIcon size={size} />;
  if (path === '/messages') return <BellIcon size={size} />;
  if (path === '/my-incentives') return <WalletIcon size={size} />;
  if (path === '/incentive-plans') return <PlanIcon size={size} />;
  if (path === '/payout-runs') return <WalletIcon size={size} />;
  if (path === '/payout-disputes') return <DisputeIcon size={size} />;
  if (path === '/talent-review') return <TalentIcon size={size} />;
  if (path === '/assessments' || path === '/assessment-admin') return <CheckIcon size={size} />;
  if (path === '/my-kpi') return <TargetIcon size={size} />;
  if (path === '/team-kpi') return <PeopleIcon size={size} />;
  return <PageIcon size={size} />;
}
