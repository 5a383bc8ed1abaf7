// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { ErrorCode } from "./ErrorCode";

/**
 * An error as the user interface receives it.
 */
export type IpcError = { 
/**
 * The stable code.
 */
code: ErrorCode, 
/**
 * One sentence for people.
 */
message: string, };
