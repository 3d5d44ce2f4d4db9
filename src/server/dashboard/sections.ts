// The home dashboard: headline figures per area, read from the database. Each area contributes one
// section function; a section that has no data yet returns null and is left out.
import type { Actor } from '../../domain/core/auth.js';
import type { Db } from '../../db/client.js';
import { contractsSection } from '../contracts/dashboard.js';
import { dischargeSection } from '../discharge/dashboard.js';
import { marketSection } from '../market/section.js';
import { directorySection } from '../directory/section.js';
import { bcfSection } from '../bcf/section.js';

export type FigureUnit = 'count' | 'percent' | 'gbp' | 'gbp_per_week' | 'hours';

export interface DashboardFigure {
  key: string;
  label: string;
  value: number | null;
  unit?: FigureUnit;
  hint?: string;
  href?: string;
}

export interface DashboardSection {
  area: string;
  title: string;
  figures: DashboardFigure[];
}

export type SectionSource = (db: Db, actor: Actor) => Promise<DashboardSection | null>;

/** Areas add their section here, in the order they should appear. */
export const dashboardSections: SectionSource[] = [
  marketSection,
  contractsSection,
  dischargeSection,
  directorySection,
  bcfSection,
];
