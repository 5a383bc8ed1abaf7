// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * Ribbon banner styles.
 */
export type RibbonStyle = "notched" | "swallowtail" | "folded" | "flat" | "tails";
