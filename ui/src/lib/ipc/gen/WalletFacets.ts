// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { WalletFacet } from "./WalletFacet";

/**
 * Everything the filters offer, with counts.
 */
export type WalletFacets = { 
/**
 * Badges outside the trash.
 */
total: number, 
/**
 * Badges in the trash.
 */
trashed: number, 
/**
 * Issuers by name.
 */
issuers: Array<WalletFacet>, 
/**
 * Statuses (value = a [`WalletStatus`]).
 */
statuses: Array<WalletFacet>, 
/**
 * Tags.
 */
tags: Array<WalletFacet>, 
/**
 * Collections (value = the collection's id).
 */
collections: Array<WalletFacet>, };
