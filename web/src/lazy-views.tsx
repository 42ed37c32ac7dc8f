/**
 * Every screen is its own chunk, loaded when its route is first opened: the first view downloads
 * the frame and that one screen, not the whole app. A new screen is added here, not imported
 * directly by the router.
 */
import { lazy } from 'react';

export const AdminView = lazy(() => import('./views/admin').then((m) => ({ default: m.AdminView })));
export const AuditView = lazy(() => import('./views/audit').then((m) => ({ default: m.AuditView })));
export const Dashboard = lazy(() => import('./views/dashboard').then((m) => ({ default: m.Dashboard })));
export const EstimatesView = lazy(() =>
  import('./views/estimates').then((m) => ({ default: m.EstimatesView })),
);
export const EvidenceDetail = lazy(() =>
  import('./views/evidence').then((m) => ({ default: m.EvidenceDetail })),
);
export const EvidenceList = lazy(() => import('./views/evidence').then((m) => ({ default: m.EvidenceList })));
export const HearingDetail = lazy(() =>
  import('./views/hearings').then((m) => ({ default: m.HearingDetail })),
);
export const HearingsList = lazy(() => import('./views/hearings').then((m) => ({ default: m.HearingsList })));
export const IntakeWizard = lazy(() => import('./views/intake').then((m) => ({ default: m.IntakeWizard })));
export const LinkageReview = lazy(() =>
  import('./views/linkage').then((m) => ({ default: m.LinkageReview })),
);
export const MatrixCrime = lazy(() => import('./views/matrix').then((m) => ({ default: m.MatrixCrime })));
export const MatrixView = lazy(() => import('./views/matrix').then((m) => ({ default: m.MatrixView })));
export const PanelView = lazy(() => import('./views/panel').then((m) => ({ default: m.PanelView })));
export const PublicIntake = lazy(() =>
  import('./views/public-intake').then((m) => ({ default: m.PublicIntake })),
);
export const ReportView = lazy(() => import('./views/report').then((m) => ({ default: m.ReportView })));
export const ResponsibilityView = lazy(() =>
  import('./views/responsibility').then((m) => ({ default: m.ResponsibilityView })),
);
export const SearchView = lazy(() => import('./views/search').then((m) => ({ default: m.SearchView })));
export const SettingsView = lazy(() => import('./views/settings').then((m) => ({ default: m.SettingsView })));
export const FirstSignIn = lazy(() => import('./views/settings').then((m) => ({ default: m.FirstSignIn })));
export const SubmissionsView = lazy(() =>
  import('./views/submissions').then((m) => ({ default: m.SubmissionsView })),
);
export const CaptureView = lazy(() => import('./views/capture').then((m) => ({ default: m.CaptureView })));
export const CaptureDetail = lazy(() =>
  import('./views/capture').then((m) => ({ default: m.CaptureDetail })),
);
export const DeletedRecords = lazy(() =>
  import('./views/records/deleted').then((m) => ({ default: m.DeletedRecords })),
);
export const RecordDetail = lazy(() =>
  import('./views/records/detail').then((m) => ({ default: m.RecordDetail })),
);
export const RecordForm = lazy(() => import('./views/records/form').then((m) => ({ default: m.RecordForm })));
export const RecordList = lazy(() => import('./views/records/list').then((m) => ({ default: m.RecordList })));
export const TestimonyPage = lazy(() =>
  import('./views/records/testimony').then((m) => ({ default: m.TestimonyPage })),
);
