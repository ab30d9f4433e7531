// Every route of the app. The server falls back to index.html for unknown paths, so each one works on reload.
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSignIn } from '../modules/auth/components/RequireSignIn';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { SectionGuard } from '../modules/workspaces/components/SectionGuard';
import { WorkspaceLayout } from '../modules/workspaces/components/WorkspaceLayout';
import { DashboardPage } from '../pages/DashboardPage';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RouteErrorPage } from '../pages/RouteErrorPage';
import { SignInPage } from '../pages/SignInPage';

// Only what the first screens need loads with the app: sign-in, the workspace frame and the dashboard.
// Every other page is its own chunk, fetched when first opened; the draft's pages bring the editor
// (Tiptap, ProseMirror, Yjs) and the results pages the charts. `npm run bench:web` fails when the
// initial JavaScript grows past its budget (docs/BENCHMARKS.md).
const InvitationPage = lazy(() => import('../pages/InvitationPage').then((m) => ({ default: m.InvitationPage })));
const DraftsPage = lazy(() => import('../pages/DraftsPage').then((m) => ({ default: m.DraftsPage })));
const VotesPage = lazy(() => import('../pages/VotesPage').then((m) => ({ default: m.VotesPage })));
const ModelsPage = lazy(() => import('../pages/ModelsPage').then((m) => ({ default: m.ModelsPage })));
const EvidencePage = lazy(() => import('../pages/EvidencePage').then((m) => ({ default: m.EvidencePage })));
const MilestonesPage = lazy(() => import('../pages/MilestonesPage').then((m) => ({ default: m.MilestonesPage })));
const DecisionsPage = lazy(() => import('../pages/DecisionsPage').then((m) => ({ default: m.DecisionsPage })));
const MembersPage = lazy(() => import('../pages/MembersPage').then((m) => ({ default: m.MembersPage })));
const DocumentPage = lazy(() => import('../pages/DocumentPage').then((m) => ({ default: m.DocumentPage })));
const VersionsPage = lazy(() => import('../pages/VersionsPage').then((m) => ({ default: m.VersionsPage })));
const VersionPage = lazy(() => import('../pages/VersionPage').then((m) => ({ default: m.VersionPage })));
const ReviewRoundsPage = lazy(() => import('../pages/ReviewRoundsPage').then((m) => ({ default: m.ReviewRoundsPage })));
const ReviewRoundPage = lazy(() => import('../pages/ReviewRoundPage').then((m) => ({ default: m.ReviewRoundPage })));
const NewRoundPage = lazy(() => import('../pages/NewRoundPage').then((m) => ({ default: m.NewRoundPage })));
const RoundPage = lazy(() => import('../pages/RoundPage').then((m) => ({ default: m.RoundPage })));
const BallotPage = lazy(() => import('../pages/BallotPage').then((m) => ({ default: m.BallotPage })));
const CaseStudiesPage = lazy(() => import('../pages/CaseStudiesPage').then((m) => ({ default: m.CaseStudiesPage })));
const CaseStudyPage = lazy(() => import('../pages/CaseStudyPage').then((m) => ({ default: m.CaseStudyPage })));
const CaseStudyTemplatePage = lazy(() => import('../pages/CaseStudyTemplatePage').then((m) => ({ default: m.CaseStudyTemplatePage })));
const RoundResultsPage = lazy(() => import('../pages/RoundResultsPage').then((m) => ({ default: m.RoundResultsPage })));
const BriefingPage = lazy(() => import('../pages/BriefingPage').then((m) => ({ default: m.BriefingPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<InlineLoader label="Loading…" />}>{children}</Suspense>;
}

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteErrorPage />,
      children: [
        { path: '/sign-in', element: <SignInPage /> },
        { path: '/invite/:token', element: <Lazy><InvitationPage /></Lazy> },
        {
          element: <RequireSignIn />,
          children: [
            { index: true, element: <HomePage /> },
            {
              path: '/w/:workspaceId',
              element: <WorkspaceLayout />,
              children: [
                { index: true, element: <Navigate to="dashboard" replace /> },
                { path: 'dashboard', element: <DashboardPage /> },
                { path: 'drafts', element: <Lazy><DraftsPage /></Lazy> },
                { path: 'drafts/:documentId', element: <Lazy><DocumentPage /></Lazy> },
                { path: 'drafts/:documentId/versions', element: <Lazy><VersionsPage /></Lazy> },
                { path: 'drafts/:documentId/versions/:versionId', element: <Lazy><VersionPage /></Lazy> },
                { path: 'reviews', element: <Lazy><ReviewRoundsPage /></Lazy> },
                { path: 'reviews/:roundId', element: <Lazy><ReviewRoundPage /></Lazy> },
                { path: 'votes', element: <SectionGuard path="votes" element={<Lazy><VotesPage /></Lazy>} /> },
                { path: 'votes/new', element: <SectionGuard path="votes" element={<Lazy><NewRoundPage /></Lazy>} /> },
                { path: 'votes/:roundId', element: <SectionGuard path="votes" element={<Lazy><RoundPage /></Lazy>} /> },
                { path: 'votes/:roundId/ballot', element: <SectionGuard path="votes" element={<Lazy><BallotPage /></Lazy>} /> },
                { path: 'votes/:roundId/results', element: <SectionGuard path="votes" element={<Lazy><RoundResultsPage /></Lazy>} /> },
                { path: 'models', element: <SectionGuard path="models" element={<Lazy><ModelsPage /></Lazy>} /> },
                { path: 'evidence', element: <SectionGuard path="evidence" element={<Lazy><EvidencePage /></Lazy>} /> },
                { path: 'case-studies', element: <SectionGuard path="case-studies" element={<Lazy><CaseStudiesPage /></Lazy>} /> },
                { path: 'case-studies/template', element: <SectionGuard path="models" element={<Lazy><CaseStudyTemplatePage /></Lazy>} /> },
                { path: 'case-studies/:modelId', element: <SectionGuard path="case-studies" element={<Lazy><CaseStudyPage /></Lazy>} /> },
                { path: 'milestones', element: <SectionGuard path="milestones" element={<Lazy><MilestonesPage /></Lazy>} /> },
                { path: 'meetings/:meetingId/briefing', element: <SectionGuard path="milestones" element={<Lazy><BriefingPage /></Lazy>} /> },
                { path: 'decisions', element: <SectionGuard path="decisions" element={<Lazy><DecisionsPage /></Lazy>} /> },
                { path: 'members', element: <SectionGuard path="members" element={<Lazy><MembersPage /></Lazy>} /> },
                { path: '*', element: <NotFoundPage inWorkspace /> },
              ],
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
