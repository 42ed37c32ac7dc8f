/** Routes and the frame around every signed-in view: case navigation, language, sign-out. */
import { type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, Route, Routes, useParams } from 'react-router-dom';
import {
  AdminView,
  AuditView,
  CaptureDetail,
  CaptureView,
  Dashboard,
  DeletedRecords,
  EstimatesView,
  EvidenceDetail,
  EvidenceList,
  FirstSignIn,
  HearingDetail,
  HearingsList,
  IntakeWizard,
  LinkageReview,
  MatrixCrime,
  MatrixView,
  PanelView,
  PublicIntake,
  RecordDetail,
  RecordForm,
  RecordList,
  ReportView,
  ResponsibilityView,
  SearchView,
  SettingsView,
  SubmissionsView,
  TestimonyPage,
} from './lazy-views';
import { can, useSession } from './session';
import { Loading } from './ui';
import { MovedTo } from './views/records/moved';
import { SignIn } from './views/signin';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'es' ? 'en' : 'es';
  return (
    <button type="button" className="lang" onClick={() => void i18n.changeLanguage(other)} lang={other}>
      {t('nav.switchLanguage')}
    </button>
  );
}

/** Who is signed in, settings, language and sign-out: on every signed-in page. */
function TopBar() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  return (
    <>
      <a href="#main" className="skip">
        {t('nav.skip')}
      </a>
      <header className="top">
        <span className="brand">Testigo</span>
        <span className="who">
          {me?.user.displayName || me?.user.username} · <NavLink to="/settings">{t('nav.settings')}</NavLink>
        </span>
        <LanguageSwitch />
        <button type="button" onClick={() => void signOut('user')}>
          {t('nav.signOut')}
        </button>
      </header>
    </>
  );
}

/** Signed-in pages outside a case (settings, or what a new account must do first). */
function Bare({ children }: { children?: ReactNode }) {
  return (
    <div className="frame">
      <TopBar />
      <div className="body">
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>{children ?? <Outlet />}</Suspense>
        </main>
      </div>
    </div>
  );
}

function Frame() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { caseId } = useParams();
  // On a phone the case navigation folds behind a button; on wider screens it is always shown.
  const [navOpen, setNavOpen] = useState(false);
  const role = me?.memberships.find((m) => m.caseId === caseId)?.role;
  const link = (to: string, label: string, show = true) =>
    show ? (
      <li>
        <NavLink to={`/c/${caseId}/${to}`} end={to === ''} onClick={() => setNavOpen(false)}>
          {label}
        </NavLink>
      </li>
    ) : null;
  return (
    <div className="frame">
      <TopBar />
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={navOpen}
        aria-controls="case-nav"
        onClick={() => setNavOpen((o) => !o)}
      >
        {navOpen ? t('nav.hideMenu') : t('nav.menu')}
      </button>
      <div className="body">
        <nav id="case-nav" className={navOpen ? 'side open' : 'side'} aria-label={t('nav.main')}>
          <ul>
            {link('', t('nav.dashboard'))}
            {link('r/persons', t('nav.persons'))}
            {link('r/units', t('nav.units'))}
            {link('r/places', t('nav.places'))}
            {link('r/events', t('nav.events'))}
            {link('hearings', t('nav.hearings'))}
            {link('intake', t('nav.intake'), can(me, caseId, 'write'))}
            {link('evidence', t('nav.evidence'))}
            {link('capture', t('viewer.navCapture'), can(me, caseId, 'write'))}
            {link('search', t('nav.search'))}
            {link('linkage', t('nav.linkage'), can(me, caseId, 'write') || can(me, caseId, 'analyse'))}
            {link('estimates', t('nav.estimates'))}
            {link('matrix', t('nav.matrix'), role !== 'viewer')}
            {link('responsibility', t('nav.responsibility'), role !== 'viewer')}
            {link('panel', t('nav.panel'))}
            {link('report', t('nav.report'))}
            {link('submissions', t('nav.submissions'), can(me, caseId, 'write'))}
            {link('admin', t('nav.admin'), can(me, caseId, 'manage'))}
            {link('audit', t('nav.audit'), can(me, caseId, 'manage'))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}

function Home() {
  const { me } = useSession();
  const first = me?.memberships[0]?.caseId;
  return first ? <Navigate to={`/c/${first}`} replace /> : <SettingsView />;
}

function RequireSession() {
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (!me) return <SignIn />;
  if (me.required)
    return (
      <Bare>
        <FirstSignIn />
      </Bare>
    );
  return <Outlet />;
}

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/submit/:caseId" element={<PublicIntake />} />
        <Route element={<RequireSession />}>
          <Route path="/" element={<Home />} />
          <Route element={<Bare />}>
            <Route path="/settings" element={<SettingsView />} />
          </Route>
          <Route path="/c/:caseId" element={<Frame />}>
            <Route index element={<Dashboard />} />
            {(['persons', 'events', 'units', 'places'] as const).flatMap((k) => [
              <Route key={k} path={k} element={<MovedTo kind={k} />} />,
              <Route key={`${k}/:id`} path={`${k}/:id`} element={<MovedTo kind={k} />} />,
            ])}
            <Route path="hearings" element={<HearingsList />} />
            <Route path="hearings/:id" element={<HearingDetail />} />
            <Route path="r/:kind" element={<RecordList />} />
            <Route path="r/:kind/new" element={<RecordForm />} />
            <Route path="r/:kind/deleted" element={<DeletedRecords />} />
            <Route path="r/:kind/:id" element={<RecordDetail />} />
            <Route path="r/:kind/:id/edit" element={<RecordForm />} />
            <Route path="testimonies/:id" element={<TestimonyPage />} />
            <Route path="intake" element={<IntakeWizard />} />
            <Route path="evidence" element={<EvidenceList />} />
            <Route path="evidence/:id" element={<EvidenceDetail />} />
            <Route path="capture" element={<CaptureView />} />
            <Route path="capture/:itemId" element={<CaptureDetail />} />
            <Route path="search" element={<SearchView />} />
            <Route path="linkage" element={<LinkageReview />} />
            <Route path="estimates" element={<EstimatesView />} />
            <Route path="matrix" element={<MatrixView />} />
            <Route path="matrix/:crimeId" element={<MatrixCrime />} />
            <Route path="matrix/:crimeId/:actId" element={<MatrixCrime />} />
            <Route path="responsibility" element={<ResponsibilityView />} />
            <Route path="panel" element={<PanelView />} />
            <Route path="report" element={<ReportView />} />
            <Route path="submissions" element={<SubmissionsView />} />
            <Route path="admin" element={<AdminView />} />
            <Route path="audit" element={<AuditView />} />
          </Route>
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
