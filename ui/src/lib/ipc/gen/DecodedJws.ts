// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * A compact JWS split and decoded (the signature is not checked here).
 */
export type DecodedJws = { 
/**
 * The protected header.
 */
header: unknown, 
/**
 * The payload, when it is JSON.
 */
payload: unknown, 
/**
 * The payload as text, when it is not JSON.
 */
payloadText: string | null, 
/**
 * The signature's length in bytes.
 */
signatureBytes: number, };
