// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { ImportItem } from "./ImportItem";

/**
 * The report of one import.
 */
export type ImportReport = { 
/**
 * One line per file, in the order they were found.
 */
items: Array<ImportItem>, 
/**
 * How many were added.
 */
added: number, 
/**
 * How many were already there.
 */
alreadyThere: number, 
/**
 * How many held no badge.
 */
notBadges: number, };
