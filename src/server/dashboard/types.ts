// The home dashboard's shapes: a section of headline figures per area (see sections.ts for the list of areas).
import type { Actor } from '../../domain/core/auth.js';
import type { Db } from '../../db/client.js';

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
