//! Format rules F1–F7: certificate number, container check digits, HS code,
//! dates, country code.

use regex::Regex;

use super::{compared, na, say, Context, Eval, Judgement};
use crate::extract::iso6346_check_digit_ok;
use crate::field::names::{CERTIFICATE_NUMBER, CONTAINERS, HS_CODE, ORIGIN_COUNTRY};
use crate::field::ExtractedField;
use crate::report::Source;
use crate::template::FieldType;

/// F1: the certificate number fully matches the template's pattern.
pub(crate) fn number_pattern(ctx: &Context) -> Eval {
    let t = ctx.need_template()?;
    let (f, number) = ctx.text(CERTIFICATE_NUMBER)?;
    let re = Regex::new(&t.number_pattern).map_err(|_| {
        na(
            format!(
                "the template's number pattern {:?} does not compile",
                t.number_pattern
            ),
            format!("模板的编号格式 {:?} 无效", t.number_pattern),
        )
    })?;
    // The pattern may lack anchors; the whole number must match.
    let ok = re
        .find(number)
        .is_some_and(|m| m.start() == 0 && m.end() == number.len());
    Ok(Judgement::new(
        ok,
        number,
        say(
            format!("{} (e.g. {})", t.number_pattern, t.number_example),
            format!("{}（例如 {}）", t.number_pattern, t.number_example),
        ),
    )
    .compared(vec![
        compared(Source::Certificate, CERTIFICATE_NUMBER, number),
        compared(Source::Template, "number_pattern", &t.number_pattern),
    ])
    .fields([f]))
}

/// F3: every container number has a valid ISO 6346 check digit.
pub(crate) fn container_check_digit(ctx: &Context) -> Eval {
    let (f, containers) = ctx.list(CONTAINERS)?;
    let bad: Vec<&str> = containers
        .iter()
        .map(String::as_str)
        .filter(|c| !iso6346_check_digit_ok(c))
        .collect();
    let found = if bad.is_empty() {
        containers.join(", ")
    } else {
        bad.join(", ")
    };
    Ok(Judgement::new(
        bad.is_empty(),
        found,
        say(
            "ISO 6346 numbers with a valid check digit",
            "校验位正确的 ISO 6346 箱号",
        ),
    )
    .compared(vec![compared(
        Source::Certificate,
        CONTAINERS,
        containers.join(","),
    )])
    .fields([f]))
}

/// Whether `code` lies under `heading` (or the heading under the code, when
/// the printed code is the shorter one).
pub(crate) fn hs_under(code: &str, heading: &str) -> bool {
    let heading: String = heading.chars().filter(char::is_ascii_digit).collect();
    !heading.is_empty() && (code.starts_with(&heading) || heading.starts_with(code))
}

/// F5: the HS code has an accepted length and lies under one of the
/// template's headings (headings only checked when the template is known).
pub(crate) fn hs_code(ctx: &Context, lengths: &[u32]) -> Eval {
    let (f, raw) = ctx.text(HS_CODE)?;
    let code: String = raw.chars().filter(char::is_ascii_digit).collect();
    let length_ok = code.len() == raw.len() && lengths.contains(&(code.len() as u32));
    let headings = ctx.template.map(|t| t.product.hs_headings.clone());
    let heading_ok = match &headings {
        Some(h) if !h.is_empty() => h.iter().any(|h| hs_under(&code, h)),
        _ => true,
    };
    let lengths_text = lengths
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join("/");
    let mut expected = say(
        format!("{lengths_text} digits"),
        format!("{lengths_text} 位数字"),
    );
    let mut values = vec![compared(Source::Certificate, HS_CODE, raw)];
    if let Some(h) = headings.as_ref().filter(|h| !h.is_empty()) {
        expected.en.push_str(&format!(" under {}", h.join(", ")));
        expected.zh.push_str(&format!("，属于 {}", h.join("、")));
        values.push(compared(Source::Template, "hs_headings", h.join(",")));
    }
    Ok(Judgement::new(length_ok && heading_ok, raw, expected)
        .compared(values)
        .fields([f]))
}

/// F6: every date read parses in the template's locale: a date field whose
/// raw text is there but whose normalised value is not fails.
pub(crate) fn date_format(ctx: &Context) -> Eval {
    let dates: Vec<&ExtractedField> = ctx
        .fields
        .iter()
        .filter(|f| !f.raw.trim().is_empty() && is_date_field(ctx, &f.name))
        .collect();
    if dates.is_empty() {
        return Err(na("no date was read", "未读取到日期"));
    }
    let bad: Vec<&ExtractedField> = dates
        .iter()
        .copied()
        .filter(|f| f.value.is_none())
        .collect();
    let locale = ctx
        .template
        .map(|t| {
            let l = format!("{} ({:?})", t.locale.date_format, t.locale.date_order).to_lowercase();
            say(l.clone(), l)
        })
        .unwrap_or_else(|| say("a valid date", "有效日期"));
    let found = if bad.is_empty() {
        dates
            .iter()
            .map(|f| format!("{} {}", f.name, f.raw))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        bad.iter()
            .map(|f| format!("{} {:?}", f.name, f.raw))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let values = dates
        .iter()
        .map(|f| {
            compared(
                Source::Certificate,
                &f.name,
                match &f.value {
                    Some(v) => format!("{} = {v}", f.raw),
                    None => format!("{} (?)", f.raw),
                },
            )
        })
        .collect();
    let evidence_fields = if bad.is_empty() {
        dates.clone()
    } else {
        bad.clone()
    };
    Ok(Judgement::new(bad.is_empty(), found, locale)
        .compared(values)
        .fields(evidence_fields))
}

/// Whether a field name holds a date: by the template's field or column
/// type, or by name (`…_date`) for an unknown template.
fn is_date_field(ctx: &Context, name: &str) -> bool {
    let column = super::values::item_cell(name).map(|(_, c)| c);
    match ctx.template {
        Some(t) => match column {
            Some(c) => t.items.as_ref().is_some_and(|items| {
                items
                    .columns
                    .iter()
                    .any(|col| col.name == c && col.kind == FieldType::Date)
            }),
            None => t
                .fields
                .iter()
                .any(|f| f.name == name && f.kind == FieldType::Date),
        },
        None => column.unwrap_or(name).ends_with("_date"),
    }
}

/// F7: the origin country is the template's country.
pub(crate) fn country_code(ctx: &Context) -> Eval {
    let t = ctx.need_template()?;
    let (f, country) = ctx.text(ORIGIN_COUNTRY)?;
    let ok = country.eq_ignore_ascii_case(&t.country);
    Ok(Judgement::new(ok, country, &t.country)
        .compared(vec![
            compared(Source::Certificate, ORIGIN_COUNTRY, country),
            compared(Source::Template, "country", &t.country),
        ])
        .fields([f]))
}
