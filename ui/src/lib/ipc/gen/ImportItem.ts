// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { ImportResult } from "./ImportResult";
import type { WalletStatus } from "./WalletStatus";

/**
 * One line of an import report.
 */
export type ImportItem = { 
/**
 * The file (its path as given) or `pasted text`.
 */
source: string, 
/**
 * What happened.
 */
result: ImportResult, 
/**
 * The badge's id, when it is in the wallet.
 */
badgeId: string | null, 
/**
 * The badge's name, when it could be read.
 */
name: string | null, 
/**
 * Its status, when it was added.
 */
status: WalletStatus | null, 
/**
 * Why it is not a badge, or a warning about it, in one sentence.
 */
message: string | null, };
