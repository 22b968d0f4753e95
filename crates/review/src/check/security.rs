//! Security rules S1–S4: stamp and signature (a later release), the QR
//! record against the printed fields, alteration artefacts.

use std::collections::BTreeSet;

use super::fuzzy::compact;
use super::{compared, join_said, na, say, Context, Eval, Judgement};
use crate::field::names::{CERTIFICATE_NUMBER, CONTAINERS, ISSUE_DATE, NET_WEIGHT};
use crate::inspect::ECertPayload;
use crate::report::{Evidence, Source};

/// S1, S2: stamps and signatures are compared with the specimens in a later release.
pub(crate) fn later_release() -> Eval {
    Err(na("compared in a later release", "将在后续版本中比对"))
}

/// Kilograms by which the QR record's net weight may differ from the
/// printed one (rounding to whole kilograms in some records).
const WEIGHT_SLACK_KG: f64 = 0.5;

/// S3: the electronic record in the QR code agrees with the printed
/// certificate number, issue date, net weight and containers. A template
/// with a QR zone whose code was not found or not read fails.
pub(crate) fn qr_record(ctx: &Context) -> Eval {
    let expects_qr = ctx.template.is_some_and(|t| t.security.qr.is_some());
    let read = ctx
        .inspection
        .qr_codes
        .iter()
        .find_map(|q| Some((q, ECertPayload::decode(&q.text)?)));
    let Some((qr, payload)) = read else {
        if !expects_qr {
            return Err(na(
                "no QR code expected and none found",
                "无需二维码，也未发现二维码",
            ));
        }
        let found = match ctx.inspection.qr_codes.first() {
            Some(q) => say(
                format!("a QR code that is no e-certificate record ({:?})", q.text),
                format!("二维码不是电子证书记录（{:?}）", q.text),
            ),
            None => say("no QR code read", "未读取到二维码"),
        };
        return Ok(Judgement::new(
            false,
            found,
            say("a readable e-certificate QR code", "可读取的电子证书二维码"),
        ));
    };

    // Each printed value against the record.
    let mut values = Vec::new();
    let mut differ = Vec::new();
    let mut fields = Vec::new();
    let mut pair = |name: &str, printed: Option<String>, record: &str, same: bool| {
        values.push(compared(
            Source::Certificate,
            name,
            printed.clone().unwrap_or_default(),
        ));
        values.push(compared(Source::Register, &format!("qr {name}"), record));
        if printed.is_some() && !same {
            let printed = printed.unwrap_or_default();
            differ.push(say(
                format!("{name} {printed} vs {record}"),
                format!("{name} 证书 {printed}，二维码 {record}"),
            ));
        }
    };
    let number = ctx.text(CERTIFICATE_NUMBER).ok();
    pair(
        CERTIFICATE_NUMBER,
        number.map(|(_, v)| v.to_string()),
        &payload.number,
        number.is_some_and(|(_, v)| compact(v) == compact(&payload.number)),
    );
    let issue = ctx.text(ISSUE_DATE).ok();
    pair(
        ISSUE_DATE,
        issue.map(|(_, v)| v.to_string()),
        &payload.issue_date,
        issue.is_some_and(|(_, v)| v == payload.issue_date.trim()),
    );
    let net = ctx.number(NET_WEIGHT).ok();
    let record_net = payload.net_weight.trim().parse::<f64>().ok();
    pair(
        NET_WEIGHT,
        net.map(|(_, v)| super::values::show_number(v)),
        &payload.net_weight,
        matches!((net, record_net), (Some((_, a)), Some(b)) if (a - b).abs() <= WEIGHT_SLACK_KG),
    );
    let containers = ctx.list(CONTAINERS).ok();
    let set = |items: &mut dyn Iterator<Item = &str>| -> BTreeSet<String> {
        items.map(compact).filter(|s| !s.is_empty()).collect()
    };
    let record_set = set(&mut payload.containers.split(','));
    if containers.is_some() || !record_set.is_empty() {
        let printed_set = containers
            .as_ref()
            .map(|(_, l)| set(&mut l.iter().map(String::as_str)))
            .unwrap_or_default();
        pair(
            CONTAINERS,
            Some(printed_set.iter().cloned().collect::<Vec<_>>().join(",")),
            &payload.containers,
            printed_set == record_set,
        );
    }
    fields.extend(number.map(|(f, _)| f));
    fields.extend(issue.map(|(f, _)| f));
    fields.extend(net.map(|(f, _)| f));
    fields.extend(containers.as_ref().map(|(f, _)| *f));

    let found = if differ.is_empty() {
        say(
            format!("record {} agrees", payload.number),
            format!("记录 {} 一致", payload.number),
        )
    } else {
        join_said(&differ, "; ", "；")
    };
    Ok(Judgement::new(
        differ.is_empty(),
        found,
        say("the QR record's values", "二维码记录中的数值"),
    )
    .compared(values)
    .evidence(vec![Evidence {
        page: qr.page,
        quad: qr.quad,
    }])
    .fields(fields))
}

/// S4: no alteration artefact was seen (white patch, font change, copy mark).
pub(crate) fn alteration(ctx: &Context) -> Eval {
    let seen = &ctx.inspection.alterations;
    let describe = |a: &crate::inspect::Alteration| {
        let (kind, kind_zh) = match a.kind {
            crate::inspect::AlterationKind::WhitePatch => ("white patch", "白色覆盖块"),
            crate::inspect::AlterationKind::FontChange => ("font change", "字体变化"),
            crate::inspect::AlterationKind::CopyMark => ("copy mark", "复印痕迹"),
        };
        match &a.field {
            Some(f) => say(
                format!("{kind} in {f} (page {})", a.page),
                format!("第 {} 页 {f}：{kind_zh}", a.page),
            ),
            None => say(
                format!("{kind} (page {})", a.page),
                format!("第 {} 页：{kind_zh}", a.page),
            ),
        }
    };
    let described: Vec<_> = seen.iter().map(describe).collect();
    let found = if seen.is_empty() {
        say("no alteration seen", "未见涂改")
    } else {
        join_said(&described, "; ", "；")
    };
    let values = seen
        .iter()
        .zip(&described)
        .map(|(a, d)| {
            compared(
                Source::Certificate,
                a.field.as_deref().unwrap_or("page"),
                d.en.clone(),
            )
        })
        .collect();
    let evidence = seen
        .iter()
        .map(|a| Evidence {
            page: a.page,
            quad: a.quad,
        })
        .collect();
    Ok(
        Judgement::new(seen.is_empty(), found, say("no alteration", "无涂改"))
            .compared(values)
            .evidence(evidence),
    )
}
