// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * Export formats for a design.
 */
export type ExportFormat = "png" | "svg" | "svgLiveText" | "design";
