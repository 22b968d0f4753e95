//! Renders one page to a PNG and prints its ground truth as JSON lines.
//!
//! cargo run --release -p synth --example render -- SEED DPI DEGRADATION OUT.png

use std::time::Instant;

use synth::{render_page, Degradation, Fonts, PageRequest};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Arguments: seed, dpi, degradation name, output path.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seed: u64 = args.first().map_or(Ok(1), |s| s.parse())?;
    let dpi: f32 = args.get(1).map_or(Ok(300.0), |s| s.parse())?;
    let name = args.get(2).map_or("clean", String::as_str);
    let out = args.get(3).map_or("page.png", String::as_str);
    let degradation = Degradation::ALL
        .into_iter()
        .find(|d| d.name() == name)
        .ok_or_else(|| format!("unknown degradation {name:?}"))?;

    // Render and time it.
    let fonts = Fonts::from_debian()?;
    let request = PageRequest {
        seed,
        dpi,
        degradation,
        stamp: true,
        signature: true,
    };
    let start = Instant::now();
    let page = render_page(&fonts, &request)?;
    eprintln!(
        "rendered in {:.0} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );

    // Save and print.
    page.image.save(out)?;
    for line in &page.lines {
        println!("{}", serde_json::to_string(line)?);
    }
    Ok(())
}
