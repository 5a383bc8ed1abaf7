// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * A stable, machine-readable error code: the user interface switches on this,
 * never on the message text.
 */
export type ErrorCode = "invalid-image" | "not-a-badge" | "no-badge" | "invalid-credential" | "too-large" | "io" | "cancelled" | "invalid-request" | "invalid-design" | "not-found" | "store" | "already-exists" | "wrong-passphrase" | "locked" | "internal";
