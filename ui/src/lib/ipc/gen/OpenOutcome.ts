// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { IpcError } from "./IpcError";
import type { OpenedFile } from "./OpenedFile";

/**
 * The result of opening one file: it opened, or it could not be read.
 */
export type OpenOutcome = { "status": "opened", 
/**
 * The opened file.
 */
file: OpenedFile, } | { "status": "failed", 
/**
 * The file's name.
 */
name: string, 
/**
 * What went wrong.
 */
error: IpcError, };
