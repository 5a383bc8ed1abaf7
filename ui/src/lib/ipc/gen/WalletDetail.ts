// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { BadgeFacts } from "./BadgeFacts";
import type { FileFormat } from "./FileFormat";
import type { Verification } from "./Verification";
import type { WalletBadge } from "./WalletBadge";

/**
 * Everything the detail panel shows about one badge.
 */
export type WalletDetail = { 
/**
 * The badge as lists show it.
 */
badge: WalletBadge, 
/**
 * What was read from it.
 */
facts: BadgeFacts, 
/**
 * The picture as a `data:` URL (PNG or SVG), when it has one.
 */
image: string | null, 
/**
 * The last verification.
 */
verification: Verification, 
/**
 * When it was last verified (RFC 3339).
 */
verifiedAt: string, 
/**
 * The credential text exactly as received (JSON, JWT, or a URL).
 */
text: string, 
/**
 * The name it was imported under.
 */
fileName: string, 
/**
 * What kind of file it came as.
 */
fileKind: FileFormat, 
/**
 * The size of the original file in bytes.
 */
fileBytes: number, 
/**
 * The user's note.
 */
note: string, 
/**
 * The collections it is in (their ids).
 */
collections: Array<string>, 
/**
 * Other badges in the wallet with the same credential id but a different
 * proof (a warning: one of them may be altered).
 */
sameIdAs: Array<string>, };
