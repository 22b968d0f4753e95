//! Placeholder while the module is written.

/// Placeholder.
pub struct Engine;
/// Placeholder.
pub struct EngineOptions;
