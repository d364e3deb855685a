/**
 * Projected coordinate systems found in Taiwanese files. TM2 (二度分帶) metres: TWD97 for the main island
 * (EPSG:3826, central meridian 121°E) and Penghu (EPSG:3825, 119°E), and the older TWD67 (EPSG:3828 / 3827).
 * Kept apart from projections.ts so that naming them does not load proj4.
 */
export const PROJECTED_CRS = ['EPSG:3826', 'EPSG:3825', 'EPSG:3828', 'EPSG:3827'] as const;
export type ProjectedCrs = (typeof PROJECTED_CRS)[number];
