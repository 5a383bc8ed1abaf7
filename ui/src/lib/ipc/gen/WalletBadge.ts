// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { BadgeVersion } from "./BadgeVersion";
import type { WalletStatus } from "./WalletStatus";

/**
 * A badge as the grid and the list show it.
 */
export type WalletBadge = { 
/**
 * Its id in the wallet.
 */
id: string, 
/**
 * The achievement's (or badge class's) name.
 */
name: string, 
/**
 * The issuer's name, else its id.
 */
issuer: string | null, 
/**
 * The issuer's id (URL or DID).
 */
issuerId: string | null, 
/**
 * `ob3`, `ob2`, `ob1` or `unknown`.
 */
version: BadgeVersion, 
/**
 * The status after the last verification.
 */
status: WalletStatus, 
/**
 * When it was issued or became valid, as written in the badge.
 */
issuedOn: string | null, 
/**
 * When it stops being valid.
 */
expires: string | null, 
/**
 * When it was added to the wallet (RFC 3339).
 */
addedAt: string, 
/**
 * When it was put in the trash, if it is there.
 */
trashedAt: string | null, 
/**
 * The user's tags.
 */
tags: Array<string>, 
/**
 * A small PNG as a `data:` URL.
 */
thumbnail: string | null, };
