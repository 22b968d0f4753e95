//! Declaration rules M1–M6: the certificate against the importer's customs
//! declaration (consignee, containers, seals, net weight, packages, origin,
//! port of loading and HS code).

use std::collections::BTreeSet;

use super::fuzzy::{best_window, compact, company, edge_slip, fold, glyphs, similarity};
use super::values::show_number;
use super::{compared, join_said, na, say, Context, Eval, Judgement};
use crate::field::names::{
    CONSIGNEE, CONTAINERS, HS_CODE, NET_WEIGHT, ORIGIN_COUNTRY, PACKAGES, PORT_OF_LOADING, SEALS,
};
use crate::report::{Compared, Source};
use crate::rules::Message;

/// "the declaration has no X".
fn undeclared(what: &str) -> super::NotApplicable {
    na(
        format!("the declaration gives no {what}"),
        format!("报关单未填写 {what}"),
    )
}

/// M1: the consignee's name equals the declaration's after normalisation
/// (upper case, no punctuation, no legal-form words), fuzzy. The certificate
/// often prints the address after the name, so the declared name may match
/// the start of the certificate's text.
pub(crate) fn consignee(ctx: &Context, min_similarity: f64) -> Eval {
    let d = ctx.need_declaration()?;
    let declared = d
        .consignee
        .as_deref()
        .ok_or_else(|| undeclared(CONSIGNEE))?;
    let (f, printed) = ctx.text(CONSIGNEE)?;
    let (a, b) = (company(declared), company(printed));
    let whole = similarity(&a, &b);
    let inside = best_window(&fold(&a), &fold(&b));
    let score = whole.max(inside);
    Ok(Judgement::new(
        score >= min_similarity,
        say(
            format!("{printed} (similarity {score:.2})"),
            format!("{printed}（相似度 {score:.2}）"),
        ),
        declared,
    )
    .compared(vec![
        compared(Source::Certificate, CONSIGNEE, printed),
        compared(Source::Declaration, CONSIGNEE, declared),
        compared(Source::Template, "similarity", format!("{score:.2}")),
    ])
    .fields([f]))
}

/// M2: the set of containers equals the declaration's.
pub(crate) fn container_set(ctx: &Context) -> Eval {
    let d = ctx.need_declaration()?;
    if d.containers.is_empty() {
        return Err(undeclared(CONTAINERS));
    }
    let (f, list) = ctx.list(CONTAINERS)?;
    let cert: BTreeSet<String> = list.iter().map(|c| compact(c)).collect();
    let decl: BTreeSet<String> = d.containers.iter().map(|c| compact(&c.number)).collect();
    let join = |s: &BTreeSet<String>| s.iter().cloned().collect::<Vec<_>>().join(",");
    let mut found = say(join(&cert), join(&cert));
    let only_cert: Vec<&String> = cert.difference(&decl).collect();
    let only_decl: Vec<&String> = decl.difference(&cert).collect();
    if !only_cert.is_empty() || !only_decl.is_empty() {
        let (a, b) = (list_or_none(&only_cert), list_or_none(&only_decl));
        found = say(
            format!(
                "{} (not declared: {}; declared only: {})",
                found.en, a.en, b.en
            ),
            format!("{}（未申报：{}；仅申报：{}）", found.zh, a.zh, b.zh),
        );
    }
    Ok(Judgement::new(cert == decl, found, join(&decl))
        .compared(vec![
            compared(Source::Certificate, CONTAINERS, join(&cert)),
            compared(Source::Declaration, CONTAINERS, join(&decl)),
        ])
        .fields([f]))
}

/// The items joined with commas, or "none" in either language.
fn list_or_none(items: &[&String]) -> Message {
    if items.is_empty() {
        say("none", "无")
    } else {
        let list = items
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(",");
        say(list.clone(), list)
    }
}

/// M3: each declared container's seal is the certificate's seal for that
/// container (seals pair with containers in printed order; with a single
/// container or unequal counts, any certificate seal counts). Seals compare
/// with look-alike glyphs folded (`fuzzy::glyphs`) and one glyph slipped
/// at an end forgiven (`fuzzy::edge_slip`): a seal "O6152866" read as
/// "06152866" or "F06152866" agrees, a transposition of two digits does not.
pub(crate) fn seals(ctx: &Context) -> Eval {
    let d = ctx.need_declaration()?;
    let declared: Vec<(String, String)> = d
        .containers
        .iter()
        .filter_map(|c| Some((compact(&c.number), compact(c.seal.as_deref()?))))
        .collect();
    if declared.is_empty() {
        return Err(undeclared(SEALS));
    }
    let (sf, seals) = ctx.list(SEALS)?;
    let seals: Vec<String> = seals.iter().map(|s| compact(s)).collect();
    let containers: Vec<String> = ctx
        .list(CONTAINERS)
        .map(|(_, l)| l.iter().map(|c| compact(c)).collect())
        .unwrap_or_default();
    let paired = containers.len() == seals.len() && containers.len() > 1;
    let mut values: Vec<Compared> = Vec::new();
    let mut wrong = Vec::new();
    for (container, seal) in &declared {
        // A declared container missing from the certificate is M2's finding.
        if paired && !containers.contains(container) {
            continue;
        }
        let on_certificate: Vec<&String> = if paired {
            containers
                .iter()
                .zip(&seals)
                .filter(|(c, _)| *c == container)
                .map(|(_, s)| s)
                .collect()
        } else {
            seals.iter().collect()
        };
        values.push(compared(
            Source::Certificate,
            &format!("seal {container}"),
            on_certificate
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(","),
        ));
        values.push(compared(
            Source::Declaration,
            &format!("seal {container}"),
            seal,
        ));
        // Letters and digits OCR confuses (O and 0) count as the same, and
        // so does one glyph slipped at an end. Unpaired, a seal may also
        // have been split by a comma OCR saw inside it ("SL,A3973484").
        let typed = glyphs(seal);
        let agrees = on_certificate.iter().any(|s| edge_slip(&glyphs(s), &typed))
            || (!paired && glyphs(&seals.concat()).contains(&typed));
        if !agrees {
            let printed = list_or_none(&on_certificate);
            wrong.push(say(
                format!("{container}: {} vs {seal}", printed.en),
                format!("{container}：证书 {}，申报 {seal}", printed.zh),
            ));
        }
    }
    let found = if wrong.is_empty() {
        say(seals.join(","), seals.join(","))
    } else {
        join_said(&wrong, "; ", "；")
    };
    let expected = declared
        .iter()
        .map(|(c, s)| format!("{c}: {s}"))
        .collect::<Vec<_>>()
        .join("; ");
    Ok(Judgement::new(wrong.is_empty(), found, expected)
        .compared(values)
        .fields([sf]))
}

/// M4: the declared net weight is within `percent` of the certificate's, or
/// within `kg` kilograms.
pub(crate) fn net_weight(ctx: &Context, percent: f64, kg: f64) -> Eval {
    let d = ctx.need_declaration()?;
    let declared = d.net_weight_kg.ok_or_else(|| undeclared(NET_WEIGHT))?;
    let (f, cert) = ctx.number(NET_WEIGHT)?;
    let diff = (declared - cert).abs();
    let ok = diff <= cert.abs() * percent / 100.0 + 1e-9 || diff <= kg + 1e-9;
    Ok(Judgement::new(
        ok,
        say(
            format!(
                "{} kg on the certificate, {} kg declared",
                show_number(cert),
                show_number(declared)
            ),
            format!(
                "证书 {} 千克，申报 {} 千克",
                show_number(cert),
                show_number(declared)
            ),
        ),
        say(
            format!("{}% or {} kg", show_number(percent), show_number(kg)),
            format!("{}% 或 {} 千克", show_number(percent), show_number(kg)),
        ),
    )
    .compared(vec![
        compared(Source::Certificate, NET_WEIGHT, show_number(cert)),
        compared(Source::Declaration, NET_WEIGHT, show_number(declared)),
    ])
    .fields([f]))
}

/// M5: the declared package count is no more than the certificate's.
pub(crate) fn package_count(ctx: &Context) -> Eval {
    let d = ctx.need_declaration()?;
    let declared = d.packages.ok_or_else(|| undeclared(PACKAGES))?;
    let (f, cert) = ctx.number(PACKAGES)?;
    Ok(Judgement::new(
        declared as f64 <= cert,
        say(
            format!(
                "{} on the certificate, {declared} declared",
                show_number(cert)
            ),
            format!("证书 {} 件，申报 {declared} 件", show_number(cert)),
        ),
        say(
            format!("at most {} declared", show_number(cert)),
            format!("申报不超过 {} 件", show_number(cert)),
        ),
    )
    .compared(vec![
        compared(Source::Certificate, PACKAGES, show_number(cert)),
        compared(Source::Declaration, PACKAGES, declared.to_string()),
    ])
    .fields([f]))
}

/// M6: origin country, port of loading and HS code (its first `hs_digits`
/// digits) equal the declaration's; each pair is compared when both sides
/// are there.
pub(crate) fn origin_port_hs(ctx: &Context, hs_digits: u32) -> Eval {
    let d = ctx.need_declaration()?;
    let mut values = Vec::new();
    let mut fields = Vec::new();
    let mut differ = Vec::new();
    let mut same = Vec::new();

    // Origin: ISO codes, case-insensitive.
    if let (Some(decl), Ok((f, cert))) = (&d.origin_country, ctx.text(ORIGIN_COUNTRY)) {
        record(&mut values, ORIGIN_COUNTRY, cert, decl);
        fields.push(f);
        let line = say(
            format!("origin {cert} vs {decl}"),
            format!("原产国 {cert}，申报 {decl}"),
        );
        if cert.eq_ignore_ascii_case(decl.trim()) {
            same.push(line);
        } else {
            differ.push(line);
        }
    }

    // Port: folded, one may name the country too ("SANTOS, BRAZIL").
    if let (Some(decl), Ok((f, cert))) = (&d.port_of_loading, ctx.text(PORT_OF_LOADING)) {
        record(&mut values, PORT_OF_LOADING, cert, decl);
        fields.push(f);
        let line = say(
            format!("port {cert} vs {decl}"),
            format!("装运港 {cert}，申报 {decl}"),
        );
        if same_port(cert, decl) {
            same.push(line);
        } else {
            differ.push(line);
        }
    }

    // HS code: the first digits both sides have, up to hs_digits.
    if let (Some(decl), Ok((f, cert))) = (&d.hs_code, ctx.text(HS_CODE)) {
        let a: String = cert.chars().filter(char::is_ascii_digit).collect();
        let b: String = decl.chars().filter(char::is_ascii_digit).collect();
        let n = (hs_digits as usize).min(a.len()).min(b.len());
        record(&mut values, HS_CODE, &a, &b);
        fields.push(f);
        let line = say(format!("HS {a} vs {b}"), format!("HS {a}，申报 {b}"));
        if n >= 4 && a[..n] == b[..n] {
            same.push(line);
        } else {
            differ.push(line);
        }
    }

    if same.is_empty() && differ.is_empty() {
        return Err(na(
            "neither origin, port of loading nor HS code can be compared",
            "原产国、装运港和 HS 编码均无法比对",
        ));
    }
    let found = join_said(if differ.is_empty() { &same } else { &differ }, "; ", "；");
    Ok(Judgement::new(
        differ.is_empty(),
        found,
        say(
            "the declared origin, port of loading and HS code",
            "与申报的原产国、装运港和 HS 编码一致",
        ),
    )
    .compared(values)
    .fields(fields))
}

/// Whether two port names are the same port: folded, one inside the other
/// ("SANTOS, BRAZIL" and "Santos"), allowing one OCR slip in a name of six
/// letters or more (`ME. LBOURNF.` for MELBOURNE); two ports' names differ
/// by more than that.
fn same_port(cert: &str, decl: &str) -> bool {
    let (a, b) = (fold(cert), fold(decl));
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    let n = short.chars().count();
    if n == 0 {
        return false;
    }
    if long.contains(&short) {
        return true;
    }
    // One edit in n characters leaves a best window of 1 - 1/n.
    n >= 6 && best_window(&short, &long) >= 1.0 - 1.0 / n as f64 - 1e-9
}

fn record(values: &mut Vec<Compared>, name: &str, cert: &str, decl: &str) {
    values.push(compared(Source::Certificate, name, cert));
    values.push(compared(Source::Declaration, name, decl));
}
