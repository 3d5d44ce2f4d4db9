import type { Area } from '../area';
import { RequireAuth } from '../auth';
import { lazyPage } from '../components';

const ContractsOverviewPage = lazyPage(() => import('./ContractsOverviewPage'), 'ContractsOverviewPage');
const RegisterPage = lazyPage(() => import('./RegisterPage'), 'RegisterPage');
const ContractPage = lazyPage(() => import('./ContractPage'), 'ContractPage');
const RecommissioningPage = lazyPage(() => import('./RecommissioningPage'), 'RecommissioningPage');
const ProcurementsPage = lazyPage(() => import('./ProcurementsPage'), 'ProcurementsPage');
const KpiReturnsPage = lazyPage(() => import('./KpiReturnsPage'), 'KpiReturnsPage');
const AssessmentsPage = lazyPage(() => import('./AssessmentsPage'), 'AssessmentsPage');
const NewAssessmentPage = lazyPage(() => import('./NewAssessmentPage'), 'NewAssessmentPage');
const AssessmentPage = lazyPage(() => import('./AssessmentPage'), 'AssessmentPage');
const DeliveryPlanPage = lazyPage(() => import('./DeliveryPlanPage'), 'DeliveryPlanPage');
const DeliveryPlansPage = lazyPage(() => import('./DeliveryPlansPages'), 'DeliveryPlansPage');
const DeliveryPlanEditorPage = lazyPage(() => import('./DeliveryPlansPages'), 'DeliveryPlanEditorPage');
const NewDeliveryPlanPage = lazyPage(() => import('./DeliveryPlansPages'), 'NewDeliveryPlanPage');
const PlanActionPage = lazyPage(() => import('./DeliveryPlansPages'), 'PlanActionPage');
const RisksPage = lazyPage(() => import('./RisksPage'), 'RisksPage');
const ConcernsPage = lazyPage(() => import('./ConcernsPage'), 'ConcernsPage');
const ConcernPage = lazyPage(() => import('./ConcernPage'), 'ConcernPage');
const ImportRegisterPage = lazyPage(() => import('./ImportRegisterPage'), 'ImportRegisterPage');

export const contractsArea: Area = {
  path: 'contracts',
  title: 'Contracts and delivery',
  // Providers see only their KPI returns and assessments (the server checks every request too).
  roles: ['admin', 'commissioner', 'broker', 'quality_officer', 'bcf_lead', 'viewer', 'provider'],
  routes: [
    { index: true, element: <ContractsOverviewPage /> },
    { path: 'register', element: <RegisterPage /> },
    {
      path: 'register/import',
      element: (
        <RequireAuth roles={['admin', 'commissioner']}>
          <ImportRegisterPage />
        </RequireAuth>
      ),
    },
    { path: 'register/:id', element: <ContractPage /> },
    { path: 'recommissioning', element: <RecommissioningPage /> },
    { path: 'procurements', element: <ProcurementsPage /> },
    { path: 'kpis', element: <KpiReturnsPage /> },
    { path: 'assessments', element: <AssessmentsPage /> },
    {
      path: 'assessments/new',
      element: (
        <RequireAuth roles={['admin', 'quality_officer']}>
          <NewAssessmentPage />
        </RequireAuth>
      ),
    },
    { path: 'assessments/:id', element: <AssessmentPage /> },
    { path: 'delivery-plan', element: <DeliveryPlanPage /> },
    { path: 'delivery-plans', element: <DeliveryPlansPage /> },
    { path: 'delivery-plans/new', element: <NewDeliveryPlanPage /> },
    { path: 'delivery-plans/:id', element: <DeliveryPlanEditorPage /> },
    { path: 'delivery-plans/:id/actions/new', element: <PlanActionPage /> },
    { path: 'delivery-plans/:id/actions/:actionId', element: <PlanActionPage /> },
    { path: 'risks', element: <RisksPage /> },
    { path: 'concerns', element: <ConcernsPage /> },
    { path: 'concerns/:id', element: <ConcernPage /> },
  ],
};
