//! Date rules D1–D7: order of production, issue and departure, the template
//! version's validity, establishments' listing and suspension dates.

use jiff::civil::Date;
use jiff::ToSpan;

use super::registers::establishments;
use super::{compared, join_said, na, say, Context, Eval, Judgement};
use crate::field::names::{DEPARTURE_DATE, ISSUE_DATE, PRODUCTION_DATE};
use crate::report::Source;
use crate::rules::Message;
use crate::template::KeyedOn;

/// D1: production on or before issue.
pub(crate) fn production_before_issue(ctx: &Context) -> Eval {
    let (produced_fields, produced) = ctx.production_date()?;
    let (issue_field, issued) = ctx.date(ISSUE_DATE)?;
    Ok(Judgement::new(
        produced <= issued,
        say(
            format!("production {produced}, issue {issued}"),
            format!("生产日期 {produced}，签发日期 {issued}"),
        ),
        say(
            format!("production on or before {issued}"),
            format!("生产日期不晚于 {issued}"),
        ),
    )
    .compared(vec![
        compared(Source::Certificate, PRODUCTION_DATE, produced.to_string()),
        compared(Source::Certificate, ISSUE_DATE, issued.to_string()),
    ])
    .fields(produced_fields.into_iter().chain([issue_field])))
}

/// D2: issue no later than departure plus `days` of grace.
pub(crate) fn issue_before_departure(ctx: &Context, days: u32) -> Eval {
    let (issue_field, issued) = ctx.date(ISSUE_DATE)?;
    let (departure_field, departed) = ctx.date(DEPARTURE_DATE)?;
    let latest = add_days(departed, days)?;
    Ok(Judgement::new(
        issued <= latest,
        say(
            format!("issue {issued}, departure {departed}"),
            format!("签发日期 {issued}，启运日期 {departed}"),
        ),
        say(
            format!("issue on or before {latest}"),
            format!("签发日期不晚于 {latest}"),
        ),
    )
    .compared(vec![
        compared(Source::Certificate, ISSUE_DATE, issued.to_string()),
        compared(Source::Certificate, DEPARTURE_DATE, departed.to_string()),
        compared(Source::Template, "grace_days", days.to_string()),
    ])
    .fields([issue_field, departure_field]))
}

/// D3: departure no later than `days` after issue.
pub(crate) fn departure_window(ctx: &Context, days: u32) -> Eval {
    let (issue_field, issued) = ctx.date(ISSUE_DATE)?;
    let (departure_field, departed) = ctx.date(DEPARTURE_DATE)?;
    let latest = add_days(issued, days)?;
    let gap = issued
        .until(departed)
        .map(|s| s.get_days().to_string())
        .unwrap_or_default();
    Ok(Judgement::new(
        departed <= latest,
        say(
            format!("departure {departed}, {gap} days after issue"),
            format!("启运日期 {departed}，签发后 {gap} 天"),
        ),
        say(
            format!("departure on or before {latest} ({days} days)"),
            format!("启运日期不晚于 {latest}（{days} 天）"),
        ),
    )
    .compared(vec![
        compared(Source::Certificate, ISSUE_DATE, issued.to_string()),
        compared(Source::Certificate, DEPARTURE_DATE, departed.to_string()),
        compared(Source::Template, "window_days", days.to_string()),
    ])
    .fields([issue_field, departure_field]))
}

/// A date field's name in English and Chinese, for messages.
fn date_name(name: &str) -> (&str, &str) {
    match name {
        PRODUCTION_DATE => ("production", "生产日期"),
        ISSUE_DATE => ("issue", "签发日期"),
        DEPARTURE_DATE => ("departure", "启运日期"),
        other => (other, other),
    }
}

/// `day` plus `days`, or not applicable beyond the calendar.
fn add_days(day: Date, days: u32) -> std::result::Result<Date, super::NotApplicable> {
    day.checked_add(i64::from(days).days())
        .map_err(|_| na("date out of range", "日期超出范围"))
}

/// D5: the template version is valid on its keyed date (issue or departure),
/// by the template's own window and by the register of agreed versions.
pub(crate) fn template_version(ctx: &Context) -> Eval {
    let t = ctx.need_template()?;
    let name = match t.validity.keyed_on {
        KeyedOn::IssueDate => ISSUE_DATE,
        KeyedOn::DepartureDate => DEPARTURE_DATE,
    };
    let (f, day) = ctx.date(name)?;
    let mut windows = vec![(Source::Template, t.validity.from, t.validity.to)];
    windows.extend(
        ctx.registry
            .template_versions
            .iter()
            .filter(|v| v.id == t.id && v.version == t.version)
            .map(|v| (Source::Register, v.from, v.to)),
    );
    let show = |from: Date, to: Option<Date>| match to {
        Some(to) => format!("{from} – {to}"),
        None => format!("{from} –"),
    };
    let ok = windows
        .iter()
        .all(|(_, from, to)| day >= *from && to.is_none_or(|to| day <= to));
    let mut values = vec![compared(Source::Certificate, name, day.to_string())];
    for (source, from, to) in &windows {
        values.push(compared(*source, "validity", show(*from, *to)));
    }
    let (_, from, to) = windows[windows.len() - 1];
    Ok(Judgement::new(
        ok,
        say(
            format!(
                "{} version {} on {} {day}",
                t.id,
                t.version,
                date_name(name).0
            ),
            format!("{} {} 版，{} {day}", t.id, t.version, date_name(name).1),
        ),
        say(
            format!("valid {}", show(from, to)),
            format!("有效期 {}", show(from, to)),
        ),
    )
    .compared(values)
    .fields([f]))
}

/// D6: production on or after each listed establishment's listing date.
pub(crate) fn listing_date(ctx: &Context) -> Eval {
    let (produced_fields, produced) = ctx.production_date()?;
    let (est_field, list) = establishments(ctx)?;
    let known: Vec<_> = list.iter().filter_map(|(n, e)| Some((n, (*e)?))).collect();
    if known.is_empty() {
        return Err(na(
            "no establishment of the certificate is in the register",
            "证书上的企业均不在注册名单中",
        ));
    }
    let early: Vec<Message> = known
        .iter()
        .filter(|(_, e)| produced < e.listed)
        .map(|(n, e)| {
            say(
                format!("{n} listed {}", e.listed),
                format!("{n} 于 {} 注册", e.listed),
            )
        })
        .collect();
    let mut values = vec![compared(
        Source::Certificate,
        PRODUCTION_DATE,
        produced.to_string(),
    )];
    for (n, e) in &known {
        values.push(compared(
            Source::Register,
            &format!("{n} listed"),
            e.listed.to_string(),
        ));
    }
    let expected: Vec<Message> = known
        .iter()
        .map(|(n, e)| {
            say(
                format!("{n} on or after {}", e.listed),
                format!("{n} 不早于 {}", e.listed),
            )
        })
        .collect();
    let expected = join_said(&expected, ", ", "；");
    let found = if early.is_empty() {
        say(
            format!("production {produced}"),
            format!("生产日期 {produced}"),
        )
    } else {
        let early = join_said(&early, ", ", "；");
        say(
            format!("production {produced} before {}", early.en),
            format!("生产日期 {produced} 早于 {}", early.zh),
        )
    };
    Ok(Judgement::new(early.is_empty(), found, expected)
        .compared(values)
        .fields(produced_fields.into_iter().chain([est_field])))
}

/// D7: production and departure dates outside every suspension window of
/// the listed establishments.
pub(crate) fn suspension(ctx: &Context) -> Eval {
    let production = ctx.production_date().ok();
    let departure = ctx.date(DEPARTURE_DATE).ok();
    if production.is_none() && departure.is_none() {
        return Err(na(
            "neither production nor departure date was read",
            "未读取到生产日期或启运日期",
        ));
    }
    let (est_field, list) = establishments(ctx)?;
    let known: Vec<_> = list.iter().filter_map(|(n, e)| Some((n, (*e)?))).collect();
    if known.is_empty() {
        return Err(na(
            "no establishment of the certificate is in the register",
            "证书上的企业均不在注册名单中",
        ));
    }
    let mut days = Vec::new();
    if let Some((_, d)) = &production {
        days.push((PRODUCTION_DATE, *d));
    }
    if let Some((_, d)) = &departure {
        days.push((DEPARTURE_DATE, *d));
    }
    let mut hits = Vec::new();
    let mut values: Vec<_> = days
        .iter()
        .map(|(name, d)| compared(Source::Certificate, name, d.to_string()))
        .collect();
    for (n, e) in &known {
        for w in &e.suspensions {
            let window = match w.to {
                Some(to) => format!("{} – {to}", w.from),
                None => format!("{} –", w.from),
            };
            values.push(compared(
                Source::Register,
                &format!("{n} suspended"),
                &window,
            ));
            for (name, d) in &days {
                if w.contains(*d) {
                    let (en, zh) = date_name(name);
                    hits.push(say(
                        format!("{n} suspended {window} ({en} {d})"),
                        format!("{n} 暂停 {window}（{zh} {d}）"),
                    ));
                }
            }
        }
    }
    let found = if hits.is_empty() {
        let days: Vec<Message> = days
            .iter()
            .map(|(name, d)| {
                let (en, zh) = date_name(name);
                say(format!("{en} {d}"), format!("{zh} {d}"))
            })
            .collect();
        join_said(&days, ", ", "，")
    } else {
        join_said(&hits, "; ", "；")
    };
    let mut fields: Vec<_> = production.map(|(f, _)| f).unwrap_or_default();
    fields.extend(departure.map(|(f, _)| f));
    fields.push(est_field);
    Ok(Judgement::new(
        hits.is_empty(),
        found,
        say("no suspension on these dates", "上述日期不在暂停期内"),
    )
    .compared(values)
    .fields(fields))
}
