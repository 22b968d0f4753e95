//! Presence rules P1–P4: required fields, destination, languages, pages.

use ocr::text::PageText;
use regex::Regex;

use super::fuzzy::{best_window, fold, glyphs};
use super::values::Needed;
use super::{compared, join_said, na, say, Context, Eval, Judgement};
use crate::field::names::{CERTIFICATE_NUMBER, DESTINATION};
use crate::report::{Evidence, Source};
use crate::template::Template;

/// P1: every required field of the template has a value (raw text read).
pub(crate) fn required_fields(ctx: &Context) -> Eval {
    let t = ctx.need_template()?;
    let required: Vec<&str> = t
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name.as_str())
        .collect();
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|name| ctx.field(name).is_none_or(|f| f.raw.trim().is_empty()))
        .collect();
    let found = if missing.is_empty() {
        say(
            format!("all {} required fields present", required.len()),
            format!("{} 个必填项均已填写", required.len()),
        )
    } else {
        say(missing.join(", "), missing.join("、"))
    };
    let mut values = vec![compared(
        Source::Template,
        "required_fields",
        required.join(","),
    )];
    if !missing.is_empty() {
        values.push(compared(
            Source::Certificate,
            "missing_fields",
            missing.join(","),
        ));
    }
    Ok(Judgement::new(missing.is_empty(), found, required.join(", ")).compared(values))
}

/// P2: the destination, folded, is one of the accepted spellings.
pub(crate) fn destination(ctx: &Context, accepted: &[String]) -> Eval {
    let (f, value) = ctx.text(DESTINATION)?;
    let folded = fold(value);
    let ok = accepted.iter().any(|a| fold(a) == folded);
    Ok(Judgement::new(ok, value, accepted.join(" / "))
        .compared(vec![
            compared(Source::Certificate, DESTINATION, value),
            compared(Source::Template, "accepted", accepted.join(",")),
        ])
        .fields([f]))
}

/// Similarity a label must reach in the OCR text to count as printed (P3).
const LABEL_SIMILARITY: f64 = 0.85;

/// Share of a language's distinctive labels that must be found (P3); OCR
/// misses some lines, a missing language misses nearly all.
const LABEL_SHARE: f64 = 0.4;

/// Chinese characters needed for Chinese to count as printed (P3).
const MIN_HAN: usize = 4;

/// P3: each required language is printed. Chinese by its characters; other
/// languages by the template's labels in that language found in the text.
pub(crate) fn languages(ctx: &Context, required: &[String]) -> Eval {
    if ctx.pages.iter().all(|p| p.lines.is_empty()) {
        return Err(na("no text was read", "未识别到文字"));
    }
    let text: String = ctx.pages.iter().map(|p| p.plain_text()).collect();
    let folded = fold(&text);
    let mut present = Vec::new();
    let mut absent = Vec::new();
    for lang in required {
        let found = if lang == "zh" {
            text.chars().filter(|c| is_han(*c)).count() >= MIN_HAN
        } else {
            latin_present(ctx.need_template()?, lang, &folded)?
        };
        if found {
            present.push(lang.as_str());
        } else {
            absent.push(lang.as_str());
        }
    }
    let found = if absent.is_empty() {
        say(present.join(", "), present.join("、"))
    } else {
        say(
            format!("{} (missing {})", present.join(", "), absent.join(", ")),
            format!("{}（缺少 {}）", present.join("、"), absent.join("、")),
        )
    };
    Ok(
        Judgement::new(absent.is_empty(), found, required.join(", ")).compared(vec![
            compared(Source::Certificate, "languages", present.join(",")),
            compared(Source::Template, "languages", required.join(",")),
        ]),
    )
}

/// Whether a CJK unified ideograph.
fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Whether enough of the template's labels in `lang` that differ from the
/// other languages' texts are found in the folded page text.
fn latin_present(t: &Template, lang: &str, folded: &str) -> Needed<bool> {
    let texts = t
        .anchors
        .iter()
        .map(|a| &a.text)
        .chain(t.fields.iter().map(|f| &f.label));
    let mut distinctive = 0usize;
    let mut found = 0usize;
    for localised in texts {
        let Some(own) = localised.get(lang).map(|s| fold(s)) else {
            continue;
        };
        // Words shared with another language prove nothing.
        let shared = localised
            .iter()
            .any(|(l, s)| l != lang && similarity_high(&fold(s), &own));
        if own.chars().count() < 4 || shared {
            continue;
        }
        distinctive += 1;
        if best_window(&own, folded) >= LABEL_SIMILARITY {
            found += 1;
        }
    }
    if distinctive == 0 {
        return Err(na(
            format!("the template has no label of its own in {lang}"),
            format!("模板没有 {lang} 语言的独有标签"),
        ));
    }
    Ok(found as f64 >= LABEL_SHARE * distinctive as f64)
}

fn similarity_high(a: &str, b: &str) -> bool {
    super::fuzzy::similarity(a, b) >= LABEL_SIMILARITY
}

/// A footer read on one page: the printed page number, page count and
/// certificate number.
struct FooterRead {
    page_index: usize,
    page: u32,
    pages: u32,
    number: Option<String>,
    evidence: Evidence,
}

/// P4: every page carries the footer ("page x of y"), the pages are 1..=y
/// with y the template's page count, and each footer's certificate number
/// is the same (and that of the certificate number field).
pub(crate) fn pages_complete(ctx: &Context) -> Eval {
    let t = ctx.need_template()?;
    let footer = t
        .footer
        .as_ref()
        .ok_or_else(|| na("the template prints no page footer", "模板没有页脚"))?;
    let pattern = footer_regex(&footer.text).ok_or_else(|| {
        na(
            format!("the footer {:?} has no page placeholder", footer.text),
            format!("页脚 {:?} 没有页码占位符", footer.text),
        )
    })?;
    let mut reads = read_footers(ctx, &pattern, &footer.text, t.pages);

    // Which pages are there, and which numbers.
    let number_field = ctx.text(CERTIFICATE_NUMBER).ok();
    let mut problems = Vec::new();
    // A page whose footer OCR could not read (fax, blur) is no evidence of
    // a missing page when the file has the template's page count.
    let complete = ctx.pages.len() == t.pages as usize;
    let unread = ctx
        .pages
        .iter()
        .enumerate()
        .filter(|(i, _)| !reads.iter().any(|r| r.page_index == *i))
        .count();
    for (i, _) in ctx.pages.iter().enumerate() {
        if !complete && !reads.iter().any(|r| r.page_index == i) {
            problems.push(say(
                format!("no footer read on page {}", i + 1),
                format!("第 {} 页未读到页脚", i + 1),
            ));
        }
    }
    let mut printed: Vec<u32> = reads.iter().map(|r| r.page).collect();
    printed.sort_unstable();
    printed.dedup();
    let expected_pages: Vec<u32> = (1..=t.pages).collect();
    if printed != expected_pages {
        let missing: Vec<String> = expected_pages
            .iter()
            .filter(|p| !printed.contains(p))
            .map(u32::to_string)
            .collect();
        if !missing.is_empty() && (!complete || unread == 0) {
            problems.push(say(
                format!("page {} missing", missing.join(", ")),
                format!("缺少第 {} 页", missing.join("、")),
            ));
        }
    }
    if let Some(r) = reads.iter().find(|r| r.pages != t.pages) {
        problems.push(say(
            format!("page {} says {} pages", r.page_index + 1, r.pages),
            format!("第 {} 页标明共 {} 页", r.page_index + 1, r.pages),
        ));
    }
    // The number each footer should carry: the field's when it has the
    // template's format, else the first footer number that has it. A footer
    // number in that format is compared whole; one out of it was misread
    // ("CHEOP" for "CHEDP", "6" for "C"), and only its digit groups that
    // kept their length are compared.
    let format = unanchored(&t.number_pattern);
    let formatted = |n: &str| in_format(format.as_ref(), n);
    let reference = number_field
        .map(|(_, v)| v.to_string())
        .filter(|v| formatted(v).is_some())
        .or_else(|| reads.iter().find_map(|r| formatted(r.number.as_deref()?)));
    if let Some(reference) = reference {
        let alike = look_alike(&reference);
        for r in &mut reads {
            let Some(n) = r.number.clone() else { continue };
            // OCR may glue the label to the number ("No.0001/4507/23").
            let read = look_alike(&n);
            let same = !alike.is_empty() && (read.ends_with(&alike) || one_dropped(&read, &alike));
            let other = match (&format, formatted(&n)) {
                // In the number's format: compared whole, look-alikes folded.
                (Some(_), Some(whole)) => (look_alike(&whole) != alike).then_some(whole),
                // Out of format, a slip: its digit groups that kept their
                // length must still agree.
                (Some(_), None) => changed_group(&n, &reference).map(|_| n.trim().to_string()),
                // No usable pattern: the number's end.
                (None, _) => (!same).then(|| n.trim().to_string()),
            };
            match other {
                Some(other) => {
                    problems.push(say(
                        format!("page {} number {other}", r.page_index + 1),
                        format!("第 {} 页编号 {other}", r.page_index + 1),
                    ));
                    r.number = Some(other);
                }
                None if same || formatted(&n).is_some() => r.number = Some(reference.clone()),
                None => {
                    log::debug!(
                        "P4: footer number {n:?} on page {} misread",
                        r.page_index + 1
                    );
                    r.number = Some(format!("{}?", n.trim()));
                }
            }
        }
    }

    // What was compared.
    let mut values = vec![compared(Source::Template, "pages", t.pages.to_string())];
    for r in &reads {
        values.push(compared(
            Source::Certificate,
            &format!("footer page {}", r.page_index + 1),
            match &r.number {
                Some(n) => format!("{} of {} ({n})", r.page, r.pages),
                None => format!("{} of {}", r.page, r.pages),
            },
        ));
    }
    if let Some((_, v)) = number_field {
        values.push(compared(Source::Certificate, CERTIFICATE_NUMBER, v));
    }
    let found = if problems.is_empty() {
        say(
            format!("{} of {} pages", reads.len(), t.pages),
            format!("{} / {} 页", reads.len(), t.pages),
        )
    } else {
        join_said(&problems, "; ", "；")
    };
    let expected = say(format!("{}", t.pages), format!("{} 页", t.pages));
    let evidence = reads.iter().map(|r| r.evidence.clone()).collect();
    Ok(Judgement::new(problems.is_empty(), found, expected)
        .compared(values)
        .evidence(evidence))
}

/// A footer number for comparing: [`glyphs`] with a lower-case l also read
/// as 1 (`CHEDP.lE.2024` for `CHEDP.IE.2024`). Digits are never folded
/// into one another, so a changed digit still differs.
fn look_alike(number: &str) -> String {
    glyphs(&fold(number))
        .chars()
        .map(|c| if c == 'L' { '1' } else { c })
        .collect()
}

/// The template's number pattern without its anchors, to find a number
/// inside a footer's text; `None` when it does not compile.
fn unanchored(pattern: &str) -> Option<Regex> {
    let bare = pattern.trim_start_matches('^').trim_end_matches('$');
    Regex::new(bare).ok()
}

/// The last stretch of `read` (spaces dropped) that has the certificate
/// number's format, if any: `"No./证书编号9542/0751/23"` →
/// `"9542/0751/23"` for `\d{4}/\d{4}/\d{2}`. With no pattern every read
/// counts, whole.
fn in_format(format: Option<&Regex>, read: &str) -> Option<String> {
    let Some(format) = format else {
        return Some(read.to_string());
    };
    let bare: String = read.chars().filter(|c| !c.is_whitespace()).collect();
    format
        .find_iter(&bare)
        .last()
        .map(|m| m.as_str().to_string())
}

/// The first digit group of a misread footer number that has the length of
/// the reference's group in the same place (counted from the end) but other
/// digits: `"C1EDP.DK.2025.7657422"` against `"CHEDP.DK.2025.7857422"` gives
/// `"7657422"`. Groups whose length changed are slips, not evidence
/// (`"56248)1"` for `"5624891"`, `"274797-6"` for `"274797-C"`).
fn changed_group(read: &str, reference: &str) -> Option<String> {
    let groups = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .flat_map(|token| {
                look_alike(token)
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|g| !g.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let (read, reference) = (groups(read), groups(reference));
    read.iter()
        .rev()
        .zip(reference.iter().rev())
        .find(|(r, want)| r.len() == want.len() && r != want)
        .map(|(r, _)| r.clone())
}

/// Whether the read number's end is `reference` with one character left
/// out, as OCR drops a glyph of a run of equal digits ("6666/642/25" for
/// "6666/6442/25"). A changed number keeps its length and still differs.
fn one_dropped(read: &str, reference: &str) -> bool {
    let want: Vec<char> = reference.chars().collect();
    let got: Vec<char> = read.chars().collect();
    if want.len() < 2 || got.len() + 1 < want.len() {
        return false;
    }
    let tail = &got[got.len() + 1 - want.len()..];
    // Not the first character: read after the label, a first digit dropped
    // looks the same as one changed ("4542/0750/23" for "9542/0750/23").
    (1..want.len()).any(|skip| {
        want.iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, c)| c)
            .eq(tail.iter())
    })
}

/// The page count a footer states: the digits read, except that a "/"
/// right after the count (the bilingual footers' "of 2 / 第2页") is often
/// read as "1" or "7", so "21" or "27" where the template has 2 pages and
/// prints "{pages} /" counts as 2.
fn stated_pages(digits: &str, footer: &str, expected: u32) -> Option<u32> {
    let read: u32 = digits.parse().ok()?;
    let slash_next = footer.replace(' ', "").contains("{pages}/");
    match digits.strip_suffix(['1', '7']) {
        Some(head) if read != expected && slash_next && head.parse() == Ok(expected) => {
            Some(expected)
        }
        _ => Some(read),
    }
}

/// A piece of the footer text: printed words or a placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece<'a> {
    Literal(&'a str),
    Page,
    Pages,
    Number,
}

/// Splits a footer text at its `{page}`, `{pages}` and `{number}` placeholders.
fn pieces(footer: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = footer;
    while !rest.is_empty() {
        let next = ["{page}", "{pages}", "{number}"]
            .iter()
            .filter_map(|p| rest.find(p).map(|i| (i, *p)))
            .min();
        let Some((i, placeholder)) = next else {
            out.push(Piece::Literal(rest));
            break;
        };
        if i > 0 {
            out.push(Piece::Literal(&rest[..i]));
        }
        out.push(match placeholder {
            "{page}" => Piece::Page,
            "{pages}" => Piece::Pages,
            _ => Piece::Number,
        });
        rest = &rest[i + placeholder.len()..];
    }
    out
}

/// The footer as a case-insensitive regex with groups `page`, `pages` and
/// `number`, or `None` without a `{page}` placeholder.
///
/// Footers repeat themselves in each language ("... Page {page} of
/// {pages} / 第{page}页 共{pages}页"), and OCR misreads some of it, so the
/// regex covers only the shortest stretch holding each placeholder once
/// ("{number} - Page {page} of {pages}"); spaces are optional, since OCR
/// drops some.
fn footer_regex(footer: &str) -> Option<Regex> {
    let pieces = pieces(footer);
    let wanted: Vec<Piece> = [Piece::Page, Piece::Pages, Piece::Number]
        .into_iter()
        .filter(|p| pieces.contains(p))
        .collect();
    if !wanted.contains(&Piece::Page) {
        return None;
    }

    // The shortest window of pieces holding every wanted placeholder.
    let mut best: Option<(usize, usize)> = None;
    for start in 0..pieces.len() {
        for end in start..pieces.len() {
            let window = &pieces[start..=end];
            if wanted.iter().all(|w| window.contains(w))
                && best.is_none_or(|(s, e)| end - start < e - s)
            {
                best = Some((start, end));
            }
        }
    }
    let (start, end) = best?;

    // Literals inside it are kept, word by word.
    let window = &pieces[start..=end];
    let mut re = String::from("(?i)");
    for (i, piece) in window.iter().enumerate() {
        let last = i + 1 == window.len();
        match piece {
            Piece::Literal(text) => {
                for word in text.split_whitespace() {
                    re.push_str(r"\s*");
                    re.push_str(&one_slip(word));
                }
                re.push_str(r"\s*");
            }
            Piece::Page => re.push_str(r"(?P<page>\d+)"),
            Piece::Pages => re.push_str(r"(?P<pages>\d+)"),
            Piece::Number if last => re.push_str(r"(?P<number>\S+)"),
            // Before more text: lazy, and spaces allowed ("23 - 535850 - C -
            // Page 1"); the match starts at the row's start, so the label
            // comes along and P4 compares the number's end.
            Piece::Number => re.push_str(r"(?P<number>.+?)"),
        }
    }
    Regex::new(&re).ok()
}

/// A literal word of the footer as a regex that also takes one character
/// read wrong when the word has at least 4 ("Pagc" for "Page"); shorter
/// words ("of", "No.") must be read exactly.
fn one_slip(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 4 {
        return regex::escape(word);
    }
    let variants: Vec<String> = (0..chars.len())
        .map(|slip| {
            chars
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    if i == slip {
                        ".".to_string()
                    } else {
                        regex::escape(&c.to_string())
                    }
                })
                .collect()
        })
        .collect();
    format!("(?:{})", variants.join("|"))
}

/// The page's lines grouped into rows (vertical centres within half a line
/// height), each row's texts joined left to right with a space. OCR and
/// printing split a footer into runs (by script, at wide gaps); the footer
/// regex reads the row. Returns each row's text and bounding box.
fn rows(page: &PageText) -> Vec<(String, ocr::quad::Quad)> {
    let mut lines: Vec<(f32, f32, f32, &ocr::text::Line)> = page
        .lines
        .iter()
        .map(|l| {
            let (x0, y0, _, y1) = ocr::quad::bounds(&l.quad);
            (x0, (y0 + y1) / 2.0, (y1 - y0).max(1.0), l)
        })
        .collect();
    lines.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut rows: Vec<Vec<(f32, f32, f32, &ocr::text::Line)>> = Vec::new();
    for line in lines {
        match rows.last_mut() {
            Some(row) if (line.1 - row[0].1).abs() <= 0.5 * row[0].2.max(line.2) => row.push(line),
            _ => rows.push(vec![line]),
        }
    }
    rows.into_iter()
        .map(|mut row| {
            row.sort_by(|a, b| a.0.total_cmp(&b.0));
            let text = row
                .iter()
                .map(|(_, _, _, l)| l.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
            for (_, _, _, l) in &row {
                let (a, b, c, d) = ocr::quad::bounds(&l.quad);
                x0 = x0.min(a);
                y0 = y0.min(b);
                x1 = x1.max(c);
                y1 = y1.max(d);
            }
            (text, [[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
        })
        .collect()
}

/// The footers found on each page (at most one per page: the lowest row
/// that matches).
fn read_footers(ctx: &Context, pattern: &Regex, footer: &str, expected: u32) -> Vec<FooterRead> {
    let mut reads = Vec::new();
    for (i, page) in ctx.pages.iter().enumerate() {
        let found = rows(page).into_iter().rev().find_map(|(text, quad)| {
            let caps = pattern.captures(&text)?;
            let page_no = caps.name("page")?.as_str().parse().ok()?;
            let pages = caps
                .name("pages")
                .and_then(|m| stated_pages(m.as_str(), footer, expected))
                .unwrap_or(page_no);
            Some(FooterRead {
                page_index: i,
                page: page_no,
                pages,
                number: caps.name("number").map(|m| m.as_str().to_string()),
                evidence: Evidence {
                    page: i as u32 + 1,
                    quad,
                },
            })
        });
        reads.extend(found);
    }
    reads
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_numbers_compare_with_look_alikes_folded() {
        assert_eq!(look_alike("CHEDP.lE.2024.2561890"), "CHEDP1E20242561890");
        assert_eq!(
            look_alike("CHEDP.lE.2024.2561890"),
            look_alike("CHEDP.IE.2024.2561890")
        );
        assert_eq!(look_alike("No. OO01/4507/23"), "N00001450723");
        assert_ne!(
            look_alike("CHEDP.IE.2024.2561891"),
            look_alike("CHEDP.IE.2024.2561890")
        );
    }

    #[test]
    fn ocr_slips_in_footers_are_not_findings() {
        // A digit of a run dropped: the same number; one changed: another.
        assert!(one_dropped(&fold("No.6666/642/25"), &fold("6666/6442/25")));
        assert!(!one_dropped(
            &fold("No.6666/6452/25"),
            &fold("6666/6442/25")
        ));
        assert!(!one_dropped(&fold("6666/42/25"), &fold("6666/6442/25")));
        // "of 2 / 第2页" read as "of 21第2页".
        let bilingual = "No. {number} - Page {page} of {pages} / 第{page}页 共{pages}页";
        assert_eq!(stated_pages("21", bilingual, 2), Some(2));
        assert_eq!(stated_pages("3", bilingual, 2), Some(3));
        assert_eq!(stated_pages("21", "Page {page} of {pages}", 2), Some(21));
        assert_eq!(stated_pages("11", bilingual, 11), Some(11));
        // The slash read as "7" ("Page 1 of 27第1页共2页", a faxed CA-PORK).
        assert_eq!(stated_pages("27", bilingual, 2), Some(2));
        assert_eq!(stated_pages("37", bilingual, 2), Some(37));
        // A changed first digit ("4542/0750/23" for "9542/0750/23", a
        // planted page from another certificate) is not a dropped one.
        assert!(!one_dropped(
            &look_alike("No./证书编号4542/0750/23"),
            &look_alike("9542/0750/23")
        ));
    }

    #[test]
    fn misread_footer_numbers_still_show_a_changed_digit_group() {
        // A faxed DK-PORK page 2: "H" read as "1", and a digit changed.
        assert_eq!(
            changed_group("No./证书编号C1EDP.DK.2025.7657422", "CHEDP.DK.2025.7857422").as_deref(),
            Some("7657422")
        );
        // Slips that change a group's length or a letter are no evidence.
        assert_eq!(
            changed_group("No./证书编号40-274797-6", "40-274797-C"),
            None
        );
        assert_eq!(
            changed_group("No,/证书编号（EDP.DK.2026.56248)1", "CHEDP.DK.2026.5624891"),
            None
        );
        assert_eq!(
            changed_group(
                "Certificate No. CHEOP.RO.2023.6085461",
                "CHEDP.RO.2023.6085461"
            ),
            None
        );
    }

    #[test]
    fn footer_numbers_out_of_format_are_slips_not_other_certificates() {
        let format = unanchored(r"^\d{4}/\d{4}/\d{2}$");
        assert_eq!(
            in_format(format.as_ref(), "No./证书编号4542/0750/23").as_deref(),
            Some("4542/0750/23")
        );
        let format = unanchored(r"^\d{2}-\d{6}-[A-Z]$");
        assert_eq!(in_format(format.as_ref(), "No./证书编号40-274797-6"), None);
        assert_eq!(
            in_format(format.as_ref(), "证书编号 40 - 274797 - C").as_deref(),
            Some("40-274797-C")
        );
        let format = unanchored(r"^CHEDP\.[A-Z]{2}\.\d{4}\.\d{7}$");
        assert_eq!(
            in_format(format.as_ref(), "Certificate No. CHEOP.RO.2023.6085461"),
            None
        );
        assert_eq!(
            in_format(None, "No. 12").as_deref(),
            Some("No. 12"),
            "without a pattern every read is judged"
        );
    }

    #[test]
    fn footer_regex_reads_page_and_number_with_or_without_spaces() {
        let re = footer_regex("Certificate No. {number} - Page {page} of {pages}").unwrap();
        let c = re
            .captures("Certificate No. 0001/4507/23 - Page 2 of 3")
            .unwrap();
        assert_eq!(&c["number"], "Certificate No. 0001/4507/23");
        assert_eq!(&c["page"], "2");
        assert_eq!(&c["pages"], "3");
        // Without spaces the label sticks to the number; P4 compares the end.
        let c = re.captures("CertificateNo.0001/4507/23-Page2of3").unwrap();
        assert_eq!(&c["number"], "CertificateNo.0001/4507/23");
        assert_eq!(&c["page"], "2");
        let re = footer_regex("Page {page} of {pages} / {number}").unwrap();
        let c = re.captures("Page 1 of 2 / NZ-12345").unwrap();
        assert_eq!(&c["number"], "NZ-12345");
        let re = footer_regex(
            "Certificate No. / 证书编号 {number} - Page {page} of {pages} / 第{page}页 共{pages}页",
        )
        .unwrap();
        let c = re
            .captures("Certificate No. / 证书编号 VH86/270786 - Page 1 of 2 / 第1页 共2页")
            .unwrap();
        assert!(c["number"].ends_with(" VH86/270786"));
        let c = re
            .captures("证书编号 23 - 535850 - C - Page 1 of 2 / 第1页 共2页")
            .unwrap();
        assert_eq!(&c["number"], "证书编号 23 - 535850 - C");
        assert_eq!(&c["pages"], "2");
        // One letter of a longer word misread (a faxed "Pagc").
        let c = re
            .captures("Certificate No./证书编号C1EDP.DK.2025.7657422- Pagc 2of 2 /第2页共2页")
            .unwrap();
        assert_eq!(&c["page"], "2");
        assert!(c["number"].ends_with("C1EDP.DK.2025.7657422"));
        assert!(re.captures("Certificate No. 1 - Pqgc 2 of 2").is_none());
    }
}
