// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { IssuedBadge } from "./IssuedBadge";
import type { Verification } from "./Verification";

/**
 * A badge just issued to one recipient.
 */
export type IssuedOne = { 
/**
 * Its entry in the issued log.
 */
badge: IssuedBadge, 
/**
 * The baked image as a `data:` URL, to show.
 */
preview: string, 
/**
 * The verification report of the baked image, checked offline.
 */
verification: Verification, };
