import type { Area } from '../area';
import { ContractsOverviewPage } from './ContractsOverviewPage';
import { RegisterPage } from './RegisterPage';
import { ContractPage } from './ContractPage';
import { RecommissioningPage } from './RecommissioningPage';
import { ProcurementsPage } from './ProcurementsPage';
import { KpiReturnsPage } from './KpiReturnsPage';
import { AssessmentsPage } from './AssessmentsPage';
import { NewAssessmentPage } from './NewAssessmentPage';
import { AssessmentPage } from './AssessmentPage';
import { DeliveryPlanPage } from './DeliveryPlanPage';
import { DeliveryPlanEditorPage, DeliveryPlansPage, NewDeliveryPlanPage, PlanActionPage } from './DeliveryPlansPages';
import { RisksPage } from './RisksPage';
import { ConcernsPage } from './ConcernsPage';
import { ImportRegisterPage } from './ImportRegisterPage';

export const contractsArea: Area = {
  path: 'contracts',
  title: 'Contracts and delivery',
  // Providers see only their KPI returns and assessments (the server checks every request too).
  roles: ['admin', 'commissioner', 'broker', 'quality_officer', 'bcf_lead', 'viewer', 'provider'],
  routes: [
    { index: true, element: <ContractsOverviewPage /> },
    { path: 'register', element: <RegisterPage /> },
    { path: 'register/import', element: <ImportRegisterPage /> },
    { path: 'register/:id', element: <ContractPage /> },
    { path: 'recommissioning', element: <RecommissioningPage /> },
    { path: 'procurements', element: <ProcurementsPage /> },
    { path: 'kpis', element: <KpiReturnsPage /> },
    { path: 'assessments', element: <AssessmentsPage /> },
    { path: 'assessments/new', element: <NewAssessmentPage /> },
    { path: 'assessments/:id', element: <AssessmentPage /> },
    { path: 'delivery-plan', element: <DeliveryPlanPage /> },
    { path: 'delivery-plans', element: <DeliveryPlansPage /> },
    { path: 'delivery-plans/new', element: <NewDeliveryPlanPage /> },
    { path: 'delivery-plans/:id', element: <DeliveryPlanEditorPage /> },
    { path: 'delivery-plans/:id/actions/new', element: <PlanActionPage /> },
    { path: 'delivery-plans/:id/actions/:actionId', element: <PlanActionPage /> },
    { path: 'risks', element: <RisksPage /> },
    { path: 'concerns', element: <ConcernsPage /> },
  ],
};
