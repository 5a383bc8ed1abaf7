// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { IssuedBadge } from "./IssuedBadge";

/**
 * A page of the issued log.
 */
export type IssuedPage = { 
/**
 * The credentials on this page, newest first.
 */
items: Array<IssuedBadge>, 
/**
 * How many match the search in all.
 */
total: number, };
