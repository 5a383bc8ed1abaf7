// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { WalletSortOrder } from "./WalletSortOrder";
import type { WalletStatus } from "./WalletStatus";

/**
 * Which badges to show.
 */
export type WalletQuery = { 
/**
 * Words to search for in names, descriptions, issuers, tags and skills.
 */
text: string, 
/**
 * Only this issuer (a value from [`WalletFacets::issuers`]).
 */
issuer: string | null, 
/**
 * Only this status.
 */
status: WalletStatus | null, 
/**
 * Only this tag.
 */
tag: string | null, 
/**
 * Only this collection (its id).
 */
collection: string | null, 
/**
 * The trash instead of the wallet.
 */
trash: boolean, 
/**
 * The order.
 */
sort: WalletSortOrder, 
/**
 * How many to skip.
 */
offset: number, 
/**
 * How many at most (the app caps it at 500; 0 means 60).
 */
limit: number, };
