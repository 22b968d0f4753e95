//! Consistency rules C1–C5: weights, goods-line sums, species against HS
//! code, transport mode against its identifiers, attestations printed.

use std::collections::BTreeMap;

use regex::Regex;

use super::format::hs_under;
use super::fuzzy::{best_window, fold};
use super::values::show_number;
use super::{compared, join_said, na, say, Context, Eval, Judgement};
use crate::field::names::{
    CONTAINERS, GROSS_WEIGHT, HS_CODE, NET_WEIGHT, PACKAGES, SPECIES, TRANSPORT_ID, TRANSPORT_MODE,
};
use crate::field::ExtractedField;
use crate::report::{Compared, Source};
use crate::rules::Message;

/// C1: net weight no more than gross, in total and on each goods line.
pub(crate) fn net_within_gross(ctx: &Context) -> Eval {
    let mut pairs: Vec<(Message, &ExtractedField, f64, &ExtractedField, f64)> = Vec::new();
    if let (Ok((nf, n)), Ok((gf, g))) = (ctx.number(NET_WEIGHT), ctx.number(GROSS_WEIGHT)) {
        pairs.push((say("total", "合计"), nf, n, gf, g));
    }
    let gross = ctx.item_numbers(GROSS_WEIGHT);
    for (i, nf, n) in ctx.item_numbers(NET_WEIGHT) {
        if let Some((_, gf, g)) = gross.iter().find(|(j, _, _)| *j == i) {
            pairs.push((
                say(format!("line {}", i + 1), format!("第{}行", i + 1)),
                nf,
                n,
                *gf,
                *g,
            ));
        }
    }
    if pairs.is_empty() {
        return Err(na(
            "no net and gross weight pair was read",
            "未读取到成对的净重和毛重",
        ));
    }
    let bad: Vec<&(Message, &ExtractedField, f64, &ExtractedField, f64)> =
        pairs.iter().filter(|(_, _, n, _, g)| n > g).collect();
    let show = |(what, _, n, _, g): &(Message, &ExtractedField, f64, &ExtractedField, f64)| {
        let (n, g) = (show_number(*n), show_number(*g));
        say(
            format!("{}: net {n} kg, gross {g} kg", what.en),
            format!("{}：净重 {n} 千克，毛重 {g} 千克", what.zh),
        )
    };
    let shown_pairs: Vec<Message> = if bad.is_empty() {
        pairs.iter().map(show).collect()
    } else {
        bad.iter().map(|p| show(p)).collect()
    };
    let found = join_said(&shown_pairs, "; ", "；");
    let mut values = Vec::new();
    for (_, nf, n, gf, g) in &pairs {
        values.push(compared(Source::Certificate, &nf.name, show_number(*n)));
        values.push(compared(Source::Certificate, &gf.name, show_number(*g)));
    }
    let shown = if bad.is_empty() {
        pairs.iter().collect()
    } else {
        bad.clone()
    };
    let fields = shown.iter().flat_map(|(_, nf, _, gf, _)| [*nf, *gf]);
    Ok(Judgement::new(
        bad.is_empty(),
        found,
        say("net weight <= gross weight", "净重不超过毛重"),
    )
    .compared(values)
    .fields(fields))
}

/// C2: the goods lines add up to the stated totals (net, gross, packages)
/// within `tolerance_percent` of the total.
pub(crate) fn items_sum(ctx: &Context, tolerance_percent: f64) -> Eval {
    let mut checked = Vec::new();
    let mut bad = Vec::new();
    let mut values: Vec<Compared> = Vec::new();
    let mut fields: Vec<&ExtractedField> = Vec::new();
    for column in [NET_WEIGHT, GROSS_WEIGHT, PACKAGES] {
        let lines = ctx.item_numbers(column);
        let Ok((total_field, total)) = ctx.number(column) else {
            continue;
        };
        if lines.is_empty() {
            continue;
        }
        let sum: f64 = lines.iter().map(|(_, _, n)| n).sum();
        let allowed = total.abs() * tolerance_percent / 100.0;
        let (sum_text, total_text) = (show_number(sum), show_number(total));
        let line = say(
            format!("{column}: lines {sum_text} vs total {total_text}"),
            format!(
                "{}：明细之和 {sum_text}，合计 {total_text}",
                column_zh(column)
            ),
        );
        values.push(compared(
            Source::Certificate,
            &format!("{column} lines sum"),
            show_number(sum),
        ));
        values.push(compared(Source::Certificate, column, show_number(total)));
        if (sum - total).abs() > allowed + 1e-9 {
            bad.push(line);
            fields.push(total_field);
            fields.extend(lines.iter().map(|(_, f, _)| *f));
        } else {
            checked.push(line);
        }
    }
    if checked.is_empty() && bad.is_empty() {
        return Err(na(
            "no goods lines with a stated total were read",
            "未读取到带合计的货物明细",
        ));
    }
    values.push(compared(
        Source::Template,
        "tolerance_percent",
        show_number(tolerance_percent),
    ));
    let found = join_said(if bad.is_empty() { &checked } else { &bad }, "; ", "；");
    let tolerance = show_number(tolerance_percent);
    Ok(Judgement::new(
        bad.is_empty(),
        found,
        say(
            format!("lines sum to the total within {tolerance}%"),
            format!("明细之和与合计相差不超过 {tolerance}%"),
        ),
    )
    .compared(values)
    .fields(fields))
}

/// A goods column's name in Chinese, for C2's message.
fn column_zh(column: &str) -> &str {
    match column {
        NET_WEIGHT => "净重",
        GROSS_WEIGHT => "毛重",
        PACKAGES => "件数",
        other => other,
    }
}

/// C3: the species agrees with the HS code (by the rule's species →
/// headings map) and with the certificate's product (the template's HS
/// headings).
pub(crate) fn species_hs(ctx: &Context, headings: &BTreeMap<String, Vec<String>>) -> Eval {
    // The species: read from the certificate, else the template's.
    let field = ctx.text(SPECIES).ok();
    let species = field
        .map(|(_, s)| s.to_string())
        .or_else(|| ctx.template.and_then(|t| t.product.species.clone()))
        .ok_or_else(|| na("no species on this certificate", "本证书无物种信息"))?;
    let lower = species.to_lowercase();
    let (word, allowed) = headings
        .iter()
        .filter(|(word, _)| lower.contains(&word.to_lowercase()))
        // "bovine" also contains "ovine": the longest word wins.
        .max_by_key(|(word, _)| word.len())
        .ok_or_else(|| {
            na(
                format!("species {species:?} is not in the rule's map"),
                format!("物种 {species:?} 不在规则对照表中"),
            )
        })?;
    let (hs_field, code) = ctx.text(HS_CODE)?;
    let code: String = code.chars().filter(char::is_ascii_digit).collect();
    let product = ctx
        .template
        .map(|t| &t.product.hs_headings)
        .filter(|h| !h.is_empty());
    // A code outside the certificate's own headings is also F5's finding;
    // when it is outside the species' headings too, the goods are described
    // two ways (bovine under a pork heading), which is C3's finding as well.
    let hs_ok = allowed.iter().any(|h| hs_under(&code, h));
    let product_ok = product.is_none_or(|p| {
        allowed
            .iter()
            .any(|a| p.iter().any(|h| hs_under(a, h) || hs_under(h, a)))
    });
    let mut values = vec![
        compared(Source::Certificate, SPECIES, &species),
        compared(Source::Certificate, HS_CODE, &code),
        compared(
            Source::Template,
            &format!("headings for {word}"),
            allowed.join(","),
        ),
    ];
    if let Some(p) = product {
        values.push(compared(Source::Template, "hs_headings", p.join(",")));
    }
    let mut found = say(
        format!("{species} with HS {code}"),
        format!("{species}，HS {code}"),
    );
    if !product_ok {
        found.en.push_str(" on a certificate for other goods");
        found.zh.push_str("，但证书所列为其他货物");
    }
    let mut fields = vec![hs_field];
    fields.extend(field.map(|(f, _)| f));
    Ok(Judgement::new(
        hs_ok && product_ok,
        found,
        say(
            format!("{word} under HS {}", allowed.join("/")),
            format!("{word} 应归入 HS {}", allowed.join("/")),
        ),
    )
    .compared(values)
    .fields(fields))
}

/// The transport modes C4 tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Sea,
    Air,
    Other,
}

/// The mode a transport_mode value names, in the languages of the forms.
fn mode_of(text: &str) -> Mode {
    let t = fold(text);
    let any = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if any(&["sea", "vessel", "ship", "mar", "mer", "see", "zee", "海"]) {
        Mode::Sea
    } else if any(&[
        "air", "flight", "aer", "aér", "avion", "flug", "luft", "lucht", "fly", "空",
    ]) {
        Mode::Air
    } else {
        Mode::Other
    }
}

/// C4: sea transport has containers and a vessel name; air transport a
/// flight number matching `flight_pattern`.
pub(crate) fn transport_mode(ctx: &Context, flight_pattern: &str) -> Eval {
    let (mode_field, mode_text) = ctx.text(TRANSPORT_MODE)?;
    let mode = mode_of(mode_text);
    if mode == Mode::Other {
        return Err(na(
            format!("no identifier rule for transport by {mode_text}"),
            format!("运输方式 {mode_text} 无标识规则"),
        ));
    }
    let transport_id = ctx.text(TRANSPORT_ID).ok();
    let id = transport_id.map(|(_, v)| v).unwrap_or("");
    let flight = Regex::new(flight_pattern).map_err(|_| {
        na(
            format!("the flight pattern {flight_pattern:?} does not compile"),
            format!("航班号格式 {flight_pattern:?} 无效"),
        )
    })?;
    // A full stop or comma after the number is a speck on the scan (`EK 177.`).
    let is_flight = !id.is_empty() && flight.is_match(id.trim().trim_end_matches(['.', ',']));
    let mut values = vec![
        compared(Source::Certificate, TRANSPORT_MODE, mode_text),
        compared(Source::Certificate, TRANSPORT_ID, id),
    ];
    let mut fields = vec![mode_field];
    fields.extend(transport_id.map(|(f, _)| f));
    let (ok, found, expected) = match mode {
        Mode::Sea => {
            let containers = ctx.list(CONTAINERS).ok();
            if let Some((f, list)) = &containers {
                values.push(compared(Source::Certificate, CONTAINERS, list.join(",")));
                fields.push(f);
            }
            // A vessel name has a word of three letters or more and is no flight number.
            let vessel = !is_flight
                && id
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| w.chars().count() >= 3);
            let mut missing = Vec::new();
            if containers.is_none() {
                missing.push(say("no container", "无集装箱"));
            }
            if !vessel {
                missing.push(say("no vessel", "无船名"));
            }
            let found = if missing.is_empty() {
                say(format!("sea, {id}"), format!("海运，{id}"))
            } else {
                let missing = join_said(&missing, ", ", "、");
                say(
                    format!("sea, {}", missing.en),
                    format!("海运，{}", missing.zh),
                )
            };
            (
                missing.is_empty(),
                found,
                say("containers and a vessel name", "集装箱和船名"),
            )
        }
        Mode::Air | Mode::Other => {
            let found = if is_flight {
                say(format!("air, flight {id}"), format!("空运，航班 {id}"))
            } else if id.is_empty() {
                say("air, no flight number", "空运，无航班号")
            } else {
                say(
                    format!("air, {id} is no flight number"),
                    format!("空运，{id} 不是航班号"),
                )
            };
            (
                is_flight,
                found,
                say(
                    format!("a flight number ({flight_pattern})"),
                    format!("航班号（{flight_pattern}）"),
                ),
            )
        }
    };
    Ok(Judgement::new(ok, found, expected)
        .compared(values)
        .fields(fields))
}

/// C5: every required attestation of the template is printed: its best
/// window in the joined page text reaches `min_similarity`.
pub(crate) fn attestations(ctx: &Context, min_similarity: f64) -> Eval {
    let t = ctx.need_template()?;
    let required: Vec<_> = t.attestations.iter().filter(|a| a.required).collect();
    if required.is_empty() {
        return Err(na("the template requires no attestation", "模板无必备声明"));
    }
    let text: String = ctx.pages.iter().map(|p| fold(&p.plain_text())).collect();
    if text.is_empty() {
        return Err(na("no text was read", "未识别到文字"));
    }
    let mut values = Vec::new();
    let mut missing = Vec::new();
    for a in &required {
        let score = best_window(&fold(&a.text), &text);
        values.push(compared(Source::Certificate, &a.id, format!("{score:.2}")));
        if score < min_similarity {
            missing.push(format!("{} ({score:.2})", a.id));
        }
    }
    values.push(compared(
        Source::Template,
        "min_similarity",
        show_number(min_similarity),
    ));
    let found = if missing.is_empty() {
        say(
            format!("{} attestations found", required.len()),
            format!("已找到 {} 项声明", required.len()),
        )
    } else {
        say(
            format!("missing {}", missing.join(", ")),
            format!("缺少 {}", missing.join("、")),
        )
    };
    let ids: Vec<&str> = required.iter().map(|a| a.id.as_str()).collect();
    Ok(Judgement::new(missing.is_empty(), found, ids.join(", ")).compared(values))
}
