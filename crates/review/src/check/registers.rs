//! Register rules R1–R3: establishments listed and active, establishment
//! numbers against the declaration, the signatory registered and authorised.

use super::fuzzy::{compact, glyphs, person, similarity};
use super::values::Needed;
use super::{compared, join_said, na, say, Context, Eval, Judgement};
use crate::extract::matching::fold;
use crate::field::names::{ESTABLISHMENTS, ISSUE_DATE, ORIGIN_COUNTRY, SIGNATORY};
use crate::field::ExtractedField;
use crate::registry::{Establishment, Signatory};
use crate::report::Source;

/// The certificate's establishment numbers, each with its register entry
/// (matched without spaces and punctuation: `SIF 4507` = `SIF4507`).
pub(crate) type Listed<'a> = Vec<(String, Option<&'a Establishment>)>;

/// The establishments field and each number's register entry.
pub(crate) fn establishments<'a>(ctx: &Context<'a>) -> Needed<(&'a ExtractedField, Listed<'a>)> {
    let (f, numbers) = ctx.list(ESTABLISHMENTS)?;
    let register = &ctx.registry.establishments;
    let mut listed = Vec::new();
    for n in numbers {
        let entry = entry_of(register, &n);
        match (entry, joined(register, &n)) {
            (None, Some(parts)) => listed.extend(parts),
            _ => listed.push((n, entry)),
        }
    }
    Ok((f, listed))
}

/// Characters an OCR reads in place of the comma between two numbers.
const SEPARATOR_SLIPS: [char; 3] = ['.', ';', ':'];

/// The parts of `number` when it is two or more listed numbers whose
/// separating comma the OCR read as another mark (`NL 123.NL 264` on a
/// fax); `None` unless every part has its own register entry.
fn joined<'a>(register: &'a [Establishment], number: &str) -> Option<Listed<'a>> {
    let parts: Vec<&str> = number
        .split(SEPARATOR_SLIPS)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    parts
        .into_iter()
        .map(|p| entry_of(register, p).map(|e| (p.to_string(), Some(e))))
        .collect()
}

/// The register entry of a read establishment number: the one equal to it
/// without spaces and punctuation, else the only one equal to it with
/// accents dropped and look-alike glyphs folded (a fax reads the I of
/// `IE 328` as 1 and its E as È), else the only one with the same digits in
/// the same order whose letters are one OCR slip away (a fax drops the I of
/// `SIF 1001` or reads the E of `RO ET 12` as F). A number with other digits
/// is never taken for a listed one.
fn entry_of<'a>(register: &'a [Establishment], number: &str) -> Option<&'a Establishment> {
    let key = compact(number);
    if let Some(e) = register.iter().find(|e| compact(&e.number) == key) {
        return Some(e);
    }
    let folded = glyphs(&fold(number));
    let mut alike = register
        .iter()
        .filter(|e| glyphs(&fold(&e.number)) == folded);
    if let (Some(e), None) = (alike.next(), alike.next()) {
        return Some(e);
    }
    let (digits, letters) = split_digits(&key);
    if digits.is_empty() || letters.is_empty() {
        return None;
    }
    let mut near = register.iter().filter(|e| {
        let (d, l) = split_digits(&compact(&e.number));
        d == digits && strsim::levenshtein(&l, &letters) <= 1
    });
    match (near.next(), near.next()) {
        (Some(e), None) => Some(e),
        _ => None,
    }
}

/// The digits and the other characters of a compacted number, each in order.
fn split_digits(key: &str) -> (String, String) {
    key.chars().partition(char::is_ascii_digit)
}

/// R1: each establishment is in the register, listed for the template's
/// product category, of the certificate's country, and not suspended on the
/// production date.
pub(crate) fn establishment_listed(ctx: &Context) -> Eval {
    let (f, list) = establishments(ctx)?;
    let category = ctx.template.map(|t| t.product.category.as_str());
    let country = ctx
        .template
        .map(|t| t.country.clone())
        .or_else(|| ctx.text(ORIGIN_COUNTRY).ok().map(|(_, c)| c.to_uppercase()));
    let production = ctx.production_date().ok();
    let mut problems = Vec::new();
    let mut values = Vec::new();
    for (n, entry) in &list {
        values.push(compared(Source::Certificate, ESTABLISHMENTS, n));
        let Some(e) = entry else {
            problems.push(say(
                format!("{n} not in the register"),
                format!("{n} 不在注册名单中"),
            ));
            continue;
        };
        values.push(compared(
            Source::Register,
            n,
            format!(
                "{} ({}), {}, listed {} for {}",
                e.name,
                e.china_registration,
                e.country,
                e.listed,
                e.categories.join("/")
            ),
        ));
        if let Some(c) = category {
            if !e.categories.iter().any(|x| x == c) {
                problems.push(say(
                    format!("{n} not listed for {c}"),
                    format!("{n} 未获 {c} 注册"),
                ));
            }
        }
        if let Some(c) = &country {
            if !e.country.eq_ignore_ascii_case(c) {
                problems.push(say(
                    format!("{n} is in {} not {c}", e.country),
                    format!("{n} 位于 {} 而非 {c}", e.country),
                ));
            }
        }
        if let Some((_, day)) = &production {
            if let Some(w) = e.suspensions.iter().find(|w| w.contains(*day)) {
                problems.push(say(
                    format!("{n} suspended from {} on {day}", w.from),
                    format!("{n} 自 {} 起暂停，{day} 处于暂停期", w.from),
                ));
            }
        }
    }
    let names: Vec<&str> = list.iter().map(|(n, _)| n.as_str()).collect();
    let found = if problems.is_empty() {
        say(names.join(", "), names.join("、"))
    } else {
        join_said(&problems, "; ", "；")
    };
    let mut expected = say("listed", "已注册");
    if let Some(c) = category {
        expected.en.push_str(&format!(" for {c}"));
        expected.zh = format!("已获 {c} 注册");
    }
    if let Some(c) = &country {
        expected.en.push_str(&format!(" in {c}"));
        expected.zh = format!("{c} 境内{}", expected.zh);
    }
    expected.en.push_str(", active on the production date");
    expected.zh.push_str("，且生产日期处于有效状态");
    Ok(Judgement::new(problems.is_empty(), found, expected)
        .compared(values)
        .fields([f]))
}

/// R2: the certificate's establishments equal the declaration's (as
/// approval numbers or as their China registration numbers).
pub(crate) fn registration_number(ctx: &Context) -> Eval {
    let d = ctx.need_declaration()?;
    if d.establishments.is_empty() {
        return Err(na(
            "the declaration lists no establishment",
            "报关单未列明企业",
        ));
    }
    let (f, list) = establishments(ctx)?;
    // Each certificate establishment's accepted keys.
    let keys: Vec<Vec<String>> = list
        .iter()
        .map(|(n, e)| {
            let mut k = vec![compact(n)];
            k.extend(e.map(|e| compact(&e.number)));
            k.extend(e.map(|e| compact(&e.china_registration)));
            k
        })
        .collect();
    let declared: Vec<String> = d.establishments.iter().map(|s| compact(s)).collect();
    let unmatched_cert: Vec<&str> = list
        .iter()
        .zip(&keys)
        .filter(|(_, k)| !k.iter().any(|k| declared.contains(k)))
        .map(|((n, _), _)| n.as_str())
        .collect();
    let unmatched_decl: Vec<&str> = d
        .establishments
        .iter()
        .zip(&declared)
        .filter(|(_, dk)| !keys.iter().any(|k| k.contains(dk)))
        .map(|(s, _)| s.as_str())
        .collect();
    let cert_text = list
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let decl_text = d.establishments.join(", ");
    let ok = unmatched_cert.is_empty() && unmatched_decl.is_empty();
    Ok(Judgement::new(ok, &cert_text, &decl_text)
        .compared(vec![
            compared(
                Source::Certificate,
                ESTABLISHMENTS,
                cert_text.replace(", ", ","),
            ),
            compared(
                Source::Declaration,
                ESTABLISHMENTS,
                decl_text.replace(", ", ","),
            ),
        ])
        .fields([f]))
}

/// R3: the signatory's printed name is a registered signatory of the
/// template's authority, authorised on the issue date.
pub(crate) fn signatory(ctx: &Context, min_similarity: f64) -> Eval {
    let t = ctx.need_template()?;
    let (f, printed) = ctx.text(SIGNATORY)?;
    let issued = ctx.date(ISSUE_DATE).ok();
    let name = person(printed);
    // A title OCR misread ("Di." for "Dr.") is not dropped as a title: the
    // name is also tried without a short first word.
    let untitled = match name.split_once(' ') {
        Some((first, rest)) if first.chars().count() <= 3 => rest.to_string(),
        _ => name.clone(),
    };
    let best = ctx
        .registry
        .signatories
        .iter()
        .filter(|s| s.authority == t.authority.id)
        .map(|s| {
            let registered = person(&s.name);
            let score = similarity(&registered, &name).max(similarity(&registered, &untitled));
            (s, score)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let mut values = vec![compared(Source::Certificate, SIGNATORY, printed)];
    let expected = say(
        format!(
            "a signatory of {} authorised on the issue date",
            t.authority.id
        ),
        format!("签发日期在 {} 授权有效的签字官员", t.authority.id),
    );
    let Some((s, score)) = best.filter(|(_, score)| *score >= min_similarity) else {
        if let Some((s, score)) = best {
            values.push(compared(Source::Register, "closest_signatory", &s.name));
            values.push(compared(
                Source::Register,
                "similarity",
                format!("{score:.2}"),
            ));
        }
        return Ok(Judgement::new(
            false,
            say(
                format!("{printed} (not registered)"),
                format!("{printed}（未备案）"),
            ),
            expected,
        )
        .compared(values)
        .fields([f]));
    };
    values.extend(register_values(s));
    values.push(compared(
        Source::Register,
        "similarity",
        format!("{score:.2}"),
    ));
    let mut fields = vec![f];
    let (ok, found) = match &issued {
        Some((issue_field, day)) => {
            fields.push(issue_field);
            values.push(compared(Source::Certificate, ISSUE_DATE, day.to_string()));
            let ok = *day >= s.valid_from && s.valid_to.is_none_or(|to| *day <= to);
            let found = if ok {
                say(
                    format!("{} authorised on {day}", s.name),
                    format!("{} 于 {day} 获授权", s.name),
                )
            } else {
                say(
                    format!("{} not authorised on {day}", s.name),
                    format!("{} 于 {day} 未获授权", s.name),
                )
            };
            (ok, found)
        }
        None => (
            true,
            say(
                format!("{} (issue date not read)", s.name),
                format!("{}（未读取到签发日期）", s.name),
            ),
        ),
    };
    Ok(Judgement::new(ok, found, expected)
        .compared(values)
        .fields(fields))
}

/// A registered signatory's values as compared entries.
fn register_values(s: &Signatory) -> Vec<crate::report::Compared> {
    vec![
        compared(Source::Register, "signatory", &s.name),
        compared(Source::Register, "signatory_id", &s.id),
        compared(Source::Register, "valid_from", s.valid_from.to_string()),
        compared(
            Source::Register,
            "valid_to",
            s.valid_to.map(|d| d.to_string()).unwrap_or_default(),
        ),
    ]
}
