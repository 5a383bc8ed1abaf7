// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * One value a filter can take, with how many badges have it.
 */
export type WalletFacet = { 
/**
 * The value to put in the query.
 */
value: string, 
/**
 * How to show it.
 */
label: string, 
/**
 * How many badges outside the trash have it.
 */
count: number, };
