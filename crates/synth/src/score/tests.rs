//! Hand-made scoring cases.

use super::*;
use crate::truth::Script;

/// A truth line in an axis-aligned box.
fn truth(text: &str, x0: f32, y0: f32, x1: f32, y1: f32) -> TruthLine {
    TruthLine {
        text: text.to_string(),
        quad: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]],
        script: Script::Latin,
    }
}

fn ocr(text: &str, x0: f32, y0: f32, x1: f32, y1: f32) -> OcrLine<'_> {
    OcrLine {
        text,
        quad: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]],
    }
}

/// "Net weight" and "24.560,00 kg" on one baseline, 40 px apart.
fn label_and_value() -> Vec<TruthLine> {
    vec![
        truth("Net weight", 100.0, 100.0, 300.0, 130.0),
        truth("24.560,00 kg", 340.0, 100.0, 580.0, 130.0),
    ]
}

#[test]
fn exact_reading() {
    let lines = label_and_value();
    let read = [
        ocr("Net weight", 98.0, 97.0, 302.0, 133.0),
        ocr("24.560,00 kg", 338.0, 97.0, 583.0, 133.0),
    ];
    let score = score_page(&lines, &read);
    assert_eq!(
        score,
        PageScore {
            truth_chars: 22,
            edits: 0,
            truth_lines: 2,
            exact_lines: 2,
            spurious_chars: 0
        }
    );
    assert_eq!(score.cer(), 0.0);
    assert_eq!(score.exact_line_rate(), 1.0);
}

#[test]
fn one_substitution() {
    let lines = label_and_value();
    let read = [
        ocr("Net weight", 100.0, 100.0, 300.0, 130.0),
        ocr("24.S60,00 kg", 340.0, 100.0, 580.0, 130.0),
    ];
    let score = score_page(&lines, &read);
    assert_eq!(score.edits, 1);
    assert_eq!(score.exact_lines, 1);
    assert!((score.cer() - 1.0 / 22.0).abs() < 1e-12);
    assert_eq!(score.exact_line_rate(), 0.5);
}

#[test]
fn merged_runs_are_split_at_the_space_between_them() {
    let lines = label_and_value();
    let read = [ocr("Net weight 24.560,00 kg", 100.0, 100.0, 580.0, 130.0)];
    let matching = match_lines(&lines, &[], &read);
    assert_eq!(matching.readings[0].read, "Net weight");
    assert_eq!(matching.readings[1].read, "24.560,00 kg");
    let score = score_page(&lines, &read);
    assert_eq!(score.edits, 0);
    assert_eq!(score.exact_lines, 2);

    // A misread near the join costs only that character.
    let read = [ocr("Net weight 24.560,0O kg", 100.0, 100.0, 580.0, 130.0)];
    let score = score_page(&lines, &read);
    assert_eq!(score.edits, 1);
    assert_eq!(score.exact_lines, 1);
}

#[test]
fn pieces_of_one_run_are_joined_in_reading_order() {
    let lines = vec![truth("Frigorífico São João Ltda", 0.0, 0.0, 500.0, 30.0)];
    // Given right piece first: ordering is by position, not by input order.
    let read = [
        ocr("João Ltda", 300.0, 0.0, 500.0, 30.0),
        ocr("Frigorífico São", 0.0, 0.0, 280.0, 30.0),
    ];
    let matching = match_lines(&lines, &[], &read);
    assert_eq!(matching.readings[0].read, "Frigorífico São João Ltda");
    assert_eq!(score_page(&lines, &read).edits, 0);
}

#[test]
fn missing_line_costs_all_its_characters() {
    let lines = label_and_value();
    let read = [ocr("Net weight", 100.0, 100.0, 300.0, 130.0)];
    let score = score_page(&lines, &read);
    assert_eq!(score.edits, 12);
    assert_eq!(score.exact_lines, 1);
    assert_eq!(score.spurious_chars, 0);
}

#[test]
fn spurious_line_counts_unless_in_dont_care() {
    let lines = label_and_value();
    let read = [
        ocr("Net weight", 100.0, 100.0, 300.0, 130.0),
        ocr("24.560,00 kg", 340.0, 100.0, 580.0, 130.0),
        ocr("SIF  BRASIL", 700.0, 700.0, 900.0, 740.0),
    ];
    let score = score_page(&lines, &read);
    assert_eq!(score.spurious_chars, 10);
    assert_eq!(score.edits, 10);
    assert_eq!(score.exact_lines, 2);

    let stamp = [
        [650.0, 650.0],
        [950.0, 650.0],
        [950.0, 950.0],
        [650.0, 950.0],
    ];
    let score = score_page_excluding(&lines, &[stamp], &read);
    assert_eq!(score.spurious_chars, 0);
    assert_eq!(score.edits, 0);
    let matching = match_lines(&lines, &[stamp], &read);
    assert_eq!(matching.ignored, vec![2]);
}

#[test]
fn whitespace_is_collapsed_and_neighbouring_rows_do_not_match() {
    let lines = vec![
        truth("Port of loading", 0.0, 0.0, 300.0, 30.0),
        truth("Santos, Brazil", 0.0, 40.0, 300.0, 70.0),
    ];
    // The first OCR box is a little tall and grazes the row below.
    let read = [
        ocr("  Port  of loading ", 0.0, -2.0, 300.0, 45.0),
        ocr("Santos, Brazil", 0.0, 40.0, 300.0, 70.0),
    ];
    let score = score_page(&lines, &read);
    assert_eq!(score.edits, 0);
    assert_eq!(score.exact_lines, 2);
}

#[test]
fn rotated_boxes_match() {
    // The same run turned by 3° about the origin, read exactly.
    let (c, s) = (3f32.to_radians().cos(), 3f32.to_radians().sin());
    let turn = |x: f32, y: f32| [x * c - y * s, x * s + y * c];
    let quad = [
        turn(100.0, 100.0),
        turn(600.0, 100.0),
        turn(600.0, 130.0),
        turn(100.0, 130.0),
    ];
    let lines = vec![TruthLine {
        text: "Frozen boneless beef".into(),
        quad,
        script: Script::Latin,
    }];
    let read = [OcrLine {
        text: "Frozen boneless beef",
        quad,
    }];
    assert_eq!(score_page(&lines, &read).exact_lines, 1);
}

#[test]
fn scores_add_up() {
    let mut total = PageScore::default();
    total += PageScore {
        truth_chars: 10,
        edits: 1,
        truth_lines: 2,
        exact_lines: 1,
        spurious_chars: 0,
    };
    total += PageScore {
        truth_chars: 30,
        edits: 3,
        truth_lines: 2,
        exact_lines: 2,
        spurious_chars: 2,
    };
    assert_eq!(total.truth_chars, 40);
    assert!((total.cer() - 0.1).abs() < 1e-12);
    assert_eq!(total.exact_line_rate(), 0.75);
    assert_eq!(PageScore::default().cer(), 0.0);
}

#[test]
fn a_latin_label_merged_with_its_chinese_twin_splits_at_the_change_of_script() {
    // "Date of slaughter:" (18 Latin characters) then "屠宰日期" (4 wide ones),
    // read as one line with no space between them.
    let lines = vec![
        truth("Date of slaughter:", 100.0, 100.0, 400.0, 130.0),
        truth("屠宰日期", 420.0, 100.0, 540.0, 130.0),
    ];
    let read = [ocr(
        "Date of slaughter:屠宰日期",
        100.0,
        100.0,
        540.0,
        130.0,
    )];
    let matching = match_lines(&lines, &[], &read);
    assert_eq!(matching.readings[0].read, "Date of slaughter:");
    assert_eq!(matching.readings[1].read, "屠宰日期");
    assert_eq!(score_page(&lines, &read).edits, 0);
}
