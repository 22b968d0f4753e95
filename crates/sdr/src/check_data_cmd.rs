//! `sdr check-data [--data DIR]`: validates templates, rules and registers
//! and prints what the folder holds.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;

use crate::data_dir;

/// Loads and validates the data folder; prints a summary, or one line per
/// problem and a failure exit code.
pub fn run(dir: Option<&Path>) -> ExitCode {
    let dir = data_dir::data_dir(dir);
    let data = match data_dir::load(&dir) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("sdr: {e}");
            return ExitCode::FAILURE;
        }
    };

    // What the folder holds.
    let ids: BTreeSet<&str> = data.templates.iter().map(|t| t.id.as_str()).collect();
    let countries: BTreeSet<&str> = data.templates.iter().map(|t| t.country.as_str()).collect();
    let registry = &data.registry;
    println!("data: {}", dir.display());
    println!(
        "templates: {} versions of {} certificate types from {} countries or regions",
        data.templates.len(),
        ids.len(),
        countries.len()
    );
    println!(
        "rules: {} (catalogue {}), {} enabled",
        data.rules.rules.len(),
        data.rules.version,
        data.rules.rules.iter().filter(|r| r.enabled).count()
    );
    println!(
        "registers: {} signatories, {} establishments, {} admitted pairs, {} template versions",
        registry.signatories.len(),
        registry.establishments.len(),
        registry.admitted.len(),
        registry.template_versions.len()
    );
    println!("ok");
    ExitCode::SUCCESS
}
