// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { WalletBadge } from "./WalletBadge";

/**
 * One page of badges.
 */
export type WalletPage = { 
/**
 * The badges on this page.
 */
badges: Array<WalletBadge>, 
/**
 * How many badges match the query in all.
 */
total: number, 
/**
 * The query's offset.
 */
offset: number, };
