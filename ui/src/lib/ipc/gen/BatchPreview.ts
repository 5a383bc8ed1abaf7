// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { BatchRow } from "./BatchRow";

/**
 * A CSV of recipients, read and checked, before anything is issued.
 */
export type BatchPreview = { 
/**
 * The CSV file's name.
 */
fileName: string, 
/**
 * Every row.
 */
rows: Array<BatchRow>, 
/**
 * How many rows have errors.
 */
errorCount: number, 
/**
 * Things worth knowing that do not stop issuing (e.g. ignored columns).
 */
warnings: Array<string>, };
