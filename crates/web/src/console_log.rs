//! Log records to the browser's console (the page's or a worker's), through
//! the `log` facade: warnings and errors only, unless the page's address
//! asks for more with `?log=debug` (or `info`, `trace`), which the page
//! passes on to its workers in their script address. Above warnings, only
//! the project's own crates speak: tract's optimiser alone writes a line per
//! graph rewrite, thousands per model.
//!
//! Written here rather than taken from a crate: the few console loggers on
//! crates.io pull in formatting and timing features the app does not need,
//! and this is one `log::Log` impl of a dozen lines.

use log::{Level, LevelFilter, Log, Metadata, Record};

/// The logger: writes each record to `console.error`, `console.warn`,
/// `console.info` or `console.debug` by level.
struct Console;

impl Log for Console {
    fn enabled(&self, metadata: &Metadata) -> bool {
        metadata.level() <= log::max_level()
            && (metadata.level() <= Level::Warn || is_ours(metadata.target()))
    }

    fn log(&self, record: &Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let text = wasm_bindgen::JsValue::from_str(&format!(
            "{} {}: {}",
            record.level(),
            record.target(),
            record.args()
        ));
        match record.level() {
            Level::Error => web_sys::console::error_1(&text),
            Level::Warn => web_sys::console::warn_1(&text),
            Level::Info => web_sys::console::info_1(&text),
            Level::Debug | Level::Trace => web_sys::console::debug_1(&text),
        }
    }

    fn flush(&self) {}
}

/// The project's crates, by their log target's first path segment.
const OURS: [&str; 4] = ["ocr", "review", "synth", "web"];

/// Whether a log target (a module path) is one of the project's crates.
fn is_ours(target: &str) -> bool {
    OURS.contains(&target.split("::").next().unwrap_or(target))
}

/// The level a `?log=LEVEL` query string asks for (`search` as in
/// `location.search`, e.g. `?log=debug`); warnings by default.
pub fn level_from_query(search: &str) -> LevelFilter {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("log="))
        .and_then(|level| level.parse().ok())
        .unwrap_or(LevelFilter::Warn)
}

/// Installs the console logger at the level `search` asks for. A second
/// call keeps the first logger.
pub fn init(search: &str) {
    if log::set_logger(&Console).is_ok() {
        log::set_max_level(level_from_query(search));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_sets_the_level() {
        assert_eq!(level_from_query(""), LevelFilter::Warn);
        assert_eq!(level_from_query("?log=debug"), LevelFilter::Debug);
        assert_eq!(level_from_query("?x=1&log=info"), LevelFilter::Info);
        assert_eq!(level_from_query("?log=loud"), LevelFilter::Warn);
    }

    #[test]
    fn only_our_crates_speak_above_warnings() {
        assert!(is_ours("web::worker::run"));
        assert!(is_ours("ocr"));
        assert!(is_ours("review::pipeline"));
        assert!(!is_ours("tract_core::optim"));
        assert!(!is_ours("webby::x"));
        log::set_max_level(LevelFilter::Debug);
        assert!(Console.enabled(
            &Metadata::builder()
                .level(Level::Warn)
                .target("tract_core::optim")
                .build()
        ));
        assert!(Console.enabled(
            &Metadata::builder()
                .level(Level::Debug)
                .target("web::worker")
                .build()
        ));
        assert!(!Console.enabled(
            &Metadata::builder()
                .level(Level::Debug)
                .target("tract_core::optim")
                .build()
        ));
    }
}
