//! The engine on real pages with the real models: one test binary, so the
//! models are loaded and the networks planned once.

mod certificate_pages;
mod common;
mod ocrmypdf;
