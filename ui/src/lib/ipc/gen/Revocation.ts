// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { IssuedBadge } from "./IssuedBadge";

/**
 * What revoking changed.
 */
export type Revocation = { 
/**
 * The revoked credential, as the log now shows it.
 */
badge: IssuedBadge, 
/**
 * The signed status list, written in the app's folder.
 */
statusListFile: string, 
/**
 * The URL where it must be uploaded for verifiers to see the change.
 */
statusListUrl: string, };
