//! Renders one page per degradation with the Debian fonts, saves them as PNG
//! under test-output/synth/ for a person to look at, and checks the ground truth.

use std::path::PathBuf;

use synth::{
    iso6346, quad_bounds, render_page, Degradation, Fonts, PageRequest, RenderedPage, Script,
};

/// Where the pages go: <workspace>/test-output/synth/ (git-ignored).
fn output_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../test-output/synth");
    std::fs::create_dir_all(&dir).expect("create test-output/synth");
    dir
}

fn fonts() -> Fonts {
    Fonts::from_debian().expect("Debian fonts (run scripts/setup-apt.sh)")
}

/// Checks the truth of one page; returns the container numbers found.
fn check_truth(page: &RenderedPage, fonts: &Fonts, name: &str) -> Vec<String> {
    let (w, h) = (page.image.width() as f32, page.image.height() as f32);
    assert!(
        page.lines.len() > 40,
        "{name}: only {} lines",
        page.lines.len()
    );
    let mut containers = Vec::new();
    for line in &page.lines {
        // Non-empty, trimmed, single-spaced text printed with glyphs that exist.
        assert!(!line.text.is_empty(), "{name}: empty line");
        assert_eq!(
            line.text.split_whitespace().collect::<Vec<_>>().join(" "),
            line.text
        );
        let faces: &[synth::Face] = match line.script {
            Script::Chinese => &[synth::Face::Cjk],
            Script::Latin => &[
                synth::Face::Sans,
                synth::Face::Serif,
                synth::Face::DejaVuSans,
            ],
        };
        for face in faces {
            assert_eq!(
                fonts.missing_glyphs(*face, &line.text),
                "",
                "{name}: {:?}",
                line.text
            );
        }

        // Box inside the page and not degenerate.
        let [x0, y0, x1, y1] = quad_bounds(&line.quad);
        assert!(
            x0 >= 0.0 && y0 >= 0.0 && x1 <= w && y1 <= h,
            "{name}: {:?} at {:?}",
            line.text,
            line.quad
        );
        assert!(
            x1 - x0 > 2.0 && y1 - y0 > 2.0,
            "{name}: tiny box for {:?}",
            line.text
        );
        containers.extend(iso6346::find_in_text(&line.text));
    }
    assert!(
        page.lines.iter().any(|l| l.script == Script::Chinese),
        "{name}: no Chinese line"
    );
    for number in &containers {
        assert!(
            iso6346::is_valid(number),
            "{name}: bad check digit in {number}"
        );
    }
    containers
}

#[test]
fn one_page_per_degradation() {
    let fonts = fonts();
    let dir = output_dir();
    for (i, degradation) in Degradation::ALL.into_iter().enumerate() {
        let request = PageRequest {
            seed: 1000 + i as u64,
            dpi: 200.0,
            degradation,
            stamp: true,
            signature: true,
        };
        let page = render_page(&fonts, &request).expect("render");
        let name = degradation.name();
        let containers = check_truth(&page, &fonts, name);
        assert!(
            !containers.is_empty(),
            "{name}: no container number printed"
        );
        assert_eq!(
            page.dont_care.len(),
            2,
            "{name}: stamp and signature regions"
        );
        let expected_dpi = if degradation == Degradation::LowDpi {
            150.0
        } else {
            200.0
        };
        assert_eq!(page.dpi, expected_dpi);
        let expected_width = (210.0 / 25.4 * expected_dpi).round() as u32;
        assert!(
            page.image.width().abs_diff(expected_width) <= 1,
            "{name}: width {}",
            page.image.width()
        );
        page.image
            .save(dir.join(format!("{name}.png")))
            .expect("save png");
    }
}

#[test]
fn same_seed_same_pixels() {
    let fonts = fonts();
    for degradation in [Degradation::Photo, Degradation::Fax] {
        let request = PageRequest {
            seed: 42,
            dpi: 150.0,
            degradation,
            stamp: true,
            signature: true,
        };
        let a = render_page(&fonts, &request).unwrap();
        let b = render_page(&fonts, &request).unwrap();
        assert!(a.image == b.image, "{}: pixels differ", degradation.name());
        assert_eq!(a.lines, b.lines);
        let other = render_page(
            &fonts,
            &PageRequest {
                seed: 43,
                ..request
            },
        )
        .unwrap();
        assert!(other.image != a.image);
    }
}

#[test]
fn stamp_and_signature_leave_the_text_alone() {
    let fonts = fonts();
    let plain = PageRequest {
        seed: 7,
        dpi: 150.0,
        degradation: Degradation::Clean,
        stamp: false,
        signature: false,
    };
    let marked = PageRequest {
        stamp: true,
        signature: true,
        ..plain
    };
    let a = render_page(&fonts, &plain).unwrap();
    let b = render_page(&fonts, &marked).unwrap();
    assert_eq!(a.lines, b.lines);
    assert!(a.dont_care.is_empty());
    assert_eq!(b.dont_care.len(), 2);

    // The stamp covers printed text that stays in the truth.
    let stamp = quad_bounds(&b.dont_care[0]);
    let under = b.lines.iter().filter(|l| {
        let [x0, y0, x1, y1] = quad_bounds(&l.quad);
        x0 < stamp[2] && x1 > stamp[0] && y0 < stamp[3] && y1 > stamp[1]
    });
    assert!(under.count() >= 2, "stamp covers no text");
}

#[test]
fn many_seeds_keep_the_truth_sound() {
    let fonts = fonts();
    for seed in 0..12 {
        let request = PageRequest {
            seed,
            dpi: 100.0,
            degradation: Degradation::Clean,
            stamp: false,
            signature: false,
        };
        let page = render_page(&fonts, &request).unwrap();
        check_truth(&page, &fonts, &format!("seed {seed}"));
    }
}

#[test]
fn bad_dpi_is_an_error() {
    let fonts = fonts();
    for dpi in [f32::NAN, 0.0, 50.0, 2000.0, f32::INFINITY] {
        let request = PageRequest {
            dpi,
            ..PageRequest::new(1)
        };
        assert!(matches!(
            render_page(&fonts, &request),
            Err(synth::SynthError::Dpi { .. })
        ));
    }
}
