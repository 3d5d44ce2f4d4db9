// The home dashboard: headline figures per area, read from the database. Each area contributes one
// section function; a section that has no data yet returns null and is left out.
import { contractsSection } from '../contracts/dashboard.js';
import { dischargeSection } from '../discharge/dashboard.js';
import { marketSection } from '../market/section.js';
import { directorySection } from '../directory/section.js';
import { bcfSection } from '../bcf/section.js';
import type { SectionSource } from './types.js';

export type { DashboardFigure, DashboardSection, FigureUnit, SectionSource } from './types.js';

/** Areas add their section here, in the order they should appear. */
export const dashboardSections: SectionSource[] = [
  marketSection,
  contractsSection,
  dischargeSection,
  directorySection,
  bcfSection,
];
