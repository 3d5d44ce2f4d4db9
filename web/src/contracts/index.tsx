import type { ReactNode } from 'react';
import type { Area } from '../area';
import { RequireAuth, STAFF_ROLES } from '../auth';
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
const DeliveryPlanEditorPage = lazyPage(() => import('./DeliveryPlanEditorPage'), 'DeliveryPlanEditorPage');
const NewDeliveryPlanPage = lazyPage(() => import('./DeliveryPlansPages'), 'NewDeliveryPlanPage');
const PlanActionPage = lazyPage(() => import('./PlanActionPage'), 'PlanActionPage');
const RisksPage = lazyPage(() => import('./RisksPage'), 'RisksPage');
const ConcernsPage = lazyPage(() => import('./ConcernsPage'), 'ConcernsPage');
const ConcernPage = lazyPage(() => import('./ConcernPage'), 'ConcernPage');
const ImportRegisterPage = lazyPage(() => import('./ImportRegisterPage'), 'ImportRegisterPage');
const ContractFormPage = lazyPage(() => import('./ContractFormPage'), 'ContractFormPage');
const ExtendContractPage = lazyPage(() => import('./ContractActionPages'), 'ExtendContractPage');
const VaryContractPage = lazyPage(() => import('./ContractActionPages'), 'VaryContractPage');
const EndContractPage = lazyPage(() => import('./ContractActionPages'), 'EndContractPage');
const AddKpiPage = lazyPage(() => import('./KpiPages'), 'AddKpiPage');
const EditKpiPage = lazyPage(() => import('./KpiPages'), 'EditKpiPage');
const RemoveKpiPage = lazyPage(() => import('./KpiPages'), 'RemoveKpiPage');
const ProcurementPage = lazyPage(() => import('./ProcurementPage'), 'ProcurementPage');
const StartProcurementPage = lazyPage(() => import('./StartProcurementPage'), 'StartProcurementPage');
const AddRiskPage = lazyPage(() => import('./RiskWritePages'), 'AddRiskPage');
const RiskBandsPage = lazyPage(() => import('./RiskWritePages'), 'RiskBandsPage');

/** Pages that write contracts, procurements, KPIs and risks: commissioners only (everyone else is told so). */
const COMMISSIONING = ['admin', 'commissioner'] as const;
const commissioning = (page: ReactNode) => <RequireAuth roles={COMMISSIONING}>{page}</RequireAuth>;
/** Pages for council staff only (a provider user is told so, in those words, rather than shown a staff page). */
const staff = (page: ReactNode) => <RequireAuth roles={STAFF_ROLES}>{page}</RequireAuth>;

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
    { path: 'register/new', element: commissioning(<ContractFormPage />) },
    { path: 'register/:id', element: <ContractPage /> },
    { path: 'register/:id/edit', element: commissioning(<ContractFormPage />) },
    { path: 'register/:id/extend', element: commissioning(<ExtendContractPage />) },
    { path: 'register/:id/vary', element: commissioning(<VaryContractPage />) },
    { path: 'register/:id/end', element: commissioning(<EndContractPage />) },
    { path: 'register/:id/kpis/new', element: commissioning(<AddKpiPage />) },
    { path: 'register/:id/kpis/:kpiId/edit', element: commissioning(<EditKpiPage />) },
    { path: 'register/:id/kpis/:kpiId/remove', element: commissioning(<RemoveKpiPage />) },
    { path: 'procurements/new', element: commissioning(<StartProcurementPage />) },
    { path: 'procurements/:id', element: staff(<ProcurementPage />) },
    { path: 'risks/new', element: commissioning(<AddRiskPage />) },
    { path: 'risks/bands', element: commissioning(<RiskBandsPage />) },
    { path: 'recommissioning', element: staff(<RecommissioningPage />) },
    { path: 'procurements', element: staff(<ProcurementsPage />) },
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
    { path: 'delivery-plan', element: staff(<DeliveryPlanPage />) },
    { path: 'delivery-plans', element: staff(<DeliveryPlansPage />) },
    { path: 'delivery-plans/new', element: commissioning(<NewDeliveryPlanPage />) },
    { path: 'delivery-plans/:id', element: staff(<DeliveryPlanEditorPage />) },
    { path: 'delivery-plans/:id/actions/new', element: commissioning(<PlanActionPage />) },
    { path: 'delivery-plans/:id/actions/:actionId', element: commissioning(<PlanActionPage />) },
    { path: 'risks', element: staff(<RisksPage />) },
    { path: 'concerns', element: <ConcernsPage /> },
    { path: 'concerns/:id', element: <ConcernPage /> },
  ],
};
