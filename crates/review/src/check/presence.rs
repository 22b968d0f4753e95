//! Presence rules P1–P4: required fields, destination, languages, pages.

use regex::Regex;

use super::fuzzy::{best_window, fold};
use super::values::Needed;
use super::{compared, na, Context, Eval, Judgement};
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
        format!("all {} required fields present", required.len())
    } else {
        format!("missing: {}", missing.join(", "))
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
        present.join(", ")
    } else {
        format!("{} (missing {})", present.join(", "), absent.join(", "))
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
    let reads = read_footers(ctx, &pattern);

    // Which pages are there, and which numbers.
    let number_field = ctx.text(CERTIFICATE_NUMBER).ok();
    let expected_number = number_field.map(|(_, v)| fold(v));
    let mut problems = Vec::new();
    for (i, _) in ctx.pages.iter().enumerate() {
        if !reads.iter().any(|r| r.page_index == i) {
            problems.push(format!("no footer read on page {}", i + 1));
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
        if !missing.is_empty() {
            problems.push(format!("page {} missing", missing.join(", ")));
        }
    }
    if let Some(r) = reads.iter().find(|r| r.pages != t.pages) {
        problems.push(format!("page {} says {} pages", r.page_index + 1, r.pages));
    }
    let numbers: Vec<&FooterRead> = reads.iter().filter(|r| r.number.is_some()).collect();
    let reference =
        expected_number.or_else(|| numbers.first().and_then(|r| r.number.as_deref().map(fold)));
    for r in &numbers {
        let n = r.number.as_deref().unwrap_or_default();
        if Some(fold(n)) != reference {
            problems.push(format!("page {} number {n}", r.page_index + 1));
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
        format!("{} of {} pages", reads.len(), t.pages)
    } else {
        problems.join("; ")
    };
    let expected = format!("{} pages with the same number", t.pages);
    let evidence = reads.iter().map(|r| r.evidence.clone()).collect();
    Ok(Judgement::new(problems.is_empty(), found, expected)
        .compared(values)
        .evidence(evidence))
}

/// The footer text as a case-insensitive regex with groups `page`, `pages`
/// and `number`; spaces optional, since OCR drops some. `None` without a
/// `{page}` placeholder.
fn footer_regex(footer: &str) -> Option<Regex> {
    if !footer.contains("{page}") {
        return None;
    }
    let mut re = String::from("(?i)");
    let mut rest = footer;
    while !rest.is_empty() {
        let (literal, tail) = match rest.find('{') {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        for word in literal.split_whitespace() {
            re.push_str(r"\s*");
            re.push_str(&regex::escape(word));
        }
        if literal.ends_with(char::is_whitespace) || literal.is_empty() {
            re.push_str(r"\s*");
        }
        rest = tail;
        for (placeholder, group) in [
            ("{pages}", r"\s*(?P<pages>\d+)"),
            ("{page}", r"\s*(?P<page>\d+)"),
            ("{number}", r"\s*(?P<number>\S+?)"),
        ] {
            if let Some(after) = rest.strip_prefix(placeholder) {
                re.push_str(group);
                rest = after;
            }
        }
        // A lone brace that is no placeholder is printed as is.
        if let Some(after) = rest.strip_prefix('{') {
            re.push_str(r"\{");
            rest = after;
        }
    }
    if footer.trim_end().ends_with("{number}") {
        // A lazy number at the end would stop after one character.
        re = re.replace(r"(?P<number>\S+?)", r"(?P<number>\S+)");
    }
    Regex::new(&re).ok()
}

/// The footers found on each page (at most one per page: the lowest match).
fn read_footers(ctx: &Context, pattern: &Regex) -> Vec<FooterRead> {
    let mut reads = Vec::new();
    for (i, page) in ctx.pages.iter().enumerate() {
        let found = page.lines.iter().rev().find_map(|line| {
            let caps = pattern.captures(&line.text)?;
            let page_no = caps.name("page")?.as_str().parse().ok()?;
            let pages = caps
                .name("pages")
                .and_then(|m| m.as_str().parse().ok())
                .unwrap_or(page_no);
            Some(FooterRead {
                page_index: i,
                page: page_no,
                pages,
                number: caps.name("number").map(|m| m.as_str().to_string()),
                evidence: Evidence {
                    page: i as u32 + 1,
                    quad: line.quad,
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
    fn footer_regex_reads_page_and_number_with_or_without_spaces() {
        let re = footer_regex("Certificate No. {number} - Page {page} of {pages}").unwrap();
        let c = re
            .captures("Certificate No. 0001/4507/23 - Page 2 of 3")
            .unwrap();
        assert_eq!(&c["number"], "0001/4507/23");
        assert_eq!(&c["page"], "2");
        assert_eq!(&c["pages"], "3");
        let c = re.captures("CertificateNo.0001/4507/23-Page2of3").unwrap();
        assert_eq!(&c["number"], "0001/4507/23");
        let re = footer_regex("Page {page} of {pages} / {number}").unwrap();
        let c = re.captures("Page 1 of 2 / NZ-12345").unwrap();
        assert_eq!(&c["number"], "NZ-12345");
    }
}
