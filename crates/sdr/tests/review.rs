//! `sdr check-data`, `sdr synth`, `sdr review` and `sdr eval` as a user runs
//! them: the built binary on the repository's data and on certificates it
//! generates. A small seeded set; the 300-certificate evaluation is a
//! benchmark (scripts/eval.sh), not a test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sdr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sdr"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("sdr runs")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A folder of generated certificates shared by the tests: 8 certificates
/// over all templates, faults drawn at random, half of them degraded.
fn corpus() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sdr-review-corpus");
        let _ = std::fs::remove_dir_all(&dir);
        ok(&sdr(&[
            "synth",
            "--template",
            "all",
            "--count",
            "8",
            "--seed",
            "2026",
            "--faults",
            "random",
            "--degraded",
            "0.5",
            "--out",
            dir.to_str().unwrap(),
        ]));
        dir
    })
}

fn keys(dir: &Path) -> Vec<(PathBuf, serde_json::Value)> {
    let mut keys: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".key.json"))
        .map(|p| {
            let key = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
            (p, key)
        })
        .collect();
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    keys
}

#[test]
fn check_data_accepts_the_repository_data() {
    let text = ok(&sdr(&["check-data"]));
    assert!(text.contains("from 19 countries or regions"), "{text}");
    assert!(text.lines().any(|l| l == "ok"), "{text}");
}

#[test]
fn check_data_names_the_file_and_field_of_a_bad_template() {
    // A copy of the data with one template's field type misspelt.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sdr-bad-data");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("web/templates")).unwrap();
    std::fs::create_dir_all(dir.join("web/registry")).unwrap();
    std::fs::copy(root().join("rules.json"), dir.join("rules.json")).unwrap();
    for sub in ["web/templates", "web/registry"] {
        for entry in std::fs::read_dir(root().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(&path, dir.join(sub).join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    let victim = dir.join("web/templates/us-phyto-2023.json");
    let text = std::fs::read_to_string(&victim).unwrap();
    let broken = text.replacen("\"type\": \"date\"", "\"type\": \"datum\"", 1);
    assert_ne!(text, broken, "the template has a date field to break");
    std::fs::write(&victim, broken).unwrap();

    let out = sdr(&["check-data", "--data", dir.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("us-phyto-2023.json"), "{err}");
    assert!(err.contains(".type"), "{err}");
    assert!(err.contains("datum"), "{err}");
}

#[test]
fn review_reads_the_template_and_fields_of_a_generated_certificate() {
    // The first clean certificate of the corpus.
    let dir = corpus();
    let (_, key) = keys(dir)
        .into_iter()
        .find(|(_, k)| k["degradation"] == "clean")
        .expect("a clean certificate");
    let file = dir.join(key["file"].as_str().unwrap());
    let declaration = dir.join(key["declaration"].as_str().unwrap());

    let text = ok(&sdr(&[
        "review",
        "--json",
        file.to_str().unwrap(),
        "--declaration",
        declaration.to_str().unwrap(),
    ]));
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["template"]["id"], key["template"]);
    assert_eq!(report["template"]["version"], key["version"]);
    let value = |name: &str| {
        report["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .map(|f| f["value"].clone())
    };
    for name in ["certificate_number", "issue_date", "net_weight", "hs_code"] {
        assert_eq!(value(name), Some(key["fields"][name].clone()), "{name}");
    }
    assert_eq!(report["verdict"]["decision"], key["expected_verdict"]);

    // The readable summary says the same.
    let summary = ok(&sdr(&["review", file.to_str().unwrap()]));
    assert!(
        summary.contains(key["template"].as_str().unwrap()),
        "{summary}"
    );
}

#[test]
fn eval_scores_a_small_generated_set() {
    let dir = corpus();
    let text = ok(&sdr(&["eval", "--json", dir.to_str().unwrap()]));
    let scores: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(scores["certificates"], 8);
    assert_eq!(scores["errors"].as_array().unwrap().len(), 0, "{text}");
    let rate =
        |r: &serde_json::Value| r["hits"].as_f64().unwrap() / r["total"].as_f64().unwrap().max(1.0);
    assert_eq!(rate(&scores["identification"]), 1.0, "{text}");
    assert!(rate(&scores["fields_clean"]) >= 0.95, "{text}");
    assert!(rate(&scores["fields_degraded"]) >= 0.90, "{text}");
    assert!(rate(&scores["verdicts"]) >= 0.75, "{text}");
}

#[test]
fn an_unseen_form_is_an_unknown_template_with_generic_fields() {
    // A certificate-like page that follows no template.
    let fonts = synth::Fonts::from_debian().unwrap();
    let mut request = synth::PageRequest::new(5);
    request.dpi = 200.0;
    let page = synth::render_page(&fonts, &request).unwrap();
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sdr-unseen-form.png");
    page.image.save(&path).unwrap();
    let printed: Vec<&str> = page.lines.iter().map(|l| l.text.as_str()).collect();
    let container = printed
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_ascii_alphanumeric()))
        .find(|w| {
            w.len() == 11
                && w[..4].chars().all(|c| c.is_ascii_uppercase())
                && w[4..].chars().all(|c| c.is_ascii_digit())
        })
        .expect("the page prints a container number")
        .to_string();

    let text = ok(&sdr(&["review", "--json", path.to_str().unwrap()]));
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(report["template"].is_null(), "{}", report["template"]);
    assert_ne!(report["verdict"]["decision"], "release");
    let values: Vec<String> = report["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["value"].as_str().map(str::to_string))
        .collect();
    assert!(
        values.iter().any(|v| v.contains(&container)),
        "{container} not among {values:?}"
    );
    assert!(
        values
            .iter()
            .any(|v| v.len() == 10 && v.as_bytes()[4] == b'-'),
        "no ISO date among {values:?}"
    );
}
