// The home dashboard's shapes: a section of headline figures per area (see sections.ts for the list of areas).
import type { Actor } from '../../domain/core/auth.js';
import type { Db } from '../../db/client.js';
import type { KeyFigure } from '../../domain/core/figures.js';

/** A figure of a dashboard section: typed by its unit, money in pence (src/domain/core/figures.ts). */
export type DashboardFigure = KeyFigure;

export type { FigureUnit } from '../../domain/core/figures.js';

export interface DashboardSection {
  area: string;
  title: string;
  figures: DashboardFigure[];
}

export type SectionSource = (db: Db, actor: Actor) => Promise<DashboardSection | null>;
