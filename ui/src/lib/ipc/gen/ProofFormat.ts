// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * How the credential is signed.
 */
export type ProofFormat = "di" | "jwt";
